"""Stored pictures (reviews/readiness/summaries.py): the dashboard's readiness kept for the day,
never staler than the data, never more than the reader may see.

Every test changes one input through one write path and then holds the dashboard's row equal
to what the pipeline makes from scratch, and different from what it showed before (so the
write mattered and a stale copy would be caught).
"""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection

from evidence import services as evidence_services
from evidence.models import Entry
from promo import access
from promo.models import Behaviour, Mentorship, Visibility
from reviews.feedback import services as feedback_services
from reviews.models import BehaviourVerdict, Feedback, InputVersion, StoredPicture
from reviews.readiness import pipeline, summaries
from tests.conftest import client_for
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    feedback_for,
)
from tests.reviews.readiness.test_pages import BOTH, MENTORS, TODAY, demonstrated
from tests.support import dashboard_rows

FIELDS = ("status", "sustained", "behaviours", "ready_by", "trend", "trend_from", "gaps", "rows")


def shown(viewer, view: str = "reports") -> dict[int, tuple]:
    """The dashboard's pictures as the viewer sees them today, by engineer."""
    return {
        row["person"].pk: tuple(getattr(row["picture"], f) for f in FIELDS)
        for row in dashboard_rows(viewer, view)
        if row["picture"] is not None
    }


def from_scratch(viewer, view: str = "reports") -> dict[int, tuple]:
    StoredPicture.objects.all().delete()
    return shown(viewer, view)


@pytest.fixture
def history(engineer, mentor, levels):
    """Four months of confirmed work on one behaviour, one self-tagged flash on the other, and
    this week's entry with a gap note."""
    scope = levels[2].behaviours.get(slug="scope")
    mentoring = levels[2].behaviours.get(slug="mentoring")
    made = [demonstrated(engineer, mentor, [scope], weeks_ago=w) for w in (1, 6, 10, 15)]
    EntryFactory(
        author=engineer,
        week_of=TODAY - timedelta(weeks=3),
        behaviours=(mentoring,),
        visibility=BOTH,
    )
    gap = EntryFactory(author=engineer, week_of=TODAY, behaviours=(scope,), visibility=BOTH)
    feedback_for(gap, mentor, verdict="gap", gap_note="Say who it helped, and how you know.")
    return {"scope": scope, "mentoring": mentoring, "entries": made, "gap": gap}


def _log(engineer, history):
    evidence_services.entry_log(
        author=engineer,
        data=evidence_services.EntryData(
            title="Paired on the mentoring rota",
            week_of=TODAY - timedelta(weeks=10),  # a month with no mentoring evidence yet
            behaviours=(history["mentoring"],),
            visibility=BOTH,
        ),
    )


def _verdict(engineer, history, mentor):
    entry = Entry.objects.filter(author=engineer, behaviours=history["mentoring"]).get()
    Entry.objects.filter(pk=entry.pk).update(impact_measured_on=TODAY - timedelta(weeks=2))
    feedback_for(entry, mentor, verdict="demonstrated")


def _bulk_shipped(engineer, history, mentor):
    # A bulk update no service sees: the work shipped last week, so its impact is too recent.
    Entry.objects.filter(pk=history["entries"][0].pk).update(shipped_on=TODAY - timedelta(weeks=1))


def _bulk_private(engineer, history, mentor):
    Entry.objects.filter(pk=history["entries"][1].pk).update(visibility=Visibility.PRIVATE)


def _trash(engineer, history, mentor):
    evidence_services.entry_trash(entry=history["entries"][2])


def _verdict_to_gap(engineer, history, mentor):
    BehaviourVerdict.objects.filter(feedback__entry=history["entries"][3]).update(verdict="gap")


def _feedback_deleted(engineer, history, mentor):
    feedback = Feedback.objects.get(entry=history["entries"][0])
    feedback_services.feedback_delete(feedback=feedback, by=mentor)


def _judged_later(engineer, history, mentor):
    # The verdict moved to a moment that has not come yet: it no longer counts today.
    Feedback.objects.filter(entry=history["entries"][0]).update(
        judged_at=Feedback.objects.get(entry=history["entries"][0]).judged_at + timedelta(days=30)
    )


def _policy(engineer, history, mentor):
    ladder = history["scope"].level.ladder
    ladder.threshold = 0.9
    ladder.save()


def _target(engineer, history, mentor):
    person = engineer.person
    person.target_level = history["scope"].level.ladder.levels.get(rank=2)
    person.save()


def _raw_sql(engineer, history, mentor):
    # Not even the ORM: a statement typed into a database shell.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Entry._meta.db_table} SET impact_measured_on = NULL, impact_measured = ''"
            " WHERE id = %s",
            [history["entries"][1].pk],
        )


def _gap_note_resolved(engineer, history, mentor):
    # Only the open gap count moves: the verdicts stand.
    feedback = Feedback.objects.get(entry=history["gap"])
    feedback_services.feedback_set_state(feedback=feedback, by=mentor, to=Feedback.State.RESOLVED)


def _renamed(engineer, history, mentor):
    Behaviour.objects.filter(pk=history["scope"].pk).update(name="Scope, renamed")


