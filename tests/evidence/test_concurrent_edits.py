"""Twenty people saving one entry at once: every save lands or is refused with the typed text
kept, the versions and revisions count exactly the saves that landed, and none is lost."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from evidence import services
from evidence.models import Entry, EntryRevision
from tests.conftest import client_for
from tests.factories import EntryFactory

EDITORS = 20
ROUNDS = 3  # round 1 starts everyone from the same version; later rounds race freely
WEEK = date(2026, 11, 16)
VERSION_FIELD = re.compile(r'name="version" value="(\d+)"')

pytestmark = [
    # Each thread opens its own connection, so the saves must really commit.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (TEST_DATABASE_URL): SQLite runs one writer at a time, so "
        "saves cannot race, and its in-memory test database is not shared across threads",
    ),
]


@dataclass(frozen=True)
class Attempt:
    editor: int
    started_at: int  # the version the editor's form was opened at
    text: str
    status: int
    kept_text: bool  # a refused save shows the text as typed, in the form
    offered: int | None  # a refused save's form carries the version saved now


def _body_in_form(html: str, text: str) -> bool:
    return (
        re.search(rf"<textarea name=\"body\"[^>]*>\s*{re.escape(text)}</textarea>", html)
        is not None
    )


def _form(title: str, body: str, version: int, behaviour: int) -> dict:
    return {
        "title": title,
        "kind": "weekly_win",
        "week_of": WEEK.isoformat(),
        "behaviours": [behaviour],
        "body": body,
        "impact": "",
        "shipped_on": "",
        "impact_measured": "",
        "links": "",
        "visibility": "mentors",
        "version": str(version),
    }


def _edit_rounds(editor: int, client: Client, url: str, behaviour: int, start: threading.Barrier):
    """Open the form, save; ROUNDS times. In round 1 everyone has read before anyone saves."""
    attempts = []
    try:
        for round_ in range(1, ROUNDS + 1):
            page = client.get(url)
            assert page.status_code == 200
            started_at = int(VERSION_FIELD.search(page.content.decode()).group(1))
            if round_ == 1:
                start.wait(timeout=60)
            text = f"Editor {editor} round {round_} measured the p99 after the change"
            saved = client.post(url, _form(f"Edit {editor}.{round_}", text, started_at, behaviour))
            html = saved.content.decode()
            offered = VERSION_FIELD.search(html) if saved.status_code == 409 else None
            attempts.append(
                Attempt(
                    editor=editor,
                    started_at=started_at,
                    text=text,
                    status=saved.status_code,
                    kept_text=_body_in_form(html, text),
                    offered=int(offered.group(1)) if offered else None,
                )
            )
    finally:
        connection.close()  # this thread's own connection
    return attempts


def test_concurrent_edits_through_the_form_lose_nothing(engineer, levels):
    behaviour = levels[2].behaviours.get(slug="scope")
    entry = EntryFactory(author=engineer, week_of=WEEK, body="The first text.")
    url = reverse("evidence:edit", args=[entry.pk])
    clients = [client_for(engineer) for _ in range(EDITORS)]
    start = threading.Barrier(EDITORS)

    with ThreadPoolExecutor(max_workers=EDITORS) as pool:
        runs = [
            pool.submit(_edit_rounds, n, client, url, behaviour.pk, start)
            for n, client in enumerate(clients)
        ]
        attempts = [attempt for run in runs for attempt in run.result()]

    assert {a.status for a in attempts} <= {302, 409}
    landed = [a for a in attempts if a.status == 302]
    refused = [a for a in attempts if a.status == 409]
    assert len(landed) + len(refused) == EDITORS * ROUNDS
    # Round 1: all twenty opened version 1 before anyone saved, so exactly one of them landed.
    assert sum(1 for a in landed if a.started_at == 1) == 1
    assert len(refused) >= EDITORS - 1
    for attempt in refused:
        assert attempt.kept_text, f"editor {attempt.editor} lost their text"
        assert attempt.offered is not None and attempt.offered > attempt.started_at

    # Each landed save made the next version: no two saves landed on the same one.
    made = {a.started_at + 1: a.text for a in landed}
    assert len(made) == len(landed)
    entry.refresh_from_db()
    assert entry.version == 1 + len(landed)
    revisions = EntryRevision.objects.filter(entry=entry)
    assert revisions.count() == 1 + len(landed)
    assert {r.version: r.snapshot["body"] for r in revisions if r.version > 1} == made
    assert entry.body == made[entry.version]  # the last save to land is what is saved


def test_concurrent_service_saves_from_one_version_land_exactly_once(engineer):
    entry = EntryFactory(author=engineer, week_of=WEEK, body="The first text.")
    start = threading.Barrier(EDITORS)

    def save(editor: int) -> tuple[str, int | str]:
        try:
            mine = Entry.objects.get(pk=entry.pk)
            text = f"Saved by editor {editor}"
            data = services.EntryData(title=f"Edit {editor}", week_of=WEEK, body=text)
            start.wait(timeout=60)
            try:
                services.entry_update(entry=mine, editor=engineer, expected_version=1, data=data)
            except services.EditConflict as conflict:
                return "refused", conflict.current.version
            return "landed", text
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=EDITORS) as pool:
        outcomes = list(pool.map(save, range(EDITORS)))

    landed = [value for kind, value in outcomes if kind == "landed"]
    assert len(landed) == 1
    assert [value for kind, value in outcomes if kind == "refused"] == [2] * (EDITORS - 1)
    entry.refresh_from_db()
    assert (entry.version, entry.body) == (2, landed[0])
    assert EntryRevision.objects.filter(entry=entry).count() == 2
