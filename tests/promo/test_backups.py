"""Backup and restore: every row comes back exactly as it was, or nothing changes at all."""

import gzip
import hashlib
import io
import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import IO, NoReturn

import pytest
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command

from evidence import services as evidence_services
from evidence.models import Entry, EntryRevision
from promo import backups
from promo.models import Ladder
from reviews.feedback import services as feedback_services
from reviews.models import Feedback
from tests.conftest import client_for
from tests.factories import EntryFactory, feedback_for

User = get_user_model()

# Each test flushes and reloads the database, so each needs real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


def table_digests() -> dict[str, tuple[int, str]]:
    """Per backed-up table: the row count and a SHA-256 of all its columns, rows in pk order."""
    digests = {}
    for model in backups.backed_up_models():
        columns = [field.attname for field in model._meta.local_concrete_fields]
        digest, count = hashlib.sha256(), 0
        for row in model._base_manager.order_by("pk").values_list(*columns).iterator():
            digest.update(repr(row).encode())
            count += 1
        digests[model._meta.label_lower] = (count, digest.hexdigest())
    return digests


def backup(path: Path) -> None:
    call_command("backup", str(path), stdout=io.StringIO())


def restore(path: Path) -> str:
    out = io.StringIO()
    call_command("restore", str(path), stdout=out)
    return out.getvalue()


def flush() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()


def enrich_demo() -> None:
    """The demo organisation, plus what it lacks: links, more revisions, edited feedback,
    reminders sent, groups and permissions, an admin log line, and a signed-in session."""
    call_command("seed_demo", "--force", stdout=io.StringIO())
    engineer = User.objects.get(username="demo-engineer")
    entry = EntryFactory(author=engineer, title="Linked")
    for n in (2, 3):
        entry = evidence_services.entry_update(
            entry=entry,
            editor=engineer,
            expected_version=entry.version,
            data=evidence_services.EntryData(
                title=f"Linked, take {n}",
                week_of=date(2026, 11, 18),
                body=f"Version {n}",
                links=(("https://example.com", f"Doc v{n}"),),
            ),
        )
    feedback = Feedback.objects.filter(verdicts__isnull=False).first()
    feedback_services.feedback_edit(
        feedback=feedback,
        editor=feedback.author,
        data=feedback_services.FeedbackData(
            body="Reworded.", verdicts={v.behaviour_id: v.verdict for v in feedback.verdicts.all()}
        ),
    )
    call_command("send_reminders", stdout=io.StringIO())
    editors = Group.objects.create(name="Ladder editors")
    editors.permissions.set(Permission.objects.filter(codename__endswith="_ladder"))
    admin = User.objects.get(username="demo-admin")
    admin.groups.add(editors)
    admin.user_permissions.add(Permission.objects.get(codename="view_entry"))
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Ladder),
        object_id=str(Ladder.objects.first().pk),
        object_repr="Default ladder",
        action_flag=ADDITION,
    )
    client_for(engineer)  # a session, which backups leave out


def test_backup_and_restore_give_back_every_row_of_every_table(tmp_path):
    enrich_demo()
    before = table_digests()
    counts = {label: count for label, (count, _) in before.items()}
    # The fixture has something in every table that matters, trash and revisions included.
    assert Entry.objects.filter(deleted_at__isnull=False).exists()
    assert counts["evidence.entryrevision"] > counts["evidence.entry"]
    for label in [
        "evidence.entrylink",
        "reviews.feedback",
        "reviews.feedbackrevision",
        "reviews.reply",
        "reviews.promoattempt",
        "reviews.clericalcheck",
        "reviews.checkquestion",
        "reviews.promodocument",
        "reviews.remindersent",
        "promo.notification",
        "promo.auditevent",
        "auth.user_groups",
        "auth.group_permissions",
        "auth.user_user_permissions",
        "admin.logentry",
    ]:
        assert counts[label] > 0, label
    assert Session.objects.exists()
    path = tmp_path / "promo.json.gz"

    backup(path)
    flush()
    said = restore(path)

    assert table_digests() == before
    assert f"Restored {sum(counts.values()):,} rows" in said
    assert not Session.objects.exists()  # everyone signs in again


