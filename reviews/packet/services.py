"""Writes of the promotion packet: documents and their sharing, attempts, the committee's
points and the gaps they become. Who may do what is checked here, not only in views."""

import re
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry
from promo import access, audit
from promo import services as promo_services
from promo.models import Behaviour, Level, Mentorship, Notification, Person, display_name
from promo.notifications import notify
from reviews.packet.access import may_record
from reviews.packet.models import (
    CommitteePoint,
    Curation,
    Narrative,
    PromoAttempt,
    PromoDocument,
)
from reviews.packet.selectors import (
    DOCUMENT_INCLUDED,
    DOCUMENT_NOT_SHARED,
    _frozen_document,
    document_state,
    draft_for,
    snapshot,
)

LIST_MARKER = re.compile(r"^(?:[-*•]\s*|\d+[.)]\s+)")  # "- ", "•", "2. ", "3) "; not "10.5%"


def document_start(
    engineer: User, *, level: Level, period_start: date, period_end: date
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


CURATE_ACTIONS = ("pin", "unpin", "hide", "show", "up", "down")


CURATE_UNKNOWN = "Choose pin, unpin, hide, show, move up or move down."


CURATE_NOT_EVIDENCE = "That entry is not evidence for this behaviour in your document."


@transaction.atomic
def evidence_curate(
    document: PromoDocument, *, behaviour: Behaviour, entry: Entry, action: str
) -> None:
    """The engineer pins, unpins, hides, shows, or moves a pinned entry up or down, under one
    behaviour of their document. Hiding leaves it out of the packet only: readiness never reads
    a curation. Moves are among the pinned entries as the engineer sees them."""
    if action not in CURATE_ACTIONS:
        raise ValidationError(CURATE_UNKNOWN)
    if behaviour.level_id != document.level_id or entry.author_id != document.engineer_id:
        raise ValidationError(CURATE_NOT_EVIDENCE)
    PromoDocument.objects.select_for_update().filter(pk=document.pk).first()  # one at a time
    rows = Curation.objects.filter(document=document, behaviour=behaviour)
    if action in ("unpin", "show"):
        rows.filter(entry=entry).delete()
    elif action == "hide":
        Curation.objects.update_or_create(
            document=document,
            behaviour=behaviour,
            entry=entry,
            defaults={"choice": Curation.Choice.HIDDEN, "position": 0},
        )
    else:
        section = next(
            s for s in draft_for(document, document.engineer).sections if s.behaviour == behaviour
        )
        order = section.pinned
        if action == "pin" and entry.pk not in order:
            if entry.pk not in {e.entry.pk for e in section.evidence + section.hidden}:
                raise ValidationError(CURATE_NOT_EVIDENCE)
            order.append(entry.pk)
        elif action in ("up", "down") and entry.pk in order:
            at = order.index(entry.pk)
            to = max(0, min(len(order) - 1, at + (-1 if action == "up" else 1)))
            order[at], order[to] = order[to], order[at]
        rows.filter(entry_id__in=order).delete()  # pinning a hidden entry shows it
        Curation.objects.bulk_create(
            Curation(
                document=document,
                behaviour=behaviour,
                entry_id=entry_id,
                choice=Curation.Choice.PINNED,
                position=position,
            )
            for position, entry_id in enumerate(order)
        )
    PromoDocument.objects.filter(pk=document.pk).update(updated_at=timezone.now())


def document_share(
    document: PromoDocument,
    *,
    actor: User,
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


def _managers(engineer: User) -> list[Person]:
    """The engineer's direct manager (a Person), or nobody."""
    person = getattr(engineer, "person", None)
    return [person.manager] if person and person.manager_id else []


ADD_NOT_PENDING = "The committee has decided; what was submitted can no longer change."


ADD_ALREADY = "Your promo document is already part of this submission."


ADD_NO_DOCUMENT = "You have no promo document for {level} yet: start one, then add it here."


def attempt_record(
    *, actor: User, engineer: User, level: Level, submitted_on: date
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
def attempt_add_document(attempt: PromoAttempt, *, actor: User) -> PromoAttempt:
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
    actor: User,
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


NOT_APPROVED = "Only an approved promotion moves someone to its level."
ALREADY_THERE = "{name} is already at {level}."
MOVED_BEFORE_DECISION = "The move cannot come before the committee's decision."
MOVED_IN_FUTURE = "A move cannot be dated in the future."


@transaction.atomic
def attempt_promote(attempt: PromoAttempt, *, actor: User, on: date) -> Person:
    """After an approval, a manager moves the engineer to the attempt's level from `on`, aiming
    them at the next one. The attempt keeps the readiness picture as it was when submitted."""
    if not access.relation(actor, attempt.engineer).is_manager:
        raise PermissionDenied
    locked = PromoAttempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.outcome != PromoAttempt.Outcome.APPROVED:
        raise ValidationError(NOT_APPROVED)
    if locked.decided_on and on < locked.decided_on:
        raise ValidationError(MOVED_BEFORE_DECISION)
    if on > timezone.localdate():
        raise ValidationError(MOVED_IN_FUTURE)
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("current_level")
        .get(user_id=locked.engineer_id)
    )
    name = display_name(locked.engineer)
    if person.current_level_id == locked.level_id:
        raise ValidationError(ALREADY_THERE.format(name=name, level=locked.level.name))
    before = person.current_level.name if person.current_level else "no level"
    person.current_level = locked.level
    person.target_level = promo_services.next_level(locked.level)
    person.save(update_fields=["current_level", "target_level"])
    locked.moved_on = on
    locked.save(update_fields=["moved_on"])
    audit.record(
        audit.LEVEL_CHANGED,
        actor=actor,
        target=person,
        detail=f"{before} → {locked.level.name} from {on.isoformat()}",
    )
    notify(
        recipients=[locked.engineer],
        actor=actor,
        kind=Notification.Kind.ATTEMPT,
        text=f"Congratulations: {display_name(actor)} moved you to {locked.level.name} from "
        f"{on:%-d %B %Y}.",
        url=reverse("reviews:attempt", args=[locked.pk]),
    )
    return person


def point_add(attempt: PromoAttempt, text: str) -> CommitteePoint:
    if attempt.outcome == PromoAttempt.Outcome.PENDING:
        raise ValidationError("Record the committee's decision first.")
    return CommitteePoint.objects.create(attempt=attempt, text=text.strip())


def point_track(point: CommitteePoint, behaviour: Behaviour) -> CommitteePoint:
    """Make a point of feedback a point to work on, under a behaviour of the attempt's level."""
    if behaviour.level_id != point.attempt.level_id:
        raise ValidationError("Choose a behaviour of the level this attempt was for.")
    point.behaviour = behaviour
    point.tracked_at = point.tracked_at or timezone.now()
    point.resolved_at = None
    point.save(update_fields=["behaviour", "tracked_at", "resolved_at"])
    return point


def point_resolve(point: CommitteePoint) -> CommitteePoint:
    if not point.is_open_gap:
        raise ValidationError("Only an open point to work on can be resolved.")
    point.resolved_at = timezone.now()
    point.save(update_fields=["resolved_at"])
    return point
