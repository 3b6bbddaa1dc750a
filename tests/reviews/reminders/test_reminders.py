"""Weekly reminders: who gets which email, what it says, and that each goes out once a week.

Today is Tuesday 24 November 2026 (week of Monday 23 November); the `entries` fixture's
entries belong to the week before, so the engineer has logged nothing this week.
"""

import os
import subprocess
import sys
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from evidence import selectors as evidence_selectors
from evidence import services as evidence_services
from promo import tasks
from promo.models import Mentorship, Person, Visibility
from reviews.feedback import selectors as feedback_selectors
from reviews.management.commands.send_reminders import BAD_DATE
from reviews.models import ReminderSent
from reviews.reminders import messages as reminder_messages
from reviews.reminders import selectors as reminder_selectors
from reviews.reminders import services as reminders
from tests.conftest import client_for
from tests.factories import EntryFactory, MentorshipFactory, PersonFactory, feedback_for

TODAY = date(2026, 11, 24)
THIS_WEEK = date(2026, 11, 23)
NEXT_WEEK_DAY = date(2026, 12, 1)
LONG_AGO = date(2026, 9, 1)  # shipped more than 8 weeks before today: due a follow-up
SITE = "http://testserver.example"
ROOT = settings.BASE_DIR  # the project folder, where manage.py is
SWITCHES = {
    "remind_to_log": ReminderSent.Kind.LOG,
    "remind_impact": ReminderSent.Kind.IMPACT,
    "remind_review_digest": ReminderSent.Kind.DIGEST,
}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE + "/"


def run(*args: str) -> str:
    mail.outbox.clear()
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def sent_to(user) -> list:
    return [m for m in mail.outbox if m.to == [user.email]]


def kinds_sent(user) -> set[str]:
    return set(
        ReminderSent.objects.filter(user=user, week_start=THIS_WEEK).values_list("kind", flat=True)
    )


def shared(author, title: str, **fields):
    fields.setdefault("visibility", Visibility.MENTORS)
    return EntryFactory(author=author, title=title, **fields)


@pytest.fixture
def busy_mentor(mentor, engineer, levels):
    """The mentor is due all three: nothing logged, old work to follow up, an entry to review."""
    Person.objects.filter(pk=mentor.pk).update(current_level=levels[2])  # on the ladder: logs
    EntryFactory(
        author=mentor, title="Old migration", week_of=date(2026, 8, 3), shipped_on=LONG_AGO
    )
    shared(engineer, "Payments runbook")
    return mentor


# --- who is reminded to log -------------------------------------------------------------------


def test_engineer_who_logged_nothing_this_week_is_reminded_to_log(engineer):
    run()
    (email,) = sent_to(engineer)
    assert email.subject == "Promo: nothing logged yet for the week of 23 November"
    assert "Hi Amara," in email.body
    assert f"{SITE}{reverse('evidence:week')}" in email.body
    assert f"{SITE}{reverse('preferences')}" in email.body
    assert kinds_sent(engineer) == {ReminderSent.Kind.LOG}


def test_a_private_entry_this_week_counts_as_logged(engineer):
    EntryFactory(author=engineer, week_of=TODAY, visibility=Visibility.PRIVATE)
    run()
    assert sent_to(engineer) == []


def test_an_entry_in_the_trash_does_not_count_as_logged(engineer):
    entry = EntryFactory(author=engineer, week_of=TODAY, visibility=Visibility.MENTORS)
    evidence_services.entry_trash(entry=entry)
    run()
    assert kinds_sent(engineer) == {ReminderSent.Kind.LOG}


def test_inactive_people_get_no_reminders(busy_mentor):
    busy_mentor.is_active = False
    busy_mentor.save()
    run()
    assert sent_to(busy_mentor) == []


def test_people_without_an_email_address_get_no_reminders(busy_mentor):
    busy_mentor.email = ""
    busy_mentor.save()
    run()
    assert kinds_sent(busy_mentor) == set()


def test_people_without_a_profile_get_no_reminders(engineer):
    Person.objects.filter(pk=engineer.pk).delete()
    run()
    assert sent_to(engineer) == []


