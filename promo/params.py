"""Whole numbers and days taken from a URL, a query string or a form, checked before anything
uses them.

A number no row can have (an id past 64 bits, a month in the year 10^17) is answered as "no such
thing" here, rather than reaching the database, where SQLite raises OverflowError, or date
arithmetic, where Python does.
"""

from datetime import date

ID_MAX = 2**63 - 1  # the largest value of a 64-bit integer primary key
_DIGITS_MAX = len(str(ID_MAX))


def parse_int(raw: str | None, *, low: int, high: int) -> int | None:
    """`raw` as an int within low..high (both included), or None. ASCII digits only, with an
    optional leading minus: "²" and "٣" are digits to str.isdigit(), not to us."""
    if not raw:
        return None
    digits = raw[1:] if raw.startswith("-") else raw
    if not (digits.isascii() and digits.isdecimal()) or len(digits) > _DIGITS_MAX:
        return None
    value = int(raw)
    return value if low <= value <= high else None


def parse_id(raw: str | None) -> int | None:
    """A primary key from a query string, or None."""
    return parse_int(raw, low=1, high=ID_MAX)


def parse_day(raw: str | None) -> date | None:
    """An ISO day (2026-11-26), or None for anything else."""
    try:
        return date.fromisoformat(raw) if raw and len(raw) == 10 else None
    except ValueError:
        return None


class IdConverter:
    """`<id:pk>` in URL patterns: a primary key, or no match (404) when it cannot be one."""

    regex = f"[0-9]{{1,{_DIGITS_MAX}}}"

    def to_python(self, value: str) -> int:
        found = parse_id(value)
        if found is None:
            raise ValueError(value)  # the URL does not match: Django answers 404
        return found

    def to_url(self, value: int) -> str:
        return str(value)
