"""The strict Content-Security-Policy holds in a real browser: pages and their htmx swaps run
without a single violation (no inline script or style, no eval, nothing from elsewhere)."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__csp")


def test_pages_and_htmx_swaps_run_without_csp_violations(page, demo_site):
    base = demo_site.url
    page.add_init_script(WATCH)  # injected by the browser itself, so the policy allows it
    sign_in(page, base, "demo-engineer")
    seen = []
    for path in ("/", "/week/", "/reviews/readiness/demo-engineer/", "/reviews/documents/1/"):
        response = page.goto(f"{base}{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        seen += violations(page)

    # htmx at work: quick-add swaps an entry in; a heatmap square loads its entries.
    page.goto(f"{base}/week/")
    page.locator("#quick-add").get_by_placeholder("What did you do?").fill(
        "Paired on the refund retry design"
    )
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_text("Paired on the refund retry design").first).to_be_visible()
    seen += violations(page)
    page.goto(f"{base}/reviews/readiness/demo-engineer/")
    page.locator("a.heat-cell.c-demo").first.click()
    expect(page.locator("#cell-detail .cell-title")).to_be_visible()
    seen += violations(page)
    assert seen == []
