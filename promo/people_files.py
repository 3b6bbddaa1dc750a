"""Reading and writing people and reporting lines as CSV, the columns an HR export has.

    email,first_name,last_name,title,team,level,target_level,manager_email,mentor_emails,forge_username
    priya@example.com,Priya,Raman,,Payments,Senior Engineer,Staff Engineer,sam@example.com,,priya-r

Only `email` is required. `name` may stand for `first_name` and `last_name` (split at the first
space); headers are matched without regard to case, spaces or dashes. Levels are named as the
ladder names them (or by slug). Several mentors are separated by ";". An empty cell means
"none": no manager, no team, no target level. A column left out of the file is left alone.

`parse()` checks the file's shape and each cell's form before anything looks at the database;
every problem names the line and the column, in words. Pure Python: no database access here.
The file is read in time linear in its length: at most TEXT_MAX characters and ROWS_MAX rows.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from promo.models import FORGE_USERNAME_MAX

TEXT_MAX = 2_000_000  # characters: 10,000 people at 200 characters each
ROWS_MAX = 10_000
NAME_MAX = 150  # Django's first_name and last_name
TITLE_MAX = 120
TEAM_MAX = 120
EMAIL_MAX = 254
MENTORS_MAX = 10
FORGE_KEY = "forge:"  # forge usernames share first_line with e-mails; this keeps them apart

COLUMNS = (
    "email",
    "first_name",
    "last_name",
    "title",
    "team",
    "level",
    "target_level",
    "manager_email",
    "mentor_emails",
    "forge_username",  # on the organisation's GitHub, GitLab or Gitea (evidence.forges)
)
ALIASES = {  # how HR exports also name the columns (after lower case, spaces and dashes to _)
    "e_mail": "email",
    "email_address": "email",
    "full_name": "name",
    "manager": "manager_email",
    "mentors": "mentor_emails",
}

TOO_LONG = "the file is {length:,} characters; the limit is {limit:,}"
TOO_MANY = "the file has {count:,} people; the limit is {limit:,} in one import"
NO_EMAIL_COLUMN = "line 1: there is no “email” column; it is the one column every file needs"
UNKNOWN_COLUMN = "line 1: “{name}” is not a column Promo knows; the columns are {known}"
TWICE_COLUMN = "line 1: the column “{name}” appears twice"
NOT_CSV = "line {line}: this is not readable CSV ({problem})"
NOT_UTF8 = "the file is not UTF-8 text; save it as “CSV UTF-8” and try again"
EMPTY = "the file has a header but no people"
BAD_EMAIL = "line {line}, {column}: “{value}” is not an e-mail address"
CELL_TOO_LONG = "line {line}, {column}: {length} characters; the limit is {limit}"
SAME_EMAIL = "line {line}, email: {email} is also on line {first}; each person once"
SAME_FORGE_USERNAME = (
    "line {line}, forge_username: {name} is also on line {first}; each forge username once"
)
EXTRA_CELLS = "line {line}: {count} cells, more than the {columns} columns in the header"
TOO_MANY_MENTORS = "line {line}, mentor_emails: {count} mentors; the limit is {limit}"


class PeopleFileError(ValueError):
    """The file cannot be read at all; one sentence says why."""


@dataclass(frozen=True)
class Row:
    """One person as the file describes them. None: the file has no such column (leave it);
    "" or (): the file says "none"."""

    line: int
    email: str
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    team: str | None = None
    level: str | None = None
    target_level: str | None = None
    manager_email: str | None = None
    mentor_emails: tuple[str, ...] | None = None
    forge_username: str | None = None


@dataclass(frozen=True)
class Parsed:
    rows: list[Row]
    errors: list[str]  # by line and column, in file order
    columns: frozenset[str]  # the columns the file has (name counts as first and last name)


def _key(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _email(value: str) -> str:
    return value.strip().lower()


def _valid_email(value: str) -> bool:
    if len(value) > EMAIL_MAX:
        return False
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def parse(text: str) -> Parsed:
    """The rows of a people file, and every problem with its form."""
    if len(text) > TEXT_MAX:
        raise PeopleFileError(TOO_LONG.format(length=len(text), limit=TEXT_MAX))
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)  # Excel's BOM off
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise PeopleFileError(NO_EMAIL_COLUMN)
        keys: list[str] = []
        for cell in header:
            key = ALIASES.get(_key(cell), _key(cell))
            if key not in (*COLUMNS, "name"):
                raise PeopleFileError(
                    UNKNOWN_COLUMN.format(name=cell.strip(), known=", ".join(COLUMNS))
                )
            if key in keys:
                raise PeopleFileError(TWICE_COLUMN.format(name=cell.strip()))
            keys.append(key)
        if "email" not in keys:
            raise PeopleFileError(NO_EMAIL_COLUMN)
        rows: list[Row] = []
        errors: list[str] = []
        first_line: dict[str, int] = {}
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # a blank line
            if len(rows) >= ROWS_MAX:
                raise PeopleFileError(TOO_MANY.format(count=len(rows) + 1, limit=ROWS_MAX))
            if len(cells) > len(keys):
                errors.append(EXTRA_CELLS.format(line=line, count=len(cells), columns=len(keys)))
                continue
            row, problems = _row(line, dict(zip(keys, cells, strict=False)), first_line)
            errors += problems
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        raise PeopleFileError(NOT_CSV.format(line=reader.line_num, problem=exc)) from None
    if not rows and not errors:
        raise PeopleFileError(EMPTY)
    columns = set(keys) - {"name"} | ({"first_name", "last_name"} if "name" in keys else set())
    return Parsed(rows=rows, errors=errors, columns=frozenset(columns))


def _row(
    line: int, cells: dict[str, str], first_line: dict[str, int]
) -> tuple[Row | None, list[str]]:
    problems: list[str] = []
    values = {key: _uncell(value.strip()) for key, value in cells.items()}
    limits = {
        "first_name": NAME_MAX,
        "last_name": NAME_MAX,
        "name": 2 * NAME_MAX + 1,
        "title": TITLE_MAX,
        "team": TEAM_MAX,
        "level": 120,
        "target_level": 120,
        "mentor_emails": MENTORS_MAX * (EMAIL_MAX + 1),
        "forge_username": FORGE_USERNAME_MAX,
    }
    for column, limit in limits.items():
        if len(values.get(column, "")) > limit:
            length = len(values[column])
            problems.append(
                CELL_TOO_LONG.format(line=line, column=column, length=length, limit=limit)
            )
    email = _email(values["email"])
    if not _valid_email(email):
        problems.append(
            BAD_EMAIL.format(line=line, column="email", value=values["email"] or "(empty)")
        )
    elif email in first_line:
        problems.append(SAME_EMAIL.format(line=line, email=email, first=first_line[email]))
    else:
        first_line[email] = line
    manager = values.get("manager_email")
    if manager:
        manager = _email(manager)
        if not _valid_email(manager):
            problems.append(BAD_EMAIL.format(line=line, column="manager_email", value=manager))
    mentors: tuple[str, ...] | None = None
    if "mentor_emails" in values:
        mentors = tuple(
            dict.fromkeys(_email(m) for m in values["mentor_emails"].split(";") if m.strip())
        )
        if len(mentors) > MENTORS_MAX:
            problems.append(
                TOO_MANY_MENTORS.format(line=line, count=len(mentors), limit=MENTORS_MAX)
            )
        for mentor in mentors:
            if not _valid_email(mentor):
                problems.append(BAD_EMAIL.format(line=line, column="mentor_emails", value=mentor))
    forge_username = values.get("forge_username")
    if forge_username:
        first_line.setdefault(FORGE_KEY + forge_username.lower(), line)
        seen = first_line[FORGE_KEY + forge_username.lower()]
        if seen != line:
            problems.append(SAME_FORGE_USERNAME.format(line=line, name=forge_username, first=seen))
    first, last = values.get("first_name"), values.get("last_name")
    if "name" in values:
        first, _, last = values["name"].partition(" ")
        first, last = first.strip(), last.strip()
    if problems:
        return None, problems
    return (
        Row(
            line=line,
            email=email,
            first_name=first,
            last_name=last,
            title=values.get("title"),
            team=values.get("team"),
            level=values.get("level"),
            target_level=values.get("target_level"),
            manager_email=manager,
            mentor_emails=mentors,
            forge_username=forge_username,
        ),
        [],
    )


def write(rows: list[dict[str, str]]) -> str:
    """A people file with every column, one line per person (the export; `parse` reads it back)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _cell(row.get(column, "")) for column in COLUMNS})
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: such a value is written after a
    quote mark, as text; `_uncell` takes the mark off again on import."""
    return f"'{value}" if value[:1] in FORMULA_STARTS else value


def _uncell(value: str) -> str:
    return value[1:] if value[:1] == "'" and value[1:2] in FORMULA_STARTS else value
