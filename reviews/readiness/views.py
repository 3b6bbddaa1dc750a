"""Readiness pages: one engineer's, a cell of their heatmap, and the team dashboard."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
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
    TEAM_PAGE_SIZE,
    TEAM_SORTS,
    _team_csv,
    _team_people,
    add_details,
    team_rows,
)
from reviews.readiness.labels import HEAT_WORDS, STATUS_LABELS, STATUS_ORDER, _as_of, heat_class
from reviews.readiness.periods import period_index, period_label


@login_required
@require_GET
def readiness_page(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    scope = access.scope_of(request.user)  # once, for the relation and every read on the page
    engineer, relation = access.engineer_or_404(request.user, username, scope=scope)
    as_of, as_of_error = _as_of(request)
    picture = pipeline.assessment_for(request.user, engineer, as_of=as_of, scope=scope)
    found, policy = picture.assessment, picture.policy
    shows_notes = relation.is_self or relation.is_mentor
    if shows_notes:  # the notes themselves, and their counts
        gaps = feedback_selectors.open_gaps(engineer, viewer=request.user, scope=scope)
        gap_counts = _count_by_behaviour(gaps)
    else:  # a manager sees how many, never the words: counting is enough
        gaps = []
        gap_counts = feedback_selectors.open_gap_counts(
            request.user, [engineer.pk], scope=scope, per="gap_behaviour_id"
        )
    trend = [(days, STATUS_LABELS[then], move) for days, (then, move) in picture.trend.items()]
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
        "period_labels": [period_label(p, policy) for p in picture.periods],
        "labels": STATUS_LABELS,
        "gaps": gaps,
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
    people = _team_people(request, scope, view)
    rows = team_rows(request, people, scope, timezone.localdate(), details=False)
    status, team_name, level = (request.GET.get(k, "") for k in ("status", "team", "level"))
    shown = [
        row
        for row in rows
        if (not status or (row["assessed"] and row["status"] == status))
        and (not team_name or (row["person"].team and row["person"].team.name == team_name))
        and (not level or (row["person"].target_level and row["person"].target_level.name == level))
    ]
    sort = request.GET.get("sort", "status")
    if sort == "gaps" or request.GET.get("format") == "csv":
        add_details(request, shown, scope)  # gaps for everyone, to sort or export by
    shown.sort(key=TEAM_SORTS.get(sort, TEAM_SORTS["status"]))
    if request.GET.get("format") == "csv":
        audit.record(
            audit.EXPORT, actor=request.user, detail=f"team readiness CSV, {len(shown)} rows"
        )
        return _team_csv(shown)
    paginator = Paginator(shown, TEAM_PAGE_SIZE)
    page = paginator.get_page(parse_int(request.GET.get("page"), low=1, high=paginator.num_pages))
    page_rows = list(page.object_list)
    if sort != "gaps":
        add_details(request, page_rows, scope)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "rows": page_rows,
        "page": page,
        "page_query": query.urlencode(),
        "view": view,
        "has_reports": bool(scope.reports),
        "has_mentees": bool(scope.mentees),
        "status": status,
        "team_name": team_name,
        "level": level,
        "sort": sort,
        "statuses": [(s, STATUS_LABELS[s]) for s in STATUS_ORDER],
        "teams": sorted({r["person"].team.name for r in rows if r["person"].team}),
        "levels": sorted({r["person"].target_level.name for r in rows if r["person"].target_level}),
        "counts": {s: sum(r["assessed"] and r["status"] == s for r in rows) for s in STATUS_ORDER},
        "total": len(rows),
        "matching": len(shown),
    }
    template = (
        "reviews/readiness/team.html#table" if request.htmx else "reviews/readiness/team.html"
    )
    return render(request, template, context)
