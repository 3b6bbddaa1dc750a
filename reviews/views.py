import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from evidence import selectors as evidence_selectors
from evidence.models import Entry
from promo import access, audit, panels
from promo.models import Behaviour, Ladder, Level, Person, Team
from promo.params import parse_id, parse_int
from reviews import packet, readiness, selectors, services
from reviews.forms import FeedbackForm, ReplyForm
from reviews.models import Feedback

INBOX_PAGE = 25


def _targets(entry: Entry) -> list[Behaviour]:
    person = getattr(entry.author, "person", None)
    if person is None or person.target_level_id is None:
        return []
    return list(Behaviour.objects.filter(level_id=person.target_level_id).order_by("rank"))


def _feedback_form(entry: Entry, data=None) -> FeedbackForm:  # noqa: ANN001 - QueryDict
    return FeedbackForm(data, entry=entry, target_behaviours=_targets(entry))


def _panel_context(request: HttpRequest, entry: Entry, form: FeedbackForm | None = None) -> dict:
    can_review = selectors.is_reviewer(request.user, entry)
    return {
        "entry": entry,
        "threads": selectors.threads(entry),
        "can_review": can_review,
        "is_engineer": request.user.pk == entry.author_id,
        "form": form or (_feedback_form(entry) if can_review else None),
        "reply_form": ReplyForm(),
    }


def feedback_panel(request: HttpRequest, entry: Entry) -> SafeString | None:
    """The feedback section of the entry page, for the engineer and their active mentors."""
    if not selectors.sees_feedback(request.user, entry):
        return None
    return render_to_string(
        "reviews/feedback_panel.html", _panel_context(request, entry), request=request
    )


def _thread_response(request: HttpRequest, feedback: Feedback, **extra) -> HttpResponse:  # noqa: ANN003
    entry = feedback.entry
    context = {
        "f": selectors.thread(feedback),
        "entry": entry,
        "can_review": selectors.is_reviewer(request.user, entry),
        "is_engineer": request.user.pk == entry.author_id,
        "reply_form": ReplyForm(),
        **extra,
    }
    return render(request, "reviews/feedback_panel.html#thread", context)


def _back_to(feedback: Feedback) -> HttpResponse:
    return redirect(f"{feedback.entry.get_absolute_url()}#feedback-{feedback.pk}")


@login_required
@require_POST
def feedback_create(request: HttpRequest, pk: int) -> HttpResponse:
    entry = evidence_selectors.entry_for_viewer(request.user, pk)
    if not selectors.is_reviewer(request.user, entry):
        raise Http404("No such entry.")
    form = _feedback_form(entry, request.POST)
    if form.is_valid():
        feedback = services.feedback_post(
            entry=entry, mentor=request.user, data=form.feedback_data()
        )
        if not request.htmx:
            messages.success(request, "Feedback posted.")
            return _back_to(feedback)
        form = None
    if request.htmx:
        context = _panel_context(request, entry, form)
        return render(request, "reviews/feedback_panel.html#panel", context)
    # The form page alone: the panel's reply form would send the page down its reply branch.
    context = {"entry": entry, "form": form}
    return render(request, "reviews/feedback_form_page.html", context, status=400)


