"""Readiness sections of other apps' pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from promo import access
from promo.http import AuthenticatedHttpRequest
from reviews.readiness.assembly import _assessment
from reviews.readiness.dashboard import _team_people, team_rows
from reviews.readiness.labels import STATUS_LABELS, STATUS_ORDER


def home_readiness(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    """The engineer's own readiness at a glance."""
    person = getattr(request.user, "person", None)
    if person is None or person.target_level_id is None:
        return None
    page = _assessment(request, request.user, timezone.localdate())
    found = page["assessment"].readiness
    context = {**page, "readiness": found, "status_label": STATUS_LABELS[found.status]}
    return render_to_string(
        "reviews/readiness/home_panels.html#readiness", context, request=request
    )


def home_team(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    scope = access.scope_of(request.user)
    if not scope.reports:
        return None
    rows = team_rows(request, _team_people(request, scope, "reports"), scope, timezone.localdate())
    counts = {
        s: sum(r["assessed"] and r["readiness"].status == s for r in rows) for s in STATUS_ORDER
    }
    context = {
        "counts": counts,
        "statuses": [(s, STATUS_LABELS[s]) for s in STATUS_ORDER],
        "total": sum(r["assessed"] for r in rows),
        "people": len(rows),
    }
    return render_to_string("reviews/readiness/home_panels.html#team", context, request=request)
