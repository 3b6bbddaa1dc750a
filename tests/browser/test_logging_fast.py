"""Logging fast, by keyboard only: Amara (demo-engineer) logs three wins with `c` — from home, from
the ladder (in the dialog) and on This week — picking behaviours with the filter and number keys,
submitting with the keyboard and reading the confirmation by the form; all three are on This week.
Someone not on the ladder gets no picker and still logs. axe finds nothing serious in the dialog,
light or dark; at 390 px nothing scrolls sideways."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from evidence.models import Entry
from tests.browser.conftest import sign_in, signed_in_looks
from tests.browser.test_accessibility import AXE, NO_AXE, Audit

AMARA = "demo-engineer"
HANA = "hana.kovac"  # a manager, not on the ladder; her own manager is Ravi
SHOTS = Path("/tmp")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # so axe can be added to the page


def focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement.name || document.activeElement.id")


def status(page: Page):
    return page.locator("#quick-add-status")


def pick_by_number(page: Page, *keys: str) -> list[str]:
    """Tab from the title to the picker's filter box and press number keys; the names ticked."""
    while focused(page) != "behaviour-filter":
        page.keyboard.press("Tab")
    for key in keys:
        page.keyboard.press(key)
    checked = page.locator("#quick-add input[name=behaviours]:checked")
    return [
        checked.nth(i).locator("xpath=..").inner_text().split(maxsplit=1)[1].strip()
        for i in range(checked.count())
    ]


def test_engineer_logs_three_wins_by_keyboard_with_c(page, demo_site):
    base = demo_site.url
    sign_in(page, base, AMARA)
    page.goto(f"{base}/")
    expect(page.locator("#quick-add")).to_be_visible()  # the quick add on home
    assert focused(page) != "title"  # home does not pull the focus into the form

    # 1. From home: `c` moves to the title; two behaviours by number keys; Enter in the title logs.
    page.keyboard.press("c")
    assert focused(page) == "title"
    page.keyboard.type("Ran the failover dry run")
    picked = pick_by_number(page, "1", "2")
    assert len(picked) == 2
    page.get_by_label("Title").focus()
    page.keyboard.press("Enter")
    expect(status(page)).to_contain_text("Logged “Ran the failover dry run” for the week of")
    expect(status(page).get_by_role("link", name="Edit it")).to_be_visible()
    assert focused(page) == "title" and page.get_by_label("Title").input_value() == ""
    expect(page.locator("#home-week-list")).to_contain_text("Ran the failover dry run")
    first = Entry.objects.get(title="Ran the failover dry run")
    assert sorted(first.behaviours.values_list("name", flat=True)) == sorted(picked)

    # 2. From the ladder: `c` opens the dialog; the filter narrows, 1 ticks; Ctrl+Enter logs.
    page.goto(f"{base}/ladder/")
    page.locator("h1").click()  # focus on the page, not in a field
    page.keyboard.press("c")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    assert focused(page) == "title"
    page.keyboard.type("Wrote the ledger migration plan")
    picked = pick_by_number(page, *"long")  # the filter takes letters...
    assert picked == []
    page.keyboard.press("1")  # ...and 1 ticks the first match
    expect(dialog.locator("input[name=behaviours]:checked")).to_have_count(1)
    page.keyboard.press("Control+Enter")
    expect(status(page)).to_contain_text("Logged “Wrote the ledger migration plan”")
    expect(dialog.locator("input[name=title]")).to_be_focused()  # ready for the next win
    page.keyboard.press("Escape")
    expect(page.locator("dialog")).to_have_count(0)
    assert page.url.endswith("/ladder/")  # the page stayed where it was
    second = Entry.objects.get(title="Wrote the ledger migration plan")
    assert [b.name for b in second.behaviours.all()] == ["Long-term vision"]

    # 3. On This week: `c` is the page's own form (the title already focused), no dialog.
    page.goto(f"{base}/week/")
    page.locator("h1").click()
    page.keyboard.press("c")
    expect(page.locator("dialog")).to_have_count(0)
    page.keyboard.type("Paired with Tomas on the on-call runbook")
    page.keyboard.press("Enter")
    expect(status(page)).to_contain_text("Logged “Paired with Tomas on the on-call runbook”")
    week = page.locator("#this-week-list")
    expect(week).to_contain_text("Paired with Tomas on the on-call runbook")

    page.reload()
    for title in (
        "Ran the failover dry run",
        "Wrote the ledger migration plan",
        "Paired with Tomas on the on-call runbook",
    ):
        expect(week).to_contain_text(title)