@login_required
@require_POST
def reply_create(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.feedback_for_viewer(request.user, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        services.reply_post(feedback=feedback, author=request.user, body=form.cleaned_data["body"])
        return _thread_response(request, feedback) if request.htmx else _back_to(feedback)
    if request.htmx:
        return _thread_response(request, feedback, reply_form=form)
    context = {"entry": feedback.entry, "feedback": feedback, "reply_form": form}
    return render(request, "reviews/feedback_form_page.html", context, status=400)


@login_required
@require_POST
def feedback_state(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.feedback_for_viewer(request.user, pk)
    error = None
    try:
        services.feedback_set_state(
            feedback=feedback, by=request.user, to=request.POST.get("to", "")
        )
    except services.ReviewError as exc:
        error = str(exc)
    if request.htmx:
        return _thread_response(request, feedback, error=error)
    if error:
        messages.error(request, error)
    return _back_to(feedback)


@login_required
@require_http_methods(["GET", "POST"])
def feedback_edit(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.own_feedback_or_404(request.user, pk)
    entry = feedback.entry
    if request.method == "POST":
        form = _feedback_form(entry, request.POST)
        if form.is_valid():
            services.feedback_edit(
                feedback=feedback, editor=request.user, data=form.feedback_data()
            )
            messages.success(
                request, "Feedback updated; the earlier wording is kept in its history."
            )
            return _back_to(feedback)
    else:
        initial = {
            "body": feedback.body,
            "gap_note": feedback.gap_note,
            "gap_behaviour": feedback.gap_behaviour_id,
            "extra_behaviour": feedback.extra_behaviour_id,
        }
        for verdict in feedback.verdicts.all():
            initial[f"verdict_{verdict.behaviour_id}"] = verdict.verdict
            if verdict.behaviour_id == feedback.extra_behaviour_id:
                initial["extra_verdict"] = verdict.verdict
        form = FeedbackForm(initial=initial, entry=entry, target_behaviours=_targets(entry))
    context = {"entry": entry, "feedback": feedback, "form": form, "editing": True}
    status = 400 if request.method == "POST" else 200  # a valid POST has redirected already
    return render(request, "reviews/feedback_form_page.html", context, status=status)


@login_required
@require_POST
def feedback_delete(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.own_feedback_or_404(request.user, pk)
    url = feedback.entry.get_absolute_url()
    services.feedback_delete(feedback=feedback, by=request.user)
    messages.success(request, "Feedback deleted.")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    counts = selectors.inbox_counts(request.user)
    mentees = {c.user.username: c.user for c in counts}
    mentee = mentees.get(request.GET.get("mentee", ""))
    behaviour = None
    if (behaviour_id := parse_id(request.GET.get("behaviour"))) is not None:
        behaviour = Behaviour.objects.filter(pk=behaviour_id).first()
    entries = selectors.inbox(request.user, mentee=mentee, behaviour=behaviour)
    page = Paginator(entries, INBOX_PAGE).get_page(request.GET.get("page"))
    behaviours = Behaviour.objects.filter(
        level_id__in=get_user_model()
        .objects.filter(pk__in=[c.user.pk for c in counts])
        .values("person__target_level")
    ).select_related("level")
    context = {
        "page": page,
        "counts": counts,
        "mentee": mentee,
        "behaviour": behaviour,
        "behaviours": behaviours.order_by("level__rank", "rank"),
        "unreviewed": sum(c.unreviewed for c in counts),
    }
    return render(request, "reviews/inbox.html", context)


@login_required
@require_GET
def gaps(request: HttpRequest) -> HttpResponse:
    context = {
        "gaps": selectors.open_gaps(request.user),
        "committee_gaps": packet.open_committee_gaps(request.user),
    }
    return render(request, "reviews/gaps.html", context)


# --- readiness -------------------------------------------------------------------------------

RANGE_MONTHS = 12
AS_OF_BAD = "That is not a date; showing today."
AS_OF_FUTURE = "Readiness cannot be judged in the future; showing today."
STATUS_LABELS = {
    readiness.READY: "Ready",
    readiness.CLOSE: "Close",
    readiness.BUILDING: "Building",
    readiness.SUSTAINED: "Sustained",
    readiness.EMERGING: "Emerging",
    readiness.NOT_YET: "Not yet",
}
STATUS_ORDER = {readiness.READY: 0, readiness.CLOSE: 1, readiness.BUILDING: 2}


def heat_class(strength: float | None) -> str:
    """The CSS class of a heatmap square: computed here, since templates pay per condition."""
    if strength is None:
        return "c-none"
    if strength >= readiness.DEMONSTRATED:
        return "c-demo"
    return "c-flash" if strength >= readiness.FLASH else "c-gap"


SQUARES = {css: f'<span class="{css}"></span>' for css in ("c-none", "c-demo", "c-flash", "c-gap")}


def mini_heatmap(results: list, classes: list[list[str]], names: dict[int, str]) -> SafeString:
    """A dashboard row's heatmap as one string: 200 rows of 7 x 12 squares would otherwise cost
    the template ~17,000 loop steps (format_html_join costs as much). Every class name comes from
    heat_class's four constants and `names` holds each behaviour's name escaped (once per page,
    not once per row), so the string is safe."""
    label = "; ".join(
        f"{names[r.behaviour]}: {r.demonstrated_periods} of {r.window_periods}" for r in results
    )
    lines = "".join(
        f'<div class="mini-row" title="{names[r.behaviour]}">'
        + "".join([SQUARES[css] for css in row])
        + "</div>"
        for r, row in zip(results, classes, strict=True)
    )
    return mark_safe(f'<div class="mini-heatmap" role="img" aria-label="{label}">{lines}</div>')  # noqa: S308 - see docstring


def _as_of(request: HttpRequest) -> tuple[date, str | None]:
    today = timezone.localdate()
    raw = request.GET.get("as_of", "")
    if not raw:
        return today, None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return today, AS_OF_BAD
    return (today, AS_OF_FUTURE) if day > today else (day, None)


def engineer_or_404(
    request: HttpRequest, username: str, scope: access.Scope | None = None
) -> tuple[AbstractBaseUser, access.Relation]:
    """The active engineer and the viewer's relation to them (read off `scope` when given);
    404 when there is no relation."""
    engineer = get_object_or_404(
        get_user_model().objects.select_related("person__target_level__ladder"),
        username=username,
        is_active=True,
    )
    return engineer, access.relation_or_404(request.user, engineer, scope=scope)


def _target(engineer: AbstractBaseUser) -> tuple[Level | None, readiness.Policy]:
    person = getattr(engineer, "person", None)
    level = person.target_level if person else None
    ladder = level.ladder if level else Ladder.objects.filter(slug="default").first()
    return level, selectors.policy_of(ladder) if ladder else readiness.Policy()


def _assessment(
    request: HttpRequest,
    engineer: AbstractBaseUser,
    as_of: date,
    scope: access.Scope | None = None,
) -> dict:
    level, policy = _target(engineer)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank")) if level else []
    periods = readiness.range_indexes(as_of, RANGE_MONTHS // policy.period_months, policy)
    months = readiness.months_of(periods, policy)
    claims, entries = selectors.claims_of(
        request.user, engineer, as_of=as_of, months=months, scope=scope
    )
    found = readiness.assess(
        claims,
        [(b.pk, b.name) for b in behaviours],
        as_of=as_of,
        policy=policy,
        range_periods=len(periods),
    )
    return {
        "level": level,
        "policy": policy,
        "behaviours": behaviours,
        "assessment": found,
        "entries": entries,
        "periods": periods,
    }


@dataclass(frozen=True)
class ReadinessSubject:
    """What a "readiness" panel is given: whose page, the viewer's relation to them, the date."""

    engineer: AbstractBaseUser
    relation: access.Relation
    as_of: date

    @property
    def at(self) -> datetime:
        """The instant the page describes: the end of the as-of day, or now when that is today,
        so that panels leave out what happened after it as the readiness above does."""
        return min(selectors.end_of(self.as_of), timezone.now())


HEAT_WORDS = {"c-none": "no evidence", "c-demo": "demonstrated", "c-flash": "flash", "c-gap": "gap"}


def _heatmap_rows(
    context: dict, engineer: AbstractBaseUser, as_of: date, gap_counts: dict[int | None, int]
) -> list[dict]:
    """Behaviours x periods for the page's heatmap, each cell's class, link and label made here
    (one URL reversal, not two per cell in the template); the window's periods are marked; each
    behaviour's open gap notes counted."""
    found, policy = context["assessment"], context["policy"]
    window = set(readiness.window_indexes(as_of, policy))
    by_id = {b.behaviour: b for b in found.readiness.behaviours}
    labels = {p: readiness.period_label(p, policy) for p in context["periods"]}
    base = reverse("reviews:readiness-cell", args=[engineer.get_username()])
    rows = []
    for behaviour in context["behaviours"]:
        result = by_id[behaviour.pk]
        cells = []
        for p in context["periods"]:
            css = heat_class(found.grid.get((behaviour.pk, p)))
            cells.append(
                {
                    "css": f"{css} in-window" if p in window else css,
                    "href": f"{base}?behaviour={behaviour.pk}&period={p}&as_of={as_of.isoformat()}",
                    "aria": f"{behaviour.name}, {labels[p]}: {HEAT_WORDS[css]}",
                }
            )
        rows.append(
            {
                "behaviour": behaviour,
                "result": result,
                "cells": cells,
                "first": labels.get(result.first_demonstrated, "—"),
                "last": labels.get(result.last_demonstrated, "—"),
                "gaps": gap_counts.get(behaviour.pk, 0),
            }
        )
    return rows


@login_required
@require_GET
def readiness_page(request: HttpRequest, username: str) -> HttpResponse:
    scope = access.scope_of(request.user)  # once, for the relation and every read on the page
    engineer, relation = engineer_or_404(request, username, scope)
    as_of, as_of_error = _as_of(request)
    context = _assessment(request, engineer, as_of, scope)
    found, policy = context["assessment"], context["policy"]
    shows_notes = relation.is_self or relation.is_mentor
    if shows_notes:  # the notes themselves, and their counts
        gaps = selectors.open_gaps(engineer, viewer=request.user, scope=scope)
        gap_counts = _count_by_behaviour(gaps)
    else:  # a manager sees how many, never the words: counting is enough
        gaps = []
        gap_counts = selectors.open_gap_counts(
            request.user, [engineer.pk], scope=scope, per="gap_behaviour_id"
        )
    context |= {
        "engineer": engineer,
        "relation": relation,
        "as_of": as_of,
        "as_of_error": as_of_error,
        "is_today": as_of == timezone.localdate(),
        "status": found.readiness.status,
        "status_label": STATUS_LABELS[found.readiness.status],
        "rows": _heatmap_rows(context, engineer, as_of, gap_counts),
        "period_labels": [readiness.period_label(p, policy) for p in context["periods"]],
        "labels": STATUS_LABELS,
        "gaps": gaps,
        "shows_notes": shows_notes,
        "window_periods": policy.window_months // policy.period_months,
        "panels": panels.render("readiness", request, ReadinessSubject(engineer, relation, as_of)),
    }
    return render(request, "reviews/readiness.html", context)


def _count_by_behaviour(gaps: list[Feedback]) -> dict[int | None, int]:
    counts: dict[int | None, int] = {}
    for feedback in gaps:
        counts[feedback.gap_behaviour_id] = counts.get(feedback.gap_behaviour_id, 0) + 1
    return counts


@login_required
@require_GET
def readiness_cell(request: HttpRequest, username: str) -> HttpResponse:
    """The entries behind one heatmap cell: what counted, and how much."""
    scope = access.scope_of(request.user)
    engineer, _ = engineer_or_404(request, username, scope)
    as_of, _ = _as_of(request)
    level, policy = _target(engineer)
    period = parse_int(
        request.GET.get("period"),
        low=readiness.period_index(date.min, policy),
        high=readiness.period_index(as_of, policy),
    )
    behaviour = Behaviour.objects.filter(
        pk=parse_id(request.GET.get("behaviour")), level=level
    ).first()
    if period is None or behaviour is None:
        raise Http404("No such cell.")
    months = readiness.months_of([period], policy)
    claims, entries = selectors.claims_of(
        request.user, engineer, as_of=as_of, months=months, scope=scope
    )
    judged = [
        (entries[j.claim.entry_id], j)
        for j in (readiness.judge(c, as_of=as_of, policy=policy) for c in claims)
        if j is not None and j.claim.behaviour == behaviour.pk
    ]
    judged.sort(key=lambda pair: (-pair[1].strength, pair[0].week_start))
    context = {
        "engineer": engineer,
        "behaviour": behaviour,
        "period_label": readiness.period_label(period, policy),
        "judged": judged,
        "policy": policy,
    }
    template = "reviews/readiness.html#cell" if request.htmx else "reviews/readiness_cell.html"
    return render(request, template, context)


def _team_people(request: HttpRequest, scope: access.Scope, view: str) -> list[Person]:
    """The people on the dashboard with their user, team and levels. The few teams and levels
    are read once and shared: joining them into every row made a model instance per row each,
    which cost a 200-person dashboard more than its readiness query."""
    ids = scope.mentees if view == "mentees" else scope.reports
    people = list(
        Person.objects.filter(pk__in=ids)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    )
    level_ids = {p.current_level_id for p in people} | {p.target_level_id for p in people}
    levels = {lv.pk: lv for lv in Level.objects.filter(pk__in=level_ids).select_related("ladder")}
    teams = {team.pk: team for team in Team.objects.filter(pk__in={p.team_id for p in people})}
    for person in people:
        person.team = teams.get(person.team_id)
        person.current_level = levels.get(person.current_level_id)
        person.target_level = levels.get(person.target_level_id)
    return people


NO_CELLS: Mapping[int, float] = MappingProxyType({})  # shared by every row: read-only
USERNAME_MARK = "username-mark"


def readiness_links() -> Callable[[str], str]:
    """A username -> readiness page URL function that reverses once, not once per row: the
    `{% url %}` tag cost a 200-person dashboard 5 ms. It quotes as `reverse` does (a test holds
    the two equal for unusual usernames)."""
    head, tail = reverse("reviews:readiness", args=[USERNAME_MARK]).split(USERNAME_MARK)
    safe = RFC3986_SUBDELIMS + "/~:@"
    return lambda username: f"{head}{quote(username, safe=safe)}{tail}"


def team_rows(
    request: HttpRequest, people: list[Person], scope: access.Scope, as_of: date
) -> list[dict]:
    """One row per person: readiness from what the viewer may see, grouped by ladder policy."""
    levels = {p.target_level_id for p in people if p.target_level_id}
    behaviours: dict[int, list[tuple[int, str]]] = {}
    found = Behaviour.objects.filter(level_id__in=levels).order_by("rank")
    names: dict[int, str] = {}
    for b_id, level_id, name in found.values_list("pk", "level_id", "name"):
        behaviours.setdefault(level_id, []).append((b_id, name))
        names[b_id] = escape(name)
    gaps = selectors.open_gap_counts(request.user, [p.pk for p in people], scope=scope)
    link = readiness_links()
    rows = []
    by_ladder: dict[int | None, list[Person]] = {}
    for person in people:
        ladder = person.target_level.ladder if person.target_level else None
        by_ladder.setdefault(ladder.pk if ladder else None, []).append(person)
    for group in by_ladder.values():
        ladder = group[0].target_level.ladder if group[0].target_level else None
        policy = selectors.policy_of(ladder) if ladder else readiness.Policy()
        grid, last = {}, {}
        if ladder is not None:  # people with no target level are listed, not assessed
            grid, last = selectors.team_grid(
                request.user, [p.pk for p in group], as_of=as_of, policy=policy, scope=scope
            )
        window = readiness.window_indexes(as_of, policy)
        for person in group:
            pid = person.pk
            own = behaviours.get(person.target_level_id, [])
            results, classes = [], []
            for b_id, b_name in own:
                scores = grid.get((pid, b_id), NO_CELLS)
                results.append(
                    readiness.behaviour_readiness(
                        b_id,
                        b_name,
                        scores,
                        as_of=as_of,
                        policy=policy,
                        last_evidence=last.get((pid, b_id)),
                        window=window,
                    )
                )
                classes.append([heat_class(scores.get(p)) for p in window])
            verdict = readiness.overall(results, policy=policy)
            rows.append(
                {
                    "person": person,
                    "href": link(person.user.username),
                    "readiness": verdict,
                    "assessed": bool(own),
                    "status_label": STATUS_LABELS[verdict.status] if own else "Not assessed",
                    "sustained": sum(r.status == readiness.SUSTAINED for r in results),
                    "behaviours": len(results),
                    "window": readiness.span(len(window), policy),
                    "heatmap": mini_heatmap(results, classes, names),
                    "stale": [r.name for r in results if r.stale],
                    "gaps": gaps.get(person.pk, 0),
                }
            )
    return rows


TEAM_SORTS = {
    "name": lambda row: row["person"].display_name.lower(),
    "status": lambda row: (
        STATUS_ORDER[row["readiness"].status] if row["assessed"] else 9,
        -row["sustained"],
    ),
    "gaps": lambda row: -row["gaps"],
}


@login_required
@require_GET
def team(request: HttpRequest) -> HttpResponse:
    scope = access.scope_of(request.user)
    view = request.GET.get("view") or ("reports" if scope.reports else "mentees")
    view = view if view in ("reports", "mentees") else "reports"
    people = _team_people(request, scope, view)
    rows = team_rows(request, people, scope, timezone.localdate())
    status, team_name, level = (request.GET.get(k, "") for k in ("status", "team", "level"))
    shown = [
        row
        for row in rows
        if (not status or (row["assessed"] and row["readiness"].status == status))
        and (not team_name or (row["person"].team and row["person"].team.name == team_name))
        and (not level or (row["person"].target_level and row["person"].target_level.name == level))
    ]
    sort = request.GET.get("sort", "status")
    shown.sort(key=TEAM_SORTS.get(sort, TEAM_SORTS["status"]))
    if request.GET.get("format") == "csv":
        audit.record(
            audit.EXPORT, actor=request.user, detail=f"team readiness CSV, {len(shown)} rows"
        )
        return _team_csv(shown)
    context = {
        "rows": shown,
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
        "counts": {
            s: sum(r["assessed"] and r["readiness"].status == s for r in rows) for s in STATUS_ORDER
        },
        "total": len(rows),
    }
    template = "reviews/team.html#table" if request.htmx else "reviews/team.html"
    return render(request, template, context)


def _csv_cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; quote them as text."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _team_csv(rows: list[dict]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="promo-team-readiness.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["Name", "Username", "Team", "Level", "Target level", "Status", "Behaviours sustained",
         "Behaviours", "Open gaps", "No evidence in 90 days"]
    )  # fmt: skip
    for row in rows:
        person = row["person"]
        writer.writerow(
            [
                _csv_cell(person.display_name),
                _csv_cell(person.user.username),
                _csv_cell(person.team or ""),
                _csv_cell(person.current_level or ""),
                _csv_cell(person.target_level or ""),
                row["status_label"],
                row["sustained"],
                row["behaviours"],
                row["gaps"],
                _csv_cell("; ".join(row["stale"])),
            ]
        )
    return response


# --- home page sections ----------------------------------------------------------------------


def home_readiness(request: HttpRequest, _subject: object) -> SafeString | None:
    """The engineer's own readiness at a glance."""
    person = getattr(request.user, "person", None)
    if person is None or person.target_level_id is None:
        return None
    context = _assessment(request, request.user, timezone.localdate())
    found = context["assessment"].readiness
    context |= {"readiness": found, "status_label": STATUS_LABELS[found.status]}
    return render_to_string("reviews/home_panels.html#readiness", context, request=request)


def home_mentor(request: HttpRequest, _subject: object) -> SafeString | None:
    counts = selectors.inbox_counts(request.user)
    if not counts:
        return None
    context = {"counts": counts, "unreviewed": sum(c.unreviewed for c in counts)}
    return render_to_string("reviews/home_panels.html#mentor", context, request=request)


def home_team(request: HttpRequest, _subject: object) -> SafeString | None:
    scope = access.scope_of(request.user)
    if not scope.reports:
        return None
    rows = team_rows(request, _team_people(request, scope, "reports"), scope, timezone.localdate())
    counts = {
        s: sum(r["assessed"] and r["readiness"].status == s for r in rows) for s in STATUS_ORDER
    }
    context = {"counts": counts, "statuses": [(s, STATUS_LABELS[s]) for s in STATUS_ORDER]}
    context |= {"total": sum(r["assessed"] for r in rows), "people": len(rows)}
    return render_to_string("reviews/home_panels.html#team", context, request=request)
