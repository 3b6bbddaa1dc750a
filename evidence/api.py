"""The API's evidence: my entries (list, read, log), my drafts (list, log, dismiss) and
behaviour suggestions. Mounted by reviews/api.py; the token and the errors are promo/api.py's.

Nothing here states a rule of its own: an entry is checked by the entry form (evidence.forms,
so the API says what the form says) and logged by evidence.services.entry_log; what a token may
read comes from evidence.selectors and evidence.drafts, which only ever give its owner's own.
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.params import functions as param_functions
from pydantic import ConfigDict, JsonValue

from evidence import drafts, selectors, services, suggestions
from evidence.forms import LINK_BAD, EntryForm
from evidence.models import LINKS_MAX, TITLE_MAX, Entry, Kind
from evidence.services import EntryData
from promo.api import (
    READ_ERRORS,
    WRITE_ERRORS,
    ApiRequest,
    Named,
    Problem,
    invalid,
    named,
    read,
    tagging_behaviours,
    write,
)
from promo.models import Behaviour, Visibility
from promo.params import ID_MAX
from promo.selectors import person_of

PAGE_DEFAULT = 20
PAGE_MAX = 100
OFFSET_MAX = 1_000_000
BEHAVIOURS_MAX = 30  # behaviours named in one request; a level has far fewer
SLUG_MAX = 60  # Behaviour.slug
LINK_MAX = 500  # EntryLink.url
SUGGEST_TEXT_MAX = suggestions.TEXT_MAX
# Where the form names a field differently from the API.
FORM_TO_API = {"visibility": "share"}

Share = Visibility  # the API calls an entry's visibility its sharing
KINDS: list[JsonValue] = [*Kind.values]
SHARES: list[JsonValue] = [*Visibility.values, None]


class EntryOut(Schema):
    id: int
    title: str
    kind: Kind
    week_of: date
    body: str
    behaviours: list[str]
    share: Share
    links: list[str]
    impact: str
    shipped_on: date | None
    url: str


class EntryPage(Schema):
    count: int
    items: list[EntryOut]


class EntryIn(Schema):
    # Lengths and required fields are checked by the entry form, with its sentences; the schema
    # states the same limits so that clients can know them.
    model_config = ConfigDict(json_schema_extra={"required": ["title"]})

    title: str = Field("", json_schema_extra={"maxLength": TITLE_MAX, "minLength": 1})
    body: str = ""
    kind: str = Field(Kind.WEEKLY_WIN.value, json_schema_extra={"enum": KINDS})
    week_of: date | None = None
    behaviours: list[str] = Field([], max_length=BEHAVIOURS_MAX)
    share: str | None = Field(None, json_schema_extra={"enum": SHARES})
    links: list[str] = Field([], json_schema_extra={"maxItems": LINKS_MAX})
    impact: str = ""
    shipped_on: date | None = None


class DraftOut(Schema):
    id: int
    title: str
    url: str
    repository: str
    number: int | None
    merged_at: datetime
    suggested: list[str]


class DraftPage(Schema):
    count: int
    items: list[DraftOut]


class DraftIn(Schema):
    title: str | None = Field(None, json_schema_extra={"maxLength": TITLE_MAX, "minLength": 1})
    behaviours: list[str] | None = Field(None, max_length=BEHAVIOURS_MAX)
    share: str | None = Field(None, json_schema_extra={"enum": SHARES})


class Suggested(Schema):
    behaviours: list[Named]


class Page(Schema):
    """A page of a list: at most PAGE_MAX items from `offset`."""

    limit: int = Field(PAGE_DEFAULT, ge=1, le=PAGE_MAX)
    offset: int = Field(0, ge=0, le=OFFSET_MAX)


def entry_out(request: HttpRequest, entry: Entry) -> dict[str, object]:
    """An entry as the API shows it; its behaviours and links already fetched."""
    return {
        "id": entry.pk,
        "title": entry.title,
        "kind": entry.kind,
        "week_of": entry.week_start,
        "body": entry.body,
        "behaviours": [b.slug for b in entry.behaviours.all()],
        "share": entry.visibility,
        "links": [link.url for link in entry.links.all()],
        "impact": entry.impact,
        "shipped_on": entry.shipped_on,
        "url": request.build_absolute_uri(entry.get_absolute_url()),
    }


class Refused(Exception):
    """What was sent fails the entry form's checks: its errors, by API field name."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def _behaviour_ids(
    working: Sequence[Behaviour], slugs: list[str], form: EntryForm
) -> tuple[list[int], list[str]]:
    """The ids of the named behaviours of the working level, and a sentence (the form's own)
    for each slug that is not one of them."""
    by_slug = {b.slug: b.pk for b in working}
    unknown = str(form.fields["behaviours"].error_messages["invalid_choice"])
    ids, errors = [], []
    for slug in dict.fromkeys(slugs):
        if slug in by_slug:
            ids.append(by_slug[slug])
        else:
            errors.append(unknown % {"value": slug[:SLUG_MAX]})
    return ids, errors


