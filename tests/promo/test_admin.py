"""The Django admin is usable for ladders, people and mentorships; it shows staff nothing of what
people wrote or were told; and a change there of who reads whose entries tells the people it
affects."""

from datetime import date

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import models
from django.db.models import ForeignObjectRel, ManyToManyRel
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import reverse

from promo import services
from promo.admin import CountsOnDelete
from promo.models import AuditEvent, Mentorship, Notification, Person, Visibility, display_name
from reviews.checks import selectors as check_selectors
from reviews.checks import services as check_services
from reviews.feedback import services as feedback_services
from reviews.models import ClericalCheck, CommitteePoint, PromoAttempt
from reviews.packet import services as packet_services
from tests.conftest import client_for
from tests.factories import (
    EntryFactory,
    PersonFactory,
    PromoDocumentFactory,
    UserFactory,
    feedback_for,
)

User = get_user_model()

ADMIN_PAGES = [
    "admin:promo_ladder_changelist",
    "admin:promo_ladder_add",
    "admin:promo_level_changelist",
    "admin:promo_person_changelist",
    "admin:promo_person_add",
    "admin:promo_mentorship_changelist",
    "admin:promo_mentorship_add",
    "admin:promo_team_changelist",
    "admin:auth_user_add",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_staff_can_open_admin_pages(admin_user, engineer, mentor, name):
    assert client_for(admin_user).get(reverse(name)).status_code == 200


def test_staff_can_open_a_level_with_its_behaviours(admin_user, levels):
    response = client_for(admin_user).get(reverse("admin:promo_level_change", args=[levels[1].pk]))
    assert "Scope at Senior" in response.content.decode()


@pytest.mark.parametrize("who", ["engineer", "mentor", "manager"])
def test_non_staff_are_sent_to_the_admin_sign_in(request, who):
    user = request.getfixturevalue(who)
    response = client_for(user).get(reverse("admin:promo_person_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_placing_a_person_without_a_target_aims_them_at_the_next_level(admin_user, levels, manager):
    newcomer = UserFactory(username="newcomer")
    response = client_for(admin_user).post(
        reverse("admin:promo_person_add"),
        {
            "user": newcomer.pk,
            "current_level": levels[0].pk,
            "manager": manager.pk,
            "title": "Engineer",
            "default_visibility": "private",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert Person.objects.get(user=newcomer).target_level == levels[1]


def test_admin_refuses_a_reporting_loop_with_a_message(admin_user, engineer, skip_manager):
    response = client_for(admin_user).post(
        reverse("admin:promo_person_change", args=[skip_manager.pk]),
        {
            "user": skip_manager.pk,
            "manager": engineer.pk,
            "title": "Director",
            "default_visibility": "private",
        },
    )
    assert response.status_code == 200
    assert "lines cannot loop" in response.content.decode()
    skip_manager.person.refresh_from_db()
    assert skip_manager.person.manager is None


# --- staff see nothing of anyone's content -------------------------------------------------------

# In every private string below and in nothing else (a CSRF token is letters and digits only).
SECRET = "zq_private"


@pytest.fixture
def private_life(engineer, mentor, manager, stranger, levels):
    """The engineer's private and shared writing, feedback on it, a reply, notifications, a promo
    document and attempt, and a clerical-error check answered with a comment: every text holds
    SECRET. And one change made in the admin, so its history pages have a line to show."""
    scope = levels[2].behaviours.get(slug="scope")
    EntryFactory(
        author=engineer,
        title=f"{SECRET} private title",
        body=f"{SECRET} private body",
        impact=f"{SECRET} impact",
        links=((f"https://example.com/{SECRET}-doc", f"{SECRET} link label"),),
        behaviours=(scope,),
    )
    shared = EntryFactory(
        author=engineer,
        title=f"{SECRET} shared title",
        visibility=Visibility.MENTORS_AND_MANAGERS,
        behaviours=(scope,),
    )
    feedback = feedback_for(
        shared, mentor, verdict="gap", body=f"{SECRET} feedback", gap_note=f"{SECRET} gap note"
    )
    feedback_services.reply_post(feedback=feedback, author=engineer, body=f"{SECRET} reply")
    Notification.objects.create(
        recipient=engineer, kind=Notification.Kind.FEEDBACK, text=f"{SECRET} notice", url="/"
    )
    document = PromoDocumentFactory(engineer=engineer, level=levels[2])
    packet_services.narrative_save(document, scope, f"{SECRET} narrative")
    attempt = PromoAttempt.objects.create(
        engineer=engineer,
        level=levels[2],
        submitted_on=date(2026, 6, 1),
        outcome=PromoAttempt.Outcome.DENIED,
        committee_feedback=f"{SECRET} committee",
    )
    CommitteePoint.objects.create(attempt=attempt, text=f"{SECRET} point", behaviour=scope)
    check = check_services.check_create(engineer=engineer, asked_by=manager, respondents=[stranger])
    check_services.check_answer(
        question=check.questions.get(),
        respondent=stranger,
        answer=check_selectors.Answer.YES,
        comment=f"{SECRET} comment",
    )
    assert Notification.objects.filter(recipient=engineer, text__contains=SECRET).count() >= 2
    response = client_for(
        UserFactory(username="other-admin", is_staff=True, is_superuser=True)
    ).post(reverse("admin:promo_team_add"), {"name": "Platform"})
    assert response.status_code == 302


def reached_by_delete(model: type[models.Model]) -> set[type[models.Model]]:
    """Every model whose rows deleting a `model` row may delete or be stopped by."""
    seen: set[type[models.Model]] = set()
    todo = [model]
    while todo:
        for rel in todo.pop()._meta.get_fields(include_hidden=True):
            if not isinstance(rel, ForeignObjectRel) or isinstance(rel, ManyToManyRel):
                continue
            stops_or_goes = rel.on_delete in (models.CASCADE, models.PROTECT, models.RESTRICT)
            if stops_or_goes and rel.related_model not in seen:
                seen.add(rel.related_model)
                todo.append(rel.related_model)
    return seen


def admin_pages(admin_user) -> list[tuple[str, str, dict | None]]:
    """(method, url, data) for every admin page a superuser can open on today's rows: the index,
    each registered model's list (plain, searched, as a raw-id popup), add page, and each row's
    change, history and delete pages, the bulk delete confirmation, and autocomplete answers for
    every relation pointing at a model with an admin."""
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    pages: list[tuple[str, str, dict | None]] = [("get", reverse("admin:index"), None)]
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        changelist = reverse(f"{name}_changelist")
        pages += [
            ("get", changelist, None),
            ("get", f"{changelist}?q=engineer", None),
            ("get", f"{changelist}?_popup=1", None),
        ]
        if model_admin.to_field_allowed(request, model._meta.pk.attname):  # a raw-id lookup
            pages.append(("get", f"{changelist}?_popup=1&_to_field={model._meta.pk.attname}", None))
        if model_admin.has_add_permission(request):
            pages.append(("get", reverse(f"{name}_add"), None))
        pks = list(model._default_manager.values_list("pk", flat=True))
        for pk in pks:
            pages += [
                ("get", reverse(f"{name}_change", args=[pk]), None),
                ("get", reverse(f"{name}_history", args=[pk]), None),
            ]
            if model_admin.has_delete_permission(request):
                pages.append(("get", reverse(f"{name}_delete", args=[pk]), None))
        if pks and "delete_selected" in model_admin.get_actions(request):
            data = {"action": "delete_selected", "_selected_action": [str(pk) for pk in pks]}
            pages.append(("post", changelist, data))
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not (
                field.concrete
                and field.is_relation
                and admin.site.is_registered(field.related_model)
            ):
                continue
            if not admin.site.get_model_admin(field.related_model).search_fields:
                continue
            query = f"app_label={model._meta.app_label}&model_name={model._meta.model_name}"
            pages.append(
                ("get", f"{reverse('admin:autocomplete')}?{query}&field_name={field.name}", None)
            )
    return pages


# axes' own admins list their rows unordered; Django warns when it paginates them.
@pytest.mark.filterwarnings("ignore::django.core.paginator.UnorderedObjectListWarning")
def test_no_admin_page_shows_what_people_wrote_or_were_told(admin_user, private_life):
    client = client_for(admin_user)
    pages = admin_pages(admin_user)
    assert len(pages) > 100
    answers = {
        (method, url): getattr(client, method)(url, data) if data else client.get(url)
        for method, url, data in pages
    }
    assert {page: r.status_code for page, r in answers.items() if r.status_code != 200} == {}
    leaks = [page for page, r in answers.items() if SECRET in r.content.decode().lower()]
    assert leaks == []


def test_a_users_delete_confirmation_counts_what_goes_by_kind(admin_user, engineer, private_life):
    url = reverse("admin:auth_user_delete", args=[engineer.pk])
    html = client_for(admin_user).get(url).content.decode()
    assert "Entries: 2" in html and "Replies: 1" in html and "Feedbacks: 1" in html
    assert "Check questions: 1" in html and "Narratives: 1" in html
    assert SECRET not in html.lower()
    assert User.objects.filter(pk=engineer.pk).exists()  # opening it deleted nothing


def test_a_protected_delete_names_no_rows_either(admin_user, levels, private_life):
    """Deleting the level would take behaviours that entries, verdicts, narratives and committee
    points still point at: the refusal counts them, it does not list them."""
    url = reverse("admin:promo_level_delete", args=[levels[2].pk])
    html = client_for(admin_user).get(url).content.decode()
    assert "protected related objects" in html
    assert "Entry behaviours: 2" in html and "Behaviour verdicts: 1" in html
    assert "Narratives: 1" in html
    assert f"{levels[2].behaviours.get(slug='scope').pk}: gap" not in html  # a verdict's name


def test_every_admin_whose_deletes_reach_promo_data_counts_instead_of_naming():
    ours = {"promo", "evidence", "reviews"}
    for model, model_admin in admin.site._registry.items():
        reached = {m._meta.app_label for m in reached_by_delete(model)}
        if reached & ours:
            assert isinstance(model_admin, CountsOnDelete), type(model_admin).__name__


def test_the_clerical_check_admin_shows_who_answered_not_what(admin_user, private_life):
    check = ClericalCheck.objects.get()
    client = client_for(admin_user)
    html = client.get(reverse("admin:reviews_clericalcheck_change", args=[check.pk])).content
    html = html.decode()
    assert "stranger" in html and 'alt="True"' in html  # asked, and answered
    assert "surprised" not in html.lower() and SECRET not in html


def test_staff_cannot_make_themselves_a_respondent_or_share_the_document(admin_user, private_life):
    """A respondent may read the promo document when the check shares it: adding oneself, or
    sharing it, would be reading it without the engineer knowing."""
    check = ClericalCheck.objects.get()
    client = client_for(admin_user)
    html = client.get(reverse("admin:reviews_clericalcheck_change", args=[check.pk])).content
    html = html.decode()
    assert 'name="share_document"' not in html and 'name="questions-0-respondent"' not in html
    assert 'name="questions-__prefix__-respondent"' not in html  # no "Add another"
    assert client.get(reverse("admin:reviews_clericalcheck_add")).status_code == 403


# --- changes of who reads whose entries tell the people concerned --------------------------------


@pytest.fixture
def ada(db):
    """An administrator with a name, so the texts below read as people get them."""
    return UserFactory(
        username="ada", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True
    )


def news() -> dict[str, list[str]]:
    """What each person was told in the app, by username, oldest first."""
    told: dict[str, list[str]] = {}
    for note in Notification.objects.select_related("recipient").order_by("pk"):
        told.setdefault(note.recipient.username, []).append(note.text)
    return told


def mentorship_post(mentorship: Mentorship, **changes) -> dict:
    data = {
        "mentor": mentorship.mentor_id,
        "engineer": mentorship.engineer_id,
        "state": mentorship.state,
        "started_at_0": "",
        "started_at_1": "",
        "ended_at_0": "",
        "ended_at_1": "",
    }
    return {**data, **changes}


def person_post(person: Person, **changes) -> dict:
    """The Person admin form as it stands, with `changes`: a checkbox left out would turn off."""
    data = {
        name: ("on" if value is True else value)
        for name, value in model_to_dict(person).items()
        if value is not None and value is not False
    }
    return {**data, **changes}


def user_post(user, **person_changes) -> dict:
    """The user admin form as it stands, its Person inline with `person_changes`."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2026-11-01",
        "date_joined_1": "09:00:00",
        "person-TOTAL_FORMS": "1",
        "person-INITIAL_FORMS": "1",
        "person-MIN_NUM_FORMS": "0",
        "person-MAX_NUM_FORMS": "1",
    }
    person = {"user": user.pk, **person_post(user.person), **person_changes}
    return data | {f"person-0-{name}": value for name, value in person.items()}


MENTOR_READS = "they can now read the entries you share with mentors."
MENTOR_STOPS = "they can no longer read the entries you share with mentors."
READS_AS_MENTOR = "you can now read the entries they share with mentors."
STOPS_AS_MENTOR = "you can no longer read the entries they share with mentors."


def test_an_admin_who_makes_themselves_a_mentor_tells_the_engineer_in_the_app_and_by_email(
    django_capture_on_commit_callbacks, ada, engineer
):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(ada).post(
            reverse("admin:promo_mentorship_add"),
            {"mentor": ada.pk, "engineer": engineer.pk, "state": "active"},
        )
    assert response.status_code == 302, response.content.decode()
    text = f"An administrator (Ada Admin) made Ada Admin your active mentor: {MENTOR_READS}"
    assert news() == {"engineer": [text]}
    assert [(m.to, m.body.split("\n")[0]) for m in mail.outbox] == [([engineer.email], text)]


def test_making_someone_a_mentor_in_the_admin_tells_the_engineer_and_the_mentor(
    ada, engineer, stranger
):
    Notification.objects.all().delete()
    response = client_for(ada).post(
        reverse("admin:promo_mentorship_add"),
        {"mentor": stranger.pk, "engineer": engineer.pk, "state": "active"},
    )
    assert response.status_code == 302
    them, you = display_name(stranger), display_name(engineer)
    assert news() == {
        "engineer": [
            f"An administrator (Ada Admin) made {them} your active mentor: {MENTOR_READS}"
        ],
        "stranger": [
            f"An administrator (Ada Admin) made you {you}'s active mentor: {READS_AS_MENTOR}"
        ],
    }


@pytest.mark.parametrize(
    ("state", "to_engineer", "to_mentor"),
    [
        ("ended", "ended {them}'s mentorship of you", "ended your mentorship of {you}"),
        (
            "declined",
            "set {them}'s mentorship of you to “Declined”",
            "set your mentorship of {you} to “Declined”",
        ),
    ],
)
def test_ending_a_mentorship_in_the_admin_tells_both_that_access_ended(
    ada, engineer, mentor, state, to_engineer, to_mentor
):
    link = Mentorship.objects.get(mentor=mentor)
    Notification.objects.all().delete()
    response = client_for(ada).post(
        reverse("admin:promo_mentorship_change", args=[link.pk]),
        mentorship_post(link, state=state),
    )
    assert response.status_code == 302
    names = {"them": display_name(mentor), "you": display_name(engineer)}
    assert news() == {
        "engineer": [f"An administrator (Ada Admin) {to_engineer.format(**names)}: {MENTOR_STOPS}"],
        "mentor": [f"An administrator (Ada Admin) {to_mentor.format(**names)}: {STOPS_AS_MENTOR}"],
    }
    event = AuditEvent.objects.filter(action=AuditEvent.Action.ADMIN_CHANGE).get()
    assert event.actor == ada
    assert f"Changed State (Active → {state.capitalize()})." in event.detail


def test_a_second_live_mentorship_or_self_mentoring_is_refused_in_a_sentence(ada, engineer, mentor):
    link = Mentorship.objects.get(mentor=mentor)
    client = client_for(ada)
    for data, sentence in (
        (mentorship_post(link), "These two already have a mentorship that is invited or active."),
        (mentorship_post(link, mentor=engineer.pk), "Nobody can mentor themselves"),
    ):
        response = client.post(reverse("admin:promo_mentorship_add"), data)
        html = response.content.decode()
        assert response.status_code == 200 and sentence in html
        assert "mentorship_one_live_per_pair" not in html and "mentorship_not_self" not in html
    assert Mentorship.objects.count() == 1


def test_giving_an_active_mentorship_another_mentor_tells_the_old_and_the_new_one(
    ada, engineer, mentor, stranger
):
    link = Mentorship.objects.get(mentor=mentor)
    Notification.objects.all().delete()
    response = client_for(ada).post(
        reverse("admin:promo_mentorship_change", args=[link.pk]),
        mentorship_post(link, mentor=stranger.pk),
    )
    assert response.status_code == 302
    old, new, you = display_name(mentor), display_name(stranger), display_name(engineer)
    assert news() == {
        "engineer": [
            f"An administrator (Ada Admin) removed {old}'s mentorship of you: {MENTOR_STOPS}",
            f"An administrator (Ada Admin) made {new} your active mentor: {MENTOR_READS}",
        ],
        "mentor": [
            f"An administrator (Ada Admin) removed your mentorship of {you}: {STOPS_AS_MENTOR}"
        ],
        "stranger": [
            f"An administrator (Ada Admin) made you {you}'s active mentor: {READS_AS_MENTOR}"
        ],
    }
    detail = AuditEvent.objects.get(action=AuditEvent.Action.ADMIN_CHANGE).detail
    assert f"Changed Mentor ({mentor.username} → {stranger.username})." in detail


@pytest.mark.parametrize("how", ["delete page", "delete selected"])
def test_deleting_an_active_mentorship_in_the_admin_tells_both(ada, engineer, mentor, how):
    link = Mentorship.objects.get(mentor=mentor)
    Notification.objects.all().delete()
    client = client_for(ada)
    if how == "delete page":
        url = reverse("admin:promo_mentorship_delete", args=[link.pk])
        response = client.post(url, {"post": "yes"})
    else:
        data = {"action": "delete_selected", "_selected_action": [link.pk], "post": "yes"}
        response = client.post(reverse("admin:promo_mentorship_changelist"), data)
    assert response.status_code == 302 and not Mentorship.objects.filter(pk=link.pk).exists()
    them, you = display_name(mentor), display_name(engineer)
    assert news() == {
        "engineer": [
            f"An administrator (Ada Admin) removed {them}'s mentorship of you: {MENTOR_STOPS}"
        ],
        "mentor": [
            f"An administrator (Ada Admin) removed your mentorship of {you}: {STOPS_AS_MENTOR}"
        ],
    }


MANAGER_READS = "they and the managers above them can now read the entries you share with managers."


def test_changing_a_manager_in_the_person_admin_tells_the_engineer_and_both_managers(
    django_capture_on_commit_callbacks, ada, engineer, manager, stranger
):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(ada).post(
            reverse("admin:promo_person_change", args=[engineer.pk]),
            person_post(engineer.person, manager=stranger.pk),
        )
    assert response.status_code == 302, response.content.decode()
    old, new, name = display_name(manager), display_name(stranger), display_name(engineer)
    assert news() == {
        "engineer": [
            f"An administrator (Ada Admin) made {new} your manager instead of {old}: {MANAGER_READS}"
        ],
        "stranger": [
            f"An administrator (Ada Admin) made you {name}'s manager: you can now read the entries "
            "they share with managers."
        ],
        "manager": [
            f"An administrator (Ada Admin) made {new} {name}'s manager: you no longer manage "
            f"{name} and can no longer read the entries they share with managers."
        ],
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (engineer, manager, stranger)
    )
    detail = AuditEvent.objects.get(action=AuditEvent.Action.ADMIN_CHANGE).detail
    assert detail.endswith(f"Changed Manager ({old} → {new}).")


def test_changing_a_manager_on_the_user_admin_tells_the_same_people(
    ada, engineer, manager, stranger
):
    Notification.objects.all().delete()
    response = client_for(ada).post(
        reverse("admin:auth_user_change", args=[engineer.pk]),
        user_post(engineer, manager=stranger.pk),
    )
    assert response.status_code == 302, response.content.decode()
    assert Person.objects.get(pk=engineer.pk).manager_id == stranger.pk
    old, new = display_name(manager), display_name(stranger)
    told = news()
    assert sorted(told) == ["engineer", "manager", "stranger"]
    assert told["engineer"] == [
        f"An administrator (Ada Admin) made {new} your manager instead of {old}: {MANAGER_READS}"
    ]
    detail = AuditEvent.objects.get(action=AuditEvent.Action.ADMIN_CHANGE).detail
    assert f"Changed Manager ({old} → {new}) for person" in detail


def test_an_admin_who_makes_themselves_a_manager_is_not_told_but_the_others_are(
    ada, engineer, manager
):
    PersonFactory(user=ada)
    Notification.objects.all().delete()
    response = client_for(ada).post(
        reverse("admin:promo_person_change", args=[engineer.pk]),
        person_post(engineer.person, manager=ada.pk),
    )
    assert response.status_code == 302
    assert sorted(news()) == ["engineer", "manager"]
    assert news()["engineer"] == [
        f"An administrator (Ada Admin) made Ada Admin your manager instead of "
        f"{display_name(manager)}: {MANAGER_READS}"
    ]


def test_a_manager_who_still_manages_from_above_is_told_so(ada, engineer, manager):
    lead = PersonFactory(user=UserFactory(username="lead"), manager=manager.person).user
    Notification.objects.all().delete()
    client_for(ada).post(
        reverse("admin:promo_person_change", args=[engineer.pk]),
        person_post(engineer.person, manager=lead.pk),
    )
    name, new = display_name(engineer), display_name(lead)
    assert news()["manager"] == [
        f"An administrator (Ada Admin) made {new} {name}'s manager: {name} still reports to you, "
        f"through {new}."
    ]


def test_removing_a_manager_tells_the_engineer_and_the_old_manager(ada, engineer, manager):
    Notification.objects.all().delete()
    data = person_post(engineer.person)
    del data["manager"]
    response = client_for(ada).post(reverse("admin:promo_person_change", args=[engineer.pk]), data)
    assert response.status_code == 302
    old, name = display_name(manager), display_name(engineer)
    assert news() == {
        "engineer": [
            f"An administrator (Ada Admin) removed {old} as your manager: they can no longer read "
            "the entries you share with managers."
        ],
        "manager": [
            f"An administrator (Ada Admin) removed you as {name}'s manager: you no longer manage "
            f"{name} and can no longer read the entries they share with managers."
        ],
    }


def test_placing_a_new_person_under_a_manager_tells_both(ada, levels, manager):
    newcomer = UserFactory(username="newcomer", first_name="Nia", last_name="New")
    Notification.objects.all().delete()
    response = client_for(ada).post(
        reverse("admin:promo_person_add"),
        {"user": newcomer.pk, "manager": manager.pk, "default_visibility": "private"},
    )
    assert response.status_code == 302, response.content.decode()
    assert news() == {
        "newcomer": [
            f"An administrator (Ada Admin) made {display_name(manager)} your manager: "
            f"{MANAGER_READS}"
        ],
        "manager": [
            "An administrator (Ada Admin) made you Nia New's manager: you can now read the entries "
            "they share with managers."
        ],
    }


def _retitle_on_person_admin(client, engineer, mentor, ended_mentor):
    url = reverse("admin:promo_person_change", args=[engineer.pk])
    return client.post(url, person_post(engineer.person, title="Staff Engineer"))


def _retitle_on_user_admin(client, engineer, mentor, ended_mentor):
    url = reverse("admin:auth_user_change", args=[engineer.pk])
    return client.post(url, user_post(engineer, title="Staff Engineer", team=""))


def _redate_a_mentorship(client, engineer, mentor, ended_mentor):
    active = Mentorship.objects.get(mentor=mentor)
    url = reverse("admin:promo_mentorship_change", args=[active.pk])
    return client.post(url, mentorship_post(active, started_at_0="2026-01-05", started_at_1="9:00"))


def _delete_an_ended_mentorship(client, engineer, mentor, ended_mentor):
    ended = Mentorship.objects.get(mentor=ended_mentor)
    return client.post(reverse("admin:promo_mentorship_delete", args=[ended.pk]), {"post": "yes"})


@pytest.mark.parametrize(
    "change",
    [
        _retitle_on_person_admin,
        _retitle_on_user_admin,
        _redate_a_mentorship,
        _delete_an_ended_mentorship,
    ],
)
def test_admin_changes_that_change_no_access_tell_nobody(
    django_capture_on_commit_callbacks, ada, engineer, mentor, ended_mentor, change
):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = change(client_for(ada), engineer, mentor, ended_mentor)
    assert response.status_code == 302, response.content.decode()
    assert news() == {} and mail.outbox == []
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ADMIN_CHANGE, actor=ada).exists()


# --- changes that would let an administrator sign in as someone tell that person ---------------


def test_an_admin_setting_someones_password_tells_them_in_the_app_and_by_email(
    django_capture_on_commit_callbacks, ada, engineer
):
    client = client_for(ada)
    url = reverse("admin:auth_user_password_change", args=[engineer.pk])
    new = "maple harbour 42 lantern"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"password1": new, "password2": new, "set_usable_password": "true"}
        )
    assert response.status_code == 302
    engineer.refresh_from_db()
    assert engineer.check_password(new)
    told = services.ACCOUNT_PASSWORD.format(admin="An administrator (Ada Admin)")
    assert news() == {"engineer": [told]}
    assert Notification.objects.get().kind == Notification.Kind.ACCOUNT
    assert [m.to for m in mail.outbox] == [[engineer.email]]


def test_a_refused_password_change_tells_nobody(ada, engineer):
    url = reverse("admin:auth_user_password_change", args=[engineer.pk])
    client_for(ada).post(url, {"password1": "a", "password2": "b", "set_usable_password": "true"})
    assert news() == {}


def test_an_admin_changing_someones_email_tells_the_old_and_the_new_address(
    django_capture_on_commit_callbacks, ada, engineer
):
    old = engineer.email
    data = user_post(engineer) | {"email": "someone-else@example.com"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(ada).post(reverse("admin:auth_user_change", args=[engineer.pk]), data)
    assert response.status_code == 302
    told = services.ACCOUNT_EMAIL.format(
        admin="An administrator (Ada Admin)", old=old, new="someone-else@example.com"
    )
    assert news() == {"engineer": [told]}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([old, "someone-else@example.com"])
