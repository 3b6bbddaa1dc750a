"""The People pages (promo.people_views): staff list, search and page everyone, import a CSV
with a preview of every change, and download the export. Everyone else gets 404 (the
authorization matrix holds that for every role)."""

import re
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from promo import people, people_views, previews
from promo.models import AuditEvent, Mentorship, Person
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import MentorshipFactory, PersonFactory, TeamFactory, UserFactory
from tests.promo.test_people_import import SEVEN

User = get_user_model()


@pytest.fixture
def staff(db):
    return UserFactory(username="admin", email="admin@corp.example", is_staff=True)


def preview(client, text: str, *, sync: bool = False):
    upload = SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")
    data = {"file": upload} | ({"sync": "on"} if sync else {})
    return client.post(reverse("people-import"), data)


def token_of(response) -> str:
    found = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert found, "the preview offers to apply"
    return found.group(1)


def test_staff_import_a_file_in_two_steps_preview_then_apply(levels, staff):
    client = client_for(staff)
    shown = preview(client, SEVEN)
    assert shown.status_code == 200
    page = shown.content.decode()
    assert "7 people in the file: 7 new, 0 changed, 0 reactivated, 0 deactivated." in page
    assert "manager: sam@corp.example" in page and "Apply 7 changes" in page
    assert User.objects.count() == 1  # the preview saved nothing
    applied = client.post(reverse("people-import-apply"), {"token": token_of(shown)}, follow=True)
    assert applied.redirect_chain == [(reverse("people"), 302)]
    assert "7 people imported: 7 new" in applied.content.decode()
    assert (
        Person.objects.get(user__email="ana@corp.example").manager.user.email == "sam@corp.example"
    )
    assert AuditEvent.objects.get(action=AuditEvent.Action.PEOPLE_IMPORT).actor == staff
    names = [p.user.email for p in applied.context["page"].object_list]
    assert "ana@corp.example" in names and len(names) == 7


def test_a_preview_with_problems_lists_them_all_and_offers_no_apply(levels, staff):
    response = preview(client_for(staff), "email,level\nbad,Junior\nb@corp.example,Nope\n")
    assert response.status_code == 400
    page = response.content.decode()
    assert "2 problems: nothing will be saved" in page
    assert "line 2, email: “bad” is not an e-mail address" in page
    assert "line 3, level: “Nope” is not a level; the levels are Junior, Senior, Staff" in page
    assert 'name="token"' not in page


@pytest.mark.parametrize(
    ("upload", "problem"),
    [
        (b"email,first_name\na@corp.example,Zo\xeb\n", people.NOT_UTF8),
        (b"", people_views.NO_FILE),
        (
            b"name\nAna\n",
            "line 1: there is no “email” column; it is the one column every file needs",
        ),
    ],
)
def test_an_unreadable_upload_gets_a_sentence_not_an_error_page(levels, staff, upload, problem):
    data = {"file": SimpleUploadedFile("people.csv", upload, content_type="text/csv")}
    response = client_for(staff).post(reverse("people-import"), data)
    assert response.status_code == 400
    assert problem in response.content.decode()


def test_a_file_over_the_limit_is_refused_before_it_is_read(levels, staff, monkeypatch):
    monkeypatch.setattr(people_views, "UPLOAD_MAX", 10)
    response = preview(client_for(staff), SEVEN)
    assert response.status_code == 400
    assert (
        f"The file is {len(SEVEN.encode()):,} bytes; the limit is 10." in response.content.decode()
    )


def test_a_tampered_or_old_preview_cannot_be_applied(levels, staff, monkeypatch):
    monkeypatch.setattr(previews, "MAX_AGE", 60)
    client = client_for(staff)
    token = token_of(preview(client, SEVEN))
    for bad in (token[:-2] + "xx", ""):
        response = client.post(reverse("people-import-apply"), {"token": bad})
        assert response.status_code == 400
        assert people_views.EXPIRED in response.content.decode()
    with time_machine.travel("2026-11-24 12:05:00+00:00", tick=False):  # five minutes on
        response = client.post(reverse("people-import-apply"), {"token": token})
    assert response.status_code == 400
    assert User.objects.count() == 1


def test_a_change_made_after_the_preview_is_shown_again_before_anything_is_saved(levels, staff):
    client = client_for(staff)
    token = token_of(preview(client, SEVEN))
    UserFactory(username="ana", email="ana@corp.example", first_name="Ana", last_name="D")
    response = client.post(reverse("people-import-apply"), {"token": token})
    assert response.status_code == 200
    page = response.content.decode()
    assert people_views.CHANGED in page
    assert "name: Ana D → Ana Díaz" in page
    assert User.objects.count() == 2  # still nothing imported
    applied = client.post(reverse("people-import-apply"), {"token": token_of(response)})
    assert applied.status_code == 302 and User.objects.count() == 8


