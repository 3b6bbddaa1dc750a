"""Readiness sections of other apps' pages (see promo.panels)."""

from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from promo import access
from promo.http import AuthenticatedHttpRequest, per_request
from promo.models import display_name
from promo.needs import TEAM, Action, Need, names, plural
from promo.selectors import target_of
from reviews.readiness import forecast, pipeline
from reviews.readiness.assembly import outlook_lines
from reviews.readiness.dashboard import Tally, listing, ordered, page_pictures, team_rows
from reviews.readiness.labels import STATUS_LABELS, STATUS_ORDER
from reviews.readiness.models import StoredPicture
from reviews.readiness.periods import period_label
from reviews.readiness.rules import READY


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


def _reports(request: AuthenticatedHttpRequest) -> QuerySet[StoredPicture] | None:
    """Today's kept pictures of the viewer's reports, made fresh once for the page: the strip
    and the team panel both read them. None for someone with no reports."""

    def make() -> QuerySet[StoredPicture] | None:
        scope = access.scope_for(request)
        if not scope.reports:
            return None
        return listing(request, scope, "reports", timezone.localdate())

    return per_request(request, "reports_listing", make)


NAMED = 4  # people named in a sentence; the rest are counted


def needs(request: AuthenticatedHttpRequest) -> list[Need]:
    """For a manager: reports whose readiness fell, and reports gone quiet on a behaviour, by
    name. Two queries however large the team: how many of each, and the first few of both
    in the dashboard's "needs attention" order (those whose readiness fell come first)."""
    pictures = _reports(request)
    if pictures is None:
        return []
    fell_q, quiet_q = Q(trend=forecast.DOWN), Q(quiet__gt=0)
    counts = pictures.aggregate(fell=Count("pk", filter=fell_q), quiet=Count("pk", filter=quiet_q))
    if not (counts["fell"] or counts["quiet"]):
        return []
    first = list(
        ordered(pictures.filter(fell_q | quiet_q), "attention").select_related("engineer__user")[
            : 2 * NAMED
        ]
    )
    fell = [display_name(p.engineer.user) for p in first if p.trend == forecast.DOWN]
    quiet = [display_name(p.engineer.user) for p in first if p.quiet]
    team = reverse("reviews:team") + "?sort=attention"
    found = []
    if counts["fell"]:
        found.append(
            Need(
                key="fell",
                text=f"Readiness fell for {_some(fell, counts['fell'])}",
                detail="over the last 90 days",
                order=TEAM,
                actions=(Action("See why", team, primary=True),),
            )
        )
    if counts["quiet"]:
        days = next(p.stale_days for p in first if p.quiet or p is first[-1])
        one = counts["quiet"] == 1
        found.append(
            Need(
                key="quiet",
                text=f"{_some(quiet, counts['quiet'])} {'has' if one else 'have'} gone quiet",
                detail=f"no evidence in {days} days on some of their behaviours",
                order=TEAM + 1,
                actions=(Action("See who and what", team, primary=True),),
            )
        )
    return found


def _some(named: list[str], count: int) -> str:
    """A few people by name and the rest counted: 'Ana, Bo and 3 others'; '5 people' when
    none of them could be named here."""
    if not named:
        return f"{count} people"
    parts = named[:NAMED]
    if count > len(parts):
        parts.append(plural(count - len(parts), "other", "others"))
    return names(parts, shown=len(parts))


TEAM_NAMED = 5  # the people the home page's team panel names


def home_team(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    """A manager's team by name: who needs attention and what is missing, and who is ready."""
    pictures = _reports(request)
    if pictures is None:
        return None
    tally = Tally.of(pictures)
    counts = tally.counts()
    waiting = ordered(pictures.exclude(status=READY), "attention")
    first = list(waiting.values_list("pk", flat=True)[:TEAM_NAMED])
    context = {
        "attention": team_rows(page_pictures(first)),
        "ready": [
            display_name(p.engineer.user)
            for p in ordered(pictures.filter(status=READY), "name").select_related(
                "engineer__user"
            )[:TEAM_NAMED]
        ]
        if counts[READY]
        else [],
        "more_ready": max(0, counts[READY] - TEAM_NAMED),
        "counts": counts,
        "statuses": [(s, STATUS_LABELS[s]) for s in STATUS_ORDER],
        "total": sum(counts.values()),
        "people": tally.total,
    }
    return render_to_string("reviews/readiness/home_panels.html#team", context, request=request)
