"""The quick add: one form, wherever it sits (This week, home, the dialog `c` opens), and the
entry forms' shared set-up. Views and panels build their forms here."""

from django.http import QueryDict
from django.utils import dateformat

from evidence import selectors, services
from evidence.forms import EntryForm
from evidence.models import Entry
from promo.http import AuthenticatedHttpRequest
from promo.models import Person, Visibility

LAST_SHARING = "evidence_last_sharing"  # session key: who the last entry logged was shared with
# Where a quick-add form sits, which says what its answer updates besides the form itself:
# *This week* (the new card and the counts), home (the new card), or the `c` dialog (nothing).
QUICK_ADD_PLACES = ("week", "home", "dialog")
LOGGED = "Logged “{title}” for the week of {week}, {sharing}."
SHARING_SAID = {
    Visibility.PRIVATE: "kept private",
    Visibility.MENTORS: "shared with your mentors",
    Visibility.MENTORS_AND_MANAGERS: "shared with your mentors and managers",
}


def new_entry_form(
    request: AuthenticatedHttpRequest,
    writer: Person | None,
    data: QueryDict | None = None,
    *,
    autofocus: bool = True,
) -> EntryForm:
    """A blank entry, shared as the last one logged this session was (else as the person's
    preference): logging a run of wins never resets the choice to private halfway."""
    last = request.session.get(LAST_SHARING)
    if last not in Visibility.values:
        last = services.sharing_default(writer)
    return EntryForm(data, initial={"visibility": last}, autofocus=autofocus)


def form_context(
    form: EntryForm, writer: Person | None, *, others: bool = True, suggest: bool = False
) -> dict[str, object]:
    """The picker's behaviours, grouped by level; with `suggest`, a new entry's picker also
    asks for suggested behaviours as the title and details are typed (someone not on the
    ladder has no level to suggest from, so theirs never asks)."""
    level = writer.working_level if writer else None
    groups = selectors.behaviour_choices(level, others=others)
    target = groups[0][1][0].level_id if groups and groups[0][1] else None
    return {
        "form": form,
        "behaviour_groups": groups,
        "target_level_id": target,
        "suggest": suggest and level is not None,
    }


def logged_message(entry: Entry) -> str:
    """What a quick add says it did: the title, the week it went to and who can see it."""
    return LOGGED.format(
        title=entry.title,
        week=dateformat.format(entry.week_start, "j F"),
        sharing=SHARING_SAID.get(Visibility(entry.visibility), entry.get_visibility_display()),
    )


def context_for(
    request: AuthenticatedHttpRequest, writer: Person | None, where: str, form: EntryForm
) -> dict[str, object]:
    """A quick-add form wherever it sits. Someone not on the ladder (no level to weigh their
    work against) has no behaviours to tag: no picker, and no query for one. On home the
    picker offers the working level only; other levels are a click away on This week."""
    context: dict[str, object] = {"form": form, "where": where, "writer": writer}
    if writer is None or writer.working_level is None:
        return context | {"off_ladder": True, "behaviour_groups": []}
    return context | form_context(form, writer, others=where != "home", suggest=True)


def place(value: str | None) -> str:
    """Where the posted form said it sits; This week unless it named a known place."""
    return value if value in QUICK_ADD_PLACES else QUICK_ADD_PLACES[0]
