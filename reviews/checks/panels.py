"""Clerical-error checks on the readiness and home pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from promo.http import AuthenticatedHttpRequest
from promo.needs import SOMEONE_WAITS, Action, Need, plural
from reviews.checks import selectors as check_selectors
from reviews.readiness.assembly import ReadinessSubject


def readiness_panel(
    request: AuthenticatedHttpRequest, subject: ReadinessSubject
) -> SafeString | None:
    """On the readiness page, for the engineer and their managers only: what senior people
    answered lately."""
    relation = subject.relation
    if not (relation.is_self or relation.is_manager):
        return None
    engineer = subject.engineer
    context = {
        "engineer": engineer,
        "is_self": relation.is_self,
        "recent": check_selectors.recent_checks(engineer, at=subject.at),
        # A page "as of" a past day shows what was; asking people is for today's page.
        "past": subject.as_of < timezone.localdate(),
        "at": subject.as_of,
    }
    return render_to_string("reviews/checks/panels.html#readiness", context, request=request)


def needs(request: AuthenticatedHttpRequest) -> list[Need]:
    """Questions colleagues asked the viewer that still wait for an answer."""
    count = check_selectors.waiting_count(request.user)
    if not count:
        return []
    return [
        Need(
            key="questions",
            text=f"{plural(count, 'question waits', 'questions wait')} for your answer",
            detail="a colleague wants to know how someone's work reads to senior people",
            order=SOMEONE_WAITS + 2,
            actions=(Action("Answer", reverse("reviews:questions"), primary=True),),
        )
    ]