@pytest.mark.parametrize("switch", SWITCHES)
def test_each_switch_turns_off_only_its_own_reminder(busy_mentor, switch):
    Person.objects.filter(pk=busy_mentor.pk).update(**{switch: False})
    run()
    assert kinds_sent(busy_mentor) == set(SWITCHES.values()) - {SWITCHES[switch]}


# --- impact follow-ups ------------------------------------------------------------------------


def test_impact_follow_up_lists_each_due_entry_with_its_link(engineer):
    due = [
        EntryFactory(author=engineer, title=title, shipped_on=shipped)
        for title, shipped in [("Search reindex", date(2026, 8, 10)), ("Faster checkout", LONG_AGO)]
    ]
    EntryFactory(author=engineer, title="Shipped last week", shipped_on=date(2026, 11, 16))
    EntryFactory(
        author=engineer, title="Already measured", shipped_on=LONG_AGO, impact_measured="-40% p95"
    )
    trashed = EntryFactory(author=engineer, title="Thrown away", shipped_on=LONG_AGO)
    evidence_services.entry_trash(entry=trashed)

    run()
    (email,) = sent_to(engineer)
    assert email.subject == "Promo: log your week, and 2 entries are due an impact follow-up"
    assert f"- Search reindex (shipped 10 August 2026): {SITE}/entries/{due[0].pk}/" in email.body
    assert (
        f"- Faster checkout (shipped 1 September 2026): {SITE}/entries/{due[1].pk}/" in email.body
    )
    for title in ["Shipped last week", "Already measured", "Thrown away"]:
        assert title not in email.body
    assert f"{SITE}{reverse('evidence:impact')}" in email.body


def test_impact_reminder_lists_what_the_impact_page_lists(engineer, mentor):
    for author in [engineer, mentor]:
        EntryFactory(author=author, shipped_on=LONG_AGO)
        EntryFactory(author=author, shipped_on=date(2026, 9, 29))  # exactly 8 weeks ago
        EntryFactory(author=author, shipped_on=date(2026, 9, 30))  # not yet
    found = reminder_selectors.impact_due(TODAY)
    for author in [engineer, mentor]:
        page = evidence_selectors.impact_due(author, today=TODAY)
        assert [i.path for i in found[author.pk]] == [e.get_absolute_url() for e in page]
        assert len(found[author.pk]) == 2


def test_log_reminder_and_impact_follow_ups_come_in_one_email(engineer):
    EntryFactory(author=engineer, title="Faster checkout", shipped_on=LONG_AGO)
    run()
    (email,) = sent_to(engineer)
    assert "You have not logged anything for the week of 23 November" in email.body
    assert "One piece of work you shipped a while ago has no measured impact yet" in email.body
    assert kinds_sent(engineer) == {ReminderSent.Kind.LOG, ReminderSent.Kind.IMPACT}


def test_impact_follow_up_alone_when_the_week_is_logged(engineer):
    EntryFactory(author=engineer, week_of=TODAY)
    EntryFactory(author=engineer, shipped_on=LONG_AGO)
    run()
    (email,) = sent_to(engineer)
    assert email.subject == "Promo: 1 entry is due an impact follow-up"
    assert "logged" not in email.body


# --- mentors' review digest -------------------------------------------------------------------


def test_review_digest_is_a_separate_email(busy_mentor):
    run()
    digest, nudge = sorted(sent_to(busy_mentor), key=lambda m: "review" not in m.subject)
    assert digest.subject == "Promo: 1 entry waiting for your review"
    assert "Payments runbook" in digest.body and "Old migration" not in digest.body
    assert "Old migration" in nudge.body and "Payments runbook" not in nudge.body


def test_digest_lists_only_entries_the_mentor_may_see_and_has_not_reviewed(
    engineer, mentor, ended_mentor, manager, entries
):
    reviewed = shared(engineer, "Reviewed already")
    feedback_for(reviewed, mentor)
    evidence_services.entry_trash(entry=shared(engineer, "In the trash"))
    other_mentor = PersonFactory().user
    MentorshipFactory(engineer=engineer, mentor=other_mentor)
    feedback_for(entries[Visibility.MENTORS], other_mentor)  # someone else's review

    run()
    (digest,) = [m for m in sent_to(mentor) if "review" in m.subject]
    assert "mentors entry" in digest.body
    assert "mentors_and_managers entry" in digest.body
    for title in ["private entry", "Reviewed already", "In the trash"]:
        assert title not in digest.body
    assert f"{SITE}/entries/{entries[Visibility.MENTORS].pk}/" in digest.body
    assert f"{SITE}{reverse('reviews:inbox')}" in digest.body
    assert ReminderSent.Kind.DIGEST not in kinds_sent(ended_mentor)
    assert ReminderSent.Kind.DIGEST not in kinds_sent(manager)


