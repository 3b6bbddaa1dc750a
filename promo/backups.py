"""Whole-database backups: every row of every table Promo keeps, in one JSON file, and back.

A backup is one consistent snapshot (a REPEATABLE READ transaction on PostgreSQL, a deferred
read transaction on SQLite; the app keeps writing meanwhile) of every model of every installed
app, the many-to-many link tables included, so entries, their revisions, the trash, feedback,
attempts, checks, notifications, the audit trail, users and groups all come back with the ids
they had. Left out, because they
are short-lived and a restored database is better off without them: sign-in sessions (everyone
signs in again), the session bookkeeping that names them, the sign-in lock-out counters, and
the background tasks (promo.tasks: a restore must not send old e-mails again, and their bodies
may hold sign-in links).

Dates and times keep their microseconds (Django's own JSON encoder cuts them to milliseconds).
The file records the migrations the database had; a restore refuses a database at any other
schema, so a backup is restored with the release that wrote it and migrated from there.

A restore goes into an empty, migrated database in one transaction: content types and
permissions (which `migrate` recreates with ids of its own) are replaced by the backup's, rows
are inserted as they were, without model signals, so no receiver adds rows of its own,
sequences are moved past the restored ids, and foreign keys are checked before the commit.
Any problem rolls everything back.
"""

import gzip
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import IO, Any, Literal, Protocol, cast

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "promo-backup"
VERSION = 1
CHUNK = 2000  # rows read (and inserted) at a time
GZIP_MAGIC = b"\x1f\x8b"

# Sign-in sessions, lock-out counters, background tasks.
EXCLUDED_APPS = frozenset({"sessions", "axes", "django_tasks_database"})
EXCLUDED_MODELS = frozenset({"promo.signedinsession"})  # which session is whose
# Created by `migrate` in every database; the backup's replace them on restore.
RECREATED_BY_MIGRATE: tuple[type[models.Model], ...] = (Permission, ContentType)

# A JSON object as `json` reads it, before (or without) checking its shape.
JSONObject = dict[str, Any]

NOT_EMPTY = (
    "The database already holds data ({found}); restore only into an empty database: "
    "create and migrate a new one, or empty this one with `manage.py flush` first."
)
NOT_MIGRATED = "The database has no migrations applied; run `manage.py migrate` first."
OTHER_SCHEMA = (
    "The backup was written at another schema ({difference}); restore it with the release "
    "that wrote it, then migrate."
)


class BackupError(Exception):
    """A backup cannot be written or restored; the message is one line for the operator."""


@dataclass(frozen=True)
class Summary:
    rows: int
    tables: int
    written_at: str
    size: int = 0  # bytes of the file written; a restore leaves it 0


def backed_up_models() -> list[type[models.Model]]:
    """Every table Django manages, link tables included, except the excluded ones."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
        and getattr(model, "backed_up", True)  # a model derived from others says so
        and model._meta.managed
        and not model._meta.proxy
    ]


class _ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but times keep their microseconds, so a restore is exact."""

    def default(self, o: object) -> object:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _local_field_names(model: type[models.Model]) -> list[str]:
    """The columns of the model's own table; many-to-many links travel as their own tables."""
    return [field.name for field in model._meta.local_fields]


def _rows(model: type[models.Model]) -> Iterator[JSONObject]:
    """The model's rows in primary-key order, as Django's Python serializer writes them."""
    queryset = model._base_manager.order_by("pk")
    fields = _local_field_names(model)
    chunk = []
    for obj in queryset.iterator(chunk_size=CHUNK):
        chunk.append(obj)
        if len(chunk) == CHUNK:
            yield from serializers.serialize("python", chunk, fields=fields)
            chunk = []
    yield from serializers.serialize("python", chunk, fields=fields)


