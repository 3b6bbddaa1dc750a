"""Entries in and out: JSON (lossless, re-importable) and Markdown (for reading and sharing).

A JSON export imported into an empty account gives back the same entries. Behaviours are named
by ladder, level and behaviour slug so a file moves between Promo installations that share a
ladder. Brag-document Markdown is read by `evidence.brag_import`.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypedDict

from django.contrib.auth.models import User

from evidence.brag_import import EARLIEST, ENTRIES_MAX, parse_brag_doc
from evidence.forms import DATE_TOO_OLD, EntryForm, links_text
from evidence.models import Entry, Kind
from evidence.services import EntryData
from promo.models import Behaviour, display_name
from promo.nesting import deeper_than
from promo.selectors import working_level

FORMAT = "promo-entries"
VERSION = 1
DEPTH_MAX = 8  # an export nests five deep: document, entries, entry, behaviours, behaviour
NOT_JSON = "This is not valid JSON (line {line}, column {col}): {msg}."
TOO_DEEP = "This JSON is nested too deeply to be a Promo export."
NUMBER_TOO_LONG = "This JSON holds a number too long to read; a Promo export has none."
TOO_MANY = "This export has {count:,} entries; import at most {limit:,} at a time."
NOT_OURS = 'This JSON is not a Promo export (it needs "format": "promo-entries").'
BAD_VERSION = "This export is version {found}; this Promo reads version {VERSION}."
BAD_ITEM = "Entry {n}: {field}: {message}"
NOT_OBJECTS = "must be a list of objects"
UNKNOWN_BEHAVIOUR = "Entry {n}: behaviour “{name}” ({path}) is not on this site's ladder."
UNKNOWN_TAG = "#{tag} matches no behaviour; it stays in the text."


@dataclass
class ImportPlan:
    """What an import would create, or why it cannot; nothing is saved until confirmed."""

    items: list[EntryData] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.items) and not self.problems


class BehaviourRef(TypedDict):
    """A behaviour in an export, by slugs (the name is for people reading the file)."""

    ladder: str
    level: str
    behaviour: str
    name: str


class ExportedLink(TypedDict):
    url: str
    label: str


class ExportedEntry(TypedDict):
    """One entry of a JSON export (dates as ISO strings)."""

    title: str
    kind: str
    week_start: str
    body: str
    behaviours: list[BehaviourRef]
    impact: str
    shipped_on: str | None
    impact_measured: str
    impact_measured_on: str | None
    links: list[ExportedLink]
    visibility: str


def _behaviour_ref(b: Behaviour) -> BehaviourRef:
    return {
        "ladder": b.level.ladder.slug,
        "level": b.level.slug,
        "behaviour": b.slug,
        "name": b.name,
    }


def entry_to_dict(entry: Entry) -> ExportedEntry:
    return {
        "title": entry.title,
        "kind": entry.kind,
        "week_start": entry.week_start.isoformat(),
        "body": entry.body,
        "behaviours": [_behaviour_ref(b) for b in entry.behaviours.all()],
        "impact": entry.impact,
        "shipped_on": entry.shipped_on.isoformat() if entry.shipped_on else None,
        "impact_measured": entry.impact_measured,
        "impact_measured_on": (
            entry.impact_measured_on.isoformat() if entry.impact_measured_on else None
        ),
        "links": [{"url": link.url, "label": link.label} for link in entry.links.all()],
        "visibility": entry.visibility,
    }


def export_json(author: User, entries: list[Entry], *, now: datetime) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
        "author": author.get_username(),
        "entries": [entry_to_dict(entry) for entry in entries],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def export_markdown(author: User, entries: list[Entry], *, now: datetime) -> str:
    """A readable brag document, newest week first; it imports back as a brag document."""
    name = display_name(author)
    lines = [f"# {name}: evidence", "", f"Exported from Promo on {now:%d %B %Y}.", ""]
    week = None
    for entry in entries:
        if entry.week_start != week:
            week = entry.week_start
            lines += [f"## Week of {week:%d %B %Y}", ""]
        lines.append(f"- **{entry.title}**")
        detail = [f"*{entry.get_kind_display()}* · shared with: {entry.get_visibility_display()}"]
        if tags := [f"#{b.slug}" for b in entry.behaviours.all()]:
            detail.append("Behaviours: " + " ".join(tags))
        if entry.body.strip():
            detail += ["", *entry.body.strip().splitlines()]
        if entry.impact:
            detail += ["", f"Expected impact: {entry.impact}"]
        if entry.shipped_on:
            detail.append(f"Shipped on {entry.shipped_on:%d %B %Y}.")
        if entry.impact_measured:
            detail.append(
                f"Measured impact ({entry.impact_measured_on:%d %B %Y}): {entry.impact_measured}"
            )
        detail += [f"[{link.label or link.url}]({link.url})" for link in entry.links.all()]
        lines += [f"  {line}" if line else "" for line in ["", *detail]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _behaviour_index() -> dict[tuple[str, str, str], Behaviour]:
    rows = Behaviour.objects.select_related("level__ladder")
    return {(b.level.ladder.slug, b.level.slug, b.slug): b for b in rows}


def _form_errors(n: int, form: EntryForm) -> list[str]:
    return [
        BAD_ITEM.format(n=n, field=name if name != "__all__" else "entry", message=message)
        for name, messages in form.errors.items()
        for message in messages
    ]


def _objects(value: Any) -> list[dict[str, Any]] | None:
    """A list of JSON objects (missing or null: none), or None when it is something else."""
    value = [] if value is None else value
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    return None


def plan_json(text: str, *, today: date) -> ImportPlan:
    """Check a JSON export entry by entry, through the same form the web uses.

    Hostile JSON gets a problem, never an exception: nesting too deep for the decoder (or
    deeper than an export needs, which would make later `str()` calls recurse), integers too
    long for Python to read, and more entries than ENTRIES_MAX (each goes through a form).
    """
    plan = ImportPlan()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        plan.problems.append(NOT_JSON.format(line=exc.lineno, col=exc.colno, msg=exc.msg))
        return plan
    except RecursionError:
        plan.problems.append(TOO_DEEP)
        return plan
    except ValueError:  # an integer of more than sys.get_int_max_str_digits() digits
        plan.problems.append(NUMBER_TOO_LONG)
        return plan
    if deeper_than(document, DEPTH_MAX):
        plan.problems.append(TOO_DEEP)
        return plan
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        plan.problems.append(NOT_OURS)
        return plan
    if document.get("version") != VERSION:
        plan.problems.append(BAD_VERSION.format(found=document.get("version"), VERSION=VERSION))
        return plan
    raw_entries = document.get("entries")
    if not isinstance(raw_entries, list):
        plan.problems.append(BAD_ITEM.format(n="list", field="entries", message="must be a list"))
        return plan
    if len(raw_entries) > ENTRIES_MAX:
        plan.problems.append(TOO_MANY.format(count=len(raw_entries), limit=ENTRIES_MAX))
        return plan
    behaviours = _behaviour_index()
    for n, raw in enumerate(raw_entries, start=1):
        if not isinstance(raw, dict):
            plan.problems.append(BAD_ITEM.format(n=n, field="entry", message="must be an object"))
            continue
        refs, links = _objects(raw.get("behaviours")), _objects(raw.get("links"))
        if refs is None or links is None:
            field = "behaviours" if refs is None else "links"
            plan.problems.append(BAD_ITEM.format(n=n, field=field, message=NOT_OBJECTS))
            continue
        chosen = []
        for ref in refs:
            key = (str(ref.get("ladder")), str(ref.get("level")), str(ref.get("behaviour")))
            if key in behaviours:
                chosen.append(behaviours[key].pk)
            else:
                path = "/".join(key)
                plan.problems.append(
                    UNKNOWN_BEHAVIOUR.format(n=n, name=ref.get("name", key[2]), path=path)
                )
        form = EntryForm(
            data={
                "title": raw.get("title", ""),
                "kind": raw.get("kind", ""),
                "week_of": raw.get("week_start", ""),
                "body": raw.get("body", ""),
                "behaviours": chosen,
                "impact": raw.get("impact", ""),
                "shipped_on": raw.get("shipped_on") or "",
                "impact_measured": raw.get("impact_measured", ""),
                "links": links_text((item.get("url", ""), item.get("label", "")) for item in links),
                "visibility": raw.get("visibility", ""),
            },
            today=today,
        )
        if not form.is_valid():
            plan.problems += _form_errors(n, form)
            continue
        measured_on = raw.get("impact_measured_on")
        try:
            measured_on = date.fromisoformat(measured_on) if measured_on else None
        except (TypeError, ValueError):
            plan.problems.append(
                BAD_ITEM.format(n=n, field="impact_measured_on", message="must be YYYY-MM-DD")
            )
            continue
        if measured_on and measured_on < EARLIEST:
            plan.problems.append(
                BAD_ITEM.format(n=n, field="impact_measured_on", message=DATE_TOO_OLD)
            )
            continue
        item = form.entry_data()
        plan.items.append(EntryData(**{**item.__dict__, "impact_measured_on": measured_on}))
    return plan


def plan_brag_doc(text: str, *, author: User, today: date, visibility: str) -> ImportPlan:
    """Turn a brag document's bullets into entries; #tags become behaviours where they match."""
    parsed = parse_brag_doc(text, today=today)
    plan = ImportPlan(problems=list(parsed.problems))
    by_slug = _behaviours_by_slug(author)
    unknown: list[str] = []
    for found in parsed.entries:
        tagged = tuple(by_slug[tag] for tag in found.tags if tag in by_slug)
        unknown += [tag for tag in found.tags if tag not in by_slug and tag not in unknown]
        plan.items.append(
            EntryData(
                title=found.title,
                week_of=found.on,
                kind=found.kind if found.kind in Kind.values else Kind.WEEKLY_WIN,
                body=found.body,
                behaviours=tagged,
                visibility=visibility,
            )
        )
    plan.notes += [UNKNOWN_TAG.format(tag=tag) for tag in unknown]
    return plan


def _behaviours_by_slug(author: User) -> dict[str, Behaviour]:
    """Tag slugs to behaviours, preferring the author's target level, then their ladder."""
    level = working_level(author)
    if level is None:
        return {}
    found: dict[str, Behaviour] = {}
    rows = Behaviour.objects.filter(level__ladder_id=level.ladder_id).select_related("level")
    for b in sorted(rows, key=lambda b: (b.level_id != level.pk, -b.level.rank)):
        found.setdefault(b.slug, b)
    return found
