"""Input versions, moved by database triggers on every write to what readiness reads.

The triggers are the point: a kept readiness picture (reviews.readiness.summaries) is fresh
while its engineer's counter has not moved, and only the database sees every write (services,
the admin, bulk updates, restores, raw SQL). One set for SQLite, one for PostgreSQL.
"""

from django.db import migrations, models

TABLE = "reviews_inputversion"
# Each table readiness reads, and the engineer a row of it belongs to (ROW: NEW or OLD).
# 0 stands for every engineer: ladders, levels and behaviours are shared.
ENGINEER_OF = {
    "evidence_entry": "ROW.author_id",
    "evidence_entrybehaviour": "(SELECT author_id FROM evidence_entry WHERE id = ROW.entry_id)",
    "reviews_feedback": "(SELECT author_id FROM evidence_entry WHERE id = ROW.entry_id)",
    "reviews_behaviourverdict": (
        "(SELECT e.author_id FROM evidence_entry e JOIN reviews_feedback f ON f.entry_id = e.id"
        " WHERE f.id = ROW.feedback_id)"
    ),
    "promo_person": "ROW.user_id",
    "promo_ladder": "0",
    "promo_level": "0",
    "promo_behaviour": "0",
}


def _key(table: str, row: str) -> str:
    # A row whose entry is already gone moves every engineer's counter: safe, and rare.
    return f"COALESCE({ENGINEER_OF[table].replace('ROW', row)}, 0)"


def _sqlite_bump(table: str, row: str) -> str:
    key = _key(table, row)
    return (
        f'INSERT OR IGNORE INTO {TABLE} ("key", version) VALUES ({key}, 0); '
        f'UPDATE {TABLE} SET version = version + 1 WHERE "key" = {key};'
    )


def _postgres_bump(table: str, row: str) -> str:
    return (
        f'INSERT INTO {TABLE} ("key", version) VALUES ({_key(table, row)}, 1) '
        f'ON CONFLICT ("key") DO UPDATE SET version = {TABLE}.version + 1;'
    )


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in ENGINEER_OF:
        if vendor == "sqlite":
            for event, rows in (("INSERT", ["NEW"]), ("UPDATE", ["NEW", "OLD"]), ("DELETE", ["OLD"])):
                body = " ".join(_sqlite_bump(table, row) for row in rows)
                schema_editor.execute(
                    f"CREATE TRIGGER readiness_{table}_{event.lower()} AFTER {event} ON {table} "
                    f"FOR EACH ROW BEGIN {body} END"
                )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE FUNCTION readiness_{table}() RETURNS trigger AS $$ BEGIN "
                f"IF TG_OP <> 'DELETE' THEN {_postgres_bump(table, 'NEW')} END IF; "
                f"IF TG_OP <> 'INSERT' THEN {_postgres_bump(table, 'OLD')} END IF; "
                "RETURN NULL; END $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                f"CREATE TRIGGER readiness_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION readiness_{table}()"
            )
        else:
            raise NotImplementedError(f"Promo runs on SQLite and PostgreSQL, not {vendor}.")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in ENGINEER_OF:
        if vendor == "sqlite":
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS readiness_{table}_{event}")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS readiness_{table} ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS readiness_{table}()")


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_stored_pictures"),
        ("evidence", "0003_author_index_in_composites"),
        ("promo", "0008_notification_kinds_reporting_account"),
    ]

    operations = [
        migrations.CreateModel(
            name="InputVersion",
            fields=[
                ("key", models.BigIntegerField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
