"""Mentor feedback: who may read and write it, its states, replies, gaps and the inbox."""

import pytest
from django.core import mail
from django.urls import reverse

from evidence.models import Entry
from promo.models import Notification, Visibility
from reviews.feedback import forms as feedback_forms
from reviews.feedback import services as feedback_services
from reviews.models import BehaviourVerdict, Feedback, FeedbackRevision, Reply
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


@pytest.fixture
def shared(engineer, scope, mentoring):
    return EntryFactory(
        author=engineer, visibility=MENTORS, behaviours=(scope, mentoring), title="Shared work"
    )


@pytest.fixture
def thread(shared, mentor):
    return feedback_for(shared, mentor, gap_note="Turn it into a shared library.")


def post_feedback(client, entry, scope, mentoring, **extra):
    data = {
        "body": "Solid. What would make it Staff is other teams adopting it.",
        f"verdict_{scope.pk}": "demonstrated",
        f"verdict_{mentoring.pk}": "gap",
        "gap_note": "Teach the on-call rota to use it without you.",
        "gap_behaviour": mentoring.pk,
        **extra,
    }
    return client.post(reverse("reviews:feedback-create", args=[entry.pk]), data, **HTMX)


# --- who may give feedback -------------------------------------------------------------------


def test_mentor_posts_feedback_with_verdicts_inline_and_the_engineer_is_told(
    django_capture_on_commit_callbacks, shared, mentor, engineer, scope, mentoring
):
    client = client_for(mentor)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, shared, scope, mentoring)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="feedback-panel"' in html and "Teach the on-call rota" in html
    feedback = Feedback.objects.get(entry=shared)
    assert dict(feedback.verdicts.values_list("behaviour__slug", "verdict")) == {
        "scope": "demonstrated",
        "mentoring": "gap",
    }
    assert feedback.gap_behaviour == mentoring and feedback.state == "open"
    assert Notification.objects.filter(recipient=engineer, kind="feedback").count() == 1
    assert len(mail.outbox) == 1 and "left feedback on “Shared work”" in mail.outbox[0].subject


def test_feedback_without_javascript_redirects_to_the_thread(shared, mentor, scope, mentoring):
    data = {"body": "Good.", f"verdict_{scope.pk}": "flashes", f"verdict_{mentoring.pk}": "flashes"}
    response = client_for(mentor).post(reverse("reviews:feedback-create", args=[shared.pk]), data)
    feedback = Feedback.objects.get(entry=shared)
    assert response.url == f"{shared.get_absolute_url()}#feedback-{feedback.pk}"


def test_missing_verdicts_are_explained_and_the_note_is_kept(shared, mentor, scope, mentoring):
    response = post_feedback(
        client_for(mentor), shared, scope, mentoring, **{f"verdict_{mentoring.pk}": ""}
    )
    html = response.content.decode()
    assert (
        feedback_forms.VERDICT_REQUIRED.format(name=mentoring.name).replace("“", "&ldquo;")[:10]
        in html
        or "Give a verdict for" in html
    )
    assert "Solid. What would make it Staff" in html
    assert not Feedback.objects.exists()


def test_an_unclaimed_behaviour_needs_a_strength(shared, mentor, scope, mentoring, levels):
    other = levels[2].behaviours.exclude(pk__in=[scope.pk, mentoring.pk]).first() or None
    if other is None:  # the test ladder has two behaviours a level: add a third
        from tests.factories import BehaviourFactory

        other = BehaviourFactory(level=levels[2], slug="vision", name="Vision at Staff")
    response = post_feedback(client_for(mentor), shared, scope, mentoring, extra_behaviour=other.pk)
    assert "Say whether the work demonstrates" in response.content.decode()
    post_feedback(
        client_for(mentor),
        shared,
        scope,
        mentoring,
        extra_behaviour=other.pk,
        extra_verdict="flashes",
    )
    feedback = Feedback.objects.get()
    assert feedback.extra_behaviour == other
    assert BehaviourVerdict.objects.get(feedback=feedback, behaviour=other).verdict == "flashes"


