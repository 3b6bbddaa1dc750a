"""Readiness from the browser: the team dashboard, one engineer's heatmap, and who may see it.

The dashboard's filters submit with htmx and swap the table in place; the heatmap's cells load
their entries into the page. `window.__m` proves neither reloads the page.
"""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

MANAGER = "demo-manager"
AMARA = "demo-engineer"
ENTRY_URL = re.compile(r"/entries/\d+/$")


def mark(page: Page) -> None:
    page.evaluate("window.__m = 1")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__m") == 1, "the page reloaded"


def person_link(page: Page, name: str):
    return page.locator("section#team-table").get_by_role("link", name=name, exact=True)


def test_manager_filters_the_dashboard_opens_an_engineer_and_a_heatmap_cell(
    page, demo_site, screenshot
):
    base = demo_site.url
    sign_in(page, base, MANAGER)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(f"{base}/reviews/team/")
    expect(page.get_by_role("heading", name="Your team", level=1)).to_be_visible()
    table = page.locator("section#team-table")
    for name in ("Owen Clarke", "Jonas Becker", "Amara Okafor", "Tomás Ruiz"):
        expect(person_link(page, name)).to_be_visible()
    screenshot("team-dashboard")
    mark(page)

    # Ready: only the ready rows, swapped in place, and the URL remembers the filter.
    page.locator("select#f-status").select_option(label="Ready")
    expect(person_link(page, "Amara Okafor")).to_have_count(0)
    expect(person_link(page, "Owen Clarke")).to_be_visible()
    pills = table.locator("tbody .status-pill")
    expect(pills.first).to_be_visible()
    for text in pills.all_inner_texts():
        assert text.strip() == "Ready", text
    assert_not_reloaded(page)
    expect(page).to_have_url(re.compile(r"[?&]status=ready(&|$)"))

    # Building: Amara appears and Owen goes.
    page.locator("select#f-status").select_option(label="Building")
    expect(person_link(page, "Owen Clarke")).to_have_count(0)
    expect(person_link(page, "Amara Okafor")).to_be_visible()
    for text in pills.all_inner_texts():
        assert text.strip() == "Building", text
    assert_not_reloaded(page)
    expect(page).to_have_url(re.compile(r"[?&]status=building(&|$)"))

    # Amara's readiness page.
    person_link(page, "Amara Okafor").click()
    expect(page).to_have_url(f"{base}/reviews/readiness/{AMARA}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Readiness")
    expect(heading.locator(".status-pill")).to_have_text("Building")
    mark(page)

    # A demonstrated cell loads its entries below the heatmap.
    cell = page.locator("a.heat-cell[aria-label$=': demonstrated']").first
    expect(cell).to_be_visible()
    label = cell.get_attribute("aria-label")
    behaviour, month = re.fullmatch(r"(.+), (\w{3} \d{4}): demonstrated", label).groups()
    cell.click()
    detail = page.locator("#cell-detail")
    expect(detail.get_by_role("heading", level=3)).to_have_text(f"{behaviour} · {month}")
    entry_links = detail.locator("ul.cell-list li a")
    expect(entry_links.first).to_be_visible()
    assert entry_links.count() >= 1
    expect(detail.locator(".badge").filter(has_text="demonstrated").first).to_be_visible()
    assert_not_reloaded(page)
    expect(page).to_have_url(f"{base}/reviews/readiness/{AMARA}/")
    screenshot("readiness-cell")

    # The first entry opens.
    first = entry_links.first
    title = first.inner_text().strip()
    href = first.get_attribute("href")
    assert ENTRY_URL.search(href), href
    with page.expect_navigation() as navigation:
        first.click()
    assert navigation.value.status == 200
    expect(page).to_have_url(ENTRY_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_readiness_as_of_a_past_date_shows_that_days_picture(page, demo_site):
    base = demo_site.url
    sign_in(page, base, AMARA)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"{base}/reviews/readiness/{AMARA}/")
    expect(page.get_by_text("As of 24 November 2026")).to_be_visible()
    periods = page.locator(".heat-head .heat-period")
    expect(periods.last).to_have_text("Nov 2026")

    page.get_by_label("As of").fill("2026-01-15")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"[?&]as_of=2026-01-15(&|$)"))
    expect(page.get_by_text("As of 15 January 2026")).to_be_visible()
    expect(periods.last).to_have_text("Jan 2026")
    expect(page.get_by_role("link", name="Today", exact=True)).to_be_visible()

    # The explanation is folded away until asked for.
    how = page.locator("details.how-computed")
    expect(how.locator("ol")).to_be_hidden()
    how.get_by_text("How is this computed?").click()
    expect(how.locator("ol")).to_be_visible()
    expect(how).to_contain_text("every behaviour sustained")


def test_team_csv_download_has_one_row_per_person(page, demo_site):
    base = demo_site.url
    sign_in(page, base, MANAGER)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"{base}/reviews/team/")
    in_all = page.locator(".summary").filter(has_text="in all").locator("strong")
    total = int(in_all.inner_text())

    response = page.request.get(f"{base}/reviews/team/?format=csv")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text().splitlines()
    assert lines[0].startswith("Name,Username,Team"), lines[0]
    rows = lines[1:]
    owen = [line for line in rows if line.startswith("Owen Clarke,")]
    assert len(owen) == 1, rows
    assert ",Ready," in owen[0], owen[0]
    usernames = [line.split(",")[1] for line in rows]
    assert len(usernames) == len(set(usernames)) == total, rows


def test_a_stranger_cannot_open_someone_elses_readiness(page, demo_site):
    base = demo_site.url
    sign_in(page, base, "mei.lin")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    response = page.goto(f"{base}/reviews/readiness/owen.clarke/")
    assert response.status == 404
    expect(page.locator("a.heat-cell")).to_have_count(0)
