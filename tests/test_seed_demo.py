"""The demo organisation: the product's first impression, safe to load twice."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count

from evidence.models import Entry, EntryBehaviour
from promo import access, demo, selectors
from promo.access import Visibility
from promo.models import Behaviour, Level, Mentorship, Person, Team

User = get_user_model()


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in [User, Person, Team, Level, Behaviour, Mentorship]
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    seed("--force")
    first = counts()
    states = sorted(
        Mentorship.objects.values_list("mentor__username", "engineer__username", "state")
    )
    seed("--force")
    assert counts() == first
    assert (
        sorted(Mentorship.objects.values_list("mentor__username", "engineer__username", "state"))
        == states
    )


@pytest.mark.django_db
def test_seed_demo_builds_two_teams_with_lines_and_mentorships():
    seed("--force")
    users = {u.username: u for u in User.objects.all()}
    assert {"demo-admin", "demo-manager", "demo-mentor", "demo-engineer"} <= set(users)
    assert len(users) >= 8
    assert set(Team.objects.values_list("name", flat=True)) == {"Payments", "Developer Experience"}
    assert users["demo-engineer"].check_password(demo.DEMO_PASSWORD)
    assert users["demo-admin"].is_staff
    engineer, manager, mentor = users["demo-engineer"], users["demo-manager"], users["demo-mentor"]
    assert access.relation(mentor, engineer).is_mentor
    assert access.relation(manager, engineer).is_manager
    # demo-manager manages a manager, so sees indirect reports too.
    assert access.may_see(manager, users["jonas.becker"], Visibility.MENTORS_AND_MANAGERS)
    assert engineer.person.target_level.name == "Staff Engineer"
    assert set(Mentorship.objects.values_list("state", flat=True)) == {"active", "invited", "ended"}
    assert selectors.roles_of(engineer).is_mentor  # Amara mentors Priya


@pytest.mark.django_db
def test_seed_demo_is_refused_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="runs only with DEBUG on, or with --force"):
        seed()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_runs_with_debug_on(settings):
    settings.DEBUG = True
    assert "Demo organisation ready" in seed()


@pytest.mark.django_db
def test_if_empty_leaves_an_existing_database_alone():
    User.objects.create_user("someone-real", password="not demo at all 123")
    assert "left as it is" in seed("--force", "--if-empty")
    assert not User.objects.filter(username="demo-engineer").exists()


@pytest.mark.django_db
def test_demo_evidence_spans_eighteen_months_unevenly_and_is_not_duplicated_on_rerun():
    seed("--force")
    engineer = User.objects.get(username="demo-engineer")
    mine = Entry.objects.filter(author=engineer)
    weeks = mine.order_by().values("week_start").distinct().count()
    assert mine.count() >= 30 and weeks >= 30
    span = (
        mine.order_by("week_start").first().week_start,
        mine.order_by("week_start").last().week_start,
    )
    assert (span[1] - span[0]).days >= 500
    spreads = []
    for person in User.objects.filter(entries__isnull=False).distinct():
        counts = sorted(
            EntryBehaviour.objects.filter(entry__author=person)
            .values("behaviour__slug")
            .annotate(n=Count("id"))
            .values_list("n", flat=True)
        )
        spreads.append(counts[-1] / counts[0])
    assert max(spreads) >= 3  # some people show some behaviours far more than others
    assert Entry.objects.trashed().filter(author=engineer).exists()
    assert Entry.objects.order_by().values("title").distinct().count() == Entry.objects.count()
    before = Entry.objects.count()
    seed("--force")
    assert Entry.objects.count() == before


@pytest.mark.django_db
def test_demo_feedback_has_every_state_threads_and_gaps_and_is_not_duplicated():
    from reviews.models import Feedback, Reply

    seed("--force")
    states = set(Feedback.objects.values_list("state", flat=True))
    assert states == {"open", "addressed", "resolved"}
    assert Reply.objects.exists()
    engineer = User.objects.get(username="demo-engineer")
    open_gaps = Feedback.objects.filter(entry__author=engineer, state__in=["open", "addressed"])
    assert open_gaps.exclude(gap_note="").exists()
    assert not Feedback.objects.filter(entry__visibility="private").exists()
    before = (Feedback.objects.count(), Reply.objects.count())
    seed("--force")
    assert (Feedback.objects.count(), Reply.objects.count()) == before


@pytest.mark.django_db
def test_demo_has_a_denied_then_approved_attempt_checks_with_answers_and_documents():
    from reviews.models import CheckQuestion, ClericalCheck, PromoAttempt, PromoDocument

    seed("--force")
    owen = User.objects.get(username="owen.clarke")
    outcomes = list(
        PromoAttempt.objects.filter(engineer=owen)
        .order_by("submitted_on")
        .values_list("outcome", flat=True)
    )
    assert outcomes == ["denied", "approved"]
    denied = PromoAttempt.objects.get(engineer=owen, outcome="denied")
    assert denied.points.filter(tracked_at__isnull=False).count() == 3
    assert not denied.points.filter(tracked_at__isnull=False, resolved_at__isnull=True).exists()
    answers = set(CheckQuestion.objects.exclude(answer="").values_list("answer", flat=True))
    assert answers == {"yes", "no", "not_sure"}
    assert CheckQuestion.objects.filter(answer="", respondent__username="lena.fischer").exists()
    assert ClericalCheck.objects.count() == 2
    warned = PromoDocument.objects.get(engineer__username="mei.lin")
    assert warned.share_manager
    seed("--force")
    assert PromoAttempt.objects.count() == 2 and ClericalCheck.objects.count() == 2
    assert PromoDocument.objects.count() == 3