def test_a_restored_database_gives_new_rows_fresh_ids(tmp_path, entries, mentor):
    entry = entries["mentors"]
    reply = feedback_services.reply_post(
        feedback=feedback_for(entry, mentor), author=entry.author, body="Thanks."
    )
    path = tmp_path / "promo.json"
    backup(path)
    flush()
    restore(path)

    engineer = User.objects.get(username="engineer")
    added = EntryFactory(author=engineer)
    assert added.pk > max(e.pk for e in entries.values())
    newest_restored = EntryRevision.objects.exclude(entry=added).latest("pk")
    assert EntryRevision.objects.get(entry=added).pk > newest_restored.pk
    assert User.objects.create(username="newcomer").pk > engineer.pk
    feedback = Feedback.objects.get(pk=reply.feedback_id)
    assert (
        feedback_services.reply_post(feedback=feedback, author=engineer, body="And.").pk > reply.pk
    )


def test_restore_refuses_a_database_that_has_data(tmp_path, entries):
    path = tmp_path / "promo.json"
    backup(path)
    before = table_digests()
    with pytest.raises(CommandError) as refused:
        restore(path)
    assert "already holds data" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert table_digests() == before


def _edited(path: Path, change) -> Path:
    data = json.loads(path.read_text())
    change(data)
    edited = path.with_name("edited.json")
    edited.write_text(json.dumps(data))
    return edited


def _first(data: dict, model: str) -> dict:
    return next(o for o in data["objects"] if o["model"] == model)