def test_a_co_mentor_without_an_email_address_does_not_stop_the_digest(engineer, mentor):
    co_mentor = PersonFactory(user__email="").user
    MentorshipFactory(engineer=engineer, mentor=co_mentor)
    shared(engineer, "Payments runbook")
    run()
    assert ReminderSent.Kind.DIGEST in kinds_sent(mentor)
    assert kinds_sent(co_mentor) == set()


def test_no_digest_when_everything_is_reviewed(engineer, mentor):
    feedback_for(shared(engineer, "Reviewed already"), mentor)
    run()
    assert ReminderSent.Kind.DIGEST not in kinds_sent(mentor)
    assert sent_to(mentor) == []


def test_people_off_the_ladder_are_not_reminded_to_log(engineer, manager, skip_manager, mentor):
    """Managers (and a mentor with no level) log nothing by design; a weekly nag would be noise."""
    run()
    assert kinds_sent(engineer) == {ReminderSent.Kind.LOG}
    for person in (manager, skip_manager, mentor):
        assert sent_to(person) == [] and kinds_sent(person) == set()


def test_digest_counts_waiting_entries_per_mentee_as_the_inbox_does(engineer, mentor, entries):
    second = PersonFactory(user__first_name="Bea", user__last_name="Kowalski").user
    MentorshipFactory(engineer=second, mentor=mentor)
    for n in range(3):
        shared(second, f"Bea's entry {n}", visibility=Visibility.MENTORS_AND_MANAGERS)
    feedback_for(shared(second, "Bea's reviewed entry"), mentor)

    run()
    (digest,) = [m for m in sent_to(mentor) if "review" in m.subject]
    assert digest.subject == "Promo: 5 entries waiting for your review"
    inbox = {c.user.get_full_name(): c.unreviewed for c in feedback_selectors.inbox_counts(mentor)}
    for name, waiting in inbox.items():
        assert f"- {name}: {waiting}\n" in digest.body
    assert inbox == {engineer.get_full_name(): 2, "Bea Kowalski": 3}


def test_digest_names_ten_entries_and_says_how_many_more(engineer, mentor):
    for n in range(13):
        shared(engineer, f"Shared entry {n:02}")
    run()
    (digest,) = [m for m in sent_to(mentor) if "review" in m.subject]
    assert digest.body.count(f"{SITE}/entries/") == reminder_messages.DIGEST_LIMIT == 10
    assert f"and 3 more in your inbox: {SITE}{reverse('reviews:inbox')}" in digest.body


# --- once a week ------------------------------------------------------------------------------


def test_running_twice_in_a_week_sends_nothing_the_second_time(busy_mentor, engineer):
    assert run().strip() == (
        "Sent 3 emails: 2 to log, 1 impact follow-up, 1 review digest."
    )  # engineer and mentor on the ladder; the mentor gets two: their own week, and the digest
    assert run().strip() == "Sent 0 emails: 0 to log, 0 impact follow-ups, 0 review digests."
    assert mail.outbox == []
    assert ReminderSent.objects.count() == 4


def test_a_reminder_due_later_in_the_week_still_goes_out_once(engineer):
    run()
    EntryFactory(author=engineer, shipped_on=LONG_AGO)
    run()
    (email,) = sent_to(engineer)
    assert email.subject == "Promo: 1 entry is due an impact follow-up"


def test_the_next_week_sends_again(busy_mentor):
    run()
    run("--date", NEXT_WEEK_DAY.isoformat())
    assert len(sent_to(busy_mentor)) == 2
    next_week = ReminderSent.objects.filter(user=busy_mentor, week_start=date(2026, 11, 30))
    assert next_week.count() == 3


