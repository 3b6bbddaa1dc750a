"""The demo organisation's prose, read from the TOML files in `data/`.

Pure: the standard library only, so the demo's sentences can be read (and tested) without
Django or a database. Each function reads its file once and hands back the same value on every
call; treat the dicts as read-only. A misspelt or missing field in a data file raises a
`ValueError` naming the record, so an edit that would silently drop a sentence fails loudly.
"""

import tomllib
from collections.abc import Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
VERDICTS = ("demonstrated", "flashes", "gap")

# (respondent, answer, comment); an answer of None is still waiting.
CheckAnswer = tuple[str, str | None, str]


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    title: str
    level: str | None
    team: str | None
    manager: str | None
    is_staff: bool = False
    forge_username: str = ""


@dataclass(frozen=True)
class Idea:
    title: str
    body: str
    impact: str
    measured: str
    team: str
    kind: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    verdict: str  # "demonstrated", "flashes" or "gap": the verdict this note justifies
    body: str  # the mentor's note, Markdown, specific to the behavior
    gap: str  # "what would make this next-level"; "" for some "demonstrated" notes


@cache
def _file(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


def _rows(
    rows: list[dict[str, Any]], where: str, *, required: Set[str], optional: Set[str] = frozenset()
) -> list[dict[str, Any]]:
    """The records of an array of tables, each checked for misspelt and missing fields."""
    for n, row in enumerate(rows, start=1):
        unknown, missing = row.keys() - required - optional, required - row.keys()
        if unknown or missing:
            raise ValueError(
                f"{where}, record {n}: unknown fields {sorted(unknown)}, missing {sorted(missing)}"
            )
    return rows


def _choice(value: str, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise ValueError(f"{where}: {value!r} is not one of {', '.join(choices)}")
    return value


@dataclass(frozen=True)
class DemoDraft:
    author: str  # the forge username
    repository: str
    number: int
    title: str
    body: str
    merged_days_ago: int


# people.toml


@cache
def people() -> tuple[DemoPerson, ...]:
    """Everyone in the demo organisation."""
    rows = _rows(
        _file("people")["people"],
        "people.toml [[people]]",
        required={"username", "first_name", "last_name", "title"},
        optional={"level", "team", "manager", "is_staff", "forge_username"},
    )
    return tuple(
        DemoPerson(
            username=row["username"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            title=row["title"],
            level=row.get("level"),
            team=row.get("team"),
            manager=row.get("manager"),
            is_staff=row.get("is_staff", False),
            forge_username=row.get("forge_username", ""),
        )
        for row in rows
    )


@cache
def mentorships() -> tuple[tuple[str, str, str], ...]:
    """(mentor, engineer, state) for each mentorship."""
    rows = _rows(
        _file("people")["mentorships"],
        "people.toml [[mentorships]]",
        required={"mentor", "engineer", "state"},
    )
    return tuple((row["mentor"], row["engineer"], row["state"]) for row in rows)


# entries.toml and moments.toml


@cache
def idea_teams() -> tuple[str, ...]:
    """The teams an idea may belong to, "any" last."""
    return tuple(_file("entries")["teams"])


@cache
def entry_kinds() -> tuple[str, ...]:
    """The kinds of entry an idea may be."""
    return tuple(_file("entries")["kinds"])


@cache
def ideas() -> dict[str, tuple[Idea, ...]]:
    """Evidence ideas by behaviour slug, in file order."""
    pools = {}
    for slug, rows in _file("entries")["ideas"].items():
        where = f"entries.toml [[ideas.{slug}]]"
        rows = _rows(
            rows,
            where,
            required={"title", "body", "team", "kind"},
            optional={"impact", "measured", "also"},
        )
        pools[slug] = tuple(
            Idea(
                title=row["title"],
                body=row["body"],
                impact=row.get("impact", ""),
                measured=row.get("measured", ""),
                team=_choice(row["team"], idea_teams(), where),
                kind=_choice(row["kind"], entry_kinds(), where),
                also=tuple(row.get("also", ())),
            )
            for row in rows
        )
    return pools


@cache
def edit_note() -> str:
    """The paragraph the demo engineer adds, after a blank line, when she edits her newest entry
    (see `reviews.demo.evidence._history_and_trash`)."""
    note: str = _file("entries")["edit_note"]
    return note


@cache
def moment_titles() -> tuple[str, ...]:
    """Titles of small, untagged moments."""
    return tuple(_file("moments")["titles"])


# feedback.toml


@cache
def notes() -> dict[str, tuple[Note, ...]]:
    """Mentor notes by behaviour slug, in file order."""
    pools = {}
    for slug, rows in _file("feedback")["notes"].items():
        where = f"feedback.toml [[notes.{slug}]]"
        rows = _rows(rows, where, required={"verdict", "body"}, optional={"gap"})
        pools[slug] = tuple(
            Note(
                verdict=_choice(row["verdict"], VERDICTS, where),
                body=row["body"],
                gap=row.get("gap", ""),
            )
            for row in rows
        )
    return pools


@cache
def replies() -> tuple[str, ...]:
    """Engineers answering feedback."""
    return tuple(_file("feedback")["replies"])


@cache
def follow_ups() -> tuple[str, ...]:
    """Mentors answering those replies."""
    return tuple(_file("feedback")["follow_ups"])


# packet.toml


@cache
def narratives() -> dict[str, dict[str, str]]:
    """Each packet's narratives: username -> behaviour slug -> text, in file order."""
    return {
        username: dict(texts.items()) for username, texts in _file("packet")["narratives"].items()
    }


@cache
def _denial_points() -> tuple[tuple[str, str], ...]:
    rows = _rows(
        _file("packet")["committee"]["denied"]["points"],
        "packet.toml [[committee.denied.points]]",
        required={"text", "behaviour"},
    )
    return tuple((row["text"], row["behaviour"]) for row in rows)


@cache
def denial_feedback() -> str:
    """The committee's feedback on Owen's denied attempt, one point a line."""
    return "\n".join(text for text, _ in _denial_points())


@cache
def denial_behaviours() -> tuple[str, ...]:
    """The behaviour each denial point was tracked against, in the same order."""
    return tuple(behaviour for _, behaviour in _denial_points())


@cache
def approval_feedback() -> str:
    """The committee's feedback on Owen's approval, one point a line."""
    return "\n".join(_file("packet")["committee"]["approved"]["points"])


@cache
def check_answers() -> dict[str, tuple[CheckAnswer, ...]]:
    """Clerical-error check answers by the username of the engineer asked about."""
    checks = {}
    for engineer, rows in _file("packet")["checks"].items():
        rows = _rows(
            rows,
            f"packet.toml [[checks.{engineer}]]",
            required={"respondent"},
            optional={"answer", "comment"},
        )
        checks[engineer] = tuple(
            (row["respondent"], row.get("answer"), row.get("comment", "")) for row in rows
        )
    return checks


# drafts.toml

FORGES = ("github", "gitlab", "gitea")


@cache
def forge_hook() -> tuple[str, str]:
    """The demo's forge connection: (name, forge)."""
    hook = _rows([_file("drafts")["hook"]], "drafts.toml [hook]", required={"name", "forge"})[0]
    return hook["name"], _choice(hook["forge"], FORGES, "drafts.toml [hook] forge")


@cache
def drafts() -> tuple[DemoDraft, ...]:
    """Merged pull requests waiting in their authors' evidence inboxes."""
    rows = _rows(
        _file("drafts")["drafts"],
        "drafts.toml [[drafts]]",
        required={"author", "repository", "number", "title", "body", "merged_days_ago"},
    )
    return tuple(
        DemoDraft(
            author=row["author"],
            repository=row["repository"],
            number=row["number"],
            title=row["title"],
            body=row["body"].strip(),
            merged_days_ago=row["merged_days_ago"],
        )
        for row in rows
    )
