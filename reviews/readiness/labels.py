"""How readiness is named and drawn: status labels, heatmap classes, the as-of date."""

from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from reviews import vocabulary
from reviews.readiness import rules

AS_OF_BAD = "That is not a date; showing today."


AS_OF_FUTURE = "Readiness cannot be judged in the future; showing today."


STATUS_LABELS = {term.key: term.label for term in (*vocabulary.OVERALL, *vocabulary.BEHAVIOUR)}


STATUS_ORDER = {rules.READY: 0, rules.CLOSE: 1, rules.BUILDING: 2, rules.NOT_STARTED: 3}


@dataclass(frozen=True)
class BehaviourState:
    """How a behaviour's status is drawn: in words, and by a glyph, never by colour alone."""

    key: str
    label: str
    glyph: str


_GLYPHS = {rules.SUSTAINED: "●", rules.EMERGING: "◐", rules.NOT_YET: "○"}
BEHAVIOUR_STATES = {
    term.key: BehaviourState(term.key, term.label, _GLYPHS[term.key])
    for term in vocabulary.BEHAVIOUR
}


def heat_class(strength: float | None) -> str:
    """The CSS class of a heatmap square: computed here, since templates pay per condition."""
    if strength is None:
        return "c-none"
    if strength >= rules.DEMONSTRATED:
        return "c-demo"
    return "c-flash" if strength >= rules.FLASH else "c-gap"


# A square's best evidence in words, and its glyph: each state is told apart by its shape as
# well as its colour (a red-green colour-blind reader, a grey-scale print).
HEAT_WORDS = {
    "c-demo": vocabulary.DEMONSTRATED.label.lower(),
    "c-flash": vocabulary.PARTLY_SHOWN.label.lower(),
    "c-gap": vocabulary.NOT_SHOWN.label.lower(),
    "c-none": vocabulary.NO_EVIDENCE.label.lower(),
}
HEAT_GLYPHS = {"c-demo": "✓", "c-flash": "◐", "c-gap": "✕", "c-none": ""}


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
