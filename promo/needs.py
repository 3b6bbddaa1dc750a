"""What waits for the viewer: the "needs you" strip at the top of the home page.

Apps add what they know of in their AppConfig.ready, as they add panels (promo.panels), so the
dependencies keep pointing one way (promo <- evidence <- reviews). A provider returns the needs
it finds for the signed-in viewer, each counted from what that viewer may see (the selectors it
asks obey promo.access), with the one action that settles it: a link, or a small form that
posts there and then. The strip shows the most pressing first.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from promo import invitations, selectors, tasks
from promo.http import AuthenticatedHttpRequest
from promo.models import Level, Mentorship, Person, display_name


@dataclass(frozen=True)
class Action:
    label: str
    url: str
    post: bool = False  # a form that acts at once (with its CSRF token), not a link
    primary: bool = False


@dataclass(frozen=True)
class Need:
    """One thing waiting for the viewer, in words, with what settles it."""

    key: str  # stable: tests and the page's ids name a need by it
    text: str  # "7 entries wait for your review"
    order: int  # most pressing first: people waiting on the viewer before the viewer's own
    detail: str = ""  # who, or how long: "the oldest for 12 days"
    actions: tuple[Action, ...] = field(default_factory=tuple)


# How pressing each kind of need is: someone else waits on the viewer first. A provider adds a
# little to order its own needs within a kind.
SOMEONE_WAITS, TEAM, OWN_WORK, ORGANISATION = 10, 20, 30, 40

Provider = Callable[[AuthenticatedHttpRequest], list[Need]]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def of(request: AuthenticatedHttpRequest) -> list[Need]:
    found = [need for provider in _providers for need in provider(request)]
    return sorted(found, key=lambda need: (need.order, need.key))


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def names(people: list[str], *, shown: int = 3) -> str:
    """'Ana', 'Ana and Bo', 'Ana, Bo and Chen', 'Ana, Bo, Chen and 2 others'."""
    if len(people) <= shown:
        head, tail = people[:-1], people[-1:]
    else:
        head, tail = people[:shown], [plural(len(people) - shown, "other", "others")]
    return " and ".join(filter(None, [", ".join(head), *tail]))


# Promo's own needs: someone asking to be mentored, and, for staff, the organisation's set-up
# and e-mails the background workers could not send.

# An e-mail the workers gave up on stays on staff's strip this long.
UNSENT_EMAIL_DAYS = 7


def mentoring_requests(request: AuthenticatedHttpRequest) -> list[Need]:
    asked = selectors.mentorships_as_mentor(request.user).filter(state=Mentorship.State.INVITED)
    return [
        Need(
            key=f"mentee-{m.pk}",
            text=f"{display_name(m.engineer)} asked you to mentor them",
            detail=f"aiming for {level}" if (level := m.engineer.person.target_level) else "",
            order=SOMEONE_WAITS,
            actions=(
                Action(
                    "Accept", reverse("mentorship-accept", args=[m.pk]), post=True, primary=True
                ),
                Action("Decline", reverse("mentorship-decline", args=[m.pk]), post=True),
            ),
        )
        for m in asked
    ]


def organisation(request: AuthenticatedHttpRequest) -> list[Need]:
    """For staff: what keeps the organisation from using Promo."""
    if not request.user.is_staff:
        return []
    found = []
    if not Level.objects.exists():
        found.append(
            Need(
                key="ladder",
                text="There is no career ladder yet",
                detail="readiness has nothing to judge against",
                order=ORGANISATION,
                actions=(Action("Set up the ladder", reverse("ladder-upload"), primary=True),),
            )
        )
    uninvited = invitations.uninvited().count()
    if uninvited:
        found.append(
            Need(
                key="uninvited",
                text=f"{plural(uninvited, 'person has', 'people have')} no way to sign in yet",
                detail="they have not been invited",
                order=ORGANISATION,
                actions=(
                    Action("Invite them", reverse("people-invite"), post=True, primary=True),
                    Action("See who", reverse("people")),
                ),
            )
        )
    waiting = invitations.not_accepted().count()
    if waiting:
        found.append(
            Need(
                key="not-accepted",
                text=f"{plural(waiting, 'invitation is', 'invitations are')} not accepted yet",
                order=ORGANISATION,
                actions=(Action("See who", reverse("people")),),
            )
        )
    # Managers and staff need no level to do their work here; anyone else does.
    manages = Person.objects.filter(manager=OuterRef("pk"))
    unplaced = (
        Person.objects.filter(
            user__is_active=True, user__is_staff=False, current_level__isnull=True
        )
        .exclude(Exists(manages))
        .count()
    )
    if unplaced:
        found.append(
            Need(
                key="unplaced",
                text=f"{plural(unplaced, 'person has', 'people have')} no level",
                detail="Promo cannot say how ready they are",
                order=ORGANISATION,
                actions=(Action("Place them", reverse("people")),),
            )
        )
    return found


def unsent_emails(request: AuthenticatedHttpRequest) -> list[Need]:
    """For staff who may read the task results: e-mails that failed their last attempt lately
    (people did not get an invitation, a reset link, a reminder), with where to see them."""
    user = request.user
    if not (user.is_staff and user.has_perm("django_tasks_database.view_dbtaskresult")):
        return []
    unsent = tasks.emails_given_up(since=timezone.now() - timedelta(days=UNSENT_EMAIL_DAYS))
    if not unsent:
        return []
    failed = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    failed += f"?outcome={tasks.OUTCOME_GAVE_UP}"
    return [
        Need(
            key="unsent-emails",
            text=f"{plural(unsent, 'e-mail', 'e-mails')} could not be sent",
            detail=f"in the last {UNSENT_EMAIL_DAYS} days, after {tasks.MAX_ATTEMPTS} tries each",
            order=ORGANISATION,
            actions=(Action("See background tasks", failed, primary=True),),
        )
    ]
