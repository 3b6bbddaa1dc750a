"""Readiness sections of other apps' pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from promo import access
from promo.http import AuthenticatedHttpRequest
from promo.selectors import target_of
from reviews.readiness import pipeline
from reviews.readiness.assembly import outlook_lines
from reviews.readiness.dashboard import Tally, listing
from reviews.readiness.labels import STATUS_LABELS, STATUS_ORDER
from reviews.readiness.periods import period_label


def home_readiness(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    """The engineer's own readiness at a glance, and the one thing that would move it most."""
    if target_of(request.user) is None:
        return None
    picture = pipeline.assessment_for(request.user, request.user, as_of=timezone.localdate())
    found = picture.readiness
    context = {
        "readiness": found,
        "status_label": STATUS_LABELS[found.status],
        "outlook": outlook_lines(picture)[:2],
        "ready_by": period_label(picture.ready_by, picture.policy) if picture.ready_by else None,
    }
    return render_to_string(
        "reviews/readiness/home_panels.html#readiness", context, request=request
    )


def home_team(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    scope = access.scope_of(request.user)
    if not scope.reports:
        return None
    tally = Tally.of(listing(request, scope, "reports", timezone.localdate()))
    counts = tally.counts()
    context = {
        "counts": counts,
        "statuses": [(s, STATUS_LABELS[s]) for s in STATUS_ORDER],
        "total": sum(counts.values()),
        "people": tally.total,
    }
    return render_to_string("reviews/readiness/home_panels.html#team", context, request=request)