@pytest.mark.parametrize(
    "role", ["engineer", "manager", "skip_manager", "ended_mentor", "stranger", "admin_user"]
)
def test_only_an_active_mentor_can_give_feedback(request, shared, scope, mentoring, role):
    response = post_feedback(client_for(request.getfixturevalue(role)), shared, scope, mentoring)
    assert response.status_code == 404
    assert not Feedback.objects.exists()


def test_a_mentor_cannot_review_a_private_entry_or_another_engineers(
    engineer, mentor, manager, scope, mentoring
):
    private = EntryFactory(author=engineer, visibility=PRIVATE, behaviours=(scope,))
    other = PersonFactory(user=UserFactory(username="other"), manager=manager.person).user
    theirs = EntryFactory(author=other, visibility=MENTORS, behaviours=(scope,))
    for entry in (private, theirs):
        assert post_feedback(client_for(mentor), entry, scope, mentoring).status_code == 404
        assert client_for(mentor).get(entry.get_absolute_url()).status_code == 404
    assert not Feedback.objects.exists()


def test_an_engineer_cannot_write_verdicts_on_their_own_entries(shared, engineer, scope, mentoring):
    assert post_feedback(client_for(engineer), shared, scope, mentoring).status_code == 404
    assert not BehaviourVerdict.objects.exists()


anon_or_404 = pytest.mark.parametrize(
    "role", ["manager", "skip_manager", "ended_mentor", "stranger", "admin_user"]
)


# --- who may read the conversation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees"),
    [("engineer", True), ("mentor", True), ("manager", False), ("skip_manager", False)],
)
def test_the_conversation_is_between_the_engineer_and_mentors(
    request, engineer, mentor, scope, role, sees
):
    entry = EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope,))
    feedback_for(entry, mentor, body="Candid words about the work")
    html = client_for(request.getfixturevalue(role)).get(entry.get_absolute_url()).content.decode()
    assert ("Candid words about the work" in html) is sees
    assert ('id="feedback-panel"' in html) is sees


def test_a_mentor_whose_mentorship_ended_loses_the_conversation_at_once(thread, mentor, shared):
    client = client_for(mentor)
    assert client.get(shared.get_absolute_url()).status_code == 200
    mentor.mentees_links.update(state="ended")
    assert client.get(shared.get_absolute_url()).status_code == 404
    response = client.post(
        reverse("reviews:reply-create", args=[thread.pk]), {"body": "Still here?"}
    )
    assert response.status_code == 404
    assert not Reply.objects.exists()


# --- replies and states ----------------------------------------------------------------------


def test_engineer_reply_marks_open_feedback_addressed_and_tells_the_mentor(
    thread, engineer, mentor
):
    response = client_for(engineer).post(
        reverse("reviews:reply-create", args=[thread.pk]), {"body": "Done: extracted it."}, **HTMX
    )
    assert "Done: extracted it." in response.content.decode()
    thread.refresh_from_db()
    assert thread.state == "addressed"
    assert Notification.objects.filter(recipient=mentor, kind="reply").exists()


def test_empty_reply_is_refused_with_a_message(thread, engineer):
    response = client_for(engineer).post(
        reverse("reviews:reply-create", args=[thread.pk]), {"body": "   "}, **HTMX
    )
    assert feedback_forms.REPLY_REQUIRED in response.content.decode()
    assert not Reply.objects.exists()


def set_state(user, feedback, to: str, **headers):
    return client_for(user).post(
        reverse("reviews:feedback-state", args=[feedback.pk]), {"to": to}, **headers
    )


def test_open_addressed_resolved_by_the_right_people(thread, engineer, mentor):
    assert set_state(engineer, thread, "resolved", **HTMX).status_code == 200
    thread.refresh_from_db()
    assert thread.state == "open"  # only the mentor resolves
    set_state(engineer, thread, "addressed")
    thread.refresh_from_db()
    assert thread.state == "addressed"
    html = set_state(mentor, thread, "resolved", **HTMX).content.decode()
    assert "Resolved" in html
    thread.refresh_from_db()
    assert thread.state == "resolved"
    set_state(mentor, thread, "open")
    thread.refresh_from_db()
    assert thread.state == "open"


