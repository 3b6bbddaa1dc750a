"""The promotion packet: the document an engineer builds, the attempts they submit, and the
committee's feedback that becomes gaps to work on.

A document stores only the engineer's words (a narrative per behaviour). The evidence under each
narrative is chosen whenever the document is shown, from the entries the *viewer* may see and
judged by the readiness rules, so a manager reading a shared document never sees a private
entry, and the evidence is never out of date. An attempt freezes the document and the readiness
as any manager of the engineer would have seen them on the day it was submitted.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry
from promo import access, audit
from promo.models import Behaviour, Level, Mentorship, Notification, display_name
from promo.notifications import notify
from reviews import readiness, selectors
from reviews.models import CommitteePoint, Narrative, PromoAttempt, PromoDocument

EVIDENCE_SHOWN = 5  # strongest items under each behaviour; the rest are counted
THIN_MONTHS = 3  # fewer months with evidence than this is "thin"
DEFAULT_PERIOD_MONTHS = 12
LIST_MARKER = re.compile(r"^(?:[-*•]\s*|\d+[.)]\s+)")  # "- ", "•", "2. ", "3) "; not "10.5%"

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
    capped: str | None  # readiness.TOO_RECENT / UNMEASURED
    reviewed: bool

    @property
    def measured(self) -> bool:
        return bool(self.entry.impact_measured)


@dataclass
class Section:
    behaviour: Behaviour
    narrative: str
    evidence: list[Evidence] = field(default_factory=list)
    more: int = 0  # evidence beyond EVIDENCE_SHOWN
    warnings: list[str] = field(default_factory=list)
    confirmed: int = 0  # items a mentor confirmed, shown or not

    @property
    def total(self) -> int:
        return len(self.evidence) + self.more


@dataclass
class Draft:
    document: PromoDocument
    engineer: AbstractBaseUser
    as_of: date
    sections: list[Section]


def default_period(today: date) -> tuple[date, date]:
    start_month = readiness.month_index(today) - DEFAULT_PERIOD_MONTHS + 1
    return date(start_month // 12, start_month % 12 + 1, 1), today


def manager_scope(engineer: AbstractBaseUser) -> access.Scope:
    """What any manager of the engineer may see: the snapshot an attempt keeps, whoever records
    it, so that an engineer's private entries never reach their manager through a snapshot."""
    return access.Scope(viewer_id=0, reports=(engineer.pk,))  # no user has id 0


def _months(document: PromoDocument) -> tuple[int, int]:
    return readiness.month_index(document.period_start), readiness.month_index(document.period_end)


def _policy(level: Level) -> readiness.Policy:
    return selectors.policy_of(level.ladder)


def _warnings(evidence: list[Evidence], period_months: int) -> list[str]:
    if not evidence:
        return [NO_EVIDENCE]
    warnings = []
    confirmed = [e for e in evidence if e.confirmed]
    if not confirmed:
        warnings.append(UNCONFIRMED)
    elif all(e.capped for e in confirmed):
        warnings.append(TOO_RECENT)
    months = {readiness.month_index(e.entry.week_start) for e in evidence}
    if len(months) < min(THIN_MONTHS, period_months):
        warnings.append(
            THIN.format(months="one month" if len(months) == 1 else f"{len(months)} months")
        )
    return warnings


