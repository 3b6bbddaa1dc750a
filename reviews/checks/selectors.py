"""Clerical-error checks, read: their state, and their answers as they stood at a moment."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.contrib.auth.models import User
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from promo.models import Level, display_name
from promo.selectors import target_of
from reviews import vocabulary
from reviews.checks.models import CheckQuestion, ClericalCheck

Answer = CheckQuestion.Answer


RECENT_CHECKS = 3  # how many checks the readiness card sums up


EXPIRED = "This question closed on {date}; answers can no longer be given or changed."


WITHDRAWN = "This question was withdrawn on {date}; answers can no longer be given or changed."


OPEN, EXPIRED_STATE, WITHDRAWN_STATE = "open", "expired", "withdrawn"


def question_text(engineer: User, level: Level) -> str:
    return vocabulary.check_question(display_name(engineer), level.name)


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


def checks_of(engineer: User) -> list[CheckSummary]:
    """Every check on the engineer, newest first, with each respondent and answer: two queries."""
    now = timezone.now()
    found = _with_questions(ClericalCheck.objects.filter(engineer=engineer))
    return [_summarise(check, now) for check in found.order_by("-created_at", "-pk")]


NO_TIME = datetime.min.replace(tzinfo=UTC)  # an answer typed in the admin sorts oldest


@dataclass(frozen=True)
class Recent:
    """What the readiness card shows: the latest checks at the target level, summed up."""

    level: Level | None
    checks: list[CheckSummary]
    counts: dict[str, int]
    comments: list[CheckQuestion]
    any_check: bool


def recent_checks(
    engineer: User, *, limit: int = RECENT_CHECKS, at: datetime | None = None
) -> Recent:
    """The latest `limit` checks at the engineer's target level that were not withdrawn, their
    answers counted together and their comments newest first, as they stood at `at` (default
    now): later checks, answers and withdrawals are left out. Two queries, three with none."""
    level = target_of(engineer)
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
        key=lambda q: q.answered_at or NO_TIME,
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


def questions_for(respondent: User) -> tuple[list[CheckQuestion], list[CheckQuestion]]:
    """The respondent's questions: (waiting for an answer, answered or closed), newest first.
    One query; each question carries `.state`."""
    now = timezone.now()
    found = list(
        CheckQuestion.objects.filter(respondent=respondent)
        .select_related("clerical_check__engineer", "clerical_check__level")
        .order_by("-clerical_check__created_at", "-pk")
    )
    waiting: list[CheckQuestion] = []
    done: list[CheckQuestion] = []
    for question in found:
        question.state = state_of(question.clerical_check, now)
        is_waiting = question.state == OPEN and not question.answer
        (waiting if is_waiting else done).append(question)
    return waiting, done


def waiting_count(respondent: User) -> int:
    """How many open questions the respondent has not answered yet (the home page's nudge)."""
    return CheckQuestion.objects.filter(_waiting_q(timezone.now()), respondent=respondent).count()
