"""The mentor's triage: an entry previewed beside the inbox, save and next, every claim confirmed
in one action, the note optional once verdicts are given, the threads engineers addressed coming
back, how long entries have waited, and that wait for managers in aggregate."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry, EntryLink
from promo import access
from promo.models import Mentorship, Visibility
from reviews.feedback import forms as feedback_forms
from reviews.feedback import selectors as feedback_selectors
from reviews.feedback import services as feedback_services
from reviews.models import Feedback
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    feedback_for,
)

HTMX = {"HTTP_HX_REQUEST": "true"}
PRIVATE, MENTORS, BOTH = Visibility.PRIVATE, Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS


def logged(entry: Entry, days_ago: int) -> Entry:
    """Backdate when the entry was logged (the clock is frozen in tests)."""
    Entry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    entry.refresh_from_db()
    return entry


@pytest.fixture
def waiting(engineer, mentor, scope, mentoring):
    """Three entries waiting for the mentor, logged 9, 4 and 1 days ago."""
    return [
        logged(
            EntryFactory(
                author=engineer, visibility=MENTORS, behaviours=(scope, mentoring), title=title
            ),
            days,
        )
        for title, days in (("Oldest", 9), ("Middle", 4), ("Newest", 1))
    ]


def triage_url(entry, **params):
    url = reverse("reviews:triage", args=[entry.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def post_url(entry, **params):
    url = reverse("reviews:triage-post", args=[entry.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def verdicts(entry, verdict="flashes"):
    return {f"verdict_{b.pk}": verdict for b in entry.behaviours.all()}


# --- waiting, oldest first ---------------------------------------------------------------------


def test_inbox_shows_how_long_each_entry_has_waited_oldest_first(waiting, mentor):
    response = client_for(mentor).get(reverse("reviews:inbox"))
    assert [r.entry.title for r in response.context["rows"]] == ["Oldest", "Middle", "Newest"]
    assert [r.waited for r in response.context["rows"]] == [9, 4, 1]
    html = response.content.decode()
    assert "waiting 9 days" in html and "waiting 4 days" in html and "waiting 1 day<" in html


def test_reviewed_entries_come_after_the_waiting_ones_and_show_no_wait(waiting, mentor):
    feedback_for(waiting[0], mentor)
    rows = client_for(mentor).get(reverse("reviews:inbox")).context["rows"]
    assert [(r.entry.title, r.waited) for r in rows] == [
        ("Middle", 4),
        ("Newest", 1),
        ("Oldest", None),
    ]


# --- the preview beside the list --------------------------------------------------------------


def test_inbox_previews_the_longest_waiting_entry_beside_the_list(waiting, mentor):
    response = client_for(mentor).get(reverse("reviews:inbox"))
    assert response.context["selected"] == waiting[0]
    html = response.content.decode()
    assert 'id="triage-preview"' in html and f'data-entry="{waiting[0].pk}"' in html
    assert html.count('aria-current="true"') == 1
    assert "Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move" in html
    assert "/static/js/triage.js" in html


def test_preview_shows_the_entry_rendered_its_claims_links_impact_and_threads(
    engineer, mentor, scope, mentoring
):
    entry = EntryFactory(
        author=engineer,
        visibility=MENTORS,
        behaviours=(scope, mentoring),
        title="Load tests",
        body="Ran **dry runs** <script>alert(1)</script>",
        impact="Checkout holds its SLA",
    )
    EntryLink.objects.create(entry=entry, rank=1, url="https://example.com/doc", label="Design")
    feedback_for(entry, mentor, body="Earlier thoughts on the dry runs")
    html = client_for(mentor).get(triage_url(entry), **HTMX).content.decode()
    # The preview alone: no page around it, and not the list (only a link back to it).
    assert "<html" not in html and 'id="triage-entries"' not in html
    assert "<strong>dry runs</strong>" in html and "<script>" not in html
    assert "Scope at Staff" in html and "Mentoring at Staff" in html
    assert 'href="https://example.com/doc"' in html and "Design" in html
    assert "Checkout holds its SLA" in html
    assert "Earlier thoughts on the dry runs" in html
    assert "Save and next" in html and "All demonstrated" in html


def test_preview_url_is_a_whole_page_without_javascript(waiting, mentor):
    response = client_for(mentor).get(triage_url(waiting[1]))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert response.context["selected"] == waiting[1]
    assert 'id="triage-entries"' in html
    link = f'href="{triage_url(waiting[1])}#triage-preview"'
    assert link in html
    assert html.count('aria-current="true"') == 1


@pytest.mark.parametrize(
    "role", ["engineer", "manager", "skip_manager", "ended_mentor", "stranger", "admin_user"]
)
def test_only_an_active_mentor_can_preview_an_entry(request, role, scope):
    engineer = request.getfixturevalue("engineer")
    request.getfixturevalue("mentor")
    entry = EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope,))
    client = client_for(request.getfixturevalue(role))
    assert client.get(triage_url(entry)).status_code == 404
    assert client.get(triage_url(entry), **HTMX).status_code == 404
    response = client.post(post_url(entry), {**verdicts(entry), "body": "x"}, **HTMX)
    assert response.status_code == 404 and not Feedback.objects.exists()


def test_a_mentor_cannot_preview_a_private_entry(engineer, mentor, scope):
    entry = EntryFactory(author=engineer, visibility=PRIVATE, behaviours=(scope,))
    client = client_for(mentor)
    assert client.get(triage_url(entry)).status_code == 404
    assert client.post(post_url(entry), verdicts(entry)).status_code == 404


# --- save and next -----------------------------------------------------------------------------


def test_save_and_next_posts_then_previews_the_next_waiting_entry(waiting, mentor, engineer):
    oldest, middle, _ = waiting
    response = client_for(mentor).post(post_url(oldest), verdicts(oldest), **HTMX)
    assert response.status_code == 200
    feedback = Feedback.objects.get(entry=oldest, author=mentor)
    assert feedback.body == "" and feedback.verdicts.count() == 2
    html = response.content.decode()
    assert response.context["selected"] == middle
    assert f'data-entry="{middle.pk}"' in html and "data-posted" in html
    assert f'<li id="triage-item-{oldest.pk}" hx-swap-oob="delete">' in html
    assert "Feedback posted on “Oldest”. Next: “Middle”." in html
    assert "<strong>2</strong> waiting for your feedback" in html


def test_save_and_next_without_javascript_redirects_to_the_next_in_the_same_filter(
    waiting, mentor, engineer, scope
):
    second = PersonFactory(user=UserFactory(username="second")).user
    MentorshipFactory(engineer=second, mentor=mentor)
    logged(EntryFactory(author=second, visibility=MENTORS, behaviours=(scope,)), 30)
    oldest, middle, _ = waiting
    response = client_for(mentor).post(post_url(oldest, mentee="engineer"), verdicts(oldest))
    assert response.status_code == 302
    assert response.url == triage_url(middle, mentee="engineer")


def test_save_and_next_on_the_last_waiting_entry_says_nothing_is_left(engineer, mentor, scope):
    entry = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,), title="Last")
    client = client_for(mentor)
    html = client.post(post_url(entry), verdicts(entry), **HTMX).content.decode()
    assert "Nothing else is waiting." in html and "Nothing is waiting for your feedback" in html
    assert client.post(post_url(entry), verdicts(entry)).url == reverse("reviews:inbox")


def test_a_refused_save_keeps_the_entry_and_what_was_typed(waiting, mentor):
    oldest = waiting[0]
    data = {"body": "Half a thought", **verdicts(oldest)}
    data.pop(next(iter(verdicts(oldest))))  # one claim left without a verdict
    client = client_for(mentor)
    response = client.post(post_url(oldest), data, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and response.context["selected"] == oldest
    assert "Give a verdict for" in html and "Half a thought" in html
    assert "data-posted" not in html
    response = client.post(post_url(oldest), data)
    assert response.status_code == 400 and "Half a thought" in response.content.decode()
    assert not Feedback.objects.exists()


# --- all demonstrated, and the note optional with verdicts ------------------------------------


def test_all_demonstrated_confirms_every_claim_in_one_action(waiting, mentor):
    oldest = waiting[0]
    data = {"verdicts": feedback_forms.ALL_DEMONSTRATED, **verdicts(oldest, "gap")}
    client_for(mentor).post(post_url(oldest), data, **HTMX)
    feedback = Feedback.objects.get(entry=oldest)
    assert set(feedback.verdicts.values_list("verdict", flat=True)) == {"demonstrated"}
    assert feedback.verdicts.count() == oldest.behaviours.count()


def test_all_demonstrated_is_offered_only_when_the_entry_claims_something(engineer, mentor):
    bare = EntryFactory(author=engineer, visibility=MENTORS, title="Claims nothing")
    html = client_for(mentor).get(triage_url(bare), **HTMX).content.decode()
    assert "All demonstrated" not in html and "Save and next" in html


def test_a_verdict_without_a_note_is_a_complete_review(waiting, mentor):
    response = client_for(mentor).post(
        reverse("reviews:feedback-create", args=[waiting[0].pk]), verdicts(waiting[0]), **HTMX
    )
    assert response.status_code == 200
    assert Feedback.objects.get(entry=waiting[0]).body == ""
    assert "feedback-panel" in response.content.decode()


def test_with_neither_verdict_nor_note_feedback_is_refused_in_a_sentence(engineer, mentor, levels):
    bare = EntryFactory(author=engineer, visibility=MENTORS, title="Claims nothing")
    client = client_for(mentor)
    response = client.post(post_url(bare), {"body": "  "}, **HTMX)
    assert feedback_forms.NOTE_REQUIRED in response.content.decode()
    assert not Feedback.objects.exists()
    other = levels[2].behaviours.get(slug="scope")  # a behaviour the work shows, unclaimed
    client.post(post_url(bare), {"extra_behaviour": other.pk, "extra_verdict": "flashes"}, **HTMX)
    assert Feedback.objects.get(entry=bare).body == ""


def test_the_service_refuses_feedback_that_says_nothing(engineer, mentor):
    bare = EntryFactory(author=engineer, visibility=MENTORS)
    empty = feedback_services.FeedbackData(body=" ", verdicts={})
    with pytest.raises(ValueError, match="Give a verdict or write a note"):
        feedback_services.feedback_post(entry=bare, mentor=mentor, data=empty)


def test_editing_feedback_to_verdicts_only_is_allowed(waiting, mentor):
    feedback = feedback_for(waiting[0], mentor, body="Was a note")
    response = client_for(mentor).post(
        reverse("reviews:feedback-edit", args=[feedback.pk]), verdicts(waiting[0], "gap")
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.body == "" and feedback.revisions.get().body == "Was a note"


# --- addressed: waiting for you ----------------------------------------------------------------


@pytest.fixture
def answered(waiting, mentor, engineer):
    """Feedback on the oldest entry the engineer answered (which marks it addressed)."""
    feedback = feedback_for(waiting[0], mentor, gap_note="Make it a library.")
    feedback_services.reply_post(feedback=feedback, author=engineer, body="Done: see v2.")
    feedback.refresh_from_db()
    assert feedback.state == Feedback.State.ADDRESSED
    return feedback


def test_addressed_threads_come_back_to_their_mentor_with_a_count(answered, mentor):
    response = client_for(mentor).get(reverse("reviews:inbox"))
    assert response.context["addressed"] == [answered]
    html = response.content.decode()
    assert "Addressed — waiting for you" in html
    assert f'id="triage-thread-{answered.pk}"' in html
    assert f"{triage_url(answered.entry)}#feedback-{answered.pk}" in html


def test_an_addressed_thread_leaves_the_queue_once_the_mentor_replies(answered, mentor):
    feedback_services.reply_post(feedback=answered, author=mentor, body="Looks right.")
    assert list(feedback_selectors.addressed(mentor)) == []


def test_an_addressed_thread_leaves_the_queue_once_resolved_or_reopened(answered, mentor):
    feedback_services.feedback_set_state(feedback=answered, by=mentor, to="resolved")
    assert list(feedback_selectors.addressed(mentor)) == []
    feedback_services.feedback_set_state(feedback=answered, by=mentor, to="open")
    assert list(feedback_selectors.addressed(mentor)) == []


def test_resolving_in_the_triage_preview_takes_the_thread_off_the_addressed_list(
    answered, mentor, engineer
):
    client = client_for(mentor)
    url = reverse("reviews:feedback-state", args=[answered.pk])
    gone = f'<li id="triage-thread-{answered.pk}" hx-swap-oob="delete"></li>'
    entry_page = f"http://testserver{answered.entry.get_absolute_url()}"
    triage_page = f"http://testserver{triage_url(answered.entry)}"
    # Resolved from the entry's own page, where there is no such list: nothing is said of it.
    html = client.post(url, {"to": "resolved"}, **HTMX, HTTP_HX_CURRENT_URL=entry_page)
    assert gone not in html.content.decode()
    # Reopened, answered again, then resolved from the triage page: gone in the same swap.
    client.post(url, {"to": "open"}, **HTMX, HTTP_HX_CURRENT_URL=entry_page)
    answered.refresh_from_db()
    feedback_services.reply_post(feedback=answered, author=engineer, body="Now with numbers.")
    assert list(feedback_selectors.addressed(mentor)) == [answered]
    html = client.post(url, {"to": "resolved"}, **HTMX, HTTP_HX_CURRENT_URL=triage_page)
    assert gone in html.content.decode()
    assert list(feedback_selectors.addressed(mentor)) == []


def test_marked_addressed_without_a_reply_comes_back_even_after_earlier_mentor_replies(
    waiting, mentor, engineer
):
    feedback = feedback_for(waiting[1], mentor)
    feedback_services.reply_post(feedback=feedback, author=mentor, body="One more thing.")
    with_time = timezone.now() + timedelta(hours=1)
    import time_machine

    with time_machine.travel(with_time, tick=False):
        feedback_services.feedback_set_state(feedback=feedback, by=engineer, to="addressed")
    assert list(feedback_selectors.addressed(mentor)) == [feedback]


def test_addressed_queue_is_only_the_mentors_own_on_entries_they_still_review(
    answered, mentor, engineer
):
    other = PersonFactory(user=UserFactory(username="other-mentor")).user
    MentorshipFactory(engineer=engineer, mentor=other)
    assert list(feedback_selectors.addressed(other)) == []
    Entry.objects.filter(pk=answered.entry_id).update(visibility=PRIVATE)
    assert list(feedback_selectors.addressed(mentor)) == []
    Entry.objects.filter(pk=answered.entry_id).update(visibility=MENTORS)
    Mentorship.objects.filter(mentor=mentor).update(state=Mentorship.State.ENDED)
    assert list(feedback_selectors.addressed(mentor)) == []


# --- query counts ------------------------------------------------------------------------------


def test_preview_and_save_and_next_have_fixed_query_counts(
    django_assert_max_num_queries, engineer, mentor, scope, mentoring
):
    client = client_for(mentor)
    target = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope, mentoring))

    def grow(n: int) -> None:
        for i in range(n):
            entry = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope, mentoring))
            feedback = feedback_for(target, mentor, gap_note=f"Gap {i}")
            feedback_services.reply_post(feedback=feedback, author=engineer, body="Done.")
            if i % 2:
                feedback_for(entry, mentor)

    assert_flat_query_count(
        django_assert_max_num_queries, client, triage_url(target), grow=grow, bound=23
    )
    grow(10)
    with django_assert_max_num_queries(16):
        assert client.get(triage_url(target), **HTMX).status_code == 200
    with django_assert_max_num_queries(31):
        response = client.post(post_url(target), verdicts(target), **HTMX)
        assert response.status_code == 200


# --- for managers: how long entries wait, never what they say ---------------------------------


def test_waiting_by_mentor_counts_per_mentee_and_mentor_without_text(
    django_assert_max_num_queries, engineer, mentor, manager, scope
):
    second_mentor = PersonFactory(user=UserFactory(username="second-mentor")).user
    MentorshipFactory(engineer=engineer, mentor=second_mentor)
    old = logged(EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope,)), 12)
    logged(EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope,)), 3)
    logged(EntryFactory(author=engineer, visibility=MENTORS, title="Mentors only"), 40)
    logged(EntryFactory(author=engineer, visibility=PRIVATE), 50)
    feedback_for(old, second_mentor)  # the second mentor reviewed the oldest
    with django_assert_max_num_queries(3):
        rows = feedback_selectors.waiting_by_mentor(manager)
    by_mentor = {r.mentor.username: (r.mentee.username, r.waiting, r.oldest_days) for r in rows}
    assert by_mentor == {
        "mentor": ("engineer", 2, 12),
        "second-mentor": ("engineer", 1, 3),
    }
    assert set(feedback_selectors.Waiting.__dataclass_fields__) == {
        "mentee",
        "mentor",
        "waiting",
        "oldest_days",
    }


def test_waiting_by_mentor_covers_indirect_reports_and_nobody_else(
    engineer, mentor, skip_manager, stranger, scope
):
    EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope,))
    assert [r.waiting for r in feedback_selectors.waiting_by_mentor(skip_manager)] == [1]
    assert feedback_selectors.waiting_by_mentor(stranger) == []
    assert feedback_selectors.waiting_by_mentor(mentor) == []  # a mentor is not a manager
    scope_of = access.scope_of(skip_manager)
    assert feedback_selectors.waiting_by_mentor(skip_manager, scope=scope_of)[0].waiting == 1


def test_waiting_by_mentor_query_count_does_not_grow(
    django_assert_max_num_queries, manager, engineer, mentor, scope
):
    for i in range(5):
        other = PersonFactory(user=UserFactory(username=f"report{i}"), manager=manager.person).user
        MentorshipFactory(engineer=other, mentor=mentor)
        for _ in range(3):
            EntryFactory(author=other, visibility=BOTH, behaviours=(scope,))
    with django_assert_max_num_queries(3):
        rows = feedback_selectors.waiting_by_mentor(manager)
    assert len(rows) == 5 and {r.waiting for r in rows} == {3}
