"""A week of Promo for a manager and for the person who runs it, in the browser, from the demo:
each starts on home, where the "needs you" strip says what to do, and acts on it.

(The engineer's week is tests/browser/test_logging_fast.py and the evidence journeys; the
mentor's is tests/browser/test_triage_journey.py.) Screenshots at 1280 and 390 px, light and
dark, land in tests/browser/screenshots/.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from promo.models import Person
from tests.browser.conftest import sign_in

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")


def each_look(browser, browser_context_args):
    """A page per width and colour scheme, for the same walk."""
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(
                **{**browser_context_args, "viewport": {"width": width, "height": 900}},
                color_scheme=scheme,
            )
            yield f"{width}-{scheme}", context.new_page()
            context.close()


def strip(page: Page):
    return page.get_by_role("region", name=re.compile("^Needs you"))


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_manager_finds_who_needs_attention_and_why(
    browser, browser_context_args, demo_site, screenshot
):
    base = demo_site.url
    for look, page in each_look(browser, browser_context_args):
        sign_in(page, base, "demo-manager")
        # Home names the people, not three numbers.
        quiet = strip(page).locator("#need-quiet")
        expect(quiet).to_contain_text("Priya Raman")
        expect(quiet).to_contain_text("gone quiet")
        team = page.get_by_role("region", name="Your team")
        expect(team).to_contain_text("Needs attention first")
        expect(team).to_contain_text("Ready now: Owen Clarke")
        no_sideways_scroll(page)
        screenshot(f"week-manager-home-{look}", target=page)

        # The strip's action opens the dashboard in the "needs attention" order.
        quiet.get_by_role("link", name="See who and what").click()
        expect(page).to_have_url(re.compile(r"/reviews/team/\?sort=attention$"))
        first = page.locator("table.team-table tbody tr").first
        expect(first.get_by_role("rowheader")).to_contain_text("Priya Raman")
        # Why: each behaviour's state in words (a glyph on screen), and what is missing.
        expect(first.locator("td.b-cell").first).to_contain_text(
            re.compile(r"Scope and impact: (sustained|emerging|not yet), demonstrated in \d of")
        )
        expect(first.locator("td.missing-cell")).to_contain_text("more months")
        expect(first.locator("td.missing-cell")).to_contain_text("No evidence in 90 days")
        no_sideways_scroll(page)
        screenshot(f"week-manager-dashboard-{look}", target=page)

        # And her readiness page says the same, behaviour by behaviour.
        first.get_by_role("link", name="Priya Raman").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Readiness")
        expect(page.get_by_role("grid")).to_be_visible()
        no_sideways_scroll(page)


def test_staff_act_on_the_strip_invite_a_newcomer_and_place_them(
    page: Page, demo_site, screenshot, browser, browser_context_args
):
    from tests.factories import PersonFactory, UserFactory

    PersonFactory(
        user=UserFactory(
            username="lin.newcomer",
            first_name="Lin",
            last_name="Newcomer",
            email="lin.newcomer@example.com",
            password=None,
        ),
        current_level=None,
    )
    base = demo_site.url
    sign_in(page, base, "demo-admin")
    needs = strip(page)
    expect(needs.locator("#need-uninvited")).to_contain_text("1 person has no way to sign in yet")
    expect(needs.locator("#need-unplaced")).to_contain_text("1 person has no level")
    screenshot("week-staff-home")

    needs.locator("#need-uninvited").get_by_role("button", name="Invite them").click()
    expect(page.get_by_text("Invitations sent: 1.")).to_be_visible()
    page.goto(f"{base}/")
    expect(strip(page).locator("#need-uninvited")).to_have_count(0)
    expect(strip(page).locator("#need-not-accepted")).to_contain_text(
        "1 invitation is not accepted yet"
    )

    strip(page).locator("#need-unplaced").get_by_role("link", name="Place them").click()
    page.get_by_role("link", name="Edit Lin Newcomer").click()
    editing = page.locator("tr.person-edit-row")
    editing.get_by_label("Level").select_option(label="Senior Engineer")
    editing.get_by_label("Aiming for").select_option(label="Staff Engineer")
    editing.get_by_role("button", name="Save").click()
    expect(page.locator("tr.person-edit-row")).to_have_count(0)
    assert Person.objects.get(user__username="lin.newcomer").current_level.name == "Senior Engineer"
    page.goto(f"{base}/")
    expect(strip(page).locator("#need-unplaced")).to_have_count(0)

    for look, other in each_look(browser, browser_context_args):
        sign_in(other, base, "demo-admin")
        expect(strip(other)).to_be_visible()
        no_sideways_scroll(other)
        screenshot(f"week-staff-home-{look}", target=other)


@pytest.mark.parametrize("who", ["demo-engineer", "demo-mentor"])
def test_the_strip_leads_every_home_with_real_counts(page: Page, demo_site, who):
    sign_in(page, demo_site.url, who)
    needs = strip(page)
    expect(needs).to_be_visible()
    for text in needs.locator(".need-text strong").all_inner_texts():
        assert re.match(r"^(\d+|[A-Z])", text), text  # a count, or a person by name
    # Every need has its action, a link or a button.
    for need in needs.locator("li.need").all():
        assert need.locator("a.button, button").count() >= 1


def test_an_engineer_shares_a_private_entry_and_answers_a_gap_note_from_the_strip(
    page: Page, demo_site, screenshot
):
    from evidence.models import Entry
    from promo.models import Visibility
    from reviews.models import Feedback
    from tests.factories import EntryFactory

    amara = "demo-engineer"
    private = EntryFactory(
        author=Person.objects.get(user__username=amara).user,
        title="Wrote the ledger's runbook for the on-call rota",
        visibility=Visibility.PRIVATE,
    )
    base = demo_site.url
    sign_in(page, base, amara)

    # Share: a private entry says only its author sees it, and one click shares it.
    page.goto(f"{base}/entries/{private.pk}/")
    page.get_by_role("button", name="Share with mentors").click()
    expect(page.get_by_role("button", name="Share with mentors")).to_have_count(0)
    private.refresh_from_db()
    assert private.visibility != Visibility.PRIVATE

    # Answer: the strip counts the gap notes still open on her work and leads to them.
    page.goto(f"{base}/")
    gaps = strip(page).locator("#need-gaps")
    waiting = Feedback.objects.filter(
        entry__author__username=amara, state=Feedback.State.OPEN
    ).exclude(gap_note="")
    expect(gaps).to_contain_text(re.compile(rf"\b{waiting.count()} gap notes? waits? "))
    screenshot("week-engineer-home")
    gaps.get_by_role("link", name="Answer them").click()
    note = waiting.order_by("-created_at").first()
    page.locator(f'a[href$="#feedback-{note.pk}"]').first.click()
    thread = page.locator(f"#feedback-{note.pk}")
    thread.get_by_label(re.compile("^Reply to ")).fill(
        "Added the on-call numbers to the entry: pages fell from 9 to 2 a week."
    )
    thread.get_by_role("button", name="Reply and mark addressed").click()
    thread = page.locator(f"#feedback-{note.pk}")
    expect(thread).to_contain_text("pages fell from 9 to 2 a week")
    expect(thread).to_contain_text("Addressed")
    note.refresh_from_db()
    assert note.state == Feedback.State.ADDRESSED
    left = waiting.count()
    page.goto(f"{base}/")
    if left:
        expect(strip(page).locator("#need-gaps")).to_contain_text(f"{left} gap note")
    else:
        expect(strip(page).locator("#need-gaps")).to_have_count(0)
    assert Entry.objects.filter(pk=private.pk).exists()
