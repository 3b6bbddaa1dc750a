"""Every test factory, in one module."""

import factory
from django.contrib.auth import get_user_model

from promo.models import Behaviour, Ladder, Level, Mentorship, Person, Team

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


class MentorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentorship

    engineer = factory.SubFactory(UserFactory)
    mentor = factory.SubFactory(UserFactory)
    state = Mentorship.State.ACTIVE
