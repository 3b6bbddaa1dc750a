"""Suggested behaviours while logging: as Amara (demo-engineer) types a win's title, chips for the
behaviours it sounds like appear in the picker; a chip is a button, so the keyboard ticks and
unticks its box, and the win is logged with it. axe finds nothing serious in the chips, light or
dark; at 390 px nothing scrolls sideways. Without JavaScript there are no chips, and the picker
is plain checkboxes."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from evidence.models import Entry
from tests.browser.conftest import sign_in, signed_in_looks
from tests.browser.test_accessibility import AXE, NO_AXE, Audit

AMARA = "demo-engineer"
TITLE = "Ran the load test and a dry run of the failover before the launch"
SHOTS = Path("/tmp")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # so axe can be added to the page


def chips(page: Page):
    return page.locator("#quick-add .suggested button[data-suggestion]")


def box_for(page: Page, chip) -> object:
    value = chip.get_attribute("data-suggestion")
    return page.locator(f'#quick-add input[name=behaviours][value="{value}"]')


def test_chips_suggested_as_the_title_is_typed_tick_behaviours_by_keyboard(page, demo_site):
    base = demo_site.url
    sign_in(page, base, AMARA)
    page.goto(f"{base}/week/")
    expect(chips(page)).to_have_count(0)
    page.get_by_label("Title").press_sequentially(TITLE)
    expect(page.locator("#quick-add .suggested")).to_contain_text("Suggested:")
    expect(chips(page).first).to_have_text("Delivery under pressure")
    assert 1 <= chips(page).count() <= 3
    first = chips(page).first
    box = box_for(page, first)
    expect(box).not_to_be_checked()

    first.focus()
    page.keyboard.press("Enter")
    expect(box).to_be_checked()
    expect(first).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Space")  # again: unticked
    expect(box).not_to_be_checked()
    expect(first).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Enter")
    box.uncheck()  # ticked in the picker itself: the chip follows
    expect(first).to_have_attribute("aria-pressed", "false")
    box.check()
    expect(first).to_have_attribute("aria-pressed", "true")

    page.get_by_label("Title").focus()
    page.keyboard.press("Control+Enter")
    expect(page.locator("#quick-add-status")).to_contain_text(f"Logged “{TITLE}”")
    expect(chips(page)).to_have_count(0)  # the fresh form has none until words are typed
    entry = Entry.objects.get(title=TITLE)
    assert [b.name for b in entry.behaviours.all()] == ["Delivery under pressure"]


def test_without_javascript_there_are_no_chips_and_the_picker_still_ticks(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, demo_site.url, AMARA)
    page.goto(f"{demo_site.url}/week/")
    page.get_by_label("Title").fill(TITLE)
    expect(page.locator("#quick-add .suggested")).to_be_empty()
    expect(page.locator("#quick-add input[name=behaviours]").first).to_be_visible()
    context.close()


def test_chips_pass_axe_and_fit_a_phone_light_and_dark(browser, browser_context_args, demo_site):
    if not AXE.exists():
        pytest.skip(NO_AXE)
    audit = Audit(AXE)
    looks = signed_in_looks(browser, browser_context_args, demo_site.url, AMARA)
    for scheme, width, page in looks:
        page.goto(f"{demo_site.url}/week/")
        page.get_by_label("Title").press_sequentially(TITLE)
        expect(chips(page).first).to_be_visible()
        chips(page).first.click()
        expect(chips(page).first).to_have_attribute("aria-pressed", "true")
        if width == 1280:
            audit.check(page, f"suggested behaviours ({scheme})")
        page.locator("#quick-add").screenshot(path=str(SHOTS / f"suggestions-{width}-{scheme}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    audit.assert_clean()