def build(
    document: PromoDocument,
    *,
    viewer: AbstractBaseUser | None = None,
    scope: access.Scope | None = None,
    today: date | None = None,
) -> Draft:
    """The document as `viewer` (or `scope`) may read it: five queries however long the period.

    Evidence is a claim on the behaviour that counts for something (a gap verdict does not):
    mentor-confirmed first, then the strongest, then with measured impact, then the newest.
    """
    today = today or timezone.localdate()
    as_of = min(today, document.period_end)
    engineer = document.engineer
    level = document.level
    policy = _policy(level)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank"))
    narratives = dict(document.narratives.values_list("behaviour_id", "text"))
    claims, _ = selectors.claims_of(
        viewer, engineer, as_of=as_of, months=_months(document), scope=scope
    )
    found: dict[int, list[tuple[readiness.Judged, bool]]] = {}
    for claim in claims:
        if claim.week_start < document.period_start:
            continue
        judged = readiness.judge(claim, as_of=as_of, policy=policy)
        if judged is None or judged.strength <= 0:
            continue
        confirmed = judged.reviewed and (
            judged.strength >= readiness.DEMONSTRATED or judged.capped is not None
        )
        found.setdefault(claim.behaviour, []).append((judged, confirmed))
    entries = Entry.objects.in_bulk(
        {j.claim.entry_id for items in found.values() for j, _ in items}
    )
    period_months = _months(document)[1] - _months(document)[0] + 1
    sections = []
    for behaviour in behaviours:
        evidence = [
            Evidence(
                entry=entries[j.claim.entry_id],
                strength=j.strength,
                confirmed=confirmed,
                capped=j.capped,
                reviewed=j.reviewed,
            )
            for j, confirmed in found.get(behaviour.pk, [])
        ]
        evidence.sort(
            key=lambda e: (e.confirmed, e.strength, e.measured, e.entry.week_start, e.entry.pk),
            reverse=True,
        )
        sections.append(
            Section(
                behaviour=behaviour,
                narrative=narratives.get(behaviour.pk, ""),
                evidence=evidence[:EVIDENCE_SHOWN],
                more=max(0, len(evidence) - EVIDENCE_SHOWN),
                warnings=_warnings(evidence, period_months),
                confirmed=sum(e.confirmed for e in evidence),
            )
        )
    return Draft(document=document, engineer=engineer, as_of=as_of, sections=sections)


def _evidence_line(item: Evidence, site: str) -> str:
    if item.confirmed and not item.capped:
        mark = "confirmed by a mentor"
    elif item.confirmed:
        mark = "confirmed by a mentor; impact still to show"
    elif item.reviewed:
        mark = "a mentor saw flashes of it"
    else:
        mark = "not reviewed yet"
    shipped = f", shipped {item.entry.shipped_on:%d %b %Y}" if item.entry.shipped_on else ""
    line = (
        f"- [{_md_text(item.entry.title)}]({site}{item.entry.get_absolute_url()})"
        f" — week of {item.entry.week_start:%d %b %Y}{shipped}; {mark}."
    )
    if item.entry.impact_measured:
        line += f"\n  Measured impact: {_md_text(item.entry.impact_measured)}"
    return line


def _md_text(text: str) -> str:
    """One line of plain text that Markdown will not read as links, emphasis or headings."""
    flat = " ".join(text.split())
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in flat)


def _section_markdown(section: Section, *, site: str = "") -> str:
    """One behaviour's part of the document: the narrative verbatim, warnings, evidence."""
    lines = [section.narrative.strip() or "_No narrative written yet._", ""]
    for warning in section.warnings:
        lines += [f"> Warning: {warning}", ""]
    if section.evidence:
        lines += ["Evidence:", ""]
        lines += [_evidence_line(item, site) for item in section.evidence]
        if section.more:
            lines.append(f"- …and {section.more} more.")
    return "\n".join(lines).rstrip()


def markdown(draft: Draft, *, site: str = "") -> str:
    """The document as Markdown: narratives verbatim, evidence as links back to the entries."""
    document = draft.document
    name = display_name(draft.engineer)
    lines = [
        f"# {_md_text(name)}: the case for {_md_text(document.level.name)}",
        "",
        f"Evidence from {document.period_start:%d %B %Y} to {document.period_end:%d %B %Y}.",
        "",
    ]
    for section in draft.sections:
        lines += [f"## {_md_text(section.behaviour.name)}", ""]
        lines += [_section_markdown(section, site=site), ""]
    return "\n".join(lines).rstrip() + "\n"


# --- who may do what --------------------------------------------------------------------------