WRITES = {
    "an entry logged through the service": lambda e, h, m: _log(e, h),
    "a mentor's verdict": _verdict,
    "shipped_on changed by a bulk update": _bulk_shipped,
    "made private by a bulk update": _bulk_private,
    "an entry trashed": _trash,
    "a verdict changed by a bulk update": _verdict_to_gap,
    "feedback deleted": _feedback_deleted,
    "a verdict's moment moved": _judged_later,
    "the ladder's policy edited": _policy,
    "the target level changed": _target,
    "a behaviour renamed": _renamed,
    "a gap note resolved": _gap_note_resolved,
    "raw SQL": _raw_sql,
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_no_write_path_leaves_the_dashboard_showing_a_stale_picture(
    engineer, manager, mentor, history, write
):
    before = shown(manager)
    assert StoredPicture.objects.filter(engineer_id=engineer.pk).count() == 1
    WRITES[write](engineer, history, mentor)
    after = shown(manager)
    assert after[engineer.pk] != before[engineer.pk], "the write should change the picture"
    assert after == from_scratch(manager)


def test_an_unchanged_picture_is_reused_not_made_again(engineer, manager, history):
    shown(manager)
    kept = StoredPicture.objects.get(engineer_id=engineer.pk)
    shown(manager)
    assert StoredPicture.objects.get(engineer_id=engineer.pk).pk == kept.pk
    StoredPicture.objects.filter(pk=kept.pk).update(sustained=99)  # a marker, not a real value
    assert shown(manager)[engineer.pk][1] == 99


def test_a_new_day_makes_a_new_picture_and_forgets_yesterdays(engineer, manager, history):
    shown(manager)
    tomorrow = TODAY + timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):
        dashboard_rows(manager, as_of=tomorrow)
    assert list(StoredPicture.objects.values_list("day", flat=True)) == [tomorrow]


def test_a_managers_picture_is_never_made_from_mentor_only_entries(
    engineer, manager, mentor, history
):
    as_manager = shown(manager)
    as_mentor = shown(mentor, "mentees")
    for weeks_ago in (2, 7, 11, 16, 20):  # much more evidence, shared with mentors only
        demonstrated(
            engineer, mentor, [history["mentoring"]], weeks_ago=weeks_ago, visibility=MENTORS
        )
    assert shown(manager) == as_manager  # the manager's inputs did not change: reused
    assert shown(mentor, "mentees") != as_mentor
    audiences = set(StoredPicture.objects.values_list("audience", flat=True))
    assert audiences == {
        summaries.audience_of(access.Relation(is_manager=True)),
        summaries.audience_of(access.Relation(is_mentor=True)),
    }
    assert shown(manager) == from_scratch(manager)


def test_a_fresh_dashboard_reads_stored_pictures_and_no_claims(
    django_assert_max_num_queries, engineer, manager, history
):
    client = client_for(manager)
    client.get("/reviews/team/")  # the first view of the day makes the pictures
    # Eight, and two for the reviews waiting for the reports' mentors (counts, no entry).
    with django_assert_max_num_queries(10) as captured:
        assert client.get("/reviews/team/").status_code == 200
    entry_columns = [
        q["sql"] for q in captured.captured_queries if '"evidence_entry"."title"' in q["sql"]
    ]
    assert entry_columns == []  # no entry was loaded, only summed
    assert date.fromisoformat(str(StoredPicture.objects.get().day)) == TODAY


def test_kept_pictures_and_input_versions_are_not_backed_up():
    from promo.backups import backed_up_models

    assert not {StoredPicture, InputVersion} & set(backed_up_models())


def test_the_nightly_refresh_makes_the_pictures_the_first_dashboard_of_the_day_reads(
    django_assert_max_num_queries, engineer, manager, skip_manager, mentor, history
):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("readiness_refresh", stdout=out)
    # Four people; the engineer for their manager and their mentor, the manager (not assessed:
    # no target level) for the skip-level manager.
    assert out.getvalue().strip() == f"Readiness for {TODAY}: 4 people, 3 pictures made."
    made = set(StoredPicture.objects.values_list("pk", flat=True))
    for viewer, view in ((manager, "reports"), (mentor, "mentees"), (skip_manager, "reports")):
        client = client_for(viewer)
        # A manager's view also counts the reviews waiting for mentors (two queries).
        with django_assert_max_num_queries(10 if view == "reports" else 8) as captured:
            assert client.get("/reviews/team/", {"view": view}).status_code == 200
        assert not [q for q in captured.captured_queries if '"evidence_entry"."title"' in q["sql"]]
    assert set(StoredPicture.objects.values_list("pk", flat=True)) == made  # read, not made
    again = StringIO()
    call_command("readiness_refresh", stdout=again)
    assert again.getvalue().strip().endswith("4 people, 0 pictures made.")  # all still fresh
    kept = shown(manager)
    assert kept == from_scratch(manager)  # what the refresh made is what a viewer would make


def test_a_report_who_is_also_a_mentee_is_shown_with_what_a_mentor_may_see(
    engineer, manager, mentor, history, levels
):
    """Managing one report and mentoring them too, the manager's dashboard shows that report as
    someone who is both may see them (mentor-only entries count) and the other reports as
    their manager."""
    other = PersonFactory(
        user=UserFactory(username="other"),
        manager=manager.person,
        current_level=levels[1],
        target_level=levels[2],
    ).user
    MentorshipFactory(engineer=other, mentor=mentor, state=Mentorship.State.ACTIVE)
    MentorshipFactory(engineer=engineer, mentor=manager, state=Mentorship.State.ACTIVE)
    for someone in (engineer, other):
        for weeks_ago in (2, 7, 11, 16, 20):
            demonstrated(
                someone, mentor, [history["mentoring"]], weeks_ago=weeks_ago, visibility=MENTORS
            )
    rows = {row["person"].pk: row for row in dashboard_rows(manager)}
    for someone, seen in (
        (engineer, {"is_manager": True, "is_mentor": True}),
        (other, {"is_manager": True}),
    ):
        picture = pipeline.assessment_for(manager, someone, as_of=TODAY)
        kept = rows[someone.pk]["picture"]
        assert kept.audience == summaries.audience_of(access.Relation(**seen))
        assert (kept.status, kept.sustained) == (
            picture.readiness.status,
            picture.readiness.sustained,
        )
    assert rows[engineer.pk]["picture"].sustained > rows[other.pk]["picture"].sustained
