"""Demo promotion packets: documents in progress; the common story of a denial, the work on
its feedback, and an approval half a year later; and clerical-error checks.

Amara (demo-engineer) is writing her case for Staff and has shared it with her manager and
mentor. Mei has only just begun hers and has no mentor yet, so its warnings say that none of
her evidence is confirmed. Owen was put
forward for Principal in the spring and denied; the committee's three
points became points to work on, and his second submission was approved last week.
Before it, his manager asked three senior people whether they would say he already worked at
Principal; Jonas has just asked two people the same about Staff, and Lena has yet to answer.
"""

from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from promo.models import Behaviour, Level
from promo.notifications import quiet
from reviews.checks import services as checks
from reviews.demo import content
from reviews.demo.content import CheckAnswer
from reviews.demo.people import Org
from reviews.models import (
    CheckQuestion,
    ClericalCheck,
    CommitteePoint,
    Narrative,
    PromoAttempt,
    PromoDocument,
)
from reviews.packet import selectors as packet_selectors
from reviews.packet import services as packet


def _behaviours(level: Level) -> dict[str, Behaviour]:
    return {b.slug: b for b in Behaviour.objects.filter(level=level)}


def _document(engineer: User, narratives: dict[str, str], today: date) -> None:
    """A document for the engineer's target level with these narratives, shared with their
    manager and mentors."""
    level = engineer.person.target_level
    if level is None or PromoDocument.objects.filter(engineer=engineer, level=level).exists():
        return
    start, end = packet_selectors.default_period(today)
    document = packet.document_start(engineer, level=level, period_start=start, period_end=end)
    behaviours = _behaviours(level)
    for slug, text in narratives.items():
        if slug in behaviours:
            Narrative.objects.create(document=document, behaviour=behaviours[slug], text=text)
    document.share_manager = document.share_mentors = True
    document.save()


def _owen(engineer: User, manager: User, today: date) -> None:
    level = engineer.person.target_level
    if level is None or PromoAttempt.objects.filter(engineer=engineer).exists():
        return
    behaviours = _behaviours(level)
    denied = packet.attempt_record(
        actor=manager, engineer=engineer, level=level, submitted_on=today - timedelta(days=196)
    )
    denied = packet.attempt_decide(
        denied,
        actor=manager,
        outcome=PromoAttempt.Outcome.DENIED,
        decided_on=today - timedelta(days=175),
        feedback=content.denial_feedback(),
    )
    points = list(denied.points.order_by("pk"))
    for point, slug, weeks in zip(points, content.denial_behaviours(), (20, 12, 6), strict=True):
        packet.point_track(point, behaviours[slug])
        packet.point_resolve(point)
        resolved = timezone.now() - timedelta(weeks=weeks)
        CommitteePoint.objects.filter(pk=point.pk).update(
            tracked_at=timezone.now() - timedelta(days=170), resolved_at=resolved
        )
    approved = packet.attempt_record(
        actor=manager, engineer=engineer, level=level, submitted_on=today - timedelta(days=30)
    )
    packet.attempt_decide(
        approved,
        actor=manager,
        outcome=PromoAttempt.Outcome.APPROVED,
        decided_on=today - timedelta(days=6),
        feedback=content.approval_feedback(),
    )


def _check(
    users: dict[str, User],
    engineer: str,
    asker: str,
    answers: tuple[CheckAnswer, ...],
    *,
    age: int,
    days: int,
) -> None:
    """A check asked `age` days ago that stays open for `days`, answered as listed."""
    if ClericalCheck.objects.filter(engineer=users[engineer]).exists():
        return
    made = checks.check_create(
        engineer=users[engineer],
        asked_by=users[asker],
        respondents=[users[name] for name, _, _ in answers],
        expires_in_days=days,
        share_document=True,
    )
    asked = timezone.now() - timedelta(days=age)
    for n, (name, answer, comment) in enumerate(answers, start=1):
        if answer is None:
            continue
        question = made.questions.get(respondent=users[name])
        question = checks.check_answer(
            question=question, respondent=users[name], answer=answer, comment=comment
        )
        CheckQuestion.objects.filter(pk=question.pk).update(answered_at=asked + timedelta(days=n))
    # Answered while it was open; now moved back to when it was really asked.
    ClericalCheck.objects.filter(pk=made.pk).update(
        created_at=asked, expires_at=asked + timedelta(days=days)
    )


def seed(org: Org) -> None:
    users = org["users"]
    today = timezone.localdate()
    with quiet():
        # Mei has no mentor yet: every behaviour of hers warns "unconfirmed".
        for username, narratives in content.narratives().items():
            if username in users:
                _document(users[username], narratives, today)
        if "owen.clarke" in users and "hana.kovac" in users:
            _owen(users["owen.clarke"], users["hana.kovac"], today)
        names = {"owen.clarke", "hana.kovac", "jonas.becker", "demo-mentor", "demo-manager"}
        if names | {"lena.fischer"} <= users.keys():
            answers = content.check_answers()
            _check(users, "owen.clarke", "hana.kovac", answers["owen.clarke"], age=45, days=14)
            _check(users, "jonas.becker", "jonas.becker", answers["jonas.becker"], age=3, days=14)
