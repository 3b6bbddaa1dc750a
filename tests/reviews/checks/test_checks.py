"""Clerical-error checks: who may ask, see and answer; validation; answers; the readiness card."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from promo.models import Notification
from reviews.checks import services as check_services
from reviews.checks.forms import NO_DOCUMENT, NOT_SHARED_WITH_MANAGERS
from reviews.models import CheckQuestion, ClericalCheck, Narrative, PromoDocument
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import PersonFactory, UserFactory

YES, NO, NOT_SURE = CheckQuestion.Answer.YES, CheckQuestion.Answer.NO, CheckQuestion.Answer.NOT_SURE
ASKERS = {"engineer", "manager", "skip_manager"}
ROLES = [
    "engineer",
    "mentor",
    "ended_mentor",
    "manager",
    "skip_manager",
    "stranger",
    "respondent",
    "admin_user",
]


@pytest.fixture
def respondent(db):
    return PersonFactory(
        user=UserFactory(username="senior", first_name="Grace", last_name="Hopper"),
        title="Principal Engineer",
    ).user


@pytest.fixture
def second(db):
    return PersonFactory(
        user=UserFactory(username="second", first_name="Ada", last_name="Lovelace")
    ).user


@pytest.fixture
def cast(
    engineer, mentor, ended_mentor, manager, skip_manager, stranger, respondent, second, admin_user
):
    """Every role, and a second senior person so that the default ask names two people."""
    return {
        "engineer": engineer,
        "mentor": mentor,
        "ended_mentor": ended_mentor,
        "manager": manager,
        "skip_manager": skip_manager,
        "stranger": stranger,
        "respondent": respondent,
        "admin_user": admin_user,
    }


@pytest.fixture
def check(cast, engineer, respondent, second):
    return check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent, second]
    )


@pytest.fixture
def question(check, respondent):
    return CheckQuestion.objects.get(clerical_check=check, respondent=respondent)


@pytest.fixture
def document(engineer, levels):
    doc = PromoDocument.objects.create(
        engineer=engineer,
        level=levels[2],
        period_start=date(2025, 11, 1),
        period_end=date(2026, 10, 31),
    )
    scope, mentoring = levels[2].behaviours.order_by("rank")
    Narrative.objects.create(
        document=doc, behaviour=scope, text="Led the **billing rewrite** <script>x()</script>"
    )
    Narrative.objects.create(document=doc, behaviour=mentoring, text="Ran the design clinic.")
    return doc


def checks_url(user) -> str:
    return reverse("reviews:checks", args=[user.username])


def question_url(q: CheckQuestion) -> str:
    return reverse("reviews:question", args=[q.pk])


def ask(client: Client, engineer, **data):
    payload = {"respondents": "senior\nsecond@example.com", "expires_in_days": "14", **data}
    return client.post(checks_url(engineer), payload)


def expire(check: ClericalCheck) -> None:
    ClericalCheck.objects.filter(pk=check.pk).update(expires_at=timezone.now() - timedelta(hours=1))


def assert_sent_to_sign_in(response) -> None:
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# --- who may see and ask ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_checks_page_opens_for_the_engineer_and_managers_and_404s_for_everyone_else(
    cast, check, role
):
    response = client_for(cast[role]).get(checks_url(cast["engineer"]))
    assert response.status_code == (200 if role in ASKERS else 404)


def test_anonymous_visitors_are_sent_to_sign_in_from_every_check_page(client, check, question):
    for url in [
        checks_url(check.engineer),
        reverse("reviews:check-withdraw", args=[check.pk]),
        reverse("reviews:questions"),
        question_url(question),
    ]:
        assert_sent_to_sign_in(client.get(url))
        assert_sent_to_sign_in(client.post(url, {"answer": YES, "respondents": "senior"}))
    question.refresh_from_db()
    check.refresh_from_db()
    assert question.answer == "" and check.withdrawn_at is None
    assert ClericalCheck.objects.count() == 1


@pytest.mark.parametrize("role", sorted(ASKERS))
def test_the_engineer_and_their_managers_can_ask(cast, engineer, role):
    response = ask(client_for(cast[role]), engineer)
    assert response.status_code == 302
    made = ClericalCheck.objects.get()
    assert made.asked_by == cast[role] and made.level.name == "Staff"
    assert {q.respondent.username for q in made.questions.all()} == {"senior", "second"}


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ASKERS])
def test_nobody_else_can_ask(cast, engineer, role):
    response = ask(client_for(cast[role]), engineer)
    assert response.status_code == 404
    assert not ClericalCheck.objects.exists() and not CheckQuestion.objects.exists()


@pytest.mark.parametrize("role", sorted(ASKERS))
def test_the_engineer_and_their_managers_can_withdraw(cast, check, role):
    response = client_for(cast[role]).post(reverse("reviews:check-withdraw", args=[check.pk]))
    check.refresh_from_db()
    assert response.status_code == 302 and check.withdrawn_at is not None


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ASKERS])
def test_nobody_else_can_withdraw(cast, check, role):
    response = client_for(cast[role]).post(reverse("reviews:check-withdraw", args=[check.pk]))
    check.refresh_from_db()
    assert response.status_code == 404 and check.withdrawn_at is None


@pytest.mark.parametrize("role", ROLES)
def test_withdrawing_takes_post_only(cast, check, role):
    response = client_for(cast[role]).get(reverse("reviews:check-withdraw", args=[check.pk]))
    assert response.status_code == 405
    check.refresh_from_db()
    assert check.withdrawn_at is None


@pytest.mark.parametrize("role", ROLES)
def test_question_page_is_for_the_respondent_alone(cast, question, role):
    response = client_for(cast[role]).get(question_url(question))
    assert response.status_code == (200 if role == "respondent" else 404)


def test_the_respondent_can_answer(cast, question):
    response = client_for(cast["respondent"]).post(question_url(question), {"answer": YES})
    question.refresh_from_db()
    assert response.status_code == 302 and question.answer == YES


@pytest.mark.parametrize("role", [r for r in ROLES if r != "respondent"])
def test_nobody_but_the_respondent_can_answer(cast, question, role):
    before = Notification.objects.count()
    response = client_for(cast[role]).post(question_url(question), {"answer": YES})
    question.refresh_from_db()
    assert response.status_code == 404 and question.answer == ""
    assert question.answered_at is None and Notification.objects.count() == before


@pytest.mark.parametrize("role", ROLES)
def test_question_list_shows_each_user_only_their_own_questions(cast, question, role):
    response = client_for(cast[role]).get(reverse("reviews:questions"))
    assert response.status_code == 200
    mine = [q.pk for q in response.context["waiting"] + response.context["done"]]
    assert mine == ([question.pk] if role == "respondent" else [])


@pytest.mark.parametrize("role", ROLES)
def test_question_list_takes_get_only(cast, question, role):
    response = client_for(cast[role]).post(reverse("reviews:questions"))
    assert response.status_code == 405


def test_respondent_gains_no_other_access_to_the_engineer(
    respondent, engineer, entries, question, document
):
    client = client_for(respondent)
    assert client.get(question_url(question)).status_code == 200
    assert client.get(reverse("reviews:readiness", args=[engineer.username])).status_code == 404
    for entry in entries.values():
        assert client.get(reverse("evidence:detail", args=[entry.pk])).status_code == 404
    assert client.get(reverse("evidence:person", args=[engineer.username])).status_code == 404
    assert client.get(checks_url(engineer)).status_code == 404


def test_staff_can_open_checks_in_the_admin(admin_user, check):
    client = client_for(admin_user)
    assert client.get(reverse("admin:reviews_clericalcheck_changelist")).status_code == 200
    response = client.get(reverse("admin:reviews_clericalcheck_change", args=[check.pk]))
    assert response.status_code == 200
    assert 'name="questions-TOTAL_FORMS" value="2"' in response.content.decode()


# --- asking: validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("nobody-here", check_services.UNKNOWN_PERSON.format(handle="nobody-here")),
        ("ghost@example.com", check_services.UNKNOWN_PERSON.format(handle="ghost@example.com")),
        ("", check_services.NO_RESPONDENTS),
        (" ,\n ", check_services.NO_RESPONDENTS),
        (", ".join(f"p{n}" for n in range(9)), check_services.TOO_MANY.format(max=8, count=9)),
    ],
)
def test_asking_refuses_bad_respondents_with_a_message_and_saves_nothing(
    engineer, respondent, typed, message
):
    response = ask(client_for(engineer), engineer, respondents=typed)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert not ClericalCheck.objects.exists() and not Notification.objects.exists()


def test_asking_an_inactive_user_is_refused_by_name(engineer, respondent):
    UserFactory(username="gone", is_active=False)
    response = ask(client_for(engineer), engineer, respondents="senior, gone")
    assert response.status_code == 400
    assert check_services.UNKNOWN_PERSON.format(handle="gone") in response.content.decode()
    assert not ClericalCheck.objects.exists()


def test_the_engineer_cannot_be_asked_about_themselves(engineer, manager, respondent):
    response = ask(client_for(manager), engineer, respondents="senior\nengineer@example.com")
    assert response.status_code == 400
    expected = check_services.ASKING_THEMSELVES.format(
        handle="engineer@example.com", name=engineer.get_full_name()
    )
    assert expected in response.content.decode()
    assert not ClericalCheck.objects.exists()


@pytest.mark.parametrize("days", ["0", "61", "soon", ""])
def test_expiry_must_be_between_one_and_sixty_days(engineer, respondent, second, days):
    response = ask(client_for(engineer), engineer, expires_in_days=days)
    assert response.status_code == 400
    assert check_services.BAD_EXPIRY in response.content.decode()
    assert not ClericalCheck.objects.exists()


def test_bad_input_keeps_what_was_typed(engineer, respondent):
    response = ask(
        client_for(engineer), engineer, respondents="senior\nnobody-here", expires_in_days="30"
    )
    html = response.content.decode()
    assert "senior\nnobody-here</textarea>" in html
    assert 'value="30"' in html


def test_duplicates_collapse_to_one_question_each(engineer, respondent, second):
    typed = "senior, SENIOR\nsenior@example.com; second second"
    assert ask(client_for(engineer), engineer, respondents=typed).status_code == 302
    made = ClericalCheck.objects.get()
    assert sorted(made.questions.values_list("respondent__username", flat=True)) == [
        "second",
        "senior",
    ]


def test_expiry_defaults_to_fourteen_days(engineer, respondent):
    html = client_for(engineer).get(checks_url(engineer)).content.decode()
    assert 'value="14"' in html
    ask(client_for(engineer), engineer, respondents="senior", expires_in_days="14")
    made = ClericalCheck.objects.get()
    assert made.expires_at == timezone.now() + timedelta(days=14)


def test_without_a_target_level_the_page_explains_and_offers_no_form(engineer, respondent):
    engineer.person.target_level = None
    engineer.person.save()
    client = client_for(engineer)
    response = client.get(checks_url(engineer))
    assert response.status_code == 200 and response.context["form"] is None
    assert "no target level yet" in response.content.decode()
    assert ask(client, engineer, respondents="senior").status_code == 400
    assert not ClericalCheck.objects.exists()


def test_service_refuses_a_mentor_and_an_empty_list(engineer, mentor, respondent):
    with pytest.raises(check_services.CheckError):
        check_services.check_create(engineer=engineer, asked_by=mentor, respondents=[respondent])
    with pytest.raises(check_services.CheckError, match="at least one"):
        check_services.check_create(engineer=engineer, asked_by=engineer, respondents=[])
    assert not ClericalCheck.objects.exists()


# --- sharing the promo document --------------------------------------------------------------


def test_without_a_document_sharing_is_explained_and_stored_false(engineer, respondent):
    client = client_for(engineer)
    html = client.get(checks_url(engineer)).content.decode()
    assert NO_DOCUMENT.format(name=engineer.get_full_name(), level="Staff") in html
    ask(client, engineer, respondents="senior", share_document="on")
    assert ClericalCheck.objects.get().share_document is False


def test_the_engineer_can_share_their_document(engineer, respondent, document):
    ask(client_for(engineer), engineer, respondents="senior", share_document="on")
    assert ClericalCheck.objects.get().share_document is True


def test_a_manager_cannot_share_a_document_not_shared_with_managers(
    engineer, manager, respondent, document
):
    client = client_for(manager)
    html = client.get(checks_url(engineer)).content.decode()
    assert "not shared their promo document" in html
    assert NOT_SHARED_WITH_MANAGERS.startswith("{name} has not shared")
    ask(client, engineer, respondents="senior", share_document="on")
    assert ClericalCheck.objects.get().share_document is False
    document.share_manager = True
    document.save()
    ask(client, engineer, respondents="senior", share_document="on")
    assert ClericalCheck.objects.first().share_document is True


def test_respondent_reads_narratives_only_when_shared(engineer, respondent, document, entries):
    shared = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent], share_document=True
    )
    html = client_for(respondent).get(question_url(shared.questions.get())).content.decode()
    assert "<strong>billing rewrite</strong>" in html and "Ran the design clinic." in html
    assert "Scope at Staff" in html and "<script>" not in html
    for entry in entries.values():
        assert entry.title not in html and reverse("evidence:detail", args=[entry.pk]) not in html

    unshared = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent]
    )
    html = client_for(respondent).get(question_url(unshared.questions.get())).content.decode()
    assert "billing rewrite" not in html and "design clinic" not in html


def test_respondents_stop_reading_when_the_engineer_stops_sharing_with_managers(
    engineer, manager, respondent, document
):
    """A manager passed the document on while it was shared with managers; once the engineer
    withdraws that, respondents read nothing more of it, including words written since."""
    document.share_manager = True
    document.save()
    asked = check_services.check_create(
        engineer=engineer, asked_by=manager, respondents=[respondent], share_document=True
    )
    url = question_url(asked.questions.get())
    reader = client_for(respondent)
    assert "Ran the design clinic." in reader.get(url).content.decode()

    document.share_manager = False
    document.save()
    Narrative.objects.filter(document=document).update(text="Written after the withdrawal.")
    html = reader.get(url).content.decode()
    assert "design clinic" not in html and "Written after the withdrawal." not in html
    assert f"Would you say {engineer.get_full_name()} already works at" in html

    document.share_manager = True
    document.save()
    assert "Written after the withdrawal." in reader.get(url).content.decode()


def test_respondents_stop_reading_when_the_asking_manager_no_longer_manages_the_engineer(
    engineer, manager, stranger, respondent, document
):
    document.share_manager = True
    document.save()
    asked = check_services.check_create(
        engineer=engineer, asked_by=manager, respondents=[respondent], share_document=True
    )
    engineer.person.manager = stranger.person
    engineer.person.save()
    html = client_for(respondent).get(question_url(asked.questions.get())).content.decode()
    assert "design clinic" not in html


def test_the_engineers_own_check_keeps_sharing_whatever_managers_may_read(
    engineer, respondent, document
):
    asked = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent], share_document=True
    )
    html = client_for(respondent).get(question_url(asked.questions.get())).content.decode()
    assert not document.share_manager and "Ran the design clinic." in html


def test_the_question_page_shows_the_question_and_nothing_of_the_evidence(
    engineer, respondent, question, entries
):
    html = client_for(respondent).get(question_url(question)).content.decode()
    name = engineer.get_full_name()
    assert f"Would you say {name} already works at the level of Staff?" in html
    for entry in entries.values():
        assert entry.title not in html


# --- notifications ---------------------------------------------------------------------------


def test_each_respondent_is_notified_with_a_link_to_their_question(
    django_capture_on_commit_callbacks, engineer, respondent, second
):
    with django_capture_on_commit_callbacks(execute=True):
        assert ask(client_for(engineer), engineer).status_code == 302
    for user in (respondent, second):
        note = Notification.objects.get(recipient=user, kind="check")
        mine = CheckQuestion.objects.get(respondent=user)
        assert (
            note.url == question_url(mine) and "already works at the level of Staff?" in note.text
        )
    assert not Notification.objects.filter(recipient=engineer).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["second@example.com", "senior@example.com"]


def test_the_engineer_hears_when_their_manager_asks_about_them(engineer, manager, respondent):
    check_services.check_create(engineer=engineer, asked_by=manager, respondents=[respondent])
    note = Notification.objects.get(recipient=engineer, kind="check")
    assert note.actor == manager and "you already work at the level of Staff." in note.text
    assert note.url == checks_url(engineer)


def test_an_answer_notifies_the_asker_and_the_engineer(engineer, manager, respondent):
    made = check_services.check_create(
        engineer=engineer, asked_by=manager, respondents=[respondent]
    )
    client_for(respondent).post(question_url(made.questions.get()), {"answer": NO})
    told = Notification.objects.filter(kind="check", actor=respondent)
    assert set(told.values_list("recipient__username", flat=True)) == {"engineer", "manager"}
    assert all(n.url.startswith(checks_url(engineer)) for n in told)


# --- answering -------------------------------------------------------------------------------


def test_respondent_answers_and_changes_the_answer(respondent, question):
    client = client_for(respondent)
    response = client.post(question_url(question), {"answer": YES, "comment": "  Already there. "})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answer, question.comment) == (YES, "Already there.")
    assert question.answered_at == timezone.now()

    html = client.get(question_url(question)).content.decode()
    assert "Change answer" in html and "Already there." in html
    client.post(question_url(question), {"answer": NOT_SURE, "comment": ""})
    question.refresh_from_db()
    assert (question.answer, question.comment) == (NOT_SURE, "")


def test_an_answer_must_be_one_of_the_three(respondent, question):
    response = client_for(respondent).post(question_url(question), {"answer": "maybe"})
    assert response.status_code == 400 and check_services.BAD_ANSWER in response.content.decode()
    question.refresh_from_db()
    assert question.answer == ""


@pytest.mark.parametrize("close", ["expire", "withdraw"])
def test_a_closed_check_refuses_answers_and_keeps_the_given_ones(
    engineer, respondent, second, check, question, close
):
    check_services.check_answer(
        question=question, respondent=respondent, answer=YES, comment="Surely."
    )
    if close == "expire":
        expire(check)
    else:
        check_services.check_withdraw(clerical_check=check, by=engineer)
    other = CheckQuestion.objects.get(clerical_check=check, respondent=second)

    response = client_for(respondent).post(question_url(question), {"answer": NO})
    assert response.status_code == 409
    assert ("closed on" if close == "expire" else "was withdrawn") in response.content.decode()
    question.refresh_from_db()
    assert (question.answer, question.comment) == (YES, "Surely.")
    assert client_for(second).post(question_url(other), {"answer": NO}).status_code == 409
    other.refresh_from_db()
    assert other.answer == ""
    with pytest.raises(check_services.CheckError):
        check_services.check_answer(question=other, respondent=second, answer=NO)

    html = client_for(respondent).get(question_url(question)).content.decode()
    assert "can no longer be given or changed" in html and 'name="answer"' not in html
    page = client_for(engineer).get(checks_url(engineer))
    [summary] = page.context["checks"]
    assert summary.state == ("expired" if close == "expire" else "withdrawn")
    assert "Surely." in page.content.decode()


def test_withdrawing_a_closed_check_says_so_and_changes_nothing(engineer, check):
    client = client_for(engineer)
    client.post(reverse("reviews:check-withdraw", args=[check.pk]))
    check.refresh_from_db()
    first = check.withdrawn_at
    response = client.post(reverse("reviews:check-withdraw", args=[check.pk]), follow=True)
    assert check_services.ALREADY_CLOSED in response.content.decode()
    check.refresh_from_db()
    assert check.withdrawn_at == first


def test_checks_page_lists_newest_first_with_each_answer(engineer, manager, respondent, second):
    older = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent]
    )
    ClericalCheck.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    newer = check_services.check_create(engineer=engineer, asked_by=manager, respondents=[second])
    check_services.check_answer(
        question=newer.questions.get(), respondent=second, answer=NO, comment="Not yet."
    )
    response = client_for(engineer).get(checks_url(engineer))
    assert [s.check.pk for s in response.context["checks"]] == [newer.pk, older.pk]
    html = response.content.decode()
    assert "Not yet." in html and "No, not yet" in html and "waiting" in html
    assert "Withdraw" in html


def test_questions_list_puts_open_unanswered_questions_first(engineer, respondent):
    answered = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent]
    )
    check_services.check_answer(
        question=answered.questions.get(), respondent=respondent, answer=YES
    )
    closed = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent]
    )
    expire(closed)
    waiting = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent]
    )
    response = client_for(respondent).get(reverse("reviews:questions"))
    assert [q.clerical_check_id for q in response.context["waiting"]] == [waiting.pk]
    assert {q.clerical_check_id for q in response.context["done"]} == {answered.pk, closed.pk}


# --- readiness card and home panel -----------------------------------------------------------


def readiness(client: Client, engineer) -> str:
    return client.get(reverse("reviews:readiness", args=[engineer.username])).content.decode()


@pytest.mark.parametrize("role", ["engineer", "manager", "skip_manager"])
def test_readiness_card_shows_counts_to_the_engineer_and_managers(
    cast, engineer, respondent, second, check, question, role
):
    check_services.check_answer(
        question=question, respondent=respondent, answer=YES, comment="Obviously."
    )
    html = readiness(client_for(cast[role]), engineer)
    assert "Would senior people say" in html and "at the level of Staff?" in html
    assert "Obviously." in html and "<strong>1</strong> yes, already there" in html
    assert "<strong>0</strong> not yet" in html and "<strong>1</strong> waiting" in html
    assert "Grace Hopper" in html and checks_url(engineer) in html


def test_readiness_card_is_not_shown_to_a_mentor(
    cast, engineer, respondent, second, check, question
):
    check_services.check_answer(
        question=question, respondent=respondent, answer=YES, comment="Obviously."
    )
    html = readiness(client_for(cast["mentor"]), engineer)
    assert "Would senior people say" not in html and "Obviously." not in html
    assert "yes, already there" not in html and "Grace Hopper" not in html


def test_readiness_card_invites_asking_when_nobody_was_asked(engineer):
    html = readiness(client_for(engineer), engineer)
    assert "Nobody has been asked about Staff yet" in html and "Ask senior people" in html


def test_readiness_card_leaves_out_withdrawn_checks(engineer, respondent, check, question):
    check_services.check_answer(question=question, respondent=respondent, answer=NO, comment="Hmm.")
    check_services.check_withdraw(clerical_check=check, by=engineer)
    html = readiness(client_for(engineer), engineer)
    assert "Hmm." not in html and "earlier checks" in html


def test_readiness_card_as_of_a_past_day_shows_the_checks_as_they_stood(
    engineer, check, question, respondent
):
    now = timezone.now()
    ClericalCheck.objects.filter(pk=check.pk).update(created_at=now - timedelta(days=10))
    check_services.check_answer(
        question=question, respondent=respondent, answer=YES, comment="Obviously."
    )
    CheckQuestion.objects.filter(pk=question.pk).update(answered_at=now - timedelta(days=5))
    check_services.check_withdraw(clerical_check=check, by=engineer)
    client = client_for(engineer)

    def card(days_ago: int) -> str:
        day = (timezone.localdate() - timedelta(days=days_ago)).isoformat()
        url = reverse("reviews:readiness", args=[engineer.username])
        html = client.get(url, {"as_of": day}).content.decode()
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())

    before = card(11)  # before the check: what was, and no offer to ask (that is for today)
    eleven_days_ago = (timezone.localdate() - timedelta(days=11)).strftime("%-d %B %Y")
    assert f"Nobody had been asked about Staff by {eleven_days_ago}." in before
    assert "Ask senior people" not in before
    before_answer = card(7)
    assert "0 yes, already there" in before_answer and "2 waiting" in before_answer
    assert "Obviously." not in before_answer
    answered = card(3)
    assert "1 yes, already there" in answered and "1 waiting" in answered
    assert "Obviously." in answered
    today = card(0)  # withdrawn since: left out, as on the live page
    assert "Obviously." not in today and "earlier checks" in today


def test_an_answer_typed_in_the_admin_without_a_time_still_counts(engineer, question):
    CheckQuestion.objects.filter(pk=question.pk).update(answer=NO, answered_at=None)
    html = " ".join(re.sub(r"<[^>]+>", " ", readiness(client_for(engineer), engineer)).split())
    assert "1 not yet" in html and "1 waiting" in html


def test_home_shows_questions_waiting_for_an_answer(respondent, question):
    client = client_for(respondent)
    html = client.get(reverse("home")).content.decode()
    # In the "needs you" strip, with the way to answer.
    assert 'id="need-questions"' in html
    assert "1 question waits for your answer" in " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert f'href="{reverse("reviews:questions")}">Answer</a>' in html
    check_services.check_answer(question=question, respondent=respondent, answer=YES)
    assert 'id="need-questions"' not in client.get(reverse("home")).content.decode()


# --- query counts ----------------------------------------------------------------------------


@pytest.fixture
def grow_checks(engineer, manager):
    def grow(n: int) -> None:
        for _ in range(n):
            people = [PersonFactory().user for _ in range(3)]
            made = check_services.check_create(
                engineer=engineer, asked_by=manager, respondents=people
            )
            first = made.questions.first()
            check_services.check_answer(
                question=first, respondent=first.respondent, answer=YES, comment="x"
            )

    return grow


def test_checks_page_queries_do_not_grow_with_checks(
    django_assert_max_num_queries, engineer, grow_checks
):
    client = client_for(engineer)
    url = checks_url(engineer)
    assert_flat_query_count(django_assert_max_num_queries, client, url, grow=grow_checks, bound=8)


def test_readiness_card_queries_do_not_grow_with_checks(
    django_assert_max_num_queries, manager, engineer, grow_checks
):
    url = reverse("reviews:readiness", args=[engineer.username])
    assert_flat_query_count(
        django_assert_max_num_queries, client_for(manager), url, grow=grow_checks, bound=20
    )


def test_question_pages_queries_do_not_grow_with_questions(
    django_assert_max_num_queries, engineer, respondent, document
):
    first = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent], share_document=True
    )

    def grow(n: int) -> None:
        for _ in range(n):
            others = [PersonFactory().user for _ in range(2)]
            check_services.check_create(
                engineer=engineer, asked_by=engineer, respondents=[respondent, *others]
            )

    client = client_for(respondent)
    for url in [reverse("reviews:questions"), question_url(first.questions.get())]:
        assert_flat_query_count(django_assert_max_num_queries, client, url, grow=grow, bound=6)


def test_a_manager_who_no_longer_manages_the_engineer_is_not_told_of_answers(
    engineer, manager, stranger, respondent
):
    asked = check_services.check_create(
        engineer=engineer, asked_by=manager, respondents=[respondent]
    )
    engineer.person.manager = stranger.person
    engineer.person.save()
    check_services.check_answer(question=asked.questions.get(), respondent=respondent, answer=YES)
    assert not Notification.objects.filter(recipient=manager, kind="check").exists()
    assert Notification.objects.filter(recipient=engineer, kind="check").count() == 2