def _link_lines(links: list[str]) -> tuple[str, list[str]]:
    """The links as the form's one-per-line text. A link with a space or a line break in it
    would read there as an address and a label, so it is refused here, in the form's words."""
    errors = [
        LINK_BAD.format(line=number, text=url[:80])
        for number, url in enumerate(links, start=1)
        if not url or url != "".join(url.split())
    ]
    return "\n".join(links), errors


def checked_entry(user: User, payload: EntryIn) -> EntryData:
    """What was sent, checked by the entry form exactly as a page's form is, or `Refused`."""
    form = EntryForm(autofocus=False)
    working = tagging_behaviours(person_of(user)) if payload.behaviours else []
    ids, behaviour_errors = _behaviour_ids(working, payload.behaviours, form)
    links, link_errors = _link_lines(payload.links)
    form = EntryForm(
        {
            "title": payload.title,
            "body": payload.body,
            "kind": payload.kind,
            "week_of": payload.week_of,
            "behaviours": ids,
            "impact": payload.impact,
            "shipped_on": payload.shipped_on,
            "links": links,
            "visibility": payload.share or services.default_visibility(user),
        },
        autofocus=False,
    )
    errors: dict[str, list[str]] = {}
    if not form.is_valid():
        for field, messages in form.errors.items():
            errors[FORM_TO_API.get(field, field)] = [str(m) for m in messages]
    if behaviour_errors:
        errors["behaviours"] = behaviour_errors + errors.get("behaviours", [])
    if link_errors:
        errors["links"] = link_errors
    if errors:
        raise Refused(errors)
    return form.entry_data()


def _logged(request: ApiRequest, entry: Entry) -> Status[dict[str, object]]:
    """201 and the entry just logged, read again as the list reads it."""
    return Status(201, entry_out(request, selectors.own_entry_or_404(request.auth.user, entry.pk)))


router = Router()

ID = param_functions.Path(..., ge=1, le=ID_MAX)


@router.get(
    "/entries",
    response={200: EntryPage, **READ_ERRORS},
    auth=read,
    summary="My entries",
    tags=["entries"],
)
def entry_list(request: ApiRequest, page: Query[Page]) -> dict[str, object]:
    """My live entries, newest week first."""
    mine = selectors.own_entries(request.auth.user)
    items = list(mine[page.offset : page.offset + page.limit])
    return {"count": mine.count(), "items": [entry_out(request, e) for e in items]}


@router.get(
    "/entries/{id}",
    response={200: EntryOut, 404: Problem, **READ_ERRORS},
    auth=read,
    summary="One of my entries",
    tags=["entries"],
)
def entry_detail(request: ApiRequest, id: int = ID) -> dict[str, object]:
    return entry_out(request, selectors.own_entry_or_404(request.auth.user, id))


