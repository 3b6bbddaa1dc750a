"""Attempt snapshots keep the promo document only when managers could read it.

Snapshots written before this kept the document's text whatever its sharing, so a manager read
an unshared document through an attempt. Each old snapshot's document becomes one of:
- "none" when there was no document;
- "not_shared", with the text removed, unless the document is shared with managers today (its
  sharing on the day of the submission was not recorded, so today's is the best evidence);
- "included", the text kept, split into one part per behaviour heading, so that each part is
  rendered on its own with the length bound every Markdown render has.
"""

import re

from django.db import migrations

HEADING = re.compile(r"^## (.*)$")
ESCAPED = re.compile(r"\\(.)")


def _sections(text: str) -> list[dict]:
    """The old one-piece Markdown, cut at each "## " heading; the title and period go."""
    sections: list[dict] = []
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading:
            sections.append({"behaviour": ESCAPED.sub(r"\1", heading[1]), "lines": []})
        elif sections:
            sections[-1]["lines"].append(line)
    return [
        {"behaviour": s["behaviour"], "markdown": "\n".join(s["lines"]).strip()} for s in sections
    ]


def forwards(apps, schema_editor):
    PromoAttempt = apps.get_model("reviews", "PromoAttempt")
    PromoDocument = apps.get_model("reviews", "PromoDocument")
    for attempt in PromoAttempt.objects.all().iterator():
        text = attempt.snapshot.get("document")
        if not isinstance(text, str):
            continue  # already in the new shape
        if not text:
            document = {"state": "none"}
        else:
            shared = PromoDocument.objects.filter(
                engineer_id=attempt.engineer_id, level_id=attempt.level_id, share_manager=True
            ).exists()
            document = (
                {"state": "included", "sections": _sections(text)}
                if shared
                else {"state": "not_shared"}
            )
        attempt.snapshot = {**attempt.snapshot, "document": document}
        attempt.save(update_fields=["snapshot"])


def backwards(apps, schema_editor):
    """Back to one piece of Markdown, which the code before this migration shows; a document
    that was not shared stays out."""
    PromoAttempt = apps.get_model("reviews", "PromoAttempt")
    for attempt in PromoAttempt.objects.all().iterator():
        document = attempt.snapshot.get("document")
        if not isinstance(document, dict):
            continue
        parts = [f"## {s['behaviour']}\n\n{s['markdown']}" for s in document.get("sections", [])]
        attempt.snapshot = {**attempt.snapshot, "document": "\n\n".join(parts)}
        attempt.save(update_fields=["snapshot"])


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_reminders_and_packet")]

    operations = [migrations.RunPython(forwards, backwards)]