def may_read(document: PromoDocument, relation: access.Relation) -> bool:
    return (
        relation.is_self
        or (relation.is_manager and document.share_manager)
        or (relation.is_mentor and document.share_mentors)
    )


def may_record(relation: access.Relation) -> bool:
    """Attempts are the engineer's and their managers' business; mentors do not see them."""
    return relation.is_self or relation.is_manager


# --- documents --------------------------------------------------------------------------------


def document_start(
    engineer: AbstractBaseUser, *, level: Level, period_start: date, period_end: date
) -> PromoDocument:
    """The engineer's document for the level: the existing one, or a new one for the period."""
    if period_start > period_end:
        raise ValidationError("The period must start before it ends.")
    document, _ = PromoDocument.objects.get_or_create(
        engineer=engineer,
        level=level,
        defaults={"period_start": period_start, "period_end": period_end},
    )
    return document


def narrative_save(document: PromoDocument, behaviour: Behaviour, text: str) -> Narrative:
    if behaviour.level_id != document.level_id:
        raise ValidationError("That behaviour is not part of this level.")
    narrative, _ = Narrative.objects.update_or_create(
        document=document, behaviour=behaviour, defaults={"text": text.strip()}
    )
    PromoDocument.objects.filter(pk=document.pk).update(updated_at=timezone.now())
    return narrative


def document_share(
    document: PromoDocument,
    *,
    actor: AbstractBaseUser,
    share_manager: bool,
    share_mentors: bool,
    period_start: date,
    period_end: date,
    tell: bool = True,
) -> PromoDocument:
    """Change the period and who may read it; tell the people it is newly shared with (unless
    the caller tells them itself)."""
    if period_start > period_end:
        raise ValidationError("The period must start before it ends.")
    newly = []
    engineer = document.engineer
    if share_manager and not document.share_manager:
        newly += [p.user for p in _managers(engineer)]
    if share_mentors and not document.share_mentors:
        links = Mentorship.objects.active().filter(engineer=engineer).select_related("mentor")
        newly += [link.mentor for link in links]
    if (share_manager, share_mentors) != (document.share_manager, document.share_mentors):
        audit.record(
            audit.SHARING,
            actor=actor,
            target=document,
            detail=f"managers: {'yes' if share_manager else 'no'}, "
            f"mentors: {'yes' if share_mentors else 'no'}",
        )
    document.share_manager, document.share_mentors = share_manager, share_mentors
    document.period_start, document.period_end = period_start, period_end
    document.save()
    if not tell:
        return document
    name = display_name(engineer)
    notify(
        recipients=newly,
        actor=actor,
        kind=Notification.Kind.DOCUMENT,
        text=f"{name} shared their promo document for {document.level.name} with you.",
        url=reverse("reviews:document", args=[document.pk]),
    )
    return document


def _managers(engineer: AbstractBaseUser) -> list:
    """The engineer's direct manager (a Person), or nobody."""
    person = getattr(engineer, "person", None)
    return [person.manager] if person and person.manager_id else []


# --- attempts ---------------------------------------------------------------------------------

# What an attempt keeps of the promo document (snapshot["document"]["state"]).
DOCUMENT_INCLUDED = "included"  # frozen, as any manager could read it that day
DOCUMENT_NOT_SHARED = "not_shared"  # the engineer had not shared it with managers: no text kept
DOCUMENT_NONE = "none"  # there was no document for the level

ADD_NOT_PENDING = "The committee has decided; what was submitted can no longer change."
ADD_ALREADY = "Your promo document is already part of this submission."
ADD_NO_DOCUMENT = "You have no promo document for {level} yet: start one, then add it here."