def test_another_run_that_claimed_first_wins(busy_mentor, monkeypatch):
    """Two runs at once: the one that records a reminder first sends it, the other does not."""
    stale = reminder_selectors.due(TODAY)
    ReminderSent.objects.create(
        user=busy_mentor, kind=ReminderSent.Kind.IMPACT, week_start=THIS_WEEK
    )
    monkeypatch.setattr(reminders, "due", lambda today: stale)
    run()
    (nudge,) = [m for m in sent_to(busy_mentor) if "review" not in m.subject]
    assert "logged anything" in nudge.body and "Old migration" not in nudge.body
    assert len(sent_to(busy_mentor)) == 2  # and the digest


def test_dry_run_sends_and_records_nothing(busy_mentor):
    out = run("--dry-run")
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()
    assert (
        "mentor <mentor@example.com>: nothing logged this week, 1 impact follow-up\n"
        "mentor <mentor@example.com>: review digest of 1 entry\n"
    ) in out
    assert out.splitlines()[-1].startswith("Would send 3 emails: 2 to log,")


def test_default_day_is_today_in_the_configured_time_zone(engineer, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # Sunday evening in UTC is Monday morning there
    with time_machine.travel("2026-11-29 20:00:00+00:00", tick=False):
        run()
    assert ReminderSent.objects.get(user=engineer).week_start == date(2026, 11, 30)


def test_a_malformed_date_exits_non_zero_with_a_one_line_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "send_reminders", "--date", "24/11/2026"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert done.stderr.strip() == "CommandError: " + BAD_DATE.format(value="24/11/2026")
    assert done.stdout == ""


def test_a_failed_email_is_retried_on_the_next_run(engineer, busy_mentor, monkeypatch):
    """With tasks run at once (the tests' backend), a failed email cannot wait to retry: the
    next run tries that person again. (A worker's retries: tests/promo/test_background.py.)"""
    real_deliver = tasks.deliver

    def flaky(*, to, **message):
        if to == [engineer.email]:
            raise ConnectionRefusedError("mail server down")
        return real_deliver(to=to, **message)

    monkeypatch.setattr(tasks, "deliver", flaky)
    out = run()
    assert "1 failed and will be retried on the next run." in out
    assert sent_to(engineer) == [] and kinds_sent(engineer) == set()
    assert len(sent_to(busy_mentor)) == 2  # the others still got theirs

    monkeypatch.setattr(tasks, "deliver", real_deliver)
    run()
    assert [m.to for m in mail.outbox] == [[engineer.email]]
    assert kinds_sent(engineer) == {ReminderSent.Kind.LOG}


def test_query_count_does_not_grow_with_people(django_assert_max_num_queries, busy_mentor):
    def grow(n: int) -> None:
        for _ in range(n):
            engineer = PersonFactory().user
            mentor = PersonFactory().user
            MentorshipFactory(engineer=engineer, mentor=mentor, state=Mentorship.State.ACTIVE)
            shared(engineer, "Shipped a while ago", shipped_on=LONG_AGO)

    for n in [2, 20]:
        grow(n)
        ReminderSent.objects.all().delete()
        with django_assert_max_num_queries(8):
            run()
        assert len(mail.outbox) > 2 * n


# --- preferences ------------------------------------------------------------------------------


def test_preferences_page_shows_the_reminder_switches(engineer):
    page = client_for(engineer).get(reverse("preferences")).content.decode()
    assert "Remind me when a week ends and I have logged nothing" in page
    assert "Remind me when shipped work is due an impact follow-up" in page
    assert "Send me a weekly digest of entries waiting for my review" in page


@pytest.mark.parametrize("switch", SWITCHES)
def test_each_reminder_switch_is_saved_from_the_preferences_page(engineer, switch):
    client = client_for(engineer)
    ticked = {name: "on" for name in SWITCHES if name != switch}
    form = {"default_visibility": "private", "email_notifications": "on"}
    client.post(reverse("preferences"), form | ticked)
    person = Person.objects.get(pk=engineer.pk)
    assert getattr(person, switch) is False
    assert all(getattr(person, name) for name in ticked) and person.email_notifications

    client.post(reverse("preferences"), form | ticked | {switch: "on"})
    assert getattr(Person.objects.get(pk=engineer.pk), switch) is True