def test_c_is_ignored_while_typing_and_the_dialog_gives_focus_back(page, demo_site):
    base = demo_site.url
    sign_in(page, base, AMARA)
    page.goto(f"{base}/entries/search/")
    page.get_by_label("Text").fill("")
    page.keyboard.press("c")  # typed into the search box
    expect(page.locator("dialog")).to_have_count(0)
    assert page.get_by_label("Text").input_value() == "c"
    link = page.get_by_role("link", name="+ Log a win")
    link.focus()
    page.keyboard.press("c")
    expect(page.locator("dialog[open]")).to_be_visible()
    page.keyboard.press("c")  # in the title now: typed, no second dialog
    expect(page.locator("dialog")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(page.locator("dialog")).to_have_count(0)
    assert page.evaluate("() => document.activeElement.dataset.quickAdd") is not None
    link.click()  # the header button opens it too
    expect(page.locator("dialog[open]")).to_be_visible()


def test_without_javascript_log_a_win_goes_to_the_form_on_this_week(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, demo_site.url, AMARA)
    page.get_by_role("link", name="+ Log a win").click()
    assert page.url.endswith("/week/#quick-add")
    expect(page.locator("#quick-add input[name=behaviours]").first).to_be_visible()
    expect(page.locator("[data-picker-filter]")).to_be_hidden()
    context.close()


def test_someone_off_the_ladder_logs_without_a_picker(page, demo_site):
    base = demo_site.url
    sign_in(page, base, HANA)
    page.goto(f"{base}/ladder/")
    page.locator("h1").click()
    page.keyboard.press("c")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("you are not on the ladder")
    expect(dialog).to_contain_text("Ask your manager, Ravi Menon")
    expect(dialog.locator("input[name=behaviours]")).to_have_count(0)
    page.keyboard.type("Ran the quarterly calibration")
    page.keyboard.press("Enter")
    expect(status(page)).to_contain_text("Logged “Ran the quarterly calibration”")
    assert Entry.objects.filter(author__username=HANA, title="Ran the quarterly calibration")


def test_quick_add_dialog_passes_axe_and_fits_a_phone(browser, browser_context_args, demo_site):
    if not AXE.exists():
        pytest.skip(NO_AXE)
    audit = Audit(AXE)
    looks = signed_in_looks(browser, browser_context_args, demo_site.url, AMARA)
    for scheme, width, page in looks:
        page.goto(f"{demo_site.url}/ladder/")
        page.locator("h1").click()
        page.keyboard.press("c")
        expect(page.locator("dialog[open] #quick-add")).to_be_visible()
        if width == 1280:
            audit.check(page, f"quick-add dialog ({scheme})")
        page.screenshot(path=str(SHOTS / f"quickadd-dialog-{width}-{scheme}.png"))
        page.keyboard.type("Checked by axe")
        page.keyboard.press("Enter")
        expect(status(page)).to_contain_text("Logged “Checked by axe”")
        expect(status(page)).to_be_in_viewport()
        if width == 1280:
            audit.check(page, f"quick-add dialog, logged ({scheme})")
        page.screenshot(path=str(SHOTS / f"quickadd-confirm-{width}-{scheme}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    audit.assert_clean()
