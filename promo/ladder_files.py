"""Reading and writing a ladder as a TOML or YAML file.

The file format (TOML shown; YAML has the same shape):

    [ladder]
    name = "Promo engineering ladder"
    slug = "default"                      # optional: made from the name
    description = "..."

    [[levels]]                            # in order, first level first
    name = "Engineer I"
    summary = "..."

    [[levels.behaviours]]
    name = "Scope and impact"
    description = "..."
    examples = ["...", "..."]

`parse()` checks the whole file before anything touches the database, and every problem names
the line (syntax) or the field (content), e.g. ``levels[2].behaviours[1].name: is missing``.
Pure Python: no database access here.

A file is read in time linear in its length: it is at most TEXT_MAX characters; YAML aliases,
which let a few lines stand for millions of values, are refused; nesting is capped; and so are
the dots on a TOML line, because tomllib reads a dotted key in time quadratic in its parts.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w
import yaml
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify

from promo.nesting import deeper_than

FORMATS = ("toml", "yaml")
DEFAULT_LADDER_FILE = Path(__file__).resolve().parent / "ladders" / "default.toml"
NAME_MAX = 120
SLUG_MAX = 60
TEXT_MAX = 1_000_000  # characters; the shipped ladder is under 30,000
LEVELS_MAX = 50
BEHAVIOURS_MAX = 50  # per level
EXAMPLES_MAX = 50  # per behaviour
DEPTH_MAX = 10  # lists and tables inside each other; a ladder file needs six
DOTS_MAX = 200  # per TOML line; a ladder file's keys hold at most one ("levels.behaviours")

TOO_LONG = "the file is {length:,} characters; the limit is {limit:,}"
TOO_MANY = "{field}: there are {count:,}; the limit is {limit:,}"
TOO_DEEP = "{where}lists and tables are nested more than {limit} deep; a ladder needs six at most"
TOO_MANY_DOTS = "line {line}: has {count:,} dots; the limit is {limit:,} on one line"
YAML_ALIAS = (
    "not valid YAML: line {line}, column {column}: aliases such as *{name} are not allowed in "
    "a ladder file; write the value out in full"
)

LADDER_KEYS = {"name", "slug", "description"}
# Readiness policy: name -> (type, smallest, largest, default). All optional in a file.
POLICY_FIELDS: dict[str, tuple[type, float, float, float]] = {
    "period_months": (int, 1, 3, 1),
    "window_months": (int, 1, 36, 6),
    "threshold": (float, 0.01, 1.0, 0.5),
    "recent_months": (int, 1, 36, 3),
    "impact_maturity_weeks": (int, 0, 104, 12),
    "close_share": (float, 0.0, 1.0, 0.6),
    "stale_days": (int, 1, 365, 90),  # the pages show a year: promo.models.Ladder
}
LEVEL_KEYS = {"name", "slug", "summary", "behaviours"}
BEHAVIOUR_KEYS = {"name", "slug", "description", "examples"}


class LadderFileError(Exception):
    """A ladder file that cannot be imported; the message says where and why."""


@dataclass(frozen=True)
class BehaviourSpec:
    name: str
    slug: str
    description: str
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class LevelSpec:
    name: str
    slug: str
    summary: str
    behaviours: tuple[BehaviourSpec, ...] = field(default_factory=tuple)


def default_policy() -> dict[str, float]:
    return {name: spec[3] for name, spec in POLICY_FIELDS.items()}


@dataclass(frozen=True)
class LadderSpec:
    name: str
    slug: str
    description: str
    levels: tuple[LevelSpec, ...]
    policy: dict[str, float] = field(default_factory=default_policy)


def format_for(path: Path, explicit: str | None = None) -> str:
    """The file format, from an explicit choice or the file's extension."""
    fmt = (explicit or path.suffix.lstrip(".")).lower()
    fmt = "yaml" if fmt == "yml" else fmt
    if fmt not in FORMATS:
        raise LadderFileError(
            f"{path.name}: cannot tell the format from the extension; use .toml, .yaml or .yml."
        )
    return fmt


