"""The demo's people: two teams, a skip-level manager, a principal mentor, mentorships.

Idempotent: people are matched by username and brought back to this shape on every run. Who
they are is in data/people.toml.
"""

from datetime import datetime, timedelta
from typing import TypedDict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from promo import services
from promo.models import Ladder, Level, Mentorship, Person, Team
from promo.notifications import quiet
from reviews.demo import content

DEMO_PASSWORD = "demo"


class Org(TypedDict):
    """The demo organisation as later parts of the seed build on it."""

    users: dict[str, User]  # by username
    ladder: Ladder


def _mentorship(mentor: User, engineer: User, state: str) -> None:
    """Bring one mentor/engineer pair to `state` through the same steps people take."""
    pair = Mentorship.objects.filter(mentor=mentor, engineer=engineer)
    if pair.filter(state=state).exists():
        return
    live = pair.filter(state__in=[Mentorship.State.INVITED, Mentorship.State.ACTIVE]).first()
    if live is None:
        live = services.mentorship_invite(engineer=engineer, mentor=mentor)
    if state in (Mentorship.State.ACTIVE, Mentorship.State.ENDED) and live.state == "invited":
        services.mentorship_accept(mentorship=live)
    if state == Mentorship.State.ENDED:
        services.mentorship_end(mentorship=live, by=engineer)


def _date_mentorships(users: dict[str, User]) -> None:
    """Give the demo's mentorships a past: most began before the evidence does."""
    now = timezone.now()
    for link in Mentorship.objects.filter(engineer__in=users.values()):
        dates: dict[str, datetime]
        if link.state == Mentorship.State.INVITED:
            dates = {"invited_at": now - timedelta(days=3)}
        elif link.state == Mentorship.State.ENDED:
            dates = {
                "invited_at": now - timedelta(days=730),
                "started_at": now - timedelta(days=725),
                "ended_at": now - timedelta(days=210),
            }
        else:
            dates = {
                "invited_at": now - timedelta(days=600),
                "started_at": now - timedelta(days=596),
            }
        Mentorship.objects.filter(pk=link.pk).update(**dates)


@transaction.atomic
def seed() -> Org:
    """Create or refresh the demo organisation; returns the users by username for later apps."""
    ladder = services.ladder_install_default()
    levels = {level.slug: level for level in Level.objects.filter(ladder=ladder)}
    users: dict[str, User] = {}
    for p in content.people():
        user, _ = get_user_model().objects.update_or_create(
            username=p.username,
            defaults={
                "first_name": p.first_name,
                "last_name": p.last_name,
                "email": f"{p.username}@example.com",
                "is_staff": p.is_staff,
                "is_superuser": p.is_staff,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        users[p.username] = user
    for p in content.people():
        services.person_save(
            user=users[p.username],
            current_level=levels[p.level] if p.level else None,
            manager=users[p.manager] if p.manager else None,
            team=Team.objects.get_or_create(name=p.team)[0] if p.team else None,
            title=p.title,
        )
    for mentor, engineer, state in content.mentorships():
        # History is not news: only a pending invitation becomes a notification, never an email.
        with quiet(emails_only=state == Mentorship.State.INVITED):
            _mentorship(users[mentor], users[engineer], state)
    for p in content.people():
        Person.objects.filter(user=users[p.username]).update(forge_username=p.forge_username)
    _date_mentorships(users)
    # They have used Promo for months: each answered "who should see your work?" long ago.
    answered = timezone.now() - timedelta(days=600)
    Person.objects.filter(user__in=users.values()).update(sharing_chosen_at=answered)
    return Org(users=users, ladder=ladder)
