"""Kept pictures count their stale behaviours (the dashboard sorts by what needs attention) and
say per behaviour how far it is from sustained. Pictures are derived for the day: those kept
before this change are dropped, and made again by the pipeline when next asked for."""

from django.db import migrations, models


def drop_kept_pictures(apps, schema_editor):
    apps.get_model("reviews", "StoredPicture").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0007_promotion_moves")]

    operations = [
        migrations.RunPython(drop_kept_pictures, migrations.RunPython.noop, elidable=True),
        migrations.AddField(
            model_name="storedpicture",
            name="quiet",
            field=models.PositiveSmallIntegerField(default=0),
        ),
    ]
