"""Readiness pages: one engineer's, a cell of their heatmap, and the team dashboard."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from promo import access, audit, panels
from promo.http import AuthenticatedHttpRequest
from promo.params import parse_id, parse_int
from reviews.feedback import selectors as feedback_selectors
from reviews.readiness import pipeline
from reviews.readiness.assembly import (
    ReadinessSubject,
    _count_by_behaviour,
    _heatmap_rows,
    outlook_lines,
)
from reviews.readiness.dashboard import (
    DEFAULT_SORT,
    TEAM_PAGE_SIZE,
    TEAM_SORTS,
    CountedPaginator,
    Tally,
    _team_csv,
    filtered,
    grouped,
    listing,
    ordered,
    page_pictures,
    rows_of,
    team_rows,
)
from reviews.readiness.labels import (
    BEHAVIOUR_STATES,
    HEAT_GLYPHS,
    HEAT_WORDS,
    STATUS_LABELS,
    STATUS_ORDER,
    _as_of,
    heat_class,
)
from reviews.readiness.periods import period_index, period_label, window_indexes

GAPS_SHOWN = 8  # the newest open gap notes on the page; the rest are counted and linked
WAITING_SHOWN = 8  # mentee and mentor pairs waiting longest, on the team dashboard


@login_required
@require_GET
def readiness_page(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    scope = access.scope_of(request.user)  # once, for the relation and every read on the page
    engineer, relation = access.engineer_or_404(request.user, username, scope=scope)
    as_of, as_of_error = _as_of(request)
    picture = pipeline.assessment_for(request.user, engineer, as_of=as_of, scope=scope)
    found, policy = picture.assessment, picture.policy
    shows_notes = relation.is_self or relation.is_mentor
    gaps = []  # a manager sees how many, never the words
    if shows_notes:  # the newest notes themselves; one more tells whether there are others
        gaps = feedback_selectors.open_gaps(
            engineer, viewer=request.user, scope=scope, newest=GAPS_SHOWN + 1
        )
    if len(gaps) <= GAPS_SHOWN and shows_notes:
        gap_counts = _count_by_behaviour(gaps)  # all of them are here: no need to count
    else:
        gap_counts = feedback_selectors.open_gap_counts(
            request.user, [engineer.pk], scope=scope, per="gap_behaviour_id"
        )
    trend = [(days, STATUS_LABELS[then], move) for days, (then, move) in picture.trend.items()]
    window = set(window_indexes(as_of, policy))
    context = {
        "picture": picture,
        "level": picture.level,
        "policy": policy,
        "assessment": found,
        "outlook": outlook_lines(picture),
        "ready_by": period_label(picture.ready_by, policy) if picture.ready_by else None,
        "trend": trend,
        "engineer": engineer,
        "relation": relation,
        "as_of": as_of,
        "as_of_error": as_of_error,
        "is_today": as_of == timezone.localdate(),
        "status": found.readiness.status,
        "status_label": STATUS_LABELS[found.readiness.status],
        "rows": _heatmap_rows(picture, as_of, gap_counts),
        "period_labels": [(period_label(p, policy), p in window) for p in picture.periods],
        "heat_states": [(css, HEAT_WORDS[css], HEAT_GLYPHS[css]) for css in HEAT_WORDS],
        "labels": STATUS_LABELS,
        "gaps": gaps[:GAPS_SHOWN],
        "gaps_total": sum(gap_counts.values()),
        "shows_notes": shows_notes,
        "window_periods": policy.window_months // policy.period_months,
        "panels": panels.render("readiness", request, ReadinessSubject(engineer, relation, as_of)),
    }
    return render(request, "reviews/readiness/page.html", context)


@login_required
@require_GET
def readiness_cell(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    """The entries behind one heatmap cell: what counted, and how much."""
    scope = access.scope_of(request.user)
    engineer, _ = access.engineer_or_404(request.user, username, scope=scope)
    as_of, _ = _as_of(request)
    picture = pipeline.assessment_for(request.user, engineer, as_of=as_of, scope=scope)
    policy = picture.policy
    period = parse_int(
        request.GET.get("period"),
        low=period_index(date.min, policy),
        high=period_index(as_of, policy),
    )
    behaviour_id = parse_id(request.GET.get("behaviour"))
    behaviour = next((b for b in picture.behaviours if b.pk == behaviour_id), None)
    if period is None or period not in picture.periods or behaviour is None:
        raise Http404("No such cell.")
    judged = [
        (picture.entries[j.claim.entry_id], j)
        for j in picture.assessment.judged
        if j.claim.behaviour == behaviour.pk and period_index(j.claim.week_start, policy) == period
    ]
    judged.sort(key=lambda pair: (-pair[1].strength, pair[0].week_start))
    context = {
        "engineer": engineer,
        "behaviour": behaviour,
        "period_label": period_label(period, policy),
        "judged": judged,
        # Each claim's square and word from the one rule for them (labels.heat_class).
        "shown": [
            (entry, j, css := heat_class(j.strength), HEAT_WORDS[css]) for entry, j in judged
        ],
        "policy": policy,
    }
    template = "reviews/readiness/page.html#cell" if request.htmx else "reviews/readiness/cell.html"
    return render(request, template, context)


@login_required
@require_GET
def team(request: AuthenticatedHttpRequest) -> HttpResponse:
    scope = access.scope_of(request.user)
    view = request.GET.get("view") or ("reports" if scope.reports else "mentees")
    view = view if view in ("reports", "mentees") else "reports"
    everyone = listing(request, scope, view, timezone.localdate())
    tally = Tally.of(everyone)
    chosen = {k: request.GET.get(k, "") for k in ("status", "team", "level")}
    sort = request.GET.get("sort", DEFAULT_SORT)
    sort = sort if sort in TEAM_SORTS else DEFAULT_SORT
    shown = ordered(filtered(everyone, **chosen), sort)
    if request.GET.get("format") == "csv":
        rows = team_rows(rows_of(shown))
        audit.record(
            audit.EXPORT, actor=request.user, detail=f"team readiness CSV, {len(rows)} rows"
        )
        return _team_csv(rows)
    paginator = CountedPaginator(
        shown.values_list("pk", flat=True), TEAM_PAGE_SIZE, count=tally.matching(**chosen)
    )
    page = paginator.get_page(parse_int(request.GET.get("page"), low=1, high=paginator.num_pages))
    page_rows = team_rows(page_pictures(list(page.object_list)))
    # How long reports' work waits for their mentors: counts only, never an entry's words.
    waiting = (
        feedback_selectors.waiting_by_mentor(request.user, scope=scope)
        if view == "reports" and not request.htmx
        else []
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "rows": page_rows,
        "groups": grouped(page_rows),
        "states": BEHAVIOUR_STATES.values(),
        "page": page,
        "page_query": query.urlencode(),
        "view": view,
        "has_reports": bool(scope.reports),
        "has_mentees": bool(scope.mentees),
        "status": chosen["status"],
        "team_name": chosen["team"],
        "level": chosen["level"],
        "sort": sort,
        "statuses": [(s, STATUS_LABELS[s]) for s in STATUS_ORDER],
        "teams": tally.teams(),
        "levels": tally.levels(),
        "counts": tally.counts(),
        "total": tally.total,
        "matching": paginator.count,
        "waiting": waiting[:WAITING_SHOWN],
        "waiting_more": max(0, len(waiting) - WAITING_SHOWN),
    }
    template = (
        "reviews/readiness/team.html#table" if request.htmx else "reviews/readiness/team.html"
    )
    return render(request, template, context)
