"""Readiness pictures as the pipeline produced them, kept for the day, per kind of reader.

A stored picture is only ever a copy of what reviews.readiness.pipeline said about one engineer,
on one day, from the entries one kind of reader may see (the engineer: everything; mentors;
managers; someone who is both): a manager's row is never built from mentor-only entries. It
carries the versions of every input it was made from, read from the data itself, so a write made
by any path (a service, the admin, an import, a restore, a bulk update) makes it stale without
anyone having to remember to say so. Nothing here is shown to anyone the live page would not.
"""

from django.db import models


class StoredPicture(models.Model):
    # The person, so the dashboard can list people with their picture in one query.
    engineer = models.ForeignKey("promo.Person", on_delete=models.CASCADE, related_name="pictures")
    audience = models.CharField(max_length=80)  # the visibilities the reader may see, sorted
    day = models.DateField()  # the picture is true of this day only: the calendar moves it
    # What it was made from, compared in SQL (summaries.fresh_q): the code of the rules, the
    # engineer's input version and every engineer's (ladders, levels, behaviours).
    code = models.CharField(max_length=64)
    inputs = models.BigIntegerField()
    shared = models.BigIntegerField()
    status = models.CharField(max_length=16, blank=True)  # "": no target level, not assessed
    sustained = models.PositiveSmallIntegerField()
    behaviours = models.PositiveSmallIntegerField()
    ready_by = models.IntegerField(null=True)  # a period index; null: not assessed
    trend = models.CharField(max_length=8, blank=True)  # up | down | held, over 90 days
    trend_from = models.CharField(max_length=16, blank=True)  # the status then
    window = models.CharField(max_length=40)  # "6 months"
    stale_days = models.PositiveSmallIntegerField()
    gaps = models.PositiveIntegerField(default=0)  # open gap notes the reader may count
    quiet = models.PositiveSmallIntegerField(default=0)  # behaviours stale: no evidence lately
    # Per behaviour, in ladder order: [id, slug, name, status, demonstrated periods, flash
    # periods, window periods, stale, more periods to sustain it (0 when sustained)]: what a
    # dashboard row draws (dashboard.BehaviourCell reads it).
    rows = models.JSONField(default=list)

    backed_up = False  # derived for the day: promo.backups leaves it out

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engineer", "audience", "day"], name="one_picture_per_reader_kind_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.engineer_id} for {self.audience} on {self.day}: {self.status}"


class InputVersion(models.Model):
    """A counter per engineer (key = their user id; key 0 for ladders, levels and behaviours)
    that the database itself moves on every insert, update and delete of what readiness reads:
    entries, their tags, feedback and verdicts, the engineer's profile. Triggers do it
    (migration 0005), so a bulk update, the admin, a restore or a raw SQL statement moves it as
    surely as a service does; a kept picture is fresh while its engineer's counter has not
    moved since."""

    key = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    backed_up = False  # derived: promo.backups leaves it out, and the triggers rebuild it

    def __str__(self) -> str:
        return f"{self.key}: {self.version}"