def test_a_refused_state_change_says_why(thread, engineer):
    html = set_state(engineer, thread, "resolved", **HTMX).content.decode()
    assert "This feedback is open; it cannot be marked resolved." in html


@pytest.mark.parametrize("role", ["manager", "stranger", "ended_mentor", "admin_user"])
def test_strangers_to_the_conversation_cannot_reply_or_change_state(request, thread, role):
    client = client_for(request.getfixturevalue(role))
    assert (
        client.post(reverse("reviews:reply-create", args=[thread.pk]), {"body": "x"}).status_code
        == 404
    )
    assert (
        client.post(
            reverse("reviews:feedback-state", args=[thread.pk]), {"to": "resolved"}
        ).status_code
        == 404
    )
    thread.refresh_from_db()
    assert thread.state == "open" and not thread.replies.exists()


# --- edit and delete -------------------------------------------------------------------------


def test_mentor_edits_own_feedback_and_the_old_wording_is_kept(
    thread, mentor, engineer, scope, mentoring
):
    client = client_for(mentor)
    assert client.get(reverse("reviews:feedback-edit", args=[thread.pk])).status_code == 200
    data = {
        "body": "Sharper note",
        f"verdict_{scope.pk}": "flashes",
        f"verdict_{mentoring.pk}": "flashes",
    }
    response = client.post(reverse("reviews:feedback-edit", args=[thread.pk]), data)
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.body == "Sharper note"
    revision = FeedbackRevision.objects.get(feedback=thread)
    assert revision.body == "Clear write-up; the impact is measured."
    assert revision.verdicts == {str(scope.pk): "demonstrated", str(mentoring.pk): "demonstrated"}
    html = client_for(engineer).get(thread.entry.get_absolute_url()).content.decode()
    assert "Edited 1 time" in html and "Clear write-up; the impact is measured." in html


def test_another_mentor_cannot_edit_or_delete_someone_elses_feedback(thread, engineer):
    second = UserFactory(username="second-mentor")
    MentorshipFactory(engineer=engineer, mentor=second)
    client = client_for(second)
    assert client.get(thread.entry.get_absolute_url()).status_code == 200  # may read it
    assert client.get(reverse("reviews:feedback-edit", args=[thread.pk])).status_code == 404
    assert client.post(reverse("reviews:feedback-delete", args=[thread.pk])).status_code == 404
    assert Feedback.objects.filter(pk=thread.pk).exists()


@pytest.mark.parametrize("role", ["engineer", "manager", "stranger"])
def test_only_the_author_can_delete_feedback(request, thread, role):
    response = client_for(request.getfixturevalue(role)).post(
        reverse("reviews:feedback-delete", args=[thread.pk])
    )
    assert response.status_code == 404
    assert Feedback.objects.filter(pk=thread.pk).exists()


def test_mentor_deletes_own_feedback(thread, mentor):
    response = client_for(mentor).post(reverse("reviews:feedback-delete", args=[thread.pk]))
    assert response.status_code == 302
    assert not Feedback.objects.filter(pk=thread.pk).exists()


@pytest.mark.parametrize(
    "name",
    [
        "reviews:feedback-edit",
        "reviews:feedback-delete",
        "reviews:reply-create",
        "reviews:feedback-state",
    ],
)
def test_anonymous_is_sent_to_sign_in_from_feedback_urls(client, thread, name):
    response = client.post(reverse(name, args=[thread.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# --- gaps and inbox --------------------------------------------------------------------------


def test_gaps_page_groups_open_gap_notes_by_behaviour_newest_first(
    engineer, mentor, scope, mentoring
):
    first = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,), title="First")
    second = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,), title="Second")
    resolved = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,), title="Done")
    feedback_for(first, mentor, gap_note="Older gap on scope", gap_behaviour=scope)
    feedback_for(second, mentor, gap_note="Newer gap on scope", gap_behaviour=scope)
    feedback_for(second, mentor, gap_note="A gap on the whole")
    done = feedback_for(resolved, mentor, gap_note="Already fixed", gap_behaviour=scope)

    feedback_services.feedback_set_state(feedback=done, by=mentor, to="resolved")
    html = client_for(engineer).get(reverse("reviews:gaps")).content.decode()
    assert (
        html.index("Scope at Staff")
        < html.index("Newer gap on scope")
        < html.index("Older gap on scope")
    )
    assert (
        html.index("Older gap on scope")
        < html.index("The work overall")
        < html.index("A gap on the whole")
    )
    assert "Already fixed" not in html