def _frozen_document(engineer: AbstractBaseUser, level: Level, *, as_of: date) -> dict:
    """The engineer's document for the level as any manager could read it, one entry per
    behaviour; no text at all when managers may not read it (a frozen copy never shows a reader
    more than the live document would)."""
    document = PromoDocument.objects.filter(engineer=engineer, level=level).first()
    if document is None:
        return {"state": DOCUMENT_NONE}
    if not may_read(document, access.Relation(is_manager=True)):
        return {"state": DOCUMENT_NOT_SHARED}
    draft = build(document, scope=manager_scope(engineer), today=as_of)
    return {
        "state": DOCUMENT_INCLUDED,
        "period_start": document.period_start.isoformat(),
        "period_end": document.period_end.isoformat(),
        "sections": [
            {"behaviour": section.behaviour.name, "markdown": _section_markdown(section)}
            for section in draft.sections
        ],
    }


def snapshot(engineer: AbstractBaseUser, level: Level, *, as_of: date) -> dict:
    """Readiness and the document as any manager of the engineer saw them on `as_of`."""
    scope = manager_scope(engineer)
    policy = _policy(level)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank"))
    window = readiness.window_indexes(as_of, policy)
    months = readiness.months_of(window, policy)
    claims, _ = selectors.claims_of(None, engineer, as_of=as_of, months=months, scope=scope)
    found = readiness.assess(
        claims,
        [(b.pk, b.name) for b in behaviours],
        as_of=as_of,
        policy=policy,
        range_periods=len(window),
    ).readiness
    return {
        "as_of": as_of.isoformat(),
        "level": level.name,
        "status": found.status,
        "reasons": list(found.reasons),
        "behaviours": [
            {
                "name": b.name,
                "status": b.status,
                "demonstrated": b.demonstrated_periods,
                "window": b.window_periods,
            }
            for b in found.behaviours
        ],
        "document": _frozen_document(engineer, level, as_of=as_of),
    }


def document_state(attempt: PromoAttempt) -> str:
    return attempt.snapshot.get("document", {}).get("state", DOCUMENT_NONE)


def attempt_record(
    *, actor: AbstractBaseUser, engineer: AbstractBaseUser, level: Level, submitted_on: date
) -> PromoAttempt:
    relation = access.relation(actor, engineer)
    if not may_record(relation):
        raise PermissionDenied
    if submitted_on > timezone.localdate():
        raise ValidationError("A submission cannot be dated in the future.")
    attempt = PromoAttempt.objects.create(
        engineer=engineer,
        level=level,
        submitted_on=submitted_on,
        recorded_by=actor,
        snapshot=snapshot(engineer, level, as_of=submitted_on),
    )
    url = reverse("reviews:attempt", args=[attempt.pk])
    name = display_name(engineer)
    if relation.is_self:
        notify(
            recipients=[p.user for p in _managers(engineer)],
            actor=actor,
            kind=Notification.Kind.ATTEMPT,
            text=f"A promotion submission for {name} to {level.name} was recorded.",
            url=url,
        )
        return attempt
    text = f"{display_name(actor)} recorded your promotion submission to {level.name}."
    if document_state(attempt) == DOCUMENT_NOT_SHARED:
        text += (
            " Your promo document is not shared with managers, so it is not part of it: "
            "open the submission to add it."
        )
    notify(recipients=[engineer], actor=actor, kind=Notification.Kind.ATTEMPT, text=text, url=url)
    return attempt


