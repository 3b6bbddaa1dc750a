"""Clerical-error checks: "Would you be surprised to learn that <name> is not yet at <level>?"

The engineer, or a manager anywhere above them, puts that one question to a few senior people.
Respondents answer yes / no / not sure while the check is open (until it expires or is
withdrawn). Answering gives a respondent nothing else: they read the question and, when the
asker shared it, the engineer's promo-document narratives for that level -- never entries,
readiness or the timeline. Who may do what is checked here, not only in views.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from promo import access
from promo.models import Level, Notification, display_name
from promo.notifications import notify
from reviews import packet
from reviews.models import CheckQuestion, ClericalCheck, Narrative, PromoDocument

Answer = CheckQuestion.Answer

KIND = Notification.Kind.CHECK
MAX_RESPONDENTS = 8
EXPIRY_DAYS_MIN, EXPIRY_DAYS_MAX, EXPIRY_DAYS_DEFAULT = 1, 60, 14
RECENT_CHECKS = 3  # how many checks the readiness card sums up

NOT_ALLOWED = "Only {name} or a manager above them can {action} a clerical-error check."
NO_TARGET = "{name} has no target level yet: a clerical-error check asks about the target level."
NO_RESPONDENTS = "List at least one person to ask."
TOO_MANY = "Ask at most {max} people; you listed {count}."
UNKNOWN_PERSON = "Nobody with an active account goes by “{handle}”."
ASKING_THEMSELVES = "“{handle}” is {name}: ask other people, not the person being asked about."
BAD_EXPIRY = "Answers close after 1 to 60 days."
BAD_ANSWER = "Choose yes, no or not sure."
NOT_YOUR_QUESTION = "Only the person asked can answer this question."
EXPIRED = "This question closed on {date}; answers can no longer be given or changed."
WITHDRAWN = "This question was withdrawn on {date}; answers can no longer be given or changed."
ALREADY_CLOSED = "This check is already closed."

OPEN, EXPIRED_STATE, WITHDRAWN_STATE = "open", "expired", "withdrawn"


class CheckError(PermissionError):
    """A check action that cannot be taken; the message is for the user."""


def question_text(engineer: AbstractBaseUser, level: Level) -> str:
    return f"Would you be surprised to learn that {display_name(engineer)} is not yet at {level}?"


def state_of(check: ClericalCheck, now: datetime | None = None) -> str:
    """open, expired or withdrawn at `now` (a withdrawn check stays withdrawn after its expiry
    date; one withdrawn later was still open or expired then)."""
    now = now or timezone.now()
    if check.withdrawn_at is not None and check.withdrawn_at <= now:
        return WITHDRAWN_STATE
    return OPEN if now < check.expires_at else EXPIRED_STATE


def answered_by(question: CheckQuestion, now: datetime) -> bool:
    """Had the question been answered at `now`? An answer with no time (typed in the admin)
    counts as given."""
    return bool(question.answer) and (question.answered_at is None or question.answered_at <= now)


def closed_message(check: ClericalCheck) -> str:
    if check.withdrawn_at is not None:
        return WITHDRAWN.format(date=date_format(timezone.localtime(check.withdrawn_at), "j F Y"))
    return EXPIRED.format(date=date_format(timezone.localtime(check.expires_at), "j F Y"))


def parse_handles(raw: str) -> list[str]:
    """Usernames or emails, one per line or separated by commas (or spaces), duplicates dropped
    case-insensitively, in the order typed."""
    found: dict[str, str] = {}
    for handle in re.split(r"[\s,;]+", raw or ""):
        if handle:
            found.setdefault(handle.lower(), handle)
    return list(found.values())


# --- reads -----------------------------------------------------------------------------------


def may_ask(viewer: AbstractBaseUser, engineer: AbstractBaseUser) -> bool:
    """The engineer themselves and every manager above them; mentors and others may not."""
    found = access.relation(viewer, engineer)
    return found.is_self or found.is_manager


def engineer_for_checks_or_404(viewer: AbstractBaseUser, username: str) -> AbstractBaseUser:
    """The engineer whose checks the viewer may see and ask (themselves or a report), or 404."""
    engineer = (
        get_user_model()
        .objects.select_related("person__target_level")
        .filter(username=username, is_active=True)
        .first()
    )
    if engineer is None or not may_ask(viewer, engineer):
        raise Http404("No such person.")
    return engineer


def target_level(engineer: AbstractBaseUser) -> Level | None:
    person = getattr(engineer, "person", None)
    return person.target_level if person else None


def _may_pass_on(document: PromoDocument, *, asker_id: int) -> bool:
    """May the asker let respondents read the document? The engineer always; a manager only
    while they manage the engineer and the engineer shares it with managers: a manager cannot
    pass on more than they may read."""
    if asker_id == document.engineer_id:
        return True
    return packet.may_read(document, access.Relation(is_manager=True)) and access.is_manager_of(
        asker_id, document.engineer_id
    )


def shareable_document(
    engineer: AbstractBaseUser, level: Level | None, *, by: AbstractBaseUser
) -> PromoDocument | None:
    """The promo document the asker may let respondents read: the engineer's own for the level,
    when the asker may pass it on."""
    if level is None:
        return None
    document = PromoDocument.objects.filter(engineer=engineer, level=level).first()
    if document is None or not _may_pass_on(document, asker_id=by.pk):
        return None
    return document


def has_document(engineer: AbstractBaseUser, level: Level) -> bool:
    return PromoDocument.objects.filter(engineer=engineer, level=level).exists()


def _with_questions(checks: QuerySet[ClericalCheck]) -> QuerySet[ClericalCheck]:
    questions = CheckQuestion.objects.select_related("respondent").order_by(
        "respondent__first_name", "respondent__last_name", "respondent__username", "pk"
    )
    return checks.select_related("level", "asked_by", "engineer").prefetch_related(
        Prefetch("questions", queryset=questions)
    )


@dataclass
class CheckSummary:
    """One check as its lists show it: state and answer counts worked out once, in Python."""

    check: ClericalCheck
    state: str
    questions: list[CheckQuestion]
    counts: dict[str, int] = field(default_factory=dict)


def _summarise(check: ClericalCheck, now: datetime) -> CheckSummary:
    """The check as it stood at `now`: answers given later are not counted yet."""
    questions = list(check.questions.all())
    state = state_of(check, now)
    given = [q for q in questions if answered_by(q, now)]
    counts = {value: sum(q.answer == value for q in given) for value in Answer.values}
    unanswered = len(questions) - len(given)
    counts["waiting"] = unanswered if state == OPEN else 0
    counts["unanswered"] = 0 if state == OPEN else unanswered
    return CheckSummary(check=check, state=state, questions=questions, counts=counts)


def checks_of(engineer: AbstractBaseUser) -> list[CheckSummary]:
    """Every check on the engineer, newest first, with each respondent and answer: two queries."""
    now = timezone.now()
    found = _with_questions(ClericalCheck.objects.filter(engineer=engineer))
    return [_summarise(check, now) for check in found.order_by("-created_at", "-pk")]


@dataclass(frozen=True)
class Recent:
    """What the readiness card shows: the latest checks at the target level, summed up."""

    level: Level | None
    checks: list[CheckSummary]
    counts: dict[str, int]
    comments: list[CheckQuestion]
    any_check: bool


def recent_checks(
    engineer: AbstractBaseUser, *, limit: int = RECENT_CHECKS, at: datetime | None = None
) -> Recent:
    """The latest `limit` checks at the engineer's target level that were not withdrawn, their
    answers counted together and their comments newest first, as they stood at `at` (default
    now): later checks, answers and withdrawals are left out. Two queries, three with none."""
    level = target_level(engineer)
    at = at or timezone.now()
    asked = ClericalCheck.objects.filter(engineer=engineer, created_at__lte=at)
    checks = asked.filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=at))
    summaries = []
    if level is not None:
        found = _with_questions(checks.filter(level=level)).order_by("-created_at", "-pk")
        summaries = [_summarise(check, at) for check in found[:limit]]
    counts = {key: sum(s.counts[key] for s in summaries) for key in [*Answer.values, "waiting"]}
    comments = sorted(
        (q for s in summaries for q in s.questions if answered_by(q, at) and q.comment),
        key=lambda q: q.answered_at,
        reverse=True,
    )
    any_check = bool(summaries) or asked.exists()
    return Recent(
        level=level, checks=summaries, counts=counts, comments=comments, any_check=any_check
    )


def _waiting_q(now: datetime) -> Q:
    return Q(
        answer="", clerical_check__withdrawn_at__isnull=True, clerical_check__expires_at__gt=now
    )


def questions_for(respondent: AbstractBaseUser) -> tuple[list[CheckQuestion], list[CheckQuestion]]:
    """The respondent's questions: (waiting for an answer, answered or closed), newest first.
    One query; each question carries `.state`."""
    now = timezone.now()
    found = list(
        CheckQuestion.objects.filter(respondent=respondent)
        .select_related("clerical_check__engineer", "clerical_check__level")
        .order_by("-clerical_check__created_at", "-pk")
    )
    waiting, done = [], []
    for question in found:
        question.state = state_of(question.clerical_check, now)
        is_waiting = question.state == OPEN and not question.answer
        (waiting if is_waiting else done).append(question)
    return waiting, done


def waiting_count(respondent: AbstractBaseUser) -> int:
    """How many open questions the respondent has not answered yet (the home page's nudge)."""
    return CheckQuestion.objects.filter(_waiting_q(timezone.now()), respondent=respondent).count()


def question_for_respondent_or_404(viewer: AbstractBaseUser, pk: int) -> CheckQuestion:
    """A question put to the viewer, or 404 for anyone else: the engineer and their managers
    included (they see answers on the checks page, not the respondent's page)."""
    question = (
        CheckQuestion.objects.select_related(
            "clerical_check__engineer", "clerical_check__level", "clerical_check__asked_by"
        )
        .filter(pk=pk, respondent_id=viewer.pk)
        .first()
    )
    if question is None:
        raise Http404("No such question.")
    return question


def check_for_asker_or_404(viewer: AbstractBaseUser, pk: int) -> ClericalCheck:
    """A check the viewer may withdraw (on themselves, or on a report), or 404."""
    check = ClericalCheck.objects.select_related("engineer").filter(pk=pk).first()
    if check is None or not may_ask(viewer, check.engineer):
        raise Http404("No such check.")
    return check


def shared_narratives(question: CheckQuestion) -> list[Narrative] | None:
    """The narratives a respondent may read, in behaviour order; None when nothing is shared
    (not shared, no document, the check is closed, or the engineer has since stopped sharing
    the document with managers when a manager asked). Narratives only: never the evidence."""
    check = question.clerical_check
    if not check.share_document or not check.is_open():
        return None
    narratives = list(
        Narrative.objects.filter(
            document__engineer_id=check.engineer_id, document__level_id=check.level_id
        )
        .select_related("behaviour", "document")
        .order_by("behaviour__rank", "pk")
    )
    if not narratives or not _may_pass_on(narratives[0].document, asker_id=check.asked_by_id):
        return None
    return narratives


# --- writes ----------------------------------------------------------------------------------


def _question_url(question: CheckQuestion) -> str:
    return reverse("reviews:question", args=[question.pk])


def _checks_url(check: ClericalCheck) -> str:
    return f"{reverse('reviews:checks', args=[check.engineer.get_username()])}#check-{check.pk}"


def _clean_respondents(
    engineer: AbstractBaseUser, respondents: list[AbstractBaseUser]
) -> list[AbstractBaseUser]:
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
    engineer: AbstractBaseUser,
    asked_by: AbstractBaseUser,
    respondents: list[AbstractBaseUser],
    expires_in_days: int = EXPIRY_DAYS_DEFAULT,
    share_document: bool = False,
) -> ClericalCheck:
    """Ask each respondent about the engineer's target level; each is told, with a link to
    their question. Sharing the promo document only sticks when there is one the asker may
    share (see shareable_document)."""
    if not may_ask(asked_by, engineer):
        raise CheckError(NOT_ALLOWED.format(name=display_name(engineer), action="ask"))
    level = target_level(engineer)
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
        text=f"{display_name(asked_by)} asked {names} whether they would be surprised you are "
        f"not yet at {level.name}.",
        url=reverse("reviews:checks", args=[engineer.get_username()]),
    )
    return check


@transaction.atomic
def check_withdraw(*, clerical_check: ClericalCheck, by: AbstractBaseUser) -> ClericalCheck:
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


@transaction.atomic
def check_answer(
    *, question: CheckQuestion, respondent: AbstractBaseUser, answer: str, comment: str = ""
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
