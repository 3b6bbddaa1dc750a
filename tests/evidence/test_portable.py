"""Import a brag document or a JSON export; export as Markdown and JSON."""

import json
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evidence import portable, views
from evidence.models import Entry
from tests.conftest import client_for
from tests.factories import EntryFactory, PersonFactory, UserFactory

IMPORT = reverse("evidence:import")
BRAG = """# My 2026 brag doc

## Week of 2 November 2026

- **Led the refunds design review**: pushed for idempotency keys. #scope
- Paired with Mei on the flaky settlement test until she could debug it alone #mentoring #unknown-tag
  - She fixed the next one herself.

## Project summaries

- Ledger migration: moved 40% of accounts with no downtime.
"""


def export_json(user) -> dict:
    return json.loads(client_for(user).get(reverse("evidence:export-json")).content)


def comparable(document: dict) -> list[dict]:
    return document["entries"]


def test_json_export_imported_into_an_empty_account_gives_back_the_same_entries(engineer, levels):
    scope, mentoring = levels[2].behaviours.order_by("rank")
    EntryFactory(
        author=engineer,
        title="Cut refund p99",
        kind="work_summary",
        week_of=date(2026, 6, 10),
        body="## Notes\n\n- one\n- two",
        behaviours=(scope, mentoring),
        impact="Fewer timeouts",
        shipped_on=date(2026, 6, 12),
        impact_measured="p99 from 900 ms to 310 ms",
        impact_measured_on=date(2026, 9, 1),
        links=(("https://example.com/rfc", "RFC"),),
        visibility="mentors",
    )
    EntryFactory(author=engineer, title="A private note", week_of=date(2026, 11, 20))
    exported = export_json(engineer)
    newcomer = PersonFactory(user=UserFactory(username="newcomer")).user
    client = client_for(newcomer)
    text = json.dumps(exported)

    preview = client.post(IMPORT, {"text": text, "action": "preview"})
    assert "2 entries will be created" in preview.content.decode()
    assert not Entry.objects.filter(author=newcomer).exists()

    client.post(IMPORT, {"text": text, "action": "confirm"})

    assert comparable(export_json(newcomer)) == comparable(exported)


def test_brag_document_preview_saves_nothing_then_confirm_creates_entries(engineer, levels):
    client = client_for(engineer)
    preview = client.post(IMPORT, {"text": BRAG, "action": "preview", "visibility": "mentors"})
    html = preview.content.decode()
    assert "3 entries will be created" in html
    assert "Led the refunds design review" in html
    assert "<td>Weekly win</td>" in html and "<td>Mentors</td>" in html  # words, not values
    assert "weekly_win" not in html
    assert portable.UNKNOWN_TAG.format(tag="unknown-tag") in html.replace("&#x27;", "'")
    assert not Entry.objects.exists()

    response = client.post(IMPORT, {"text": BRAG, "action": "confirm", "visibility": "mentors"})

    assert response.status_code == 302
    entries = {e.title: e for e in Entry.objects.filter(author=engineer)}
    assert set(entries) == {
        "Led the refunds design review",
        "Paired with Mei on the flaky settlement test until she could debug it alone #mentoring #unknown-tag",
        "Ledger migration: moved 40% of accounts with no downtime.",
    }
    led = entries["Led the refunds design review"]
    assert [b.slug for b in led.behaviours.all()] == ["scope"]
    assert led.behaviours.get().level == levels[2]  # the target level's, not the others'
    assert led.week_start == date(2026, 11, 2) and led.visibility == "mentors"
    assert (
        entries["Ledger migration: moved 40% of accounts with no downtime."].kind == "work_summary"
    )


