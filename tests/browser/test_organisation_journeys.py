"""A new organisation starts on its own: from an empty Promo and one staff account, staff import
seven people from a CSV file, check the preview, apply it and invite everyone, in three screens;
each invitee follows the link in their e-mail and lands on a working home, six by choosing a
password and one by signing in with the organisation's single sign-on (a real OpenID Connect
provider on 127.0.0.1)."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from promo import services
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, UserFactory

SAMPLE = Path(__file__).resolve().parents[2] / "promo" / "samples" / "people.csv"


@pytest.fixture
def empty_promo(live_server, transactional_db):
    services.ladder_install_default()
    UserFactory(username="admin", first_name="Sam", last_name="Whitfield", is_staff=True)
    return live_server


def test_staff_import_people_invite_them_and_every_invitee_signs_in(
    page: Page, browser, empty_promo, oidc_provider, screenshot
):
    base = empty_promo.url
    corp = oidc_provider({"sam": {"email": "sam.lee@example.com", "email_verified": True}})
    sign_in(page, base, "admin", PASSWORD)
    screens = []

    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    expect(page.get_by_text("Nobody is in Promo yet.")).to_be_visible()
    page.get_by_role("link", name="Import a CSV").first.click()  # screen 1: choose the file
    screens.append(page.get_by_role("heading", level=1).text_content())
    page.get_by_label("CSV file (UTF-8)").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Preview").click()  # screen 2: every change, before saving
    screens.append(page.get_by_role("heading", level=1).text_content())
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "7 people in the file: 7 new, 0 changed, 0 reactivated, 0 deactivated."
    )
    expect(page.get_by_text("manager: sam.lee@example.com").first).to_be_visible()
    screenshot("people-import-preview")
    page.get_by_role("button", name="Apply 7 changes").click()  # screen 3: everyone, to invite
    screens.append(page.get_by_role("heading", level=1).text_content())
    expect(page.locator(".messages")).to_contain_text("7 people imported: 7 new")
    expect(page.locator("tbody tr")).to_have_count(7)
    page.get_by_role("button", name="Invite 7 people").click()
    expect(page.get_by_text("Invitations sent: 7.")).to_be_visible()
    expect(page.get_by_text("Not accepted yet")).to_have_count(7)
    screenshot("people-invited")
    assert screens == ["Import people", "Check the import", "People"]  # the whole set-up

    links = {
        message.to[0]: re.search(r"http://\S+/accounts/(invitation/\S+/)", message.body).group(1)
        for message in mail.outbox
    }
    assert len(links) == 7
    for email, path in sorted(links.items()):
        invitee = browser.new_context().new_page()
        invitee.goto(f"{base}/accounts/{path}")
        first_name = email.split(".")[0].capitalize()
        expect(invitee.get_by_role("heading", level=1)).to_have_text(f"Welcome, {first_name}")
        if email == "sam.lee@example.com":  # the manager signs in with the organisation's account
            invitee.get_by_role("button", name=f"Sign in with {corp.name}").click()
            corp.sign_in(invitee, "sam")
        else:
            if email == "ana.diaz@example.com":
                screenshot("invitation", invitee)
            invitee.get_by_label("Password", exact=True).fill("tea at the payments stand-up")
            invitee.get_by_label("The same password again").fill("tea at the payments stand-up")
            invitee.get_by_role("button", name="Choose this password").click()
            expect(invitee.get_by_text(f"Welcome to Promo, {first_name}.")).to_be_visible()
        expect(invitee).to_have_url(f"{base}/")
        expect(invitee.get_by_role("button", name="Sign out")).to_be_visible()
        if email == "ana.diaz@example.com":  # on the ladder: asked once who should see her work
            ask = invitee.get_by_role("group", name="Who should see your work?")
            expect(ask).to_contain_text("Priya (your mentor) and Sam (your manager)")
            screenshot("invitee-home", invitee)
            ask.get_by_label("Priya (your mentor) and Sam (your manager)").check()
            invitee.get_by_role("button", name="Save my choice").click()
            expect(invitee.get_by_text("Saved: new entries are shared with Priya")).to_be_visible()
            expect(invitee.get_by_role("group", name="Who should see your work?")).to_have_count(0)
        invitee.context.close()

    page.reload()
    expect(page.get_by_text("Not accepted yet")).to_have_count(0)
    expect(page.locator("tbody tr").filter(has_text="Active")).to_have_count(7)


def test_staff_change_one_person_in_place_and_a_refusal_keeps_the_row(
    page: Page, empty_promo, screenshot
):
    from promo import people

    people.apply(people.plan(SAMPLE.read_text()), by=None)
    base = empty_promo.url
    sign_in(page, base, "admin", PASSWORD)
    page.goto(f"{base}/organisation/people/")
    page.get_by_role("link", name="Edit Sam Lee").click()
    editing = page.locator("tr.person-edit-row")
    editing.get_by_label("Manager's e-mail").fill("ana.diaz@example.com")  # Ana reports to Sam
    editing.get_by_role("button", name="Save").click()
    expect(editing.get_by_role("alert")).to_contain_text("Manager's e-mail: reporting lines")
    screenshot("people-edit-refused")
    editing.get_by_role("button", name="Cancel").click()
    expect(page.locator("tr.person-edit-row")).to_have_count(0)

    page.get_by_role("link", name="Edit Bo Chen").click()
    editing = page.locator("tr.person-edit-row")
    editing.get_by_label("Level").select_option(label="Senior Engineer")
    editing.get_by_label("Aiming for").select_option(label="Staff Engineer")
    editing.get_by_role("button", name="Save").click()
    saved = page.locator("tr", has_text="Bo Chen")
    expect(saved.get_by_role("status")).to_contain_text("level: Engineer II → Senior Engineer")
    expect(page.locator("tr.person-edit-row")).to_have_count(0)
    screenshot("people-edit-saved")