def _truncated_gzip(path: Path) -> Path:
    zipped = path.with_name("cut.json.gz")
    whole = gzip.compress(path.read_bytes())
    zipped.write_bytes(whole[: len(whole) // 2])
    return zipped


def _garbage(path: Path) -> Path:
    other = path.with_name("notes.json")
    other.write_text("These are not the rows you are looking for.")
    return other


BAD_FILES = {
    "missing": (lambda path: path.with_name("nowhere.json"), "cannot read the file"),
    "not JSON": (_garbage, "not a Promo backup"),
    "truncated gzip": (_truncated_gzip, "cannot read the file"),
    "another format": (
        lambda path: _edited(path, lambda d: d.update(format="fixture")),
        "not a Promo backup",
    ),
    "a row missing": (
        lambda path: _edited(path, lambda d: d["objects"].pop()),
        "the file is incomplete or was edited",
    ),
    "a table this release lacks": (
        lambda path: _edited(
            path, lambda d: d["objects"].append({"model": "promo.gone", "pk": 1, "fields": {}})
        ),
        "is not a row of a backed-up table",
    ),
    "a bad date": (
        lambda path: _edited(
            path, lambda d: _first(d, "evidence.entry")["fields"].update(week_start="soon")
        ),
        "nothing restored",
    ),
    "an author who is not there": (
        lambda path: _edited(
            path, lambda d: _first(d, "evidence.entry")["fields"].update(author=999_999)
        ),
        "nothing restored",
    ),
    "another schema": (
        lambda path: _edited(path, lambda d: d["migrations"].pop()),
        "written at another schema",
    ),
}


def test_a_bad_file_is_refused_in_one_line_and_changes_nothing(tmp_path, entries, subtests):
    good = tmp_path / "promo.json"
    backup(good)
    flush()
    before = table_digests()
    for case, (spoil, message) in BAD_FILES.items():
        with subtests.test(case):
            with pytest.raises(CommandError) as refused:
                restore(spoil(good))
            assert message in str(refused.value)
            assert "\n" not in str(refused.value)
            assert table_digests() == before


def test_the_backup_file_is_private_and_appears_only_when_complete(tmp_path, entries):
    path = tmp_path / "promo.json"
    backup(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["promo.json"]
    data = json.loads(path.read_text())
    assert data["counts"]["evidence.entry"] == len(entries)
    assert "sessions.session" not in data["counts"]
    assert "django_tasks_database.dbtaskresult" not in data["counts"]  # no old e-mail resent


def test_backup_includes_trashed_entries_and_every_revision(tmp_path, entries):
    entry = entries["private"]
    evidence_services.entry_trash(entry=entry)
    path = tmp_path / "promo.json.gz"
    backup(path)
    data = json.loads(gzip.decompress(path.read_bytes()))
    saved = {o["pk"]: o["fields"] for o in data["objects"] if o["model"] == "evidence.entry"}
    assert saved[entry.pk]["deleted_at"] is not None
    revisions = [o for o in data["objects"] if o["model"] == "evidence.entryrevision"]
    assert len(revisions) == EntryRevision.objects.count() == len(entries)


@pytest.mark.django_db(transaction=False)
def test_restore_from_the_command_line_exits_non_zero_with_one_line(tmp_path):
    missing = tmp_path / "nowhere.json.gz"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "LOG_LEVEL": "WARNING"}
    done = subprocess.run(
        [sys.executable, "manage.py", "restore", str(missing)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"CommandError: {missing}: cannot read the file (No such file or directory)"
    ]


# --- the backup file cannot be swapped or read by others ------------------------------------


def _private_regular_file(path: Path) -> bool:
    mode = path.lstat().st_mode
    return stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o600


def test_a_left_over_or_planted_partial_file_is_not_reused(tmp_path, entries):
    """A file at the name older releases wrote to first (left by a crash, or put there by
    someone else, world-readable) is neither written through nor in the way, and an old
    world-readable backup under the name is replaced by a private one."""
    leftover = tmp_path / ".promo.json.partial"
    leftover.write_text("left over")
    leftover.chmod(0o644)
    old = tmp_path / "promo.json"
    old.write_text("last year's backup")
    old.chmod(0o644)

    backup(old)
    backup(old)  # and again: nothing left behind stands in the way

    assert _private_regular_file(old)
    assert json.loads(old.read_text())["counts"]["evidence.entry"] == len(entries)
    assert leftover.read_text() == "left over"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".promo.json.partial", "promo.json"]


@pytest.mark.parametrize("planted", [".promo.json.partial", "promo.json"])
def test_a_link_planted_beside_the_backup_is_not_followed(tmp_path, entries, planted):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim.txt"
    victim.write_text("not yours to overwrite")
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / planted).symlink_to(victim)
    path = folder / "promo.json"

    backup(path)

    assert victim.read_text() == "not yours to overwrite"
    assert _private_regular_file(path)
    assert json.loads(path.read_text())["format"] == backups.FORMAT


def test_a_failed_backup_leaves_no_file_behind(tmp_path, entries, monkeypatch):
    def disk_full(out: IO[str]) -> NoReturn:
        out.write('{"format": "promo-backup", "objects": [')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_write_json", disk_full)
    path = tmp_path / "promo.json.gz"
    with pytest.raises(CommandError) as refused:
        backup(path)
    assert str(refused.value) == f"{path}: cannot write the file (No space left on device)"
    assert list(tmp_path.iterdir()) == []

    def interrupted(out: IO[str]) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(backups, "_write_json", interrupted)
    with pytest.raises(KeyboardInterrupt):
        backup(path)
    assert list(tmp_path.iterdir()) == []


def test_a_backup_into_a_missing_folder_is_refused_in_one_line(tmp_path, db):
    path = tmp_path / "nowhere" / "promo.json"
    with pytest.raises(CommandError) as refused:
        backup(path)
    assert str(refused.value) == f"{path}: cannot write the file (No such file or directory)"
