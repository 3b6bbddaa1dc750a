"""Clerical-error checks: "Would you say <name> already works at the level of <level>?"

The engineer, or a manager anywhere above them, puts that one question to a few senior people.
Respondents answer yes / no / not sure while the check is open (until it expires or is
withdrawn). Answering gives a respondent nothing else: they read the question and, when the
asker shared it, the engineer's promo-document narratives for that level -- never entries,
readiness or the timeline. Who may do what is checked here, not only in views.
"""

import re
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from promo.models import Notification, display_name
from promo.notifications import notify
from promo.selectors import target_of
from reviews import vocabulary
from reviews.checks.access import may_ask, shareable_document
from reviews.checks.models import CheckQuestion, ClericalCheck
from reviews.checks.selectors import Answer, closed_message, question_text

KIND = Notification.Kind.CHECK


MAX_RESPONDENTS = 8


EXPIRY_DAYS_MIN, EXPIRY_DAYS_MAX, EXPIRY_DAYS_DEFAULT = 1, 60, 14


EXPIRY_DAYS_MIN, EXPIRY_DAYS_MAX, EXPIRY_DAYS_DEFAULT = 1, 60, 14


EXPIRY_DAYS_MIN, EXPIRY_DAYS_MAX, EXPIRY_DAYS_DEFAULT = 1, 60, 14


NOT_ALLOWED = "Only {name} or a manager above them can {action} a clerical-error check."


NO_TARGET = "{name} has no target level yet: a clerical-error check asks about the target level."


NO_RESPONDENTS = "List at least one person to ask."


TOO_MANY = "Ask at most {max} people; you listed {count}."


UNKNOWN_PERSON = "Nobody with an active account goes by “{handle}”."


ASKING_THEMSELVES = "“{handle}” is {name}: ask other people, not the person being asked about."


BAD_EXPIRY = "Answers close after 1 to 60 days."


BAD_ANSWER = "Choose yes, no or not sure."


NOT_YOUR_QUESTION = "Only the person asked can answer this question."


ALREADY_CLOSED = "This check is already closed."


class CheckError(PermissionError):
    """A check action that cannot be taken; the message is for the user."""


def parse_handles(raw: str) -> list[str]:
    """Usernames or emails, one per line or separated by commas (or spaces), duplicates dropped
    case-insensitively, in the order typed."""
    found: dict[str, str] = {}
    for handle in re.split(r"[\s,;]+", raw or ""):
        if handle:
            found.setdefault(handle.lower(), handle)
    return list(found.values())


def _question_url(question: CheckQuestion) -> str:
    return reverse("reviews:question", args=[question.pk])


def _checks_url(check: ClericalCheck) -> str:
    return f"{reverse('reviews:checks', args=[check.engineer.get_username()])}#check-{check.pk}"


def _clean_respondents(engineer: User, respondents: list[User]) -> list[User]:
    people = list({r.pk: r for r in respondents}.values())
    if not people:
        raise CheckError(NO_RESPONDENTS)
    if len(people) > MAX_RESPONDENTS:
        raise CheckError(TOO_MANY.format(max=MAX_RESPONDENTS, count=len(people)))
    for person in people:
        if person.pk == engineer.pk:
            raise CheckError(
                ASKING_THEMSELVES.format(handle=person.get_username(), name=display_name(engineer))
            )
        if not person.is_active:
            raise CheckError(UNKNOWN_PERSON.format(handle=person.get_username()))
    return people


