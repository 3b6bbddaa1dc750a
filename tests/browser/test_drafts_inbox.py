"""The evidence inbox by keyboard: Amara has three merged pull requests waiting (the demo's
forge delivered them); she logs one with `l`, dismisses one with `x` and opens the last with
`e`, never touching the mouse; the inbox is drawn at desktop and phone width, light and dark."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from evidence.models import Draft, Entry
from tests.browser.conftest import sign_in

ENGINEER = "demo-engineer"
SHOTS = Path("/tmp/shots/h3")


@pytest.fixture
def three_drafts(demo_site):
    """Amara's waiting drafts, newest merge first, as the inbox lists them."""
    drafts = list(
        Draft.objects.filter(author__username=ENGINEER, state="waiting").order_by("-merged_at")
    )
    assert len(drafts) == 3, "the demo delivers three merged pull requests to Amara"
    return drafts


def focused_draft(page: Page) -> str | None:
    return page.evaluate(
        "() => { const d = document.activeElement.closest('[data-draft]'); return d && d.id; }"
    )


def test_an_engineer_logs_dismisses_and_edits_drafts_by_keyboard(page, demo_site, three_drafts):
    first, second, third = three_drafts  # newest merge first, as the inbox lists them
    sign_in(page, demo_site.url, ENGINEER)
    page.goto(f"{demo_site.url}/week/")
    expect(page.locator("#inbox")).to_be_visible()
    expect(page.get_by_text("Keys: j/k move", exact=False)).to_be_visible()
    expect(page.locator("#quick-add input[name=title]").first).to_be_focused()
    page.keyboard.press("Escape")  # lets go of the quick add's empty title

    page.keyboard.press("j")
    assert focused_draft(page) == f"draft-{first.pk}"
    page.keyboard.press("l")
    expect(page.locator(f"#draft-{first.pk}")).to_contain_text(f"Logged “{first.title}”")
    expect(page.locator(f"#draft-{second.pk}")).to_be_focused()

    page.keyboard.press("x")
    expect(page.locator(f"#draft-{second.pk}")).to_contain_text(f"Dismissed “{second.title}”")
    expect(page.locator(f"#draft-{third.pk}")).to_be_focused()

    page.keyboard.press("k")  # logged and dismissed drafts are passed over
    assert focused_draft(page) == f"draft-{third.pk}"
    page.keyboard.press("e")
    expect(page).to_have_url(f"{demo_site.url}/entries/new/?draft={third.pk}")
    expect(page.get_by_label("Title")).to_have_value(third.title)

    mine = Draft.objects.filter(pk__in=[d.pk for d in three_drafts])
    states = dict(mine.values_list("pk", "state"))
    assert states == {first.pk: "logged", second.pk: "dismissed", third.pk: "waiting"}
    entry = Entry.objects.get(title=first.title)
    assert list(entry.links.values_list("url", flat=True)) == [first.url]


def test_typing_in_the_inbox_does_not_trigger_its_keys(page, demo_site, three_drafts):
    sign_in(page, demo_site.url, ENGINEER)
    page.goto(f"{demo_site.url}/week/")
    page.locator("#quick-add input[name=title]").first.focus()
    page.keyboard.type("lx")
    assert [d.state for d in Draft.objects.filter(pk__in=[d.pk for d in three_drafts])] == [
        "waiting"
    ] * 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_inbox_drawn(browser, browser_context_args, demo_site, three_drafts, scheme, width):
    context = browser.new_context(
        **browser_context_args, color_scheme=scheme, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    sign_in(page, demo_site.url, ENGINEER)
    page.goto(f"{demo_site.url}/week/")
    inbox = page.locator("#inbox")
    expect(inbox).to_be_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, "the page scrolls sideways"
    SHOTS.mkdir(parents=True, exist_ok=True)
    inbox.screenshot(path=str(SHOTS / f"inbox-{width}-{scheme}.png"))
    page.screenshot(path=str(SHOTS / f"week-{width}-{scheme}.png"))
    context.close()
