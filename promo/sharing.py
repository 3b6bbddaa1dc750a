"""“Who should see your work?”: asked once, on an engineer's home, naming the actual people.

Each answer says who it reaches and what that means for readiness, which counts only what a
mentor could confirm (promo.access decides who sees what; this only explains it). The answer
becomes the person's default sharing, which Settings changes later.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_text_list

from promo import audit
from promo.models import Mentorship, Person, Visibility, short_name


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    meaning: str


def should_ask(person: Person | None) -> bool:
    """Someone on the ladder who has not answered yet."""
    return (
        person is not None
        and person.current_level_id is not None
        and (person.sharing_chosen_at is None)
    )


def choices(person: Person, mentorships: list[Mentorship]) -> list[Choice]:
    mentors = [short_name(m.mentor) for m in mentorships if m.state == Mentorship.State.ACTIVE]
    if mentors:
        them = get_text_list(mentors, "and")
        mentor_label = f"{them} ({'your mentor' if len(mentors) == 1 else 'your mentors'})"
    else:
        them = "your mentors"
        mentor_label = "My mentors (none yet)"
    manager = person.manager.user if person.manager_id and person.manager else None
    boss = short_name(manager) if manager else ""
    manager_label = f"{boss} (your manager)" if manager else "my managers (none in Promo yet)"
    return [
        Choice(
            Visibility.PRIVATE,
            "Only me, for now",
            f"Nothing reaches {them} until you share an entry, so none of it can be confirmed "
            "or count towards your readiness as they see it.",
        ),
        Choice(
            Visibility.MENTORS,
            mentor_label,
            f"{them[0].upper()}{them[1:]} can confirm what each entry demonstrates: that is what "
            f"readiness counts. {f'{boss} sees' if boss else 'Managers see'} none of it.",
        ),
        Choice(
            Visibility.MENTORS_AND_MANAGERS,
            f"{mentor_label} and {manager_label}",
            f"The same, and {boss or 'whoever manages you'} (and anyone above in your reporting "
            "line) sees your readiness on the team dashboard. Feedback stays between you and "
            "your mentors.",
        ),
    ]


def saved_message(choice: Choice) -> str:
    if choice.value == Visibility.PRIVATE:
        return "Saved: new entries stay yours alone until you share them. Settings changes this."
    return f"Saved: new entries are shared with {choice.label}. Settings changes this."


@transaction.atomic
def choose(*, user: User, visibility: str) -> Person:
    person = Person.objects.select_for_update().get(user=user)
    before = person.default_visibility
    person.default_visibility = visibility
    person.sharing_chosen_at = timezone.now()
    person.save(update_fields=["default_visibility", "sharing_chosen_at"])
    audit.record(audit.SHARING, actor=user, detail=f"new entries: {before} → {visibility}")
    return person
