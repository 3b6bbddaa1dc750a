"""Demo promotion packets: documents in progress; the common story of a denial, the work on
its feedback, and an approval half a year later; and clerical-error checks.

Amara (demo-engineer) is writing her case for Staff and has shared it with her manager and
mentor. Mei has only just begun hers and has no mentor yet, so its warnings say that none of
her evidence is confirmed. Owen was put
forward for Principal in the spring and denied; the committee's three
points became gaps he worked through, and his second submission was approved last week.
Before it, his manager asked three senior people whether they would be surprised he was not yet
Principal; Jonas has just asked two people the same about Staff, and Lena has yet to answer.
"""

from datetime import date, timedelta

from django.utils import timezone

from promo.models import Behaviour, Level
from promo.notifications import quiet
from reviews.checks import services as checks
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

AMARA_NARRATIVES = {
    "scope-and-impact": (
        "This year my work moved from one service to the payments platform as a whole. The "
        "ledger v2 vision set the direction for three teams, and the chargeback alerts I "
        "designed now protect every merchant we serve, not only the ones my team owns.\n\n"
        "The measured results are in the evidence below: no network monitoring fines this "
        "quarter, and finance changes fees without an engineer."
    ),
    "leaving-things-better": (
        "I look for the second time a problem comes up and turn it into a mechanism. Fee "
        "tables moved into versioned config, the reconciliation runbook became a check that "
        "runs itself, and the onboarding course means new joiners stop asking me the same "
        "five questions."
    ),
    "growing-others": (
        "I mentor Priya on Developer Experience and two engineers on Payments. The aim is "
        "that they unblock themselves: Priya now runs the design review I used to run, and "
        "the on-call rota no longer pages me for settlement questions."
    ),
}

OWEN_NARRATIVES = {
    "cross-team-leadership": (
        "After the spring review I stopped solving build problems for Developer Experience alone. "
        "I ran the build-cache working group with one engineer from each product group; four of "
        "them now run the cache in their own pipelines and review each other's changes to it."
    ),
    "long-term-vision": (
        "The build-cache vision set a three-year direction. Since the spring it has an owner in "
        "every group that adopted it and a roadmap those owners wrote, not me."
    ),
    "growing-others": (
        "I mentor Jonas; he now runs the platform office hours and mentors two engineers himself. "
        "The people I grew are growing others, which is what the committee asked to see."
    ),
}
MEI_NARRATIVES = {
    "ownership": (
        "I own the refund webhooks end to end now: I wrote the alerts, I am on the rota for them, "
        "and when the partner changed their payload I found out before support did."
    ),
}

DENIAL_FEEDBACK = (
    "Most of the evidence sits inside Developer Experience; we want to see work that changed "
    "how other groups build.\n"
    "The build-cache vision is strong, but no team outside yours had adopted it when the "
    "packet was written.\n"
    "Mentoring is described one-to-one; show that the people you grew now grow others."
)
DENIAL_BEHAVIOURS = ["cross-team-leadership", "long-term-vision", "growing-others"]
APPROVAL_FEEDBACK = (
    "Clear, sustained evidence across the organisation since the last review. The committee "
    "noted the adoption of the build cache by four product groups.\n"
    "Effective from the start of the next cycle."
)


def _behaviours(level: Level) -> dict[str, Behaviour]:
    return {b.slug: b for b in Behaviour.objects.filter(level=level)}


def _document(engineer, narratives: dict[str, str], today: date) -> None:  # noqa: ANN001 - user
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


def _owen(engineer, manager, today: date) -> None:  # noqa: ANN001 - users
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
        feedback=DENIAL_FEEDBACK,
    )
    points = list(denied.points.order_by("pk"))
    for point, slug, weeks in zip(points, DENIAL_BEHAVIOURS, (20, 12, 6), strict=True):
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
        feedback=APPROVAL_FEEDBACK,
    )


# (respondent, answer, comment); an answer of None is still waiting.
OWEN_CHECK = [
    (
        "demo-mentor",
        CheckQuestion.Answer.YES,
        "He already runs the build-cache working group across four groups. I had assumed he was "
        "Principal.",
    ),
    (
        "lena.fischer",
        CheckQuestion.Answer.YES,
        "In every design review I have seen him in, he was the one who changed the direction.",
    ),
    (
        "demo-manager",
        CheckQuestion.Answer.NOT_SURE,
        "I see his work mostly through Hana's updates, so I cannot judge it first-hand.",
    ),
]
JONAS_CHECK = [
    (
        "owen.clarke",
        CheckQuestion.Answer.NO,
        "Not yet. Another quarter of leading work outside Developer Experience and I would be.",
    ),
    ("lena.fischer", None, ""),
]


def _check(users: dict, engineer: str, asker: str, answers: list, *, age: int, days: int) -> None:
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


def seed(org: dict) -> None:
    users = org["users"]
    today = timezone.localdate()
    with quiet():
        for username, narratives in (
            ("demo-engineer", AMARA_NARRATIVES),
            ("owen.clarke", OWEN_NARRATIVES),
            ("mei.lin", MEI_NARRATIVES),  # no mentor yet: every behaviour warns "unconfirmed"
        ):
            if username in users:
                _document(users[username], narratives, today)
        if "owen.clarke" in users and "hana.kovac" in users:
            _owen(users["owen.clarke"], users["hana.kovac"], today)
        names = {"owen.clarke", "hana.kovac", "jonas.becker", "demo-mentor", "demo-manager"}
        if names | {"lena.fischer"} <= users.keys():
            _check(users, "owen.clarke", "hana.kovac", OWEN_CHECK, age=45, days=14)
            _check(users, "jonas.becker", "jonas.becker", JONAS_CHECK, age=3, days=14)