@transaction.atomic
def check_create(
    *,
    engineer: User,
    asked_by: User,
    respondents: list[User],
    expires_in_days: int = EXPIRY_DAYS_DEFAULT,
    share_document: bool = False,
) -> ClericalCheck:
    """Ask each respondent about the engineer's target level; each is told, with a link to
    their question. Sharing the promo document only sticks when there is one the asker may
    share (see shareable_document)."""
    if not may_ask(asked_by, engineer):
        raise CheckError(NOT_ALLOWED.format(name=display_name(engineer), action="ask"))
    level = target_of(engineer)
    if level is None:
        raise CheckError(NO_TARGET.format(name=display_name(engineer)))
    people = _clean_respondents(engineer, respondents)
    if not EXPIRY_DAYS_MIN <= expires_in_days <= EXPIRY_DAYS_MAX:
        raise CheckError(BAD_EXPIRY)
    share = share_document and shareable_document(engineer, level, by=asked_by) is not None
    check = ClericalCheck(
        engineer=engineer,
        level=level,
        asked_by=asked_by,
        share_document=share,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )
    check.full_clean()
    check.save()
    questions = CheckQuestion.objects.bulk_create(
        CheckQuestion(clerical_check=check, respondent=person) for person in people
    )
    text = f"{display_name(asked_by)} asks you: {question_text(engineer, level)}"
    for question, person in zip(questions, people, strict=True):
        notify(
            recipients=[person], actor=asked_by, kind=KIND, text=text, url=_question_url(question)
        )
    names = ", ".join(display_name(p) for p in people)
    notify(  # the engineer hears of it when a manager asks (notify skips the actor)
        recipients=[engineer],
        actor=asked_by,
        kind=KIND,
        text=vocabulary.CHECK_ASKED.format(
            asker=display_name(asked_by), names=names, level=level.name
        ),
        url=reverse("reviews:checks", args=[engineer.get_username()]),
    )
    return check


@transaction.atomic
def check_withdraw(*, clerical_check: ClericalCheck, by: User) -> ClericalCheck:
    """Stop accepting answers. Answers already given stay, shown as part of a withdrawn check."""
    check = (
        ClericalCheck.objects.select_for_update()
        .select_related("engineer")
        .get(pk=clerical_check.pk)
    )
    if not may_ask(by, check.engineer):
        raise CheckError(NOT_ALLOWED.format(name=display_name(check.engineer), action="withdraw"))
    if not check.is_open():
        raise CheckError(ALREADY_CLOSED)
    check.withdrawn_at = timezone.now()
    check.save(update_fields=["withdrawn_at"])
    return check


def checks_withdraw_for_leaver(user: User) -> None:
    """Offboarding (promo.offboarding): the checks still open about someone deactivated stop
    accepting answers, as if withdrawn; the answers already given stay."""
    now = timezone.now()
    ClericalCheck.objects.filter(
        engineer=user, withdrawn_at__isnull=True, expires_at__gt=now
    ).update(withdrawn_at=now)


@transaction.atomic
def check_answer(
    *, question: CheckQuestion, respondent: User, answer: str, comment: str = ""
) -> CheckQuestion:
    """Give or change an answer while the check is open; the asker and the engineer are told."""
    if question.respondent_id != respondent.pk:
        raise CheckError(NOT_YOUR_QUESTION)
    check = (
        ClericalCheck.objects.select_for_update()
        .select_related("engineer", "level", "asked_by")
        .get(pk=question.clerical_check_id)
    )  # locked, so a withdrawal cannot slip in between the test and the write
    if not check.is_open():
        raise CheckError(closed_message(check))
    if answer not in Answer.values:
        raise CheckError(BAD_ANSWER)
    changed = bool(question.answer)
    question.answer = answer
    question.comment = (comment or "").strip()
    question.answered_at = timezone.now()
    question.full_clean()
    question.save(update_fields=["answer", "comment", "answered_at"])
    verb = "changed their answer to" if changed else "answered"
    asker = check.asked_by  # told only while they may still see the check's answers
    notify(
        recipients=[check.engineer, *([asker] if may_ask(asker, check.engineer) else [])],
        actor=respondent,
        kind=KIND,
        text=f"{display_name(respondent)} {verb} “{question_text(check.engineer, check.level)}”",
        url=_checks_url(check),
    )
    return question
