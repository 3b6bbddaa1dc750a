"""No page scrolls sideways on a phone (390 px), for any role: each role's pages are found by
following the links Promo shows them (two steps from home), then each is checked for a document
wider than the screen. A wide table may scroll inside its own box; the page may not."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

PHONE = {"width": 390, "height": 844}
SKIP = ("/accounts/logout", ".csv", ".json", ".md", "/admin/", "/export", "format=")
PAGES_PER_ROLE = 60


def wider_than_the_screen(page: Page) -> list[str]:
    """The widest elements sticking out of the screen, if the document is wider than it."""
    return page.evaluate(
        """() => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 1 && !el.closest('.table-wrap, .heatmap-scroll')) {
              out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(box.right)}`);
            }
          }
          return out.slice(0, 6);
        }"""
    )


def links_on(page: Page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    found = set()
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != base or any(s in href for s in SKIP):
            continue
        found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


@pytest.mark.parametrize("username", ["demo-engineer", "demo-mentor", "demo-manager", "demo-admin"])
def test_no_page_scrolls_sideways_on_a_phone(browser, demo_site, username):
    base = demo_site.url
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, base, username)
    seen: dict[str, list[str]] = {}
    frontier = ["/"]
    for _ in range(3):  # home, what it links to, and what those link to
        following = []
        for path in frontier:
            if path in seen or len(seen) >= PAGES_PER_ROLE:
                continue
            response = page.goto(base + path)
            if (
                response is None
                or response.status != 200
                or "text/html" not in (response.headers.get("content-type", ""))
            ):
                seen[path] = []
                continue
            seen[path] = wider_than_the_screen(page)
            following += sorted(links_on(page, base) - set(seen))
        frontier = following
    print(username, len(seen), "pages")
    assert len(seen) > 10, seen
    too_wide = {path: culprits for path, culprits in seen.items() if culprits}
    assert not too_wide, too_wide


def test_on_a_phone_the_navigation_folds_behind_a_menu(browser, demo_site, screenshot):
    base = demo_site.url
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, base, "demo-mentor")
    menu = page.get_by_role("button", name="Menu")
    inbox = page.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox")
    expect(inbox).to_be_hidden()
    screenshot("phone-menu-closed", page)
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(inbox).to_be_visible()
    screenshot("phone-menu-open", page)
    page.keyboard.press("Escape")
    expect(inbox).to_be_hidden()
    expect(menu).to_be_focused()
    menu.click()
    inbox.click()
    expect(page).to_have_url(f"{base}/reviews/inbox/")


def test_on_a_wide_screen_or_without_javascript_nothing_folds(browser, demo_site):
    base = demo_site.url
    for context in (
        browser.new_context(viewport={"width": 1280, "height": 800}),
        browser.new_context(viewport=PHONE, java_script_enabled=False),
    ):
        page = context.new_page()
        sign_in(page, base, "demo-mentor")
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
        nav = page.get_by_role("navigation", name="Main")
        expect(nav.get_by_role("link", name="Inbox")).to_be_visible()