@router.post(
    "/entries",
    response={201: EntryOut, **WRITE_ERRORS},
    auth=write,
    summary="Log an entry",
    tags=["entries"],
)
def entry_log(request: ApiRequest, payload: EntryIn) -> Status[dict[str, object]]:
    """Log an entry, checked as the entry form checks it. `share` left out: my default
    sharing; `week_of` left out: this week; `behaviours`: slugs of my working level's."""
    user = request.auth.user
    try:
        data = checked_entry(user, payload)
    except Refused as refused:
        return Status(422, invalid(refused.errors))
    return _logged(request, services.entry_log(author=user, data=data))


# --- drafts ---------------------------------------------------------------------------------------


@router.get(
    "/drafts",
    response={200: DraftPage, **READ_ERRORS},
    auth=read,
    summary="My waiting drafts",
    tags=["drafts"],
)
def draft_list(request: ApiRequest, page: Query[Page]) -> dict[str, object]:
    """Merged pull requests waiting to be logged or dismissed, newest merge first, each with
    the behaviours its words suggest."""
    user = request.auth.user
    waiting = drafts.waiting_for(user)
    items = list(waiting[page.offset : page.offset + page.limit])
    suggested = {
        pk: [b.slug for b in found] for pk, found in drafts.suggested_for(user, items).items()
    }
    return {
        "count": waiting.count(),
        "items": [
            {
                "id": d.pk,
                "title": d.title,
                "url": d.url,
                "repository": d.repository,
                "number": d.number,
                "merged_at": d.merged_at,
                "suggested": suggested.get(d.pk, []),
            }
            for d in items
        ],
    }


@router.post(
    "/drafts/{id}/log",
    tags=["drafts"],
    response={201: EntryOut, 404: Problem, **WRITE_ERRORS},
    auth=write,
    summary="Log a draft as an entry",
)
def draft_log(
    request: ApiRequest, payload: DraftIn | None = None, id: int = ID
) -> Status[dict[str, object]]:
    """Log the draft as it is (its title, the week it was merged, a link to it), with the
    title, behaviours and sharing given here; no behaviours unless named."""
    user = request.auth.user
    draft = drafts.own_draft_or_404(user, id)
    payload = payload or DraftIn.model_validate({})
    as_is = drafts.entry_data_for(draft, behaviours=())
    entry_in = EntryIn(
        title=as_is.title if payload.title is None else payload.title,
        body=as_is.body,
        kind=as_is.kind,
        week_of=as_is.week_of,
        behaviours=payload.behaviours or [],
        share=payload.share,
        links=[url for url, _ in as_is.links],
        shipped_on=as_is.shipped_on,
    )
    try:
        data = checked_entry(user, entry_in)
    except Refused as refused:
        return Status(422, invalid(refused.errors))
    return _logged(request, drafts.log_draft(draft=draft, by=user, data=data))


@router.post(
    "/drafts/{id}/dismiss",
    tags=["drafts"],
    response={204: None, 404: Problem, **WRITE_ERRORS},
    auth=write,
    summary="Dismiss a draft",
)
def draft_dismiss(request: ApiRequest, id: int = ID) -> Status[None]:
    user = request.auth.user
    drafts.dismiss_draft(draft=drafts.own_draft_or_404(user, id), by=user)
    return Status(204, None)


# --- suggestions ----------------------------------------------------------------------------------


class SuggestionQuery(Schema):
    text: str = Field(
        "",
        description=f"What the entry says; its first {SUGGEST_TEXT_MAX:,} characters are read.",
    )


@router.get(
    "/suggestions",
    tags=["suggestions"],
    response={200: Suggested, **READ_ERRORS},
    auth=read,
    summary="Behaviours some text sounds like",
)
def suggestion_list(request: ApiRequest, query: Query[SuggestionQuery]) -> dict[str, object]:
    """The behaviours of my working level that the text most sounds like, best first."""
    found = suggestions.suggest(request.auth.user, query.text[:SUGGEST_TEXT_MAX])
    return {"behaviours": [named(b) for b in found]}
