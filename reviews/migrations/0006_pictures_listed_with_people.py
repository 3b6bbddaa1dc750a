"""Kept pictures point at the person and carry the versions they were made from and the open gap
count their reader may see, so the dashboard checks their freshness, and lists, counts and sorts
people with them, in SQL. They are derived for the day: the old
ones are dropped, and the next view or `readiness_refresh` makes them again."""

import django.db.models.deletion
from django.db import migrations, models


def forget_pictures(apps, schema_editor):
    apps.get_model("reviews", "StoredPicture").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0005_input_versions"),
        ("promo", "0009_policy_limits"),
    ]

    operations = [
        migrations.RunPython(forget_pictures, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="storedpicture", name="digest"),
        migrations.AddField(
            model_name="storedpicture",
            name="code",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="storedpicture",
            name="inputs",
            field=models.BigIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="storedpicture",
            name="shared",
            field=models.BigIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="storedpicture",
            name="gaps",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="storedpicture",
            name="status",
            field=models.CharField(blank=True, max_length=16),
        ),
        migrations.AlterField(
            model_name="storedpicture",
            name="engineer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pictures",
                to="promo.person",
            ),
        ),
    ]
