"""The promotion packet from the browser: an engineer builds a document and edits a narrative in
place, downloads it as Markdown and opens the printable page; their manager records a denied
submission and turns a point of the committee's feedback into a gap, which then shows on the
engineer's readiness page. An engineer curates their packet: pins, hides and orders evidence,
then finds the printable page warning about what is not written yet and leaving out what they hid.
"""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

ENGINEER = "tomas.ruiz"  # no document in the demo yet
MANAGER = "demo-manager"
POINT = "Design reviews were all inside Payments; lead one across teams."


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_engineer_builds_a_document_and_manager_turns_a_denial_into_a_gap(
    page, demo_site, screenshot, tmp_path
):
    base = demo_site.url
    sign_in(page, base, ENGINEER)
    page.get_by_role("link", name="Packet", exact=True).click()
    expect(page.get_by_role("heading", name="Your promo document", level=1)).to_be_visible()
    page.get_by_role("button", name="Open the document").click()
    expect(page.get_by_role("heading", name="The case for Senior Engineer")).to_be_visible()
    document_url = page.url

    # Edit one narrative in place: htmx swaps the form in and the saved text out.
    page.evaluate("window.__m = 1")
    section = page.locator("section.doc-section").first
    section.get_by_role("link", name="Write narrative").click()
    section.get_by_label("Your narrative").fill("I took the **refund queue** from flaky to boring.")
    section.get_by_role("button", name="Save narrative").click()
    expect(section.locator(".narrative strong")).to_have_text("refund queue")
    assert page.evaluate("window.__m") == 1, "the page reloaded"
    expect(section.get_by_role("link", name="Edit narrative")).to_be_visible()
    screenshot("packet-document")

    # Markdown: the narrative, and evidence that links back to entries.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Markdown").click()
    path = tmp_path / "document.md"
    download.value.save_as(path)
    markdown = path.read_text(encoding="utf-8")
    assert markdown.startswith("# Tomás Ruiz: the case for Senior Engineer")
    assert "I took the **refund queue** from flaky to boring." in markdown
    assert re.search(r"\]\(http://[^)]+/entries/\d+/\)", markdown)

    # The printable page is the document alone, laid out for paper.
    page.get_by_role("link", name="Printable page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tomás Ruiz: the case for Senior Engineer"
    )
    expect(page.locator("nav")).to_have_count(0)
    page.emulate_media(media="print")
    screenshot("packet-print")
    page.emulate_media(media="screen")

    # Share with the manager, who records the submission and the committee's denial.
    page.goto(document_url)
    page.get_by_label("My managers may read it").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    sign_out(page)

    sign_in(page, base, MANAGER)
    page.goto(f"{base}/reviews/people/{ENGINEER}/attempts/")
    page.get_by_role("button", name="Record submission").click()
    expect(page.get_by_text("Submission recorded")).to_be_visible()
    page.get_by_label("Denied").check()
    page.get_by_label("The committee's feedback").fill(
        f"- {POINT}\n- The impact numbers need a baseline."
    )
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("The committee's decision is recorded.")).to_be_visible()
    point = page.locator("li", has_text=POINT)
    point.get_by_role("combobox").select_option(label="Cross-team leadership")
    point.get_by_role("button", name="Work on it").click()
    expect(page.get_by_text("A point to work on under “Cross-team leadership”")).to_be_visible()
    screenshot("packet-attempt")

    # The point is on the engineer's readiness page, for the manager and for the engineer.
    page.goto(f"{base}/reviews/readiness/{ENGINEER}/")
    packet = page.locator("section", has=page.get_by_role("heading", name="Promotion packet"))
    expect(packet.get_by_text(POINT)).to_be_visible()
    sign_out(page)
    sign_in(page, base, ENGINEER)
    page.goto(f"{base}/reviews/readiness/{ENGINEER}/")
    expect(page.get_by_text(POINT)).to_be_visible()
    page.goto(f"{base}/reviews/gaps/")
    expect(page.get_by_text(POINT)).to_be_visible()
    screenshot("packet-gaps")


