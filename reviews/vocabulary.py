"""The words Promo judges with, each said once: its label and what it means in one line.

Three scales, one per thing judged, and two kinds of note:
- a person overall: Ready · Close · Building · Not started;
- a behaviour over the window: Sustained · Emerging · Not yet;
- one piece of evidence, one period's square, a mentor's verdict: Demonstrated · Partly shown ·
  Not shown (and "No evidence" for a period with nothing in it);
- a *gap note* is a mentor's note of what would make the work next-level (and only that);
- a *point to work on* is a point of the promotion committee's feedback, tracked under a behaviour.

A verdict's stored values stay "demonstrated", "flashes" and "gap" (the keys below); only what
people read is here. Pages show a term's `means` where it first appears (a hint, a title, a
<dfn>), through the `vocabulary` template tags. Pure: no Django, so the readiness rules' words
(reviews.readiness.words) can read it too.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    key: str  # the stored or computed value it names
    label: str  # what people read
    means: str  # one line, shown where the term first appears on a page


# A person overall (reviews.readiness.rules: READY, CLOSE, BUILDING, NOT_STARTED).
READY = Term("ready", "Ready", "every behaviour of the target level is sustained")
CLOSE = Term("close", "Close", "most behaviours are sustained and the rest emerging")
BUILDING = Term("building", "Building", "some behaviours are not yet emerging or sustained")
NOT_STARTED = Term("not_started", "Not started", "no evidence yet; nothing counts against it")

# A behaviour over the window (rules: SUSTAINED, EMERGING, NOT_YET).
SUSTAINED = Term("sustained", "Sustained", "demonstrated in enough of the window, recently")
EMERGING = Term("emerging", "Emerging", "partly shown or demonstrated, not yet consistently")
NOT_YET = Term("not_yet", "Not yet", "nothing shown in the window yet")

# One piece of evidence, one period's square, a mentor's verdict (stored: Verdict's values).
DEMONSTRATED = Term(
    "demonstrated", "Demonstrated", "next-level work, with impact that has been measured"
)
PARTLY_SHOWN = Term("flashes", "Partly shown", "it is there, not yet fully or consistently")
NOT_SHOWN = Term("gap", "Not shown", "the work does not show this behaviour yet")
NO_EVIDENCE = Term("none", "No evidence", "nothing you may see in that period")

# The two kinds of note.
GAP_NOTE = Term(
    "gap_note",
    "Gap note",
    "a mentor's note of what would make the work next-level; open until the mentor resolves it",
)
POINT_TO_WORK_ON = Term(
    "point",
    "Point to work on",
    "a point of the promotion committee's feedback, tracked under a behaviour until resolved",
)

# The clerical-error check, asked positively: "yes" is the answer that counts for the engineer.
CHECK_QUESTION = "Would you say {name} already works at {level}?"
CHECK_QUESTION_TO_SELF = "Would senior people say you already work at {level}?"
CHECK_QUESTION_ABOUT = "Would senior people say {name} already works at {level}?"
CHECK_ASKED = (
    "{asker} asked {names} whether they would say you already work at the level of {level}."
)
CHECK_MEANS = (
    "A few senior people answer one question: do they already see this work at the next level? "
    "The goal is that they would call the missing promotion a clerical error."
)
CHECK_YES = "Yes, already at that level"
CHECK_NO = "No, not yet"
CHECK_NOT_SURE = "Not sure"


def _level_words(level_name: str | None) -> str:
    return f"the level of {level_name}" if level_name else "the next level"


def check_question(name: str, level_name: str | None) -> str:
    """The check's one question, as its respondent reads it."""
    return CHECK_QUESTION.format(name=name, level=_level_words(level_name))


def check_heading(name: str, level_name: str | None, *, is_self: bool) -> str:
    """The same question, as the engineer (or a manager, about them) reads it."""
    if is_self:
        return CHECK_QUESTION_TO_SELF.format(level=_level_words(level_name))
    return CHECK_QUESTION_ABOUT.format(name=name, level=_level_words(level_name))


OVERALL = (READY, CLOSE, BUILDING, NOT_STARTED)
BEHAVIOUR = (SUSTAINED, EMERGING, NOT_YET)
EVIDENCE = (DEMONSTRATED, PARTLY_SHOWN, NOT_SHOWN)
NOTES = (GAP_NOTE, POINT_TO_WORK_ON)

TERMS = {term.key: term for term in (*OVERALL, *BEHAVIOUR, *EVIDENCE, NO_EVIDENCE, *NOTES)}

# Words the pages no longer use for these things (a test holds every page to it).
RETIRED = (
    "flash",  # a verdict or square: "partly shown"
    "would be surprised",  # the check asks positively now
    "not yet at",
    "not already at",
)