@pytest.mark.parametrize("role", ["mentor", "manager", "stranger"])
def test_gaps_page_shows_only_your_own_gaps(request, thread, role):
    html = client_for(request.getfixturevalue(role)).get(reverse("reviews:gaps")).content.decode()
    assert "Turn it into a shared library." not in html


def test_inbox_lists_mentees_shared_entries_unreviewed_first_with_counts(
    engineer, mentor, thread, scope
):
    EntryFactory(author=engineer, visibility=BOTH, title="Waiting for you")
    EntryFactory(author=engineer, visibility=PRIVATE, title="Private note")
    response = client_for(mentor).get(reverse("reviews:inbox"))
    titles = [e.title for e in response.context["page"].object_list]
    assert titles == ["Waiting for you", "Shared work"]
    [count] = response.context["counts"]
    assert (count.total, count.unreviewed) == (2, 1)


def test_inbox_filters_by_mentee_and_behaviour(engineer, mentor, scope, mentoring):
    second = PersonFactory(user=UserFactory(username="second")).user
    MentorshipFactory(engineer=second, mentor=mentor)
    EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,), title="Amara scope")
    EntryFactory(
        author=engineer, visibility=MENTORS, behaviours=(mentoring,), title="Amara mentoring"
    )
    EntryFactory(author=second, visibility=MENTORS, behaviours=(scope,), title="Second scope")
    client = client_for(mentor)

    def titles(**params):
        return {
            e.title
            for e in client.get(reverse("reviews:inbox"), params).context["page"].object_list
        }

    assert titles(mentee="second") == {"Second scope"}
    assert titles(behaviour=scope.pk) == {"Amara scope", "Second scope"}
    assert titles(mentee="engineer", behaviour=mentoring.pk) == {"Amara mentoring"}


def test_inbox_names_mentees_who_share_nothing_instead_of_saying_all_caught_up(
    engineer, mentor, mentoring
):
    EntryFactory(author=engineer, visibility=PRIVATE, title="Kept to myself")
    client = client_for(mentor)
    page = client.get(reverse("reviews:inbox")).content.decode()
    assert "all caught up" not in page
    assert "Amara has not shared anything with you yet" in page
    assert "nothing shared yet" in page and "Nothing shared with you yet." in page
    assert "Kept to myself" not in page and "1 private" not in page  # nothing private counted
    assert "nothing shared yet" in client.get(reverse("home")).content.decode()
    EntryFactory(author=engineer, visibility=MENTORS, title="Now shared")
    feedback_for(Entry.objects.get(title="Now shared"), mentor)
    page = client.get(reverse("reviews:inbox")).content.decode()
    assert "You are all caught up" in page and "has not shared anything" not in page


def test_inbox_names_every_silent_mentee_once(engineer, mentor, mentoring):
    for name in ("Bo", "Cy"):
        other = PersonFactory(user=UserFactory(username=name.lower(), first_name=name)).user
        MentorshipFactory(engineer=other, mentor=mentor)
    page = client_for(mentor).get(reverse("reviews:inbox")).content.decode()
    assert "Amara, Bo and Cy have not shared anything with you yet" in page


@pytest.mark.parametrize("role", ["engineer", "manager", "ended_mentor", "stranger"])
def test_inbox_of_someone_who_mentors_nobody_is_empty(request, shared, role):
    response = client_for(request.getfixturevalue(role)).get(reverse("reviews:inbox"))
    assert response.status_code == 200
    assert "Shared work" not in response.content.decode()


