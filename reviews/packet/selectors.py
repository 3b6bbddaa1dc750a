"""The promotion packet, read: a document as a viewer may read it (the evidence under each
narrative chosen whenever it is shown, from the entries that viewer may see, judged by the
readiness rules), what an attempt freezes of it, and the committee's gaps still open.

A document stores only the engineer's words (a narrative per behaviour) and their curation (the
entries they pinned or hid under each). So a manager reading a shared document never sees a
private entry, and the evidence is never out of date. An attempt freezes the document and the
readiness as any manager of the engineer would have seen them on the day it was submitted.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NotRequired, TypedDict

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from evidence.models import Entry
from promo import access
from promo.models import Behaviour, Level
from reviews.packet.access import may_read
from reviews.packet.export import _section_markdown
from reviews.packet.models import CommitteePoint, Curation, PromoAttempt, PromoDocument
from reviews.readiness import pipeline, rules
from reviews.readiness import selectors as readiness_selectors
from reviews.readiness.labels import STATUS_LABELS
from reviews.readiness.periods import Policy, month_index, period_label

FOLD_AFTER = 5  # on the document page, entries beyond the pinned and this many fold away


THIN_MONTHS = 3  # fewer months with evidence than this is "thin"


DEFAULT_PERIOD_MONTHS = 12


NO_EVIDENCE = "No evidence for this behaviour in this period."


UNCONFIRMED = "No mentor has confirmed this behaviour yet: everything here is your own claim."


TOO_RECENT = (
    "The confirmed work shipped too recently, or its impact is not measured yet: a committee "
    "will read it as a promise, not a result."
)


THIN = "Thin: evidence from only {months} of the period."


@dataclass(frozen=True)
class Evidence:
    entry: Entry
    strength: float
    confirmed: bool  # a mentor said "demonstrated" (even if held back to a flash)
    capped: str | None  # rules.TOO_RECENT / UNMEASURED
    reviewed: bool
    pinned: bool = False  # the engineer put it at the top

    @property
    def measured(self) -> bool:
        return bool(self.entry.impact_measured)


@dataclass
class Section:
    behaviour: Behaviour
    narrative: str
    evidence: list[Evidence] = field(default_factory=list)  # in the packet, in its order
    hidden: list[Evidence] = field(default_factory=list)  # left out of it by the engineer
    warnings: list[str] = field(default_factory=list)
    confirmed: int = 0  # items a mentor confirmed, hidden or not

    @property
    def total(self) -> int:
        return len(self.evidence) + len(self.hidden)

    @property
    def pinned(self) -> list[int]:
        """The pinned entries' ids, in the engineer's order."""
        return [e.entry.pk for e in self.evidence if e.pinned]

    @property
    def leading(self) -> list[Evidence]:
        """What the document page shows open: the pinned, then the strongest few."""
        return self.evidence[: len(self.pinned) + FOLD_AFTER]

    @property
    def folded(self) -> list[Evidence]:
        """The rest of the packet's entries, folded on the document page (printed all the same)."""
        return self.evidence[len(self.pinned) + FOLD_AFTER :]


@dataclass
class Draft:
    document: PromoDocument
    engineer: User
    as_of: date
    sections: list[Section]


