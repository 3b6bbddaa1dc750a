"""A mentor's review session, by keyboard only: Grace (demo-mentor) triages five entries from her
inbox with j/k, a verdict per claim (or a note where nothing is claimed), and Ctrl+Enter to save
and move on; the threads her mentees addressed wait for her in their own section; axe finds
nothing serious on the triage page, light or dark."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from reviews.feedback import selectors as feedback_selectors
from reviews.models import Feedback
from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import AXE, NO_AXE, Audit

GRACE = "demo-mentor"
SHOTS = Path("/tmp")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # so axe can be added to the page


def selected(page: Page) -> str:
    return page.locator("#triage-preview").get_attribute("data-entry")


def review_by_keyboard(page: Page) -> None:
    """Open the selected entry's form, give each claim a verdict (space on the focused choice,
    tab to the next), or write a note when it claims nothing; then save and next."""
    page.keyboard.press("o")
    active = "() => [document.activeElement.type, document.activeElement.name]"
    kind, name = page.evaluate(active)
    if kind != "radio":  # nothing claimed: the first field is the note
        page.get_by_label("Your note").focus()
        page.keyboard.type("Worth keeping: it shows how people come to rely on you.")
    while kind == "radio" and name.startswith("verdict_"):
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        kind, name = page.evaluate(active)
    page.keyboard.press("Control+Enter")


def test_mentor_triages_five_entries_by_keyboard(page, demo_site):
    from django.contrib.auth.models import User

    grace = User.objects.get(username=GRACE)
    before = Feedback.objects.filter(author=grace).count()
    waiting = [e.pk for e in feedback_selectors.inbox(grace).filter(reviewed=False)]
    assert len(waiting) >= 5
    sign_in(page, demo_site.url, GRACE)
    page.goto(f"{demo_site.url}/reviews/inbox/")
    expect(page.get_by_text("Keyboard: j/k move", exact=False)).to_be_visible()
    page.evaluate("window.__marker = 1")
    assert selected(page) == str(waiting[0])

    # j and k move the selection and load its preview; typing in a field does not.
    page.keyboard.press("j")
    expect(page.locator("#triage-preview")).to_have_attribute("data-entry", str(waiting[1]))
    current = page.locator('.triage-link[aria-current="true"]')
    expect(current).to_have_attribute("data-entry", str(waiting[1]))
    page.keyboard.press("k")
    expect(page.locator("#triage-preview")).to_have_attribute("data-entry", str(waiting[0]))
    page.get_by_label("Mentee", exact=True).focus()
    page.keyboard.press("j")
    expect(page.locator("#triage-preview")).to_have_attribute("data-entry", str(waiting[0]))
    page.locator('.triage-link[aria-current="true"]').focus()

    for n in range(5):
        review_by_keyboard(page)
        expect(page.locator(f"#triage-item-{waiting[n]}")).to_have_count(0)
        expect(page.locator("#triage-preview")).to_have_attribute("data-entry", str(waiting[n + 1]))
        expect(page.locator("#triage-status")).to_contain_text("Feedback posted on")
        # Focus rests on the next entry in the list, marked as the current one.
        expect(page.locator(":focus")).to_have_attribute("data-entry", str(waiting[n + 1]))
        expect(page.locator(":focus")).to_have_attribute("aria-current", "true")
        if n == 0:
            page.screenshot(path=str(SHOTS / "triage-journey-after-save.png"))

    assert page.evaluate("window.__marker") == 1, "the page reloaded"
    assert Feedback.objects.filter(author=grace).count() == before + 5
    assert all(Feedback.objects.filter(author=grace, entry_id=pk).exists() for pk in waiting[:5])


def test_addressed_threads_wait_for_their_mentor(page, demo_site):
    from django.contrib.auth.models import User

    grace = User.objects.get(username=GRACE)
    addressed = list(feedback_selectors.addressed(grace))
    assert addressed, "the demo gives Grace at least one addressed thread"
    sign_in(page, demo_site.url, GRACE)
    page.goto(f"{demo_site.url}/reviews/inbox/")
    section = page.locator(".triage-addressed")
    expect(section.get_by_role("heading")).to_contain_text("Addressed — waiting for you")
    expect(section.locator(".badge")).to_have_text(str(len(addressed)))
    first = addressed[0]
    section.locator(f"#triage-thread-{first.pk} .triage-link").click()
    preview = page.locator("#triage-preview")
    expect(preview).to_have_attribute("data-entry", str(first.entry_id))
    thread = preview.locator(f"#feedback-{first.pk}")
    expect(thread.get_by_text("Addressed", exact=True)).to_be_visible()
    thread.get_by_role("button", name="Resolve").click()
    expect(thread.get_by_text("Resolved", exact=True)).to_be_visible()
    # It leaves the list of addressed threads in the same swap, without a reload.
    expect(section.locator(f"#triage-thread-{first.pk}")).to_have_count(0)
    first.refresh_from_db()
    assert first.state == Feedback.State.RESOLVED
    assert first not in list(feedback_selectors.addressed(grace))


def test_triage_page_passes_axe_light_and_dark(browser, browser_context_args, demo_site):
    if not AXE.exists():
        pytest.skip(NO_AXE)
    audit = Audit(AXE)
    for scheme in ("light", "dark"):
        context = browser.new_context(**browser_context_args, color_scheme=scheme)
        page = context.new_page()
        sign_in(page, demo_site.url, GRACE)
        page.goto(f"{demo_site.url}/reviews/inbox/")
        page.keyboard.press("j")
        page.wait_for_load_state("networkidle")
        audit.check(page, f"triage ({scheme})")
        page.keyboard.press("o")  # the feedback form, focused
        audit.check(page, f"triage, form focused ({scheme})")
        page.screenshot(path=str(SHOTS / f"triage-axe-{scheme}.png"))
        context.close()
    audit.assert_clean()