@pytest.mark.parametrize("name", ["reviews:inbox", "reviews:gaps"])
def test_anonymous_is_sent_to_sign_in_from_review_pages(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# --- query counts ----------------------------------------------------------------------------


def test_inbox_query_count_does_not_grow(
    django_assert_max_num_queries, engineer, mentor, scope, mentoring
):
    client = client_for(mentor)

    def grow(n: int) -> None:
        for _ in range(n):
            entry = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope, mentoring))
            feedback_for(entry, mentor)

    assert_flat_query_count(
        # 19: the list, the addressed threads, and the longest-waiting entry previewed with its
        # threads and feedback form (tests/reviews/feedback/test_triage.py pins the preview);
        # the mentees are read inside the queries that filter by them, not on their own.
        django_assert_max_num_queries,
        client,
        reverse("reviews:inbox"),
        grow=grow,
        bound=19,
    )


def test_entry_page_with_many_threads_has_a_fixed_query_count(
    django_assert_max_num_queries, shared, engineer, mentor
):
    client = client_for(engineer)

    def grow(n: int) -> None:
        for i in range(n):
            feedback = feedback_for(shared, mentor, gap_note=f"Gap {i}")

            feedback_services.reply_post(feedback=feedback, author=engineer, body="Thanks")
            feedback_services.reply_post(feedback=feedback, author=mentor, body="Good")

    # 11: the owner's entry is read and judged without working out whose else they may see.
    assert_flat_query_count(
        django_assert_max_num_queries, client, shared.get_absolute_url(), grow=grow, bound=11
    )


def test_gaps_page_query_count_does_not_grow(
    django_assert_max_num_queries, engineer, mentor, scope
):
    client = client_for(engineer)

    def grow(n: int) -> None:
        for i in range(n):
            entry = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,))
            feedback_for(entry, mentor, gap_note=f"Gap {i}", gap_behaviour=scope if i % 2 else None)

    assert_flat_query_count(
        django_assert_max_num_queries, client, reverse("reviews:gaps"), grow=grow, bound=8
    )


def test_after_a_mentorship_ends_the_engineer_can_close_its_gaps_themselves(
    thread, engineer, mentor
):
    assert (
        "This feedback is open; it cannot be marked resolved."
        in set_state(engineer, thread, "resolved", **HTMX).content.decode()
    )
    mentor.mentees_links.update(state="ended")
    gaps = client_for(engineer).get(reverse("reviews:gaps")).content.decode()
    assert "no longer your mentor here" in gaps
    html = set_state(engineer, thread, "resolved", **HTMX).content.decode()
    assert "Resolved" in html
    thread.refresh_from_db()
    assert thread.state == "resolved"
    assert (
        "Turn it into a shared library."
        not in client_for(engineer).get(reverse("reviews:gaps")).content.decode()
    )


def test_hiding_the_entry_for_a_moment_does_not_let_the_engineer_close_a_mentors_gap(
    thread, engineer, mentor, shared
):
    shared.visibility = PRIVATE
    shared.save()
    html = set_state(engineer, thread, "resolved", **HTMX).content.decode()
    assert "This feedback is open; it cannot be marked resolved." in html
    shared.visibility = MENTORS
    shared.save()
    thread.refresh_from_db()
    assert thread.state == "open"


def test_an_ended_mentor_hears_nothing_more_of_the_entry(thread, engineer, mentor, shared):
    """Not in the app, not by email, and not the entry's new title."""
    mentor.mentees_links.update(state="ended")
    shared.title = "Renamed, and private now"
    shared.visibility = PRIVATE
    shared.save()
    mail.outbox.clear()
    set_state(engineer, thread, "addressed")
    set_state(engineer, thread, "resolved")
    thread.refresh_from_db()
    assert thread.state == "resolved"
    assert not Notification.objects.filter(recipient=mentor).exclude(kind="mentorship").exists()
    assert not [m for m in mail.outbox if mentor.email in m.to]


def test_a_mentor_who_still_reviews_the_entry_hears_it_was_addressed(thread, engineer, mentor):
    set_state(engineer, thread, "addressed")
    assert Notification.objects.get(recipient=mentor, kind="feedback").text.endswith(
        "marked feedback on “Shared work” addressed."
    )