@transaction.atomic
def attempt_add_document(attempt: PromoAttempt, *, actor: AbstractBaseUser) -> PromoAttempt:
    """The engineer adds their document to a pending submission recorded without it: the
    document is shared with their managers (as the live one then is) and frozen as they read it,
    with the evidence as it stood on the day of the submission."""
    locked = (
        PromoAttempt.objects.select_for_update()
        .select_related("engineer", "level")
        .get(pk=attempt.pk)
    )
    engineer, level = locked.engineer, locked.level
    if actor.pk != engineer.pk:
        raise PermissionDenied
    if locked.outcome != PromoAttempt.Outcome.PENDING:
        raise ValidationError(ADD_NOT_PENDING)
    if document_state(locked) == DOCUMENT_INCLUDED:
        raise ValidationError(ADD_ALREADY)
    document = PromoDocument.objects.filter(engineer=engineer, level=level).first()
    if document is None:
        raise ValidationError(ADD_NO_DOCUMENT.format(level=level.name))
    if not document.share_manager:
        document_share(
            document,
            actor=actor,
            share_manager=True,
            share_mentors=document.share_mentors,
            period_start=document.period_start,
            period_end=document.period_end,
            tell=False,
        )
    frozen = _frozen_document(engineer, level, as_of=locked.submitted_on)
    frozen["added_on"] = timezone.localdate().isoformat()
    locked.snapshot = {**locked.snapshot, "document": frozen}
    locked.save(update_fields=["snapshot"])
    notify(
        recipients=[p.user for p in _managers(engineer)],
        actor=actor,
        kind=Notification.Kind.ATTEMPT,
        text=f"{display_name(engineer)} shared their promo document with their managers and "
        f"added it to the submission to {level.name}.",
        url=reverse("reviews:attempt", args=[locked.pk]),
    )
    return locked


def committee_points(text: str) -> list[str]:
    """Committee feedback, one point per non-empty line, list markers removed."""
    points = []
    for line in text.splitlines():
        point = LIST_MARKER.sub("", line.strip(), count=1).strip()
        if point:
            points.append(point)
    return points


@transaction.atomic
def attempt_decide(
    attempt: PromoAttempt,
    *,
    actor: AbstractBaseUser,
    outcome: str,
    decided_on: date,
    feedback: str,
) -> PromoAttempt:
    """Record the committee's decision once; each line of its feedback becomes a point."""
    locked = PromoAttempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.outcome != PromoAttempt.Outcome.PENDING:
        raise ValidationError("The outcome of this attempt is already recorded.")
    if outcome not in (PromoAttempt.Outcome.APPROVED, PromoAttempt.Outcome.DENIED):
        raise ValidationError("Choose approved or denied.")
    if decided_on < locked.submitted_on:
        raise ValidationError("The decision cannot come before the submission.")
    if decided_on > timezone.localdate():
        raise ValidationError("A decision cannot be dated in the future.")
    locked.outcome, locked.decided_on, locked.committee_feedback = outcome, decided_on, feedback
    locked.save(update_fields=["outcome", "decided_on", "committee_feedback"])
    CommitteePoint.objects.bulk_create(
        CommitteePoint(attempt=locked, text=point) for point in committee_points(feedback)
    )
    engineer = locked.engineer
    notify(
        recipients=[engineer, *[p.user for p in _managers(engineer)]],
        actor=actor,
        kind=Notification.Kind.ATTEMPT,
        text=f"The committee's decision on the promotion to {locked.level.name}: {outcome}.",
        url=reverse("reviews:attempt", args=[locked.pk]),
    )
    return locked


def point_add(attempt: PromoAttempt, text: str) -> CommitteePoint:
    if attempt.outcome == PromoAttempt.Outcome.PENDING:
        raise ValidationError("Record the committee's decision first.")
    return CommitteePoint.objects.create(attempt=attempt, text=text.strip())


def point_track(point: CommitteePoint, behaviour: Behaviour) -> CommitteePoint:
    """Make a point of feedback a gap on a behaviour of the level the attempt was for."""
    if behaviour.level_id != point.attempt.level_id:
        raise ValidationError("Choose a behaviour of the level this attempt was for.")
    point.behaviour = behaviour
    point.tracked_at = point.tracked_at or timezone.now()
    point.resolved_at = None
    point.save(update_fields=["behaviour", "tracked_at", "resolved_at"])
    return point


def point_resolve(point: CommitteePoint) -> CommitteePoint:
    if not point.is_open_gap:
        raise ValidationError("Only an open gap can be resolved.")
    point.resolved_at = timezone.now()
    point.save(update_fields=["resolved_at"])
    return point


def open_committee_gaps(
    engineer: AbstractBaseUser, *, at: datetime | None = None
) -> list[CommitteePoint]:
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
