"""An engineer logs, edits, trashes and previews evidence from the browser.

The week page's quick add posts with htmx and swaps itself; the rest are ordinary forms.
"""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in


def log_entry(page: Page, base_url: str, title: str, details: str = "") -> int:
    """Log an entry through the full form; returns its id (the detail page it lands on)."""
    page.goto(f"{base_url}/entries/new/")
    page.get_by_label("Title", exact=True).fill(title)
    if details:
        page.get_by_label("Details", exact=True).fill(details)
    page.get_by_role("button", name="Log it").click()
    expect(page).to_have_url(re.compile(r"/entries/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return int(re.search(r"/entries/(\d+)/$", page.url).group(1))


def behaviour_count(page: Page, name: str) -> int:
    """The number next to a target-level behaviour in the "Behaviours you have logged" panel."""
    row = (
        page.locator("#behaviour-counts li")
        .filter(has_text=re.compile(rf"^{re.escape(name)}\s*\d+$"))
        .locator("strong")
    )
    text = row.text_content() if row.count() else "0"
    return int(text)


def test_quick_add_logs_a_win_with_two_behaviours_without_a_page_reload(
    page, demo_site, screenshot
):
    title = "Unblocked the refunds migration"
    sign_in(page, demo_site.url, "demo-engineer")
    page.goto(f"{demo_site.url}/week/")
    expect(page.get_by_role("heading", name="This week", level=1)).to_be_visible()
    before = {
        name: behaviour_count(page, name) for name in ("Scope and impact", "Leaving things better")
    }
    page.evaluate("window.__marker = 42")

    form = page.locator("form#quick-add")
    title_input = form.get_by_label("Title", exact=True)
    title_input.fill(title)
    # Only the target level's checkboxes are visible; the other levels sit in closed <details>.
    form.get_by_role("checkbox", name="Scope and impact", exact=True).check()
    form.get_by_role("checkbox", name="Leaving things better", exact=True).check()
    title_input.press("Enter")

    card = page.locator("#this-week-list > li").first.locator("article.entry")
    expect(card.get_by_role("link", name=title)).to_be_visible()
    chips = card.get_by_role("list", name="Behaviours").get_by_role("listitem")
    expect(chips).to_have_text(["Scope and impact", "Leaving things better"])
    said = rf"^Logged “{re.escape(title)}” for the week of \d+ \w+, [a-z ]+\. Edit it$"
    expect(page.locator("#quick-add-status")).to_have_text(re.compile(said))
    expect(page.locator("#this-week-list").get_by_text("Nothing yet this week.")).to_be_hidden()

    # The swapped-in form is fresh and ready for the next win.
    fresh_title = page.locator("form#quick-add").get_by_label("Title", exact=True)
    expect(fresh_title).to_have_value("")
    expect(fresh_title).to_be_focused()
    expect(
        page.locator("form#quick-add").get_by_role("checkbox", name="Scope and impact", exact=True)
    ).not_to_be_checked()

    # The counts panel was refreshed out of band.
    for name, count in before.items():
        expect(
            page.locator("#behaviour-counts li")
            .filter(has_text=re.compile(rf"^{re.escape(name)}\s*\d+$"))
            .locator("strong")
        ).to_have_text(str(count + 1))

    assert page.evaluate("window.__marker") == 42, "the page reloaded"
    screenshot("week-after-quick-add")

    card.get_by_role("link", name=title).click()
    expect(page).to_have_url(re.compile(r"/entries/\d+/$"))
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(
        page.locator(".page-header").get_by_role("list", name="Behaviours").get_by_role("listitem")
    ).to_have_text(["Scope and impact", "Leaving things better"])

    # And it is really stored: a fresh load of the week lists it once.
    page.goto(f"{demo_site.url}/week/")
    expect(page.locator("#this-week-list").get_by_role("link", name=title)).to_have_count(1)


def test_two_tabs_editing_one_entry_get_a_conflict_with_both_versions_shown(
    page, demo_site, screenshot
):
    sign_in(page, demo_site.url, "demo-engineer")
    pk = log_entry(page, demo_site.url, "Wrote the on-call runbook", "First draft.")
    edit_url = f"{demo_site.url}/entries/{pk}/edit/"
    tab_a = page
    tab_b = page.context.new_page()
    tab_a.goto(edit_url)
    tab_b.goto(edit_url)
    expect(tab_b.get_by_label("Details", exact=True)).to_have_value("First draft.")

    text_a = "Tab A: added the escalation matrix."
    tab_a.get_by_label("Details", exact=True).fill(text_a)
    tab_a.get_by_role("button", name="Save changes").click()
    expect(tab_a).to_have_url(f"{demo_site.url}/entries/{pk}/")
    expect(tab_a.get_by_role("status")).to_contain_text("Saved.")
    expect(tab_a.locator(".user-content")).to_contain_text(text_a)

    text_b = "Tab B: linked every alert to its runbook section."
    tab_b.get_by_label("Details", exact=True).fill(text_b)
    tab_b.get_by_role("button", name="Save changes").click()

    banner = tab_b.get_by_role("alert")
    expect(banner).to_contain_text("Not saved.")
    expect(banner).to_contain_text("Someone saved this entry after you opened it")
    saved = tab_b.get_by_role("region", name=re.compile("The saved version"))
    expect(saved).to_contain_text("version 2")
    expect(saved.locator(".saved-body")).to_have_text(text_a)
    expect(tab_b.get_by_label("Details", exact=True)).to_have_value(text_b)
    screenshot("edit-conflict", tab_b)

    tab_b.get_by_role("button", name="Save my version").click()
    expect(tab_b).to_have_url(f"{demo_site.url}/entries/{pk}/")
    expect(tab_b.get_by_role("status")).to_contain_text("Saved.")
    expect(tab_b.locator(".user-content")).to_have_text(text_b)
    history = tab_b.get_by_role("region", name="History")
    expect(history).to_contain_text("Version 3")
    expect(history.get_by_text(re.compile(r"^Version \d+$"))).to_have_text(
        ["Version 3", "Version 2", "Version 1"]
    )


def test_delete_moves_an_entry_to_the_trash_and_undo_restores_it(page, demo_site, screenshot):
    title = "Retired the legacy cron box"
    sign_in(page, demo_site.url, "demo-engineer")
    pk = log_entry(page, demo_site.url, title, "Moved the jobs to the scheduler.")
    page.goto(f"{demo_site.url}/week/")
    week_list = page.locator("#this-week-list")
    expect(week_list.get_by_role("link", name=title)).to_be_visible()

    week_list.get_by_role("link", name=title).click()
    page.get_by_role("button", name="Move to trash").click()

    expect(page).to_have_url(f"{demo_site.url}/week/?deleted={pk}")
    undo_note = page.get_by_role("status").filter(has_text="to the trash")
    expect(undo_note).to_contain_text(f"Moved “{title}” to the trash.")
    expect(undo_note.get_by_role("button", name="Undo")).to_be_visible()
    expect(week_list.get_by_role("link", name=title)).to_have_count(0)
    expect(page.locator(f"#entry-{pk}")).to_have_count(0)

    page.goto(f"{demo_site.url}/entries/trash/")
    row = page.get_by_role("listitem").filter(has_text=title)
    expect(row).to_be_visible()
    expect(row.get_by_role("button", name="Restore")).to_be_visible()
    screenshot("trash")
    # A trashed entry is gone from its own page too.
    response = page.request.get(f"{demo_site.url}/entries/{pk}/")
    assert response.status == 404

    page.goto(f"{demo_site.url}/week/?deleted={pk}")
    page.get_by_role("button", name="Undo").click()
    expect(page).to_have_url(f"{demo_site.url}/entries/{pk}/")
    expect(page.get_by_role("status")).to_contain_text(f"Restored “{title}”.")
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()

    page.goto(f"{demo_site.url}/week/")
    expect(page.locator("#this-week-list").get_by_role("link", name=title)).to_be_visible()
    page.goto(f"{demo_site.url}/entries/trash/")
    expect(page.get_by_text(title)).to_have_count(0)
    # Undo on a link that is no longer in the trash offers nothing.
    page.goto(f"{demo_site.url}/week/?deleted={pk}")
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)


def test_markdown_preview_while_writing(page, demo_site, screenshot):
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    sign_in(page, demo_site.url, "demo-engineer")
    page.goto(f"{demo_site.url}/entries/new/")
    page.evaluate("window.__marker = 42")
    page.get_by_label("Title", exact=True).fill("Paired on the cache design")
    script = "<script>alert('owned')</script>"
    page.get_by_label("Details", exact=True).fill(f"It was **bold** work.\n\n{script}\n")
    preview = page.locator("#preview")
    expect(preview.locator("strong")).to_have_count(0)

    page.get_by_role("button", name="Preview").click()

    expect(preview.locator("strong")).to_have_text("bold")
    expect(preview).to_contain_text("Preview")
    expect(preview).to_contain_text(script)  # shown as text ...
    expect(preview.locator("script")).to_have_count(0)  # ... never as an element
    # Previewing does not leave the form or lose what was typed.
    expect(page).to_have_url(f"{demo_site.url}/entries/new/")
    expect(page.get_by_label("Title", exact=True)).to_have_value("Paired on the cache design")
    assert page.evaluate("window.__marker") == 42, "the preview reloaded the page"
    screenshot("entry-preview")
    assert dialogs == [], f"a script ran in the preview: {dialogs}"
