"""The demo organisation: two teams, a skip-level manager, a principal mentor, mentorships.

Idempotent: people are matched by username and brought back to this shape on every run.
Later apps add to it through their own `demo.seed()` (see the seed_demo command).
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from promo import ladder_files, selectors, services
from promo.models import Ladder, Level, Mentorship, Team
from promo.notifications import quiet

DEMO_PASSWORD = "demo"
DEFAULT_LADDER_FILE = Path(__file__).resolve().parent / "ladders" / "default.toml"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    title: str
    level: str | None
    team: str | None
    manager: str | None
    is_staff: bool = False


PEOPLE = [
    DemoPerson("demo-admin", "Sam", "Whitfield", "Engineering operations", None, None, None, True),
    DemoPerson("demo-manager", "Ravi", "Menon", "Engineering Manager", None, "Payments", None),
    DemoPerson(
        "hana.kovac",
        "Hana",
        "Kovač",
        "Engineering Manager",
        None,
        "Developer Experience",
        "demo-manager",
    ),
    DemoPerson("demo-mentor", "Grace", "Adeyemi", "Principal Engineer", "principal", None, None),
    # A senior voice outside every reporting line and mentorship: asked in clerical-error checks.
    DemoPerson("lena.fischer", "Lena", "Fischer", "Principal Engineer", "principal", None, None),
    DemoPerson(
        "demo-engineer", "Amara", "Okafor", "Senior Engineer", "senior", "Payments", "demo-manager"
    ),
    DemoPerson(
        "tomas.ruiz", "Tomás", "Ruiz", "Software Engineer", "engineer-2", "Payments", "demo-manager"
    ),
    DemoPerson(
        "mei.lin", "Mei", "Lin", "Software Engineer", "engineer-1", "Payments", "demo-manager"
    ),
    DemoPerson(
        "jonas.becker",
        "Jonas",
        "Becker",
        "Senior Engineer",
        "senior",
        "Developer Experience",
        "hana.kovac",
    ),
    DemoPerson(
        "priya.raman",
        "Priya",
        "Raman",
        "Software Engineer",
        "engineer-2",
        "Developer Experience",
        "hana.kovac",
    ),
    DemoPerson(
        "owen.clarke",
        "Owen",
        "Clarke",
        "Staff Engineer",
        "staff",
        "Developer Experience",
        "hana.kovac",
    ),
]

# (mentor, engineer, state)
MENTORSHIPS = [
    ("demo-mentor", "demo-engineer", Mentorship.State.ACTIVE),
    ("demo-mentor", "tomas.ruiz", Mentorship.State.ACTIVE),
    ("demo-mentor", "owen.clarke", Mentorship.State.ACTIVE),
    ("demo-mentor", "jonas.becker", Mentorship.State.ENDED),
    ("demo-mentor", "mei.lin", Mentorship.State.INVITED),
    ("demo-engineer", "priya.raman", Mentorship.State.ACTIVE),
    ("owen.clarke", "jonas.becker", Mentorship.State.ACTIVE),
]


def default_ladder() -> Ladder:
    ladder = Ladder.objects.filter(slug=selectors.DEFAULT_LADDER_SLUG).first()
    if ladder is None:
        spec = ladder_files.parse(DEFAULT_LADDER_FILE.read_text(encoding="utf-8"), "toml")
        ladder = services.ladder_import(spec=spec)
    return ladder


def _mentorship(mentor, engineer, state: str) -> None:  # noqa: ANN001 - users
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


def _date_mentorships(users: dict) -> None:
    """Give the demo's mentorships a past: most began before the evidence does."""
    now = timezone.now()
    for link in Mentorship.objects.filter(engineer__in=users.values()):
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
def seed() -> dict[str, object]:
    """Create or refresh the demo organisation; returns the users by username for later apps."""
    User = get_user_model()
    ladder = default_ladder()
    levels = {level.slug: level for level in Level.objects.filter(ladder=ladder)}
    users = {}
    for p in PEOPLE:
        user, _ = User.objects.update_or_create(
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
    for p in PEOPLE:
        services.person_save(
            user=users[p.username],
            current_level=levels[p.level] if p.level else None,
            manager=users[p.manager] if p.manager else None,
            team=Team.objects.get_or_create(name=p.team)[0] if p.team else None,
            title=p.title,
        )
    for mentor, engineer, state in MENTORSHIPS:
        # History is not news: only a pending invitation becomes a notification, never an email.
        with quiet(emails_only=state == Mentorship.State.INVITED):
            _mentorship(users[mentor], users[engineer], state)
    _date_mentorships(users)
    return {"users": users, "ladder": ladder}