def default_period(today: date) -> tuple[date, date]:
    start_month = month_index(today) - DEFAULT_PERIOD_MONTHS + 1
    return date(start_month // 12, start_month % 12 + 1, 1), today


def _months(document: PromoDocument) -> tuple[int, int]:
    return month_index(document.period_start), month_index(document.period_end)


def _policy(level: Level) -> Policy:
    return readiness_selectors.policy_of(level.ladder)


def _warnings(evidence: list[Evidence], period_months: int) -> list[str]:
    if not evidence:
        return [NO_EVIDENCE]
    warnings = []
    confirmed = [e for e in evidence if e.confirmed]
    if not confirmed:
        warnings.append(UNCONFIRMED)
    elif all(e.capped for e in confirmed):
        warnings.append(TOO_RECENT)
    months = {month_index(e.entry.week_start) for e in evidence}
    if len(months) < min(THIN_MONTHS, period_months):
        warnings.append(
            THIN.format(months="one month" if len(months) == 1 else f"{len(months)} months")
        )
    return warnings


def build(
    document: PromoDocument,
    *,
    seen: Q,
    today: date | None = None,
) -> Draft:
    """The document as a reader may read it, `seen` being the entries they may see (a viewer's
    `access.visibility_q`, or a role's `access.relation_q`): six queries however long the
    period.

    Evidence is a claim on the behaviour that counts for something (a gap verdict does not):
    what the engineer pinned first, in their order; then mentor-confirmed, the strongest, with
    measured impact, the newest. What they hid is left out of the packet (`Section.hidden`), but
    still counts in the warnings: curation presents the evidence, it does not change it.
    """
    today = today or timezone.localdate()
    as_of = min(today, document.period_end)
    engineer = document.engineer
    level = document.level
    policy = _policy(level)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank"))
    narratives = dict(document.narratives.values_list("behaviour_id", "text"))
    curated: dict[int, dict[int, tuple[str, int]]] = {}  # behaviour -> entry -> choice, place
    rows = Curation.objects.filter(document=document).values_list(
        "behaviour_id", "entry_id", "choice", "position"
    )
    for behaviour_id, entry_id, choice, position in rows:
        curated.setdefault(behaviour_id, {})[entry_id] = (choice, position)
    claims, _ = readiness_selectors.claims_of(
        engineer, seen=seen, as_of=as_of, months=_months(document)
    )
    found: dict[int, list[tuple[rules.Judged, bool]]] = {}
    for claim in claims:
        if claim.week_start < document.period_start:
            continue
        judged = rules.judge(claim, as_of=as_of, policy=policy)
        if judged is None or judged.strength <= 0:
            continue
        confirmed = judged.reviewed and (
            judged.strength >= rules.DEMONSTRATED or judged.capped is not None
        )
        found.setdefault(claim.behaviour, []).append((judged, confirmed))
    entries = Entry.objects.in_bulk(
        {j.claim.entry_id for items in found.values() for j, _ in items}
    )
    period_months = _months(document)[1] - _months(document)[0] + 1
    sections = []
    for behaviour in behaviours:
        choices = curated.get(behaviour.pk, {})
        evidence = [
            Evidence(
                entry=entries[j.claim.entry_id],
                strength=j.strength,
                confirmed=confirmed,
                capped=j.capped,
                reviewed=j.reviewed,
                pinned=choices.get(j.claim.entry_id, ("", 0))[0] == Curation.Choice.PINNED,
            )
            for j, confirmed in found.get(behaviour.pk, [])
        ]
        evidence.sort(
            key=lambda e: (e.confirmed, e.strength, e.measured, e.entry.week_start, e.entry.pk),
            reverse=True,
        )
        pinned = sorted(
            (e for e in evidence if e.pinned), key=lambda e: (choices[e.entry.pk][1], e.entry.pk)
        )
        hidden: list[Evidence] = []
        rest: list[Evidence] = []
        for item in evidence:
            if choices.get(item.entry.pk, ("", 0))[0] == Curation.Choice.HIDDEN:
                hidden.append(item)
            elif not item.pinned:
                rest.append(item)
        sections.append(
            Section(
                behaviour=behaviour,
                narrative=narratives.get(behaviour.pk, ""),
                evidence=pinned + rest,
                hidden=hidden,
                warnings=_warnings(evidence, period_months),
                confirmed=sum(e.confirmed for e in evidence),
            )
        )
    return Draft(document=document, engineer=engineer, as_of=as_of, sections=sections)


def draft_for(
    document: PromoDocument, viewer: access.Viewer, *, today: date | None = None
) -> Draft:
    """The document as `viewer` may read it: the evidence they may see of the engineer."""
    return build(
        document, seen=access.visibility_q(viewer, authors=[document.engineer_id]), today=today
    )


@dataclass(frozen=True)
class Counted:
    """One behaviour as the readiness page counts it, on the day the packet is read."""

    status: str
    label: str
    demonstrated: int  # periods of its window in which it was demonstrated
    flashes: int
    window: int
    first: str  # the window's first and last periods, as the readiness page names them
    last: str


@dataclass(frozen=True)
class Standing:
    """Readiness for the document's level on the day the packet is read, from the one pipeline:
    the counts a printed packet states are the readiness page's for the same reader and day."""

    as_of: date
    quarters: bool  # the ladder judges by quarter, not by month
    window_months: int
    behaviours: dict[int, Counted]


def standing_for(document: PromoDocument, viewer: User, *, as_of: date) -> Standing:
    picture = pipeline.assessment_for(viewer, document.engineer, as_of=as_of, level=document.level)
    policy = picture.policy
    return Standing(
        as_of=as_of,
        quarters=policy.period_months == 3,
        window_months=policy.window_months,
        behaviours={
            b.behaviour: Counted(
                status=b.status,
                label=STATUS_LABELS[b.status],
                demonstrated=b.demonstrated_periods,
                flashes=b.flash_periods,
                window=b.window_periods,
                first=period_label(b.window[0], policy),
                last=period_label(b.window[-1], policy),
            )
            for b in picture.readiness.behaviours
        },
    )


# What an attempt keeps of the promo document (snapshot["document"]["state"]).
DOCUMENT_INCLUDED = "included"  # frozen, as any manager could read it that day


DOCUMENT_NOT_SHARED = "not_shared"  # the engineer had not shared it with managers: no text kept


DOCUMENT_NONE = "none"  # there was no document for the level


class SnapshotSection(TypedDict):
    behaviour: str  # the behaviour's name
    markdown: str


class FrozenDocument(TypedDict):
    """snapshot["document"]: its state; when DOCUMENT_INCLUDED, the document's period and text,
    and `added_on` when the engineer added it after the submission was recorded."""

    state: str
    period_start: NotRequired[str]  # dates as ISO strings, like every date in the JSON
    period_end: NotRequired[str]
    sections: NotRequired[list[SnapshotSection]]
    added_on: NotRequired[str]


class SnapshotBehaviour(TypedDict):
    name: str
    status: str
    demonstrated: int  # periods of the window in which it was demonstrated
    window: int


class AttemptSnapshot(TypedDict):
    """What PromoAttempt.snapshot holds, as JSON."""

    as_of: str
    level: str
    status: str
    reasons: list[str]
    behaviours: list[SnapshotBehaviour]
    document: FrozenDocument


def _frozen_document(engineer: User, level: Level, *, as_of: date) -> FrozenDocument:
    """The engineer's document for the level as any manager could read it, one entry per
    behaviour; no text at all when managers may not read it (a frozen copy never shows a reader
    more than the live document would)."""
    document = PromoDocument.objects.filter(engineer=engineer, level=level).first()
    if document is None:
        return FrozenDocument(state=DOCUMENT_NONE)
    if not may_read(document, access.ANY_MANAGER):
        return FrozenDocument(state=DOCUMENT_NOT_SHARED)
    seen = access.relation_q(access.ANY_MANAGER, engineer.pk)
    draft = build(document, seen=seen, today=as_of)
    return FrozenDocument(
        state=DOCUMENT_INCLUDED,
        period_start=document.period_start.isoformat(),
        period_end=document.period_end.isoformat(),
        sections=[
            SnapshotSection(behaviour=section.behaviour.name, markdown=_section_markdown(section))
            for section in draft.sections
        ],
    )


def snapshot(engineer: User, level: Level, *, as_of: date) -> AttemptSnapshot:
    """Readiness and the document as any manager of the engineer saw them on `as_of`."""
    found = pipeline.assessment_for(
        access.ANY_MANAGER, engineer, as_of=as_of, level=level
    ).readiness
    return AttemptSnapshot(
        as_of=as_of.isoformat(),
        level=level.name,
        status=found.status,
        reasons=list(found.reasons),
        behaviours=[
            SnapshotBehaviour(
                name=b.name,
                status=b.status,
                demonstrated=b.demonstrated_periods,
                window=b.window_periods,
            )
            for b in found.behaviours
        ],
        document=_frozen_document(engineer, level, as_of=as_of),
    )


def document_state(attempt: PromoAttempt) -> str:
    state: str = attempt.snapshot.get("document", {}).get("state", DOCUMENT_NONE)
    return state


def open_committee_gaps(engineer: User, *, at: datetime | None = None) -> list[CommitteePoint]:
    """Committee points tracked as gaps and not resolved, as they stood at `at` (default now)."""
    at = at or timezone.now()
    return list(
        CommitteePoint.objects.filter(
            Q(resolved_at__isnull=True) | Q(resolved_at__gt=at),
            attempt__engineer=engineer,
            tracked_at__lte=at,
        )
        .select_related("behaviour", "attempt__level")
        .order_by("behaviour__rank", "pk")
    )
