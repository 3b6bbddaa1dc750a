"""How readiness is named and drawn: status labels, heatmap classes, the as-of date."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from reviews.readiness import rules

AS_OF_BAD = "That is not a date; showing today."


AS_OF_FUTURE = "Readiness cannot be judged in the future; showing today."


STATUS_LABELS = {
    rules.READY: "Ready",
    rules.CLOSE: "Close",
    rules.BUILDING: "Building",
    rules.NOT_STARTED: "Not started",
    rules.SUSTAINED: "Sustained",
    rules.EMERGING: "Emerging",
    rules.NOT_YET: "Not yet",
}


STATUS_ORDER = {rules.READY: 0, rules.CLOSE: 1, rules.BUILDING: 2, rules.NOT_STARTED: 3}


def heat_class(strength: float | None) -> str:
    """The CSS class of a heatmap square: computed here, since templates pay per condition."""
    if strength is None:
        return "c-none"
    if strength >= rules.DEMONSTRATED:
        return "c-demo"
    return "c-flash" if strength >= rules.FLASH else "c-gap"


SQUARES = {css: f'<span class="{css}"></span>' for css in ("c-none", "c-demo", "c-flash", "c-gap")}


def mini_heatmap(rows: list[list[Any]], names: Mapping[int, str]) -> SafeString:
    """A dashboard row's heatmap as one string, built here because a whole team's squares are
    too many for template loops. `rows` are a stored picture's behaviour rows ([id, name,
    status, demonstrated, flashes, window, stale, classes]). It is safe: every class name comes
    from heat_class's four constants, and `names` holds each behaviour's name escaped (once per
    page, not per row)."""
    label = "; ".join(f"{names[row[0]]}: {row[3]} of {row[5]}" for row in rows)
    lines = "".join(
        f'<div class="mini-row" title="{names[row[0]]}">'
        + "".join([SQUARES[css] for css in row[7]])
        + "</div>"
        for row in rows
    )
    # Safe as the docstring says: constant classes, and names escaped before they reach here.
    return mark_safe(f'<div class="mini-heatmap" role="img" aria-label="{label}">{lines}</div>')


HEAT_WORDS = {"c-none": "no evidence", "c-demo": "demonstrated", "c-flash": "flash", "c-gap": "gap"}


def _as_of(request: HttpRequest) -> tuple[date, str | None]:
    today = timezone.localdate()
    raw = request.GET.get("as_of", "")
    if not raw:
        return today, None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return today, AS_OF_BAD
    return (today, AS_OF_FUTURE) if day > today else (day, None)
