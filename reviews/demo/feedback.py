"""Demo feedback: mentors reviewing their mentees' shared entries over the last 18 months.

Older feedback is mostly resolved after a short exchange; recent feedback is open or addressed;
the newest entries wait in the mentors' inboxes. Verdicts follow each engineer's real strengths
(so readiness has something honest to show). Only each mentee's two newest reviews become
notifications, and none is emailed.
"""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from evidence.models import Entry
from promo import access
from promo.models import Mentorship
from promo.notifications import quiet
from reviews.demo import content
from reviews.demo.content import Note
from reviews.demo.people import Org
from reviews.feedback import services
from reviews.models import Feedback, Reply, Verdict

# (demonstrated, flashes, gap) weights for the verdicts each engineer's work tends to earn.
STRENGTH = {
    "owen.clarke": (0.9, 0.08, 0.02),
    "demo-engineer": (0.8, 0.17, 0.03),
    "jonas.becker": (0.9, 0.08, 0.02),
    "priya.raman": (0.45, 0.4, 0.15),
    "tomas.ruiz": (0.3, 0.45, 0.25),
    "mei.lin": (0.4, 0.4, 0.2),
}
# Of a mentee's older shared entries, the share their mentor reviewed.
REVIEW_SHARE = {"owen.clarke": 0.95, "demo-engineer": 0.95, "jonas.becker": 0.95}
DEFAULT_REVIEW_SHARE = 0.6
FRESH_PER_MENTEE = 2  # newest reviews per mentee left open and unanswered
VERDICT_ORDER = [Verdict.GAP, Verdict.FLASHES, Verdict.DEMONSTRATED]


def _at(day: date, rng: random.Random) -> datetime:
    moment = datetime.combine(day, time(hour=rng.randint(9, 17), minute=rng.randint(0, 59)))
    return timezone.make_aware(moment)


def _note(slug: str, verdict: str, rng: random.Random, used: set[Note]) -> Note | None:
    """A note this mentor has not yet written to this engineer (nobody repeats themselves)."""
    fitting = [n for n in content.notes().get(slug, ()) if n.verdict == verdict and n not in used]
    if not fitting:
        return None
    note = rng.choice(fitting)
    used.add(note)
    return note


def _review(
    entry: Entry,
    mentor: User,
    weights: tuple[float, float, float],
    rng: random.Random,
    used: set[Note],
) -> Feedback | None:
    claimed = list(entry.behaviours.all())
    if not claimed:
        return None
    verdicts = {b: rng.choices(VERDICT_ORDER[::-1], weights=weights)[0] for b in claimed}
    weakest = min(claimed, key=lambda b: VERDICT_ORDER.index(verdicts[b]))
    note = _note(weakest.slug, verdicts[weakest], rng, used)
    if note is None:
        return None
    data = services.FeedbackData(
        body=note.body,
        verdicts={b.pk: v for b, v in verdicts.items()},
        gap_note=note.gap,
        gap_behaviour=weakest if note.gap else None,
    )
    return services.feedback_post(entry=entry, mentor=mentor, data=data)


def _converse(feedback: Feedback, *, age_days: int, rng: random.Random) -> None:
    """The engineer answers; the mentor follows up and usually resolves older threads."""
    engineer, mentor = feedback.entry.author, feedback.author
    answer_chance = 1.0 if age_days > 56 else 0.6 if age_days > 28 else 0.35
    if rng.random() < answer_chance:
        services.reply_post(feedback=feedback, author=engineer, body=rng.choice(content.replies()))
    if age_days > 56 and rng.random() < 0.85:
        if rng.random() < 0.6:
            services.reply_post(
                feedback=feedback, author=mentor, body=rng.choice(content.follow_ups())
            )
        feedback.refresh_from_db()
        services.feedback_set_state(feedback=feedback, by=mentor, to=Feedback.State.RESOLVED)


def _backdate(feedback: Feedback, when: datetime) -> None:
    Feedback.objects.filter(pk=feedback.pk).update(
        created_at=when, updated_at=when + timedelta(days=3), judged_at=when
    )
    for n, reply in enumerate(Reply.objects.filter(feedback=feedback).order_by("pk"), start=1):
        Reply.objects.filter(pk=reply.pk).update(created_at=when + timedelta(days=n))


def seed(org: Org) -> None:
    users = org["users"]
    if Feedback.objects.filter(entry__author__in=users.values()).exists():
        return  # already there; a rerun adds nothing
    rng = random.Random(424242)
    today = timezone.localdate()
    recent = today - timedelta(days=7)  # last week's entries still wait in the inbox
    yesterday = today - timedelta(days=1)
    links = Mentorship.objects.active().filter(engineer__in=users.values())
    links = links.select_related("mentor", "engineer")
    for link in links:
        rng = random.Random(
            f"promo-demo-{link.mentor.get_username()}-{link.engineer.get_username()}"
        )
        weights = STRENGTH.get(link.engineer.get_username(), (0.4, 0.4, 0.2))
        entries = Entry.objects.live().filter(
            author=link.engineer, visibility__in=sorted(access.MENTOR_SEES), week_start__lt=recent
        )
        fresh = 0
        used: set[Note] = set()
        for entry in entries.prefetch_related("behaviours").order_by("-week_start", "-pk"):
            share = REVIEW_SHARE.get(link.engineer.get_username(), DEFAULT_REVIEW_SHARE)
            if fresh >= FRESH_PER_MENTEE and rng.random() > share:
                continue
            when = _at(min(entry.week_start + timedelta(days=rng.randint(3, 9)), yesterday), rng)
            age_days = (today - when.date()).days
            # The newest reviews are news: open, unanswered, and in the engineer's notifications.
            is_fresh = fresh < FRESH_PER_MENTEE
            with quiet(emails_only=is_fresh):
                feedback = _review(entry, link.mentor, weights, rng, used)
                if feedback is not None and not is_fresh:
                    _converse(feedback, age_days=age_days, rng=rng)
            if feedback is not None:
                fresh += 1
                _backdate(feedback, when)