def test_a_full_sync_from_the_page_deactivates_and_says_so(levels, staff):
    client = client_for(staff)
    client.post(reverse("people-import-apply"), {"token": token_of(preview(client, SEVEN))})
    shorter = "\n".join(line for line in SEVEN.splitlines() if not line.startswith("eli@"))
    shown = preview(client, shorter, sync=True)
    assert "eli@corp.example" in shown.content.decode()
    assert "deactivated (kept, with their history)" in shown.content.decode()
    client.post(reverse("people-import-apply"), {"token": token_of(shown)})
    assert not User.objects.get(email="eli@corp.example").is_active
    assert User.objects.get(username="admin").is_active


def test_the_list_searches_filters_and_shows_lines_and_mentors(levels, staff):
    team = TeamFactory(name="Payments")
    boss = PersonFactory(user=UserFactory(username="sam", first_name="Sam", last_name="Lee"))
    ana = PersonFactory(
        user=UserFactory(
            username="ana", first_name="Ana", last_name="Díaz", email="ana@corp.example"
        ),
        manager=boss,
        team=team,
        current_level=levels[1],
        target_level=levels[2],
    )
    mentor = PersonFactory(
        user=UserFactory(username="pri", first_name="Priya", last_name="Raman")
    ).user
    MentorshipFactory(engineer=ana.user, mentor=mentor, state=Mentorship.State.ACTIVE)
    gone = PersonFactory(user=UserFactory(username="gone", first_name="Gone", is_active=False))
    client = client_for(staff)
    row = client.get(reverse("people"), {"q": "díaz"})
    assert [p.pk for p in row.context["page"].object_list] == [ana.pk]
    page = row.content.decode()
    for shown in (
        "Ana Díaz",
        "ana@corp.example",
        "Senior",
        "Staff",
        "Sam Lee",
        "Payments",
        "Priya Raman",
    ):
        assert shown in page
    deactivated = client.get(reverse("people"), {"status": "deactivated"})
    assert [p.pk for p in deactivated.context["page"].object_list] == [gone.pk]
    in_team = client.get(reverse("people"), {"team": "Payments"})
    assert [p.pk for p in in_team.context["page"].object_list] == [ana.pk]


def test_the_list_pages_and_costs_the_same_however_many_people(
    django_assert_max_num_queries, levels, staff
):
    boss = PersonFactory(user=UserFactory(username="sam"))
    mentor = PersonFactory(user=UserFactory(username="pri")).user

    def grow(n: int) -> None:
        for _ in range(n):
            person = PersonFactory(manager=boss, current_level=levels[0], target_level=levels[1])
            MentorshipFactory(engineer=person.user, mentor=mentor, state=Mentorship.State.ACTIVE)

    assert_flat_query_count(
        django_assert_max_num_queries, client_for(staff), reverse("people"), grow=grow, bound=9
    )  # session, user, the navigation, the count, the page, its mentors, the teams
    grow(people_views.PAGE_SIZE)
    response = client_for(staff).get(reverse("people"), {"page": "2"})
    assert (
        len(response.context["page"].object_list) == Person.objects.count() - people_views.PAGE_SIZE
    )


def test_the_export_downloads_the_file_the_import_reads(levels, staff):
    client = client_for(staff)
    client.post(reverse("people-import-apply"), {"token": token_of(preview(client, SEVEN))})
    response = client.get(reverse("people-export"))
    assert response["Content-Disposition"] == 'attachment; filename="promo-people.csv"'
    assert response.content.decode() == people.export()
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, detail="people CSV").count() == 1
    )


def test_staff_see_people_in_the_navigation_and_others_do_not(levels, staff):
    assert 'href="/organisation/people/"' in client_for(staff).get(reverse("home")).content.decode()
    someone = PersonFactory().user
    assert (
        'href="/organisation/people/"'
        not in client_for(someone).get(reverse("home")).content.decode()
    )


# --- editing one person in place -----------------------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def seven(levels, staff):
    from tests.promo.test_people_import import imported

    imported(SEVEN, by=staff)
    return {p.user.email.split("@")[0]: p for p in Person.objects.select_related("user")}


def edit(client, person, **changes):
    values = people.current_row(person) | changes
    values.pop("email")
    return client.post(reverse("person-edit", args=[person.pk]), values, **HTMX)