def test_a_brag_document_with_problems_imports_nothing_and_lists_every_problem(engineer):
    text = "- no date above me\n\n## 2030-01-01\n\n- from the future\n"
    response = client_for(engineer).post(IMPORT, {"text": text, "action": "confirm"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "line 1: this bullet has no date above it" in html
    assert "line 3: 2030-01-01 is in the future" in html
    assert not Entry.objects.exists()


def test_json_with_bad_entries_is_refused_entry_by_entry(engineer):
    document = {
        "format": "promo-entries",
        "version": 1,
        "entries": [
            {
                "title": "",
                "kind": "weekly_win",
                "week_start": "2026-01-05",
                "visibility": "private",
            },
            {
                "title": "ok",
                "kind": "weekly_win",
                "week_start": "2026-01-05",
                "visibility": "everyone",
            },
            {
                "title": "ok",
                "kind": "weekly_win",
                "week_start": "2026-01-05",
                "visibility": "private",
                "behaviours": [{"ladder": "x", "level": "y", "behaviour": "z", "name": "Zed"}],
            },
        ],
    }
    response = client_for(engineer).post(
        IMPORT, {"text": json.dumps(document), "action": "confirm"}
    )
    html = response.content.decode()
    assert "Entry 1: title: Give the entry a title" in html
    assert "Entry 2: visibility: “everyone” is not a way to share an entry" in html
    assert "Entry 3: behaviour “Zed” (x/y/z) is not on this site&#x27;s ladder." in html
    assert not Entry.objects.exists()


def test_json_that_is_not_ours_or_broken_is_explained(engineer):
    client = client_for(engineer)
    broken = client.post(IMPORT, {"text": '{"format": ', "action": "preview"}).content.decode()
    assert "This is not valid JSON (line 1, column" in broken
    foreign = client.post(IMPORT, {"text": '{"hello": 1}', "action": "preview"}).content.decode()
    assert "This JSON is not a Promo export" in foreign


def test_import_from_an_uploaded_file(engineer):
    upload = SimpleUploadedFile("brag.md", BRAG.encode(), content_type="text/markdown")
    response = client_for(engineer).post(IMPORT, {"file": upload, "action": "preview"})
    assert "3 entries will be created" in response.content.decode()


def test_oversized_or_empty_imports_are_refused_with_a_message(engineer):
    client = client_for(engineer)
    big = SimpleUploadedFile("big.md", b"x" * (views.IMPORT_MAX_BYTES + 1))
    assert views.IMPORT_TOO_BIG in client.post(IMPORT, {"file": big}).content.decode()
    assert views.IMPORT_EMPTY in client.post(IMPORT, {"text": "  "}).content.decode()
    binary = SimpleUploadedFile("x.md", b"\xff\xfe\x00bad")
    assert views.IMPORT_NOT_TEXT in client.post(IMPORT, {"file": binary}).content.decode()


def test_markdown_export_is_a_readable_brag_document_that_imports_back(engineer, levels):
    scope = levels[2].behaviours.get(slug="scope")
    EntryFactory(
        author=engineer,
        title="Unblocked the ledger team",
        week_of=date(2026, 10, 14),
        body="Walked them through the replay tool.",
        behaviours=(scope,),
        visibility="mentors",
    )
    response = client_for(engineer).get(reverse("evidence:export-md"))
    assert response["Content-Disposition"].startswith('attachment; filename="promo-engineer-')
    text = response.content.decode()
    assert "## Week of 12 October 2026" in text
    assert "- **Unblocked the ledger team**" in text and "#scope" in text

    plan = portable.plan_brag_doc(
        text, author=engineer, today=date(2026, 11, 24), visibility="private"
    )
    assert plan.ok
    assert [(i.title, i.week_of, [b.slug for b in i.behaviours]) for i in plan.items] == [
        ("Unblocked the ledger team", date(2026, 10, 12), ["scope"])
    ]


def test_exports_leave_out_trashed_entries(engineer):
    EntryFactory(author=engineer, title="Kept")
    gone = EntryFactory(author=engineer, title="Binned")
    client_for(engineer).post(reverse("evidence:delete", args=[gone.pk]))
    assert [e["title"] for e in export_json(engineer)["entries"]] == ["Kept"]
