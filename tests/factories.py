"""Every test factory, in one module."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from evidence import services
from evidence.models import Draft, Entry, Forge, ForgeHook, Kind
from evidence.services import EntryData
from promo.models import Behaviour, Ladder, Level, Mentorship, Person, Team, Visibility
from reviews.models import PromoDocument

PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password(PASSWORD)


class LadderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ladder

    name = factory.Sequence(lambda n: f"Ladder {n}")
    slug = factory.Sequence(lambda n: f"ladder-{n}")


class LevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Level

    ladder = factory.SubFactory(LadderFactory)
    rank = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Level {n}")
    slug = factory.Sequence(lambda n: f"level-{n}")
    summary = "What people at this level are trusted with."


class BehaviourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Behaviour

    level = factory.SubFactory(LevelFactory)
    rank = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Behaviour {n}")
    slug = factory.Sequence(lambda n: f"behaviour-{n}")
    description = "Does the thing, consistently."
    examples = "Did the thing for the payments team\nDid it again for search"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    current_level = None
    target_level = None
    manager = None
    title = "Software Engineer"
    # Answered "who should see your work?" already; a test of the question passes None.
    sharing_chosen_at = factory.LazyFunction(timezone.now)


class MentorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentorship

    engineer = factory.SubFactory(UserFactory)
    mentor = factory.SubFactory(UserFactory)
    state = Mentorship.State.ACTIVE


class EntryFactory(factory.django.DjangoModelFactory):
    """An entry logged through the service, so it has its revision like any real one."""

    class Meta:
        model = Entry

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Shipped improvement {n}")
    week_of = factory.LazyFunction(lambda: date(2026, 11, 18))
    kind = Kind.WEEKLY_WIN
    body = "Worked with **the payments team** on it."
    behaviours = ()
    impact = ""
    shipped_on = None
    impact_measured = ""
    links = ()
    visibility = Visibility.PRIVATE

    @classmethod
    def _create(cls, model_class, author, **kwargs):
        fields = set(EntryData.__dataclass_fields__)
        data = EntryData(**{k: v for k, v in kwargs.items() if k in fields})
        return services.entry_log(author=author, data=data, notify_mentors=False)


class DraftFactory(factory.django.DjangoModelFactory):
    """A merged pull request waiting for its author, as a forge hook would have left it."""

    class Meta:
        model = Draft

    author = factory.SubFactory(UserFactory)
    repository = "acme/payments"
    number = factory.Sequence(lambda n: n + 1)
    url = factory.LazyAttribute(lambda d: f"https://git.example.com/{d.repository}/pull/{d.number}")
    title = factory.Sequence(lambda n: f"Retry failed webhooks with backoff ({n})")
    body = "Deliveries that failed are retried with exponential backoff."
    merged_at = factory.LazyFunction(timezone.now)
    state = Draft.State.WAITING


class ForgeHookFactory(factory.django.DjangoModelFactory):
    """An organisation's webhook, as staff set it up in the admin."""

    class Meta:
        model = ForgeHook

    forge = Forge.GITHUB
    name = factory.LazyAttribute(lambda h: f"Our {h.forge}")
    key = factory.Sequence(lambda n: f"hook-key-{n:023d}")  # 32 characters, as made
    secret = factory.Sequence(lambda n: f"It's a Secret to Everybody {n}")


def feedback_for(entry: Entry, mentor, verdict: str = "demonstrated", **fields):
    """Feedback posted through the service, with `verdict` on every claimed behaviour."""
    from reviews.feedback import services as feedback_services
    from reviews.models import Feedback

    data = feedback_services.FeedbackData(
        body=fields.pop("body", "Clear write-up; the impact is measured."),
        verdicts={b.pk: verdict for b in entry.behaviours.all()},
        **fields,
    )
    feedback = feedback_services.feedback_post(entry=entry, mentor=mentor, data=data)
    return Feedback.objects.get(pk=feedback.pk)


class PromoDocumentFactory(factory.django.DjangoModelFactory):
    """A promo document over the twelve months up to the frozen test date."""

    class Meta:
        model = PromoDocument

    engineer = factory.SubFactory(UserFactory)
    level = factory.SubFactory(LevelFactory)
    period_start = date(2025, 12, 1)
    period_end = date(2026, 11, 24)


def api_token_for(user, scope: str = "write", days: int = 90, name: str = "laptop"):
    """A personal access token made as the preferences page makes it: `.secret` is what its
    owner pastes, `.token` the stored row (a digest, never the secret)."""
    from promo import tokens

    return tokens.token_create(user=user, name=name, scope=scope, days=days, now=timezone.now())