def test_a_submission_without_a_shared_document_asks_the_engineer_to_add_it(
    page, demo_site, screenshot
):
    """The manager records a submission while the document is private: the attempt keeps no
    word of it; the engineer is told, shares it and adds it in one click."""
    base = demo_site.url
    sign_in(page, base, ENGINEER)
    page.goto(f"{base}/reviews/documents/")
    page.get_by_role("button", name="Open the document").click()
    section = page.locator("section.doc-section").first
    section.get_by_role("link", name="Write narrative").click()
    section.get_by_label("Your narrative").fill("Words for my eyes until I choose otherwise.")
    section.get_by_role("button", name="Save narrative").click()
    expect(section.locator(".narrative")).to_contain_text("Words for my eyes")
    sign_out(page)

    sign_in(page, base, MANAGER)
    page.goto(f"{base}/reviews/people/{ENGINEER}/attempts/")
    page.get_by_role("button", name="Record submission").click()
    expect(page.get_by_text("has not shared their promo document with managers")).to_be_visible()
    expect(page.get_by_text("Words for my eyes")).to_have_count(0)
    attempt_url = page.url
    screenshot("packet-attempt-not-shared-manager")
    sign_out(page)

    sign_in(page, base, ENGINEER)
    page.goto(f"{base}/notifications/")
    page.get_by_role("link", name=re.compile("recorded your promotion submission")).click()
    assert page.url.split("#")[0] == attempt_url
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(f"packet-attempt-not-shared-engineer-{width}-{scheme}")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Share it with my managers and add it").click()
    expect(page.get_by_text("is now part of this submission")).to_be_visible()
    page.get_by_text("The promo document as submitted").click()
    expect(page.get_by_text("Words for my eyes until I choose otherwise.")).to_be_visible()
    sign_out(page)

    sign_in(page, base, MANAGER)
    page.goto(attempt_url)
    page.get_by_text("The promo document as submitted").click()
    expect(page.get_by_text("Words for my eyes until I choose otherwise.")).to_be_visible()
    screenshot("packet-attempt-added-manager")


def named(verb: str, title: str) -> re.Pattern[str]:
    """A curation button's accessible name: its verb, then the entry's title."""
    return re.compile(rf"^{verb}\W*{re.escape(title)}$")


def test_engineer_curates_the_packet_and_the_printable_page_follows(page, demo_site, screenshot):
    base = demo_site.url
    sign_in(page, base, "demo-engineer")
    page.get_by_role("link", name="Packet", exact=True).click()
    page.locator(".row-list a").first.click()
    document_url = page.url
    page.evaluate("window.__m = 1")
    section = page.locator("section.doc-section").first
    rows = section.locator("ul.doc-evidence > li")
    titles = [t.strip() for t in rows.locator("a strong").all_inner_texts()]
    first, second, third, fourth = titles[:4]

    # Pin the third entry, by keyboard: focus lands on its Unpin once the section is swapped.
    section.get_by_role("button", name=named("Pin", third)).focus()
    page.keyboard.press("Enter")
    expect(rows.first).to_contain_text(third)
    expect(page.locator(":focus")).to_have_accessible_name(named("Unpin", third))
    # Pin the fourth: it goes below the third; move it up, by keyboard again.
    section.get_by_role("button", name=named("Pin", fourth)).click()
    expect(rows.nth(1)).to_contain_text(fourth)
    section.get_by_role("button", name=named("Move Up", fourth)).focus()
    page.keyboard.press("Enter")
    expect(rows.first).to_contain_text(fourth)
    expect(rows.nth(1)).to_contain_text(third)
    expect(section.get_by_role("button", name=named("Move Up", fourth))).to_be_disabled()
    # Hide the second: it leaves the packet's list and waits, greyed, with Show.
    section.get_by_role("button", name=named("Hide", second)).click()
    hidden = section.locator("ul.doc-hidden > li")
    expect(hidden).to_have_count(1)
    expect(hidden.first).to_contain_text(second)
    expect(hidden.first).to_contain_text("hidden from the packet")
    expect(page.locator(":focus")).to_have_accessible_name(named("Show", second))
    assert page.evaluate("window.__m") == 1, "the page reloaded"
    section.scroll_into_view_if_needed()
    screenshot("packet-curated-document")

    # The order holds on a fresh load.
    page.goto(document_url)
    section = page.locator("section.doc-section").first
    listed = section.locator("ul.doc-evidence:not(.doc-hidden) a strong").all_inner_texts()
    assert [t.strip() for t in listed[:3]] == [fourth, third, first]

    # The printable page: a warning before printing, the order kept, the hidden entry absent.
    page.get_by_role("link", name="Printable page").click()
    check = page.locator(".print-check")
    expect(check.get_by_role("heading", name="Before you print")).to_be_visible()
    expect(
        check.get_by_role("link", name=re.compile("^Write the narrative for ")).first
    ).to_be_visible()
    expect(page.get_by_text("No narrative written yet")).to_have_count(0)
    printed = page.locator(".print-section").first.locator(".print-evidence > li > a")
    expect(printed.nth(0)).to_have_text(fourth)
    expect(printed.nth(1)).to_have_text(third)
    expect(page.locator(".print-section").first.get_by_text(second, exact=True)).to_have_count(0)
    screenshot("packet-curated-print")
    page.emulate_media(media="print")
    expect(check).to_be_hidden()
    screenshot("packet-curated-print-paper")
    page.emulate_media(media="screen")

    # A link in the warning opens the narrative to write.
    check.get_by_role("link", name=re.compile("^Write the narrative for ")).first.click()
    expect(page.get_by_label("Your narrative")).to_be_visible()
