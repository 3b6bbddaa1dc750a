"""The people import and export (promo.people, promo.people_files): a preview of every change,
problems by line and column in words, all or nothing, and an export that imports back as the
same organisation."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from promo import people, people_files
from promo.models import AuditEvent, Mentorship, Person
from tests.factories import (
    LadderFactory,
    LevelFactory,
    MentorshipFactory,
    PersonFactory,
    TeamFactory,
    UserFactory,
)

User = get_user_model()
HEADER = "email,first_name,last_name,title,team,level,target_level,manager_email,mentor_emails"
SEVEN = f"""{HEADER}
sam@corp.example,Sam,Lee,Engineering Manager,Payments,,,,
priya@corp.example,Priya,Raman,Principal Engineer,,Staff,,,
ana@corp.example,Ana,Díaz,Senior Engineer,Payments,Senior,Staff,sam@corp.example,priya@corp.example
bo@corp.example,Bo,Chen,Engineer,Payments,Junior,Senior,sam@corp.example,priya@corp.example
cy@corp.example,Cy,Osei,Engineer,Payments,Junior,,ana@corp.example,
dee@corp.example,Dee,Ng,"=SUM(A1), the title someone typed",Platform,Senior,Staff,sam@corp.example,priya@corp.example;ana@corp.example
eli@corp.example,,,,,,,,
"""


def imported(text: str = SEVEN, *, sync: bool = False, by=None) -> people.Plan:
    plan = people.plan(text, sync=sync)
    assert plan.errors == []
    return people.apply(plan, by=by)


def organisation() -> list[tuple]:
    """Who is who, as the import sets it: everything the file can say, by e-mail."""
    found = []
    for person in Person.objects.select_related(
        "user", "team", "current_level", "target_level", "manager__user"
    ).order_by("user__email"):
        mentors = sorted(
            Mentorship.objects.filter(
                engineer=person.user, state=Mentorship.State.ACTIVE
            ).values_list("mentor__email", flat=True)
        )
        found.append(
            (
                person.user.email,
                person.user.get_full_name(),
                person.user.is_active,
                person.title,
                person.team.name if person.team else None,
                person.current_level_id,
                person.target_level_id,
                person.manager.user.email if person.manager else None,
                mentors,
            )
        )
    return found


# --- the whole journey -----------------------------------------------------------------------


def test_seven_people_with_lines_and_mentors_arrive_as_the_file_says(levels):
    plan = people.plan(SEVEN)
    assert (plan.count(people.NEW), plan.count(people.UPDATE)) == (7, 0)
    assert (
        people.describe(plan)[0]
        == "7 people in the file: 7 new, 0 changed, 0 reactivated, 0 deactivated."
    )
    assert User.objects.count() == 0  # a plan saves nothing
    people.apply(plan, by=None)
    org = {row[0]: row for row in organisation()}
    junior, senior, staff = levels
    assert org["ana@corp.example"] == (
        "ana@corp.example", "Ana Díaz", True, "Senior Engineer", "Payments", senior.pk, staff.pk,
        "sam@corp.example", ["priya@corp.example"],
    )  # fmt: skip
    assert org["dee@corp.example"][3] == "=SUM(A1), the title someone typed"
    assert org["dee@corp.example"][8] == ["ana@corp.example", "priya@corp.example"]
    assert org["cy@corp.example"][6] is None  # an empty cell: no target level
    assert org["eli@corp.example"][1:3] == ("", True)
    assert org["cy@corp.example"][7] == "ana@corp.example"
    ana = User.objects.get(email="ana@corp.example")
    assert ana.username == "ana@corp.example" and not ana.has_usable_password()
    assert AuditEvent.objects.get(action=AuditEvent.Action.PEOPLE_IMPORT).detail == (
        "7 rows: 7 new, 0 changed, 0 reactivated, 0 deactivated"
    )


def test_the_export_imports_back_as_the_same_organisation(levels):
    imported()
    exported = people.export()
    before = organisation()
    assert people.plan(exported).changes == []  # nothing to change against itself
    User.objects.all().delete()  # an empty Promo, the same ladder
    imported(exported)
    assert organisation() == before
    assert people.export() == exported


def test_a_formula_looking_title_is_written_as_text_and_read_back_as_typed(levels):
    imported()
    line = next(row for row in people.export().splitlines() if row.startswith("dee@"))
    assert ",'=SUM(A1), the title someone typed," in line.replace('"', "")


def test_a_second_import_shows_each_change_with_before_and_after(levels):
    imported()
    moved = SEVEN.replace(
        "bo@corp.example,Bo,Chen,Engineer,Payments,Junior,Senior,sam@corp.example,priya@corp.example",
        "bo@corp.example,Bo,Chen,Engineer,Platform,Senior,Staff,ana@corp.example,",
    )
    plan = people.plan(moved)
    assert [(c.kind, c.email) for c in plan.changes] == [(people.UPDATE, "bo@corp.example")]
    assert plan.changes[0].details == (
        "team: Payments → Platform",
        "level: Junior → Senior",
        "aiming for: Senior → Staff",
        "manager: sam@corp.example → ana@corp.example",
        "mentor ended: priya@corp.example",
    )
    people.apply(plan, by=None)
    bo = Person.objects.get(user__email="bo@corp.example")
    assert (bo.team.name, bo.manager.user.email) == ("Platform", "ana@corp.example")
    link = Mentorship.objects.get(engineer=bo.user)
    assert link.state == Mentorship.State.ENDED  # ended, not deleted


# --- partial imports and full sync -----------------------------------------------------------


def test_a_partial_import_changes_only_what_the_file_names(levels):
    imported()
    plan = people.plan("email,title\nana@corp.example,Staff Engineer\n")
    assert [c.details for c in plan.changes] == [("title: Senior Engineer → Staff Engineer",)]
    people.apply(plan, by=None)
    ana = Person.objects.get(user__email="ana@corp.example")
    assert ana.title == "Staff Engineer" and ana.manager.user.email == "sam@corp.example"
    assert User.objects.filter(is_active=True).count() == 7  # nobody else touched


def test_a_full_sync_deactivates_who_the_file_leaves_out_but_never_staff_or_deletes(levels):
    imported()
    admin = UserFactory(username="admin", email="admin@corp.example", is_staff=True)
    PersonFactory(user=admin)
    without_eli_and_cy = "\n".join(
        line for line in SEVEN.splitlines() if not line.startswith(("eli@", "cy@"))
    )
    plan = people.plan(without_eli_and_cy, sync=True)
    assert [(c.kind, c.email) for c in plan.changes] == [
        (people.DEACTIVATE, "cy@corp.example"),
        (people.DEACTIVATE, "eli@corp.example"),
    ]
    assert plan.kept_staff == 1
    assert "Kept: 1 staff accounts the file leaves out." in people.describe(plan)
    people.apply(plan, by=admin)
    assert sorted(User.objects.filter(is_active=False).values_list("email", flat=True)) == [
        "cy@corp.example",
        "eli@corp.example",
    ]
    assert User.objects.count() == 8  # kept, with their history
    back = people.plan(SEVEN, sync=True)
    assert sorted((c.kind, c.email) for c in back.changes) == [
        (people.REACTIVATE, "cy@corp.example"),
        (people.REACTIVATE, "eli@corp.example"),
    ]


# --- problems, each by line and column -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name,title\nAna,Engineer\n", people_files.NO_EMAIL_COLUMN),
        (
            "email,shoe_size\na@corp.example,44\n",
            "line 1: “shoe_size” is not a column Promo knows; the columns are "
            + ", ".join(people_files.COLUMNS),
        ),
        (
            "email,Email\na@corp.example,b@corp.example\n",
            "line 1: the column “Email” appears twice",
        ),
        ("email\n", people_files.EMPTY),
        ('email\n"a@corp.example\n', "line 2: this is not readable CSV (unexpected end of data)"),
        (
            "x" * (people_files.TEXT_MAX + 1),
            "the file is 2,000,001 characters; the limit is 2,000,000",
        ),
    ],
)
def test_a_file_that_cannot_be_read_says_why_in_one_sentence(levels, text, problem):
    with pytest.raises(people.PeopleFileError) as caught:
        people.plan(text)
    assert str(caught.value) == problem


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ("not-an-address,Ana,,,,,,,", "line 2, email: “not-an-address” is not an e-mail address"),
        (",Ana,,,,,,,", "line 2, email: “(empty)” is not an e-mail address"),
        (
            "a@corp.example,Ana,,,,,,,\nA@Corp.example,Ana,,,,,,,",
            "line 3, email: a@corp.example is also on line 2; each person once",
        ),
        (
            "a@corp.example,Ana,,,,Principal,,,",
            "line 2, level: “Principal” is not a level; the levels are Junior, Senior, Staff",
        ),
        (
            "a@corp.example,Ana,,,,Staff,Junior,,",
            "line 2, target_level: Junior is not above Staff on their ladder",
        ),
        (
            "a@corp.example,Ana,,,,,,boss@corp.example,",
            "line 2, manager_email: nobody with the e-mail boss@corp.example is in the file or in"
            " Promo",
        ),
        (
            "a@corp.example,Ana,,,,,,a@corp.example,",
            "line 2, manager_email: a person cannot be their own manager",
        ),
        (
            "a@corp.example,Ana,,,,,,,a@corp.example",
            "line 2, mentor_emails: a person cannot mentor themselves",
        ),
        (
            "a@corp.example,Ana,,,,,,,x@corp.example",
            "line 2, mentor_emails: nobody with the e-mail x@corp.example is in the file or in"
            " Promo",
        ),
        (
            "a@corp.example,Ana,,,,,,b@corp.example,\nb@corp.example,Bo,,,,,,a@corp.example,",
            "line 2, manager_email: reporting lines would loop (a@corp.example → b@corp.example →"
            " a@corp.example)",
        ),
        (
            f"a@corp.example,{'A' * 151},,,,,,,",
            "line 2, first_name: 151 characters; the limit is 150",
        ),
        (
            "a@corp.example,Ana,,,,,,,,extra",
            "line 2: 10 cells, more than the 9 columns in the header",
        ),
    ],
)
def test_every_problem_names_its_line_and_column_and_nothing_is_saved(levels, rows, problem):
    plan = people.plan(f"{HEADER}\n{rows}\n")
    assert problem in plan.errors
    with pytest.raises(ValueError, match="cannot be applied"):
        people.apply(plan, by=None)
    assert User.objects.count() == 0


def test_a_loop_through_someone_already_in_promo_is_refused(levels):
    imported()
    plan = people.plan("email,manager_email\nsam@corp.example,bo@corp.example\n")
    assert plan.errors == [
        "line 2, manager_email: reporting lines would loop (sam@corp.example → bo@corp.example"
        " → sam@corp.example)"
    ]


def test_a_level_two_ladders_share_must_be_named_with_its_ladder(levels):
    other = LadderFactory(name="Management", slug="management")
    LevelFactory(ladder=other, rank=1, name="Senior", slug="senior")
    plan = people.plan("email,level\na@corp.example,Senior\nb@corp.example,test/senior\n")
    assert plan.errors == [
        "line 2, level: more than one ladder has a level called “Senior”; name it with its"
        " ladder, as one of management/senior, test/senior"
    ]


def test_names_may_come_as_one_column_and_headers_as_hr_writes_them(levels):
    plan = people.plan("\ufeffE-mail,Full Name,Manager\na@corp.example,Ana María López,\n")
    assert plan.errors == []
    people.apply(plan, by=None)
    user = User.objects.get(email="a@corp.example")
    assert (user.first_name, user.last_name) == ("Ana", "María López")


# --- the commands ----------------------------------------------------------------------------


def test_the_command_previews_then_saves_only_with_apply(levels, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(SEVEN, encoding="utf-8")
    out = StringIO()
    call_command("people_import", str(path), stdout=out)
    assert "7 people in the file: 7 new" in out.getvalue()
    assert (
        out.getvalue()
        .rstrip()
        .endswith("Nothing saved: run again with --apply to make these changes.")
    )
    assert User.objects.count() == 0
    call_command("people_import", str(path), "--apply", stdout=StringIO())
    assert User.objects.count() == 7
    exported = StringIO()
    call_command("people_export", stdout=exported)
    assert exported.getvalue() == people.export()


def test_the_command_lists_every_problem_and_saves_nothing(levels, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(f"{HEADER}\nbad,,,,,,,,\nb@corp.example,,,,,Nope,,,\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="^2 problems; nothing was saved.$"):
        call_command("people_import", str(path), "--apply", stderr=err)
    assert err.getvalue().splitlines() == [
        "people.csv: line 2, email: “bad” is not an e-mail address",
        "people.csv: line 3, level: “Nope” is not a level; the levels are Junior, Senior, Staff",
    ]
    assert User.objects.count() == 0


def test_the_command_says_when_the_file_is_not_utf8(levels, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("email,first_name\na@corp.example,Zoë\n".encode("latin-1"))
    with pytest.raises(CommandError) as caught:
        call_command("people_import", str(path))
    assert str(caught.value) == f"people.csv: {people_files.NOT_UTF8}"


def test_mentors_invited_but_not_yet_active_are_left_alone_or_made_active(levels):
    imported()
    cy = User.objects.get(email="cy@corp.example")
    priya = User.objects.get(email="priya@corp.example")
    sam = User.objects.get(email="sam@corp.example")
    MentorshipFactory(engineer=cy, mentor=sam, state=Mentorship.State.INVITED)
    assert people.plan(people.export()).changes == []  # an invitation is not a mentor yet
    imported("email,mentor_emails\ncy@corp.example,sam@corp.example;priya@corp.example\n")
    states = dict(Mentorship.objects.filter(engineer=cy).values_list("mentor_id", "state"))
    assert states == {sam.pk: Mentorship.State.ACTIVE, priya.pk: Mentorship.State.ACTIVE}


def test_teams_are_matched_whatever_the_case(levels):
    TeamFactory(name="Payments")
    imported("email,team\na@corp.example,payments\n")
    assert Person.objects.get(user__email="a@corp.example").team.name == "Payments"


def test_the_sample_file_in_the_repository_imports_onto_the_shipped_ladder(db):
    from pathlib import Path

    from promo import services

    services.ladder_install_default()
    sample = Path(people.__file__).parent / "samples" / "people.csv"
    plan = people.plan(sample.read_text(encoding="utf-8"))
    assert plan.errors == []
    assert plan.count(people.NEW) == 7


def test_two_accounts_sharing_an_address_are_each_deactivated_by_a_full_sync(levels):
    imported()
    twins = [UserFactory(username=f"twin{n}", email="shared@corp.example") for n in (1, 2)]
    for twin in twins:
        PersonFactory(user=twin)
    plan = people.plan(SEVEN, sync=True)
    assert sorted(c.user_id for c in plan.changes if c.kind == people.DEACTIVATE) == sorted(
        t.pk for t in twins
    )
    people.apply(plan, by=None)
    assert not User.objects.filter(email="shared@corp.example", is_active=True).exists()


def test_a_preview_costs_the_same_however_many_people_the_file_names(
    levels, django_assert_max_num_queries
):
    imported()
    for n in range(20):  # twenty more people in Promo, each with a manager and a mentor
        person = PersonFactory(
            user=UserFactory(username=f"p{n}", email=f"p{n}@corp.example"), manager=None
        )
        MentorshipFactory(
            engineer=person.user,
            mentor=User.objects.get(email="priya@corp.example"),
            state=Mentorship.State.ACTIVE,
        )
    rows = "".join(
        f"p{n}@corp.example,P,{n},,Payments,Junior,Senior,sam@corp.example,ana@corp.example\n"
        for n in range(20)
    )
    with django_assert_max_num_queries(6):  # people and their mentors, levels, lines, staff
        plan = people.plan(f"{SEVEN}{rows}", sync=True)
    assert plan.count(people.UPDATE) == 20
    assert "mentor ended: priya@corp.example" in plan.changes[-1].details


def test_the_import_sets_forge_usernames_and_the_export_gives_them_back(levels):
    imported("email,forge_username\nana@corp.example,ana-d\nbo@corp.example,\n")

    usernames = dict(
        Person.objects.values_list("user__email", "forge_username").order_by("user__email")
    )
    assert usernames == {"ana@corp.example": "ana-d", "bo@corp.example": ""}
    assert "ana@corp.example,,,,,,,,,ana-d" in people.export()
    plan = people.plan("email,forge_username\nana@corp.example,ana-dz\n")
    assert [c.details for c in plan.changes] == [("forge username: ana-d → ana-dz",)]


def test_a_file_leaving_out_forge_usernames_leaves_them_alone(levels):
    imported("email,forge_username\nana@corp.example,ana-d\n")

    imported("email,title\nana@corp.example,Engineer\n")

    assert Person.objects.get().forge_username == "ana-d"


def test_one_forge_username_for_two_people_is_refused_by_line(levels):
    plan = people.plan("email,forge_username\nana@corp.example,Ana-D\nbo@corp.example,ana-d\n")

    assert plan.errors == [
        "line 3, forge_username: ana-d is also on line 2; each forge username once"
    ]


def test_a_forge_username_someone_else_keeps_is_refused_unless_the_file_moves_it(levels):
    imported("email,forge_username\nana@corp.example,ana-d\n")

    taken = people.plan("email,forge_username\nbo@corp.example,ANA-D\n")
    assert taken.errors == [
        "line 2, forge_username: ANA-D is already ana@corp.example's in Promo; "
        "each forge username once"
    ]
    kept = people.plan("email,forge_username\nbo@corp.example,ana-d\nana@corp.example,ana-d\n")
    assert any("is also on line 2" in e for e in kept.errors)
    moved = people.plan("email,forge_username\nbo@corp.example,ana-d\nana@corp.example,ana-x\n")
    assert moved.errors == []
    assert people.plan("email,forge_username\nana@corp.example,Ana-D\n").errors == []