def test_a_row_turns_into_the_person_s_line_to_edit(seven, staff):
    ana = seven["ana"]
    response = client_for(staff).get(reverse("person-edit", args=[ana.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<tr class="person-edit-row">')
    assert 'name="manager_email" value="sam@corp.example"' in html
    assert 'name="mentor_emails" value="priya@corp.example"' in html
    assert '<option value="test/senior" selected>Senior</option>' in html


def test_saving_changes_the_person_as_an_import_line_would_and_says_what_changed(seven, staff):
    ana = seven["ana"]
    response = edit(
        client_for(staff),
        ana,
        level="test/staff",
        target_level="",
        manager_email="dee@corp.example",
        mentor_emails="priya@corp.example; bo@corp.example",
        team="Platform",
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith(f'<tr id="person-{ana.pk}">')
    assert "Saved Ana Díaz: " in html and "level: Senior → Staff" in html
    ana.refresh_from_db()
    assert (ana.current_level.name, ana.target_level, ana.team.name) == ("Staff", None, "Platform")
    assert ana.manager.user.email == "dee@corp.example"
    mentors = Mentorship.objects.filter(engineer=ana.user, state=Mentorship.State.ACTIVE)
    assert sorted(m.mentor.email for m in mentors) == ["bo@corp.example", "priya@corp.example"]


def test_a_mentor_left_out_stops_mentoring_and_nothing_else_moves(seven, staff):
    dee = seven["dee"]
    edit(client_for(staff), dee, mentor_emails="priya@corp.example")
    assert not Mentorship.objects.filter(
        engineer=dee.user, mentor__email="ana@corp.example", state=Mentorship.State.ACTIVE
    ).exists()
    assert people.current_row(Person.objects.get(pk=dee.pk))["title"] == (
        "=SUM(A1), the title someone typed"
    )


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        (
            {"level": "Wizard"},
            "Level: “Wizard” is not a level; the levels are Junior, Senior, Staff",
        ),
        ({"manager_email": "cy@corp.example"}, "Manager's e-mail: reporting lines would loop"),
        ({"manager_email": "nobody@corp.example"}, "Manager's e-mail: nobody with the e-mail"),
        ({"mentor_emails": "ana@corp.example"}, "Mentors' e-mails: a person cannot mentor"),
        ({"first_name": "x" * 151}, "First name: 151 characters; the limit is 150"),
    ],
)
def test_a_change_the_import_would_refuse_is_refused_in_the_same_words(
    seven, staff, changes, sentence
):
    ana = seven["ana"]
    before = people.current_row(ana)
    response = edit(client_for(staff), ana, **changes)
    html = unescape(response.content.decode())
    assert response.status_code == 200 and "Nothing was saved:" in html  # htmx swaps it in
    assert sentence in html and "line 2" not in html
    assert people.current_row(Person.objects.get(pk=ana.pk)) == before


def test_staff_set_a_forge_username_inline_and_cannot_give_away_someone_elses(seven, staff):
    ana, bo = seven["ana"], seven["bo"]
    client = client_for(staff)
    assert (
        'name="forge_username"'
        in client.get(reverse("person-edit", args=[ana.pk]), **HTMX).content.decode()
    )
    edit(client, ana, forge_username="ana-d")
    assert Person.objects.get(pk=ana.pk).forge_username == "ana-d"

    html = unescape(edit(client, bo, forge_username="Ana-D").content.decode())
    assert "Nothing was saved:" in html
    assert "Forge username: Ana-D is already ana@corp.example's in Promo" in html
    assert Person.objects.get(pk=bo.pk).forge_username == ""


def test_saving_nothing_new_says_so(seven, staff):
    response = edit(client_for(staff), seven["bo"])
    assert "Nothing to change for Bo Chen." in response.content.decode()


def test_without_javascript_it_is_a_page_and_a_redirect(seven, staff):
    client, bo = client_for(staff), seven["bo"]
    page = client.get(reverse("person-edit", args=[bo.pk]))
    assert page.status_code == 200 and "<h1>Bo Chen</h1>" in page.content.decode()
    values = people.current_row(bo) | {"title": "Staff Engineer"}
    values.pop("email")
    response = client.post(reverse("person-edit", args=[bo.pk]), values, follow=True)
    assert response.redirect_chain == [(reverse("people"), 302)]
    assert "Saved Bo Chen: title: Engineer → Staff Engineer." in response.content.decode()
    refused = client.post(reverse("person-edit", args=[bo.pk]), {"level": "Wizard"})
    assert refused.status_code == 400 and "is not a level" in refused.content.decode()


def test_cancelling_brings_the_row_back(seven, staff):
    bo = seven["bo"]
    response = client_for(staff).get(reverse("people"), {"row": bo.pk}, **HTMX)
    assert response.content.decode().lstrip().startswith(f'<tr id="person-{bo.pk}">')


def test_a_deactivated_person_or_one_without_an_address_is_not_edited_here(seven, staff):
    from promo import services

    services.user_deactivate(user=seven["eli"].user, by=staff)
    nameless = PersonFactory(user=UserFactory(email=""))
    client = client_for(staff)
    for person in (seven["eli"], nameless):
        response = client.post(
            reverse("person-edit", args=[person.pk]), {"title": "x"}, follow=True
        )
        assert "change them in the admin" in response.content.decode()
    assert Person.objects.get(pk=nameless.pk).title == "Software Engineer"


def test_editing_costs_the_same_however_many_mentors_and_people(
    django_assert_max_num_queries, seven, staff
):
    client, ana = client_for(staff), seven["ana"]
    for n in range(2):
        for i in range(5 * n):
            mentor = PersonFactory(user=UserFactory(email=f"m{n}{i}@corp.example")).user
            MentorshipFactory(engineer=ana.user, mentor=mentor, state=Mentorship.State.ACTIVE)
        with django_assert_max_num_queries(12):
            client.get(reverse("person-edit", args=[ana.pk]), **HTMX)