# libyaml's parser when PyYAML has it (its wheels do): the same documents, read several times
# faster than by the pure-Python parser.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_YAML_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_yaml_events(text: str) -> None:
    """Refuse aliases and deep nesting before anything is built from the file.

    An alias (*name) repeats the value anchored as &name wherever it appears, so a few lines
    can stand for millions of values ("billion laughs"); a ladder file never needs one. The
    depth check also stops early on "[[[[…", where the pure-Python parser's look-ahead is
    quadratic and its composer recurses past Python's limit.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_YAML_LOADER):
        mark = event.start_mark  # the parser gives every event one
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if isinstance(event, yaml.AliasEvent):
            raise LadderFileError(YAML_ALIAS.format(line=line, column=column, name=event.anchor))
        if isinstance(event, _YAML_OPENS):
            depth += 1
            if depth > DEPTH_MAX:
                where = f"not valid YAML: line {line}, column {column}: "
                raise LadderFileError(TOO_DEEP.format(where=where, limit=DEPTH_MAX))
        elif isinstance(event, _YAML_CLOSES):
            depth -= 1


def _check_toml_lines(text: str) -> None:
    if text.count(".") <= DOTS_MAX:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if (count := line.count(".")) > DOTS_MAX:
            raise LadderFileError(TOO_MANY_DOTS.format(line=number, count=count, limit=DOTS_MAX))


def _load(text: str, fmt: str) -> Any:
    if fmt == "toml":
        _check_toml_lines(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LadderFileError(f"not valid TOML: {exc}") from None
        except RecursionError:  # tomllib recurses into nested arrays and inline tables
            raise LadderFileError(TOO_DEEP.format(where="", limit=DEPTH_MAX)) from None
        if deeper_than(data, DEPTH_MAX):
            raise LadderFileError(TOO_DEEP.format(where="", limit=DEPTH_MAX))
        return data
    try:
        _check_yaml_events(text)
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise LadderFileError(f"not valid YAML: {where}{exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise LadderFileError(f"not valid YAML: {exc}") from None


def _table(value: Any, path: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LadderFileError(f"{path}: must be a table of keys, not {type(value).__name__}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise LadderFileError(
            f"{path}: unknown key {unknown[0]!r}; expected one of {', '.join(sorted(allowed))}"
        )
    return value


def _text(table: dict[str, Any], key: str, path: str, *, required: bool, limit: int = 0) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise LadderFileError(f"{path}.{key}: is missing")
        return ""
    if not isinstance(value, str):
        raise LadderFileError(f"{path}.{key}: must be text, not {type(value).__name__}")
    value = value.strip()
    if required and not value:
        raise LadderFileError(f"{path}.{key}: must not be empty")
    if limit and len(value) > limit:
        raise LadderFileError(f"{path}.{key}: is {len(value)} characters; the limit is {limit}")
    return value


def _slug(table: dict[str, Any], name: str, path: str) -> str:
    slug = _text(table, "slug", path, required=False, limit=SLUG_MAX) or slugify(name)[:SLUG_MAX]
    try:
        validate_slug(slug)
    except ValidationError:
        raise LadderFileError(
            f"{path}.slug: {slug!r} may hold only letters, numbers, hyphens and underscores"
        ) from None
    return slug


def _list(table: dict[str, Any], key: str, path: str, *, limit: int) -> list[Any]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise LadderFileError(f"{path}.{key}: must be a list, not {type(value).__name__}")
    if len(value) > limit:
        field = key if path == "(top level)" else f"{path}.{key}"
        raise LadderFileError(TOO_MANY.format(field=field, count=len(value), limit=limit))
    return value


def _behaviour(raw: Any, path: str) -> BehaviourSpec:
    table = _table(raw, path, BEHAVIOUR_KEYS)
    name = _text(table, "name", path, required=True, limit=NAME_MAX)
    examples = _list(table, "examples", path, limit=EXAMPLES_MAX)
    for i, example in enumerate(examples):
        if not isinstance(example, str) or not example.strip():
            raise LadderFileError(f"{path}.examples[{i}]: must be non-empty text")
        if "\n" in example.strip():
            raise LadderFileError(f"{path}.examples[{i}]: must be a single line")
    return BehaviourSpec(
        name=name,
        slug=_slug(table, name, path),
        description=_text(table, "description", path, required=True),
        examples=tuple(example.strip() for example in examples),
    )


def _level(raw: Any, path: str) -> LevelSpec:
    table = _table(raw, path, LEVEL_KEYS)
    name = _text(table, "name", path, required=True, limit=NAME_MAX)
    raw_behaviours = _list(table, "behaviours", path, limit=BEHAVIOURS_MAX)
    if not raw_behaviours:
        raise LadderFileError(f"{path}.behaviours: a level needs at least one behaviour")
    behaviours = tuple(
        _behaviour(b, f"{path}.behaviours[{i}]") for i, b in enumerate(raw_behaviours)
    )
    _no_duplicate_slugs([b.slug for b in behaviours], f"{path}.behaviours")
    return LevelSpec(
        name=name,
        slug=_slug(table, name, path),
        summary=_text(table, "summary", path, required=False),
        behaviours=behaviours,
    )


def _no_duplicate_slugs(slugs: list[str], path: str) -> None:
    seen: set[str] = set()
    for i, slug in enumerate(slugs):
        if slug in seen:
            raise LadderFileError(f"{path}[{i}].slug: {slug!r} is used twice in the same list")
        seen.add(slug)


def _policy(raw: Any) -> dict[str, float]:
    policy = default_policy()
    if raw is None:
        return policy
    table = _table(raw, "policy", set(POLICY_FIELDS))
    for name, value in table.items():
        kind, low, high, _ = POLICY_FIELDS[name]
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or (kind is int and not isinstance(value, int)):
            expected = "a whole number" if kind is int else "a number"
            raise LadderFileError(f"policy.{name}: must be {expected}, not {value!r}")
        if not low <= value <= high:
            raise LadderFileError(f"policy.{name}: {value} is outside {low:g} to {high:g}")
        policy[name] = kind(value)
    if policy["period_months"] not in (1, 3):
        raise LadderFileError("policy.period_months: must be 1 (months) or 3 (quarters)")
    if policy["window_months"] % policy["period_months"]:
        raise LadderFileError("policy.window_months: must be a whole number of periods")
    return policy


def parse(text: str, fmt: str) -> LadderSpec:
    """Parse and check a whole ladder file; raise LadderFileError naming the line or field."""
    if len(text) > TEXT_MAX:
        raise LadderFileError(TOO_LONG.format(length=len(text), limit=TEXT_MAX))
    data = _load(text, fmt)
    if data is None:
        raise LadderFileError("the file is empty")
    root = _table(data, "(top level)", {"ladder", "levels", "policy"})
    if "ladder" not in root:
        raise LadderFileError("ladder: is missing; the file needs a [ladder] table")
    ladder = _table(root["ladder"], "ladder", LADDER_KEYS)
    name = _text(ladder, "name", "ladder", required=True, limit=NAME_MAX)
    raw_levels = _list(root, "levels", "(top level)", limit=LEVELS_MAX)
    if not raw_levels:
        raise LadderFileError("levels: a ladder needs at least one level")
    levels = tuple(_level(raw, f"levels[{i}]") for i, raw in enumerate(raw_levels))
    _no_duplicate_slugs([level.slug for level in levels], "levels")
    return LadderSpec(
        name=name,
        slug=_slug(ladder, name, "ladder"),
        description=_text(ladder, "description", "ladder", required=False),
        levels=levels,
        policy=_policy(root.get("policy")),
    )


def to_data(spec: LadderSpec) -> dict[str, Any]:
    return {
        "ladder": {"name": spec.name, "slug": spec.slug, "description": spec.description},
        "policy": dict(spec.policy),
        "levels": [
            {
                "name": level.name,
                "slug": level.slug,
                "summary": level.summary,
                "behaviours": [
                    {
                        "name": b.name,
                        "slug": b.slug,
                        "description": b.description,
                        "examples": list(b.examples),
                    }
                    for b in level.behaviours
                ],
            }
            for level in spec.levels
        ],
    }


def dump(spec: LadderSpec, fmt: str) -> str:
    data = to_data(spec)
    if fmt == "toml":
        return tomli_w.dumps(data, multiline_strings=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