def _write_json(out: IO[str]) -> tuple[dict[str, int], str]:
    written_at = timezone.now().isoformat()
    head = {
        "format": FORMAT,
        "version": VERSION,
        "written_at": written_at,
        "database": connection.vendor,
        "migrations": _applied_migrations(),
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "objects": [')
    counts: dict[str, int] = {}
    first = True
    for model in backed_up_models():
        label = model._meta.label_lower
        counts[label] = 0
        for row in _rows(model):
            out.write("\n" if first else ",\n")
            out.write(json.dumps(row, cls=_ExactEncoder, ensure_ascii=False))
            counts[label] += 1
            first = False
    out.write('\n], "counts": ' + json.dumps(counts) + "}\n")
    return counts, written_at


def backup_write(path: Path) -> Summary:
    """Write the whole database to `path` (gzip when it ends in .gz), readable only by its owner.

    The file appears under its name only when complete: it is written beside it first, to a
    new file of its own (created 0600, never an existing file or a link someone placed there),
    flushed to disk, then renamed over `path`, which replaces whatever `path` was, a link
    included, without touching what it pointed to.
    """
    zipped = path.suffix == ".gz"
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    except OSError as exc:
        raise BackupError(f"{path}: cannot write the file ({exc.strerror or exc})") from None
    temporary = Path(name)
    try:
        try:
            with (
                open(fd, "wb", closefd=False) as raw,
                _text(raw, "w", zipped=zipped) as out,
                _snapshot(),
            ):
                counts, written_at = _write_json(out)
            os.fsync(fd)
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BackupError(f"{path}: cannot write the file ({exc.strerror or exc})") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)
    return Summary(rows=sum(counts.values()), tables=len(counts), written_at=written_at, size=size)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable too; some file systems cannot sync a folder, and the file is
    complete either way."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _text(raw: IO[bytes], mode: Literal["r", "w"], *, zipped: bool) -> IO[str]:
    """UTF-8 text over a binary file, through gzip when `zipped`."""
    if zipped:
        return gzip.open(raw, "rt" if mode == "r" else "wt", encoding="utf-8")
    return io.TextIOWrapper(raw, encoding="utf-8")


class _TransactionMode(Protocol):
    """SQLite's connection setting (Django 5.1+), which django-stubs does not declare yet."""

    transaction_mode: str | None


@contextmanager
def _snapshot() -> Iterator[None]:
    """One read transaction around the whole backup, so every table shows the same moment
    while the app keeps writing. Inside a caller's transaction (a test's), that one."""
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "sqlite":
        # The project's IMMEDIATE mode would take the write lock for the whole backup; a
        # deferred transaction reads a WAL snapshot and lets the app go on writing.
        connection.ensure_connection()
        sqlite = cast(_TransactionMode, connection)
        mode, sqlite.transaction_mode = sqlite.transaction_mode, "DEFERRED"
        try:
            with transaction.atomic():
                yield
        finally:
            sqlite.transaction_mode = mode
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


# Reading ----------------------------------------------------------------------------------------


def _read(path: Path) -> JSONObject:
    """The file's content, checked for shape; nothing here touches the database."""
    try:
        with open(path, "rb") as raw:
            zipped = raw.read(2) == GZIP_MAGIC
            raw.seek(0)
            with _text(raw, "r", zipped=zipped) as text:
                data = json.load(text)
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        reason = getattr(exc, "strerror", None) or _first_line(exc)
        raise BackupError(f"{path}: cannot read the file ({reason})") from None
    except UnicodeDecodeError:
        raise BackupError(f"{path}: not a Promo backup (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise BackupError(f"{path}: not a Promo backup (bad JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"{path}: not a Promo backup (no “format”: “{FORMAT}”)")
    if data.get("version") != VERSION:
        raise BackupError(f"{path}: backup format version {data.get('version')!r} is not {VERSION}")
    objects, counts = data.get("objects"), data.get("counts")
    if not isinstance(objects, list) or not isinstance(counts, dict):
        raise BackupError(f"{path}: the backup has no “objects” list or “counts” table")
    if not isinstance(data.get("migrations"), list):
        raise BackupError(f"{path}: the backup does not say which migrations it was written at")
    return data


def _grouped(path: Path, data: JSONObject) -> dict[type[models.Model], list[JSONObject]]:
    """The backup's rows by model, checked against the counts it declares."""
    known = {model._meta.label_lower: model for model in backed_up_models()}
    grouped: dict[type[models.Model], list[JSONObject]] = {model: [] for model in known.values()}
    for number, obj in enumerate(data["objects"], start=1):
        label = obj.get("model") if isinstance(obj, dict) else None
        if label not in known or not isinstance(obj.get("fields"), dict) or "pk" not in obj:
            raise BackupError(f"{path}: object {number} is not a row of a backed-up table")
        grouped[known[label]].append(obj)
    declared = data["counts"]
    for model, rows in grouped.items():
        label = model._meta.label_lower
        if declared.get(label, 0) != len(rows):
            raise BackupError(
                f"{path}: {label} has {len(rows)} rows but the backup declares"
                f" {declared.get(label, 0)}; the file is incomplete or was edited"
            )
    unknown = set(declared) - set(known)
    if unknown:
        raise BackupError(f"{path}: the backup has tables this release lacks: {sorted(unknown)}")
    return grouped


def _check_schema(data: JSONObject) -> None:
    here = {tuple(pair) for pair in _applied_migrations()}
    if not here:
        raise BackupError(NOT_MIGRATED)
    there = {tuple(pair) for pair in data["migrations"] if isinstance(pair, list)}
    if here != there:
        only_there, only_here = sorted(there - here), sorted(here - there)
        parts = []
        if only_there:
            parts.append(f"the backup has {'.'.join(only_there[0])}, this database does not")
        if only_here:
            parts.append(f"this database has {'.'.join(only_here[0])}, the backup does not")
        raise BackupError(OTHER_SCHEMA.format(difference="; ".join(parts)))


def _check_empty() -> None:
    found = []
    for model in backed_up_models():
        if model in RECREATED_BY_MIGRATE or model._meta.auto_created:
            continue
        count = model._base_manager.count()
        if count:
            found.append(f"{count} {model._meta.verbose_name_plural}")
    if found:
        shown = ", ".join(found[:3]) + (", …" if len(found) > 3 else "")
        raise BackupError(NOT_EMPTY.format(found=shown))


class _RawInsert(Protocol):
    """QuerySet._insert, the private step of Model.save_base(), which the stubs leave out."""

    def _insert(
        self, objs: list[models.Model], fields: "list[models.Field[Any, Any]]", *, raw: bool
    ) -> object: ...


def _insert(model: type[models.Model], rows: list[JSONObject]) -> None:
    """Insert rows exactly as written: raw values (auto_now fields keep theirs), no signals."""
    fields = [field for field in model._meta.local_concrete_fields if not field.generated]
    objects = [item.object for item in serializers.deserialize("python", rows)]
    size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
    size = max(1, min(size, CHUNK))
    for start in range(0, len(objects), size):
        # What Model.save_base() does for a fixture row, minus the signals.
        manager = cast(_RawInsert, model._base_manager)
        manager._insert(objects[start : start + size], fields=fields, raw=True)


def backup_restore(path: Path, *, progress: Callable[[str], None] | None = None) -> Summary:
    """Load the backup at `path` into this empty, migrated database, all or nothing."""
    data = _read(path)
    grouped = _grouped(path, data)
    _check_schema(data)
    try:
        with transaction.atomic():
            _check_empty()
            for model in RECREATED_BY_MIGRATE:
                model._base_manager.all().delete()
            for model, rows in grouped.items():
                if rows:
                    _insert(model, rows)
                    if progress:
                        progress(f"{model._meta.label_lower}: {len(rows)}")
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(grouped)):
                    cursor.execute(sql)
            connection.check_constraints()
    except BackupError:
        raise
    except Exception as exc:
        raise BackupError(f"{path}: nothing restored: {_first_line(exc)}") from exc
    finally:
        ContentType.objects.clear_cache()
    total = sum(len(rows) for rows in grouped.values())
    return Summary(rows=total, tables=len(grouped), written_at=str(data.get("written_at", "")))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
