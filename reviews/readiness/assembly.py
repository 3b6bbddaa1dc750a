"""One engineer's readiness picture (reviews.readiness.pipeline) laid out for a page: the
heatmap's rows and cells, what would change it in words, and what a panel is given."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import TypedDict

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry
from promo import access
from promo.models import Behaviour
from reviews.feedback.models import Feedback
from reviews.readiness import pipeline, rules, words
from reviews.readiness import selectors as readiness_selectors
from reviews.readiness.labels import HEAT_GLYPHS, HEAT_WORDS, heat_class
from reviews.readiness.periods import period_label, window_indexes


@dataclass(frozen=True)
class ReadinessSubject:
    """What a "readiness" panel is given: whose page, the viewer's relation to them, the date."""

    engineer: User
    relation: access.Relation
    as_of: date

    @property
    def at(self) -> datetime:
        """The instant the page describes: the end of the as-of day, or now when that is today,
        so that panels leave out what happened after it as the readiness above does."""
        return min(readiness_selectors.end_of(self.as_of), timezone.now())


@dataclass(frozen=True)
class HeatCell:
    css: str
    href: str
    aria: str
    glyph: str  # each state has its own shape, not only its own colour


class HeatmapRow(TypedDict):
    """One behaviour's line of the readiness page's heatmap and of the table under it."""

    behaviour: Behaviour
    result: rules.BehaviourReadiness
    cells: list[HeatCell]
    first: str
    last: str
    gaps: int


def _heatmap_rows(
    picture: pipeline.Picture, as_of: date, gap_counts: dict[int | None, int]
) -> list[HeatmapRow]:
    """Behaviours x periods for the page's heatmap, each cell's class, link and label made here
    (one URL reversal, not two per cell in the template); the window's periods are marked; each
    behaviour's open gap notes counted."""
    found, policy = picture.assessment, picture.policy
    window = set(window_indexes(as_of, policy))
    by_id = {b.behaviour: b for b in found.readiness.behaviours}
    labels: dict[int | None, str] = {p: period_label(p, policy) for p in picture.periods}
    base = reverse("reviews:readiness-cell", args=[picture.engineer.get_username()])
    rows: list[HeatmapRow] = []
    for behaviour in picture.behaviours:
        result = by_id[behaviour.pk]
        cells = []
        for p in picture.periods:
            css = heat_class(found.grid.get((behaviour.pk, p)))
            cells.append(
                HeatCell(
                    css=f"{css} in-window" if p in window else css,
                    href=f"{base}?behaviour={behaviour.pk}&period={p}&as_of={as_of.isoformat()}",
                    aria=f"{behaviour.name}, {labels[p]}: {HEAT_WORDS[css]}",
                    glyph=HEAT_GLYPHS[css],
                )
            )
        rows.append(
            HeatmapRow(
                behaviour=behaviour,
                result=result,
                cells=cells,
                first=labels.get(result.first_demonstrated, "—"),
                last=labels.get(result.last_demonstrated, "—"),
                gaps=gap_counts.get(behaviour.pk, 0),
            )
        )
    return rows


OUTLOOK_ENTRIES = 2  # entries named under one behaviour; the rest are counted


@dataclass(frozen=True)
class OutlookLine:
    """One behaviour's "what would change it", in words, with the entries it names."""

    name: str
    text: str
    entries: list[tuple[Entry, str]]  # an entry, and what it waits for: the first few
    more: int  # how many more entries wait the same way


def outlook_lines(picture: pipeline.Picture) -> list[OutlookLine]:
    lines = []
    for outlook in picture.outlooks:
        waiting = [
            (picture.entries[e], f"counts from {day:%-d %B %Y}, once its impact has had time")
            for e, day in outlook.maturing
            if e in picture.entries
        ] + [
            (picture.entries[e], "counts once its impact is measured")
            for e in outlook.unmeasured
            if e in picture.entries
        ]
        text = words.outlook(outlook.more_periods, outlook.earliest, picture.policy)
        lines.append(
            OutlookLine(
                name=outlook.name,
                text=text,
                entries=waiting[:OUTLOOK_ENTRIES],
                more=max(0, len(waiting) - OUTLOOK_ENTRIES),
            )
        )
    return lines


def _count_by_behaviour(gaps: list[Feedback]) -> dict[int | None, int]:
    counts: dict[int | None, int] = {}
    for feedback in gaps:
        counts[feedback.gap_behaviour_id] = counts.get(feedback.gap_behaviour_id, 0) + 1
    return counts
