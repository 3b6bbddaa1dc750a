"""What ends when a person is deactivated, in the apps that know about it.

`services.user_deactivate` ends the account's sessions and its mentorships (both ways) itself;
later apps (promo <- evidence <- reviews) register what else ends, in their AppConfig.ready, as
pages' panels do: reviews withdraws the clerical-error checks still open about the person. The
history stays: nothing is deleted.
"""

from collections.abc import Callable

from django.contrib.auth.models import User

Step = Callable[[User], None]
_steps: list[Step] = []


def register(step: Step) -> None:
    if step not in _steps:
        _steps.append(step)


def run(user: User) -> None:
    for step in _steps:
        step(user)
