"""Mentor feedback from the browser: post, reply, resolve, and who sees the conversation.

Each journey has two or three people in separate browser contexts (separate sessions). The
feedback panel's actions post with htmx and swap in place; `window.__marker` proves no reload.
"""

import re

from playwright.sync_api import Page, expect

from evidence.models import Entry
from reviews.models import Feedback
from tests.browser.conftest import sign_in

AMARA = "demo-engineer"
GRACE = "demo-mentor"
GRACE_NAME = "Grace Adeyemi"
ENTRY_URL = re.compile(r"/entries/(\d+)/(#.*)?$")


def as_user(new_context, base_url: str, username: str) -> Page:
    """A page in a fresh browser context (its own cookies), signed in as `username`."""
    page = new_context().new_page()
    sign_in(page, base_url, username)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def entry_pk(page: Page) -> int:
    return int(ENTRY_URL.search(page.url).group(1))


def mark(page: Page) -> None:
    page.evaluate("window.__marker = 1")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__marker") == 1, "the page reloaded"


def waiting(inbox: Page) -> int:
    """How many entries the inbox (filtered by a mentee) says wait for this mentor's feedback."""
    return int(inbox.locator("#triage-lede strong").inner_text())


def open_from_triage(inbox: Page, card, title: str) -> None:
    """Choose an entry in the triage list (its preview loads beside it), then open its page."""
    card.get_by_role("link", name=title, exact=True).click()
    inbox.locator("#triage-preview").get_by_role("link", name=title, exact=True).click()


def state_badge(thread):
    return thread.locator(".thread-head .state-badge")


def test_mentor_posts_feedback_engineer_replies_and_mentor_resolves(
    page, new_context, demo_site, screenshot
):
    base = demo_site.url
    title = "Chose the idempotency-key design for payouts"
    note = "Clear write-up of **why** the ledger needs idempotency keys."
    gap = "Write down the alternatives you rejected and why, before you build."
    reply = "Added an ADR with the three options and the trade-offs."

    # Amara logs an entry shared with her mentors.
    amara = page
    sign_in(amara, base, AMARA)
    amara.goto(f"{base}/entries/new/")
    amara.get_by_label("Title", exact=True).fill(title)
    amara.get_by_role("checkbox", name="Scope and impact", exact=True).check()
    amara.get_by_role("checkbox", name="Technical judgement", exact=True).check()
    amara.get_by_role("radio", name="Mentors", exact=True).check()
    amara.get_by_role("button", name="Log it").click()
    expect(amara).to_have_url(ENTRY_URL)
    expect(amara.get_by_role("heading", level=1)).to_have_text(title)
    pk = entry_pk(amara)
    entry_url = f"{base}/entries/{pk}/"
    expect(amara.locator("#feedback-panel")).to_contain_text("No feedback yet.")

    # Grace finds it in her inbox, waiting for her since today (the longest waiting first).
    grace = as_user(new_context, base, GRACE)
    grace.goto(f"{base}/reviews/inbox/?mentee={AMARA}")
    first = grace.locator("#triage-entries article.entry").filter(
        has=grace.get_by_role("link", name=title, exact=True)
    )
    expect(first.locator(".entry-meta")).to_contain_text("waiting since today")
    expect(first.get_by_role("list", name="Behaviours").get_by_role("listitem")).to_have_text(
        ["Scope and impact", "Technical judgement"]
    )
    waiting_for_amara = waiting(grace)
    open_from_triage(grace, first, title)
    expect(grace).to_have_url(entry_url)
    panel = grace.locator("section#feedback-panel")
    expect(panel.locator("article.thread")).to_have_count(0)
    mark(grace)

    form = panel.locator("form.feedback-form")
    form.get_by_role("radiogroup", name="Verdict for Scope and impact").get_by_label(
        "Demonstrated", exact=True
    ).check()
    form.get_by_role("radiogroup", name="Verdict for Technical judgement").get_by_label(
        "Not shown", exact=True
    ).check()
    form.get_by_label("Your note", exact=True).fill(note)
    form.get_by_label("What would make this next-level?", exact=True).fill(gap)
    form.get_by_label("Which behaviour is that about?", exact=True).select_option(
        label="Technical judgement"
    )
    form.get_by_role("button", name="Post feedback").click()

    threads = grace.locator("#feedback-panel article.thread")
    expect(threads).to_have_count(1)
    thread = threads.first
    expect(state_badge(thread)).to_have_text("Open")
    expect(thread.get_by_role("list", name="Verdicts").get_by_role("listitem")).to_have_text(
        ["Scope and impact Demonstrated", "Technical judgement Not shown"]
    )
    expect(thread.locator(".user-content strong")).to_have_text("why")
    expect(thread.locator(".gap-note")).to_contain_text("Technical judgement")
    expect(thread.locator(".gap-note")).to_contain_text(gap)
    expect(grace.locator("#feedback-heading .count")).to_have_text("1")
    # The swapped-in form is a fresh one, ready for another thread.
    expect(grace.locator("form.feedback-form").get_by_label("Your note")).to_have_value("")
    assert_not_reloaded(grace)
    thread_id = thread.get_attribute("id")
    assert re.fullmatch(r"feedback-\d+", thread_id), thread_id
    screenshot("feedback-posted", grace)

    # Amara sees the thread, is notified, and finds the gap on her gaps page.
    amara.goto(entry_url)
    amara_thread = amara.locator(f"article#{thread_id}")
    expect(amara_thread).to_contain_text(note.replace("**", ""))
    expect(state_badge(amara_thread)).to_have_text("Open")
    expect(amara_thread.get_by_role("button", name="Resolve")).to_have_count(0)

    amara.goto(f"{base}/notifications/")
    notice = amara.get_by_role("link", name=f"{GRACE_NAME} left feedback on “{title}”.", exact=True)
    expect(notice).to_have_count(1)
    expect(notice).to_have_attribute("href", f"/entries/{pk}/#{thread_id}")

    amara.goto(f"{base}/reviews/gaps/")
    judgement = amara.get_by_role("region", name=re.compile(r"^Technical judgement\b"))
    expect(judgement.get_by_role("heading", level=2)).to_contain_text("Technical judgement")
    gap_item = judgement.locator(".gap-list li").filter(has_text=gap)
    expect(gap_item).to_have_count(1)
    expect(gap_item).to_contain_text(f"{GRACE_NAME} on “{title}”")
    expect(amara.get_by_text(gap, exact=True)).to_have_count(1)

    # She replies from the entry page, which marks the feedback addressed in place.
    amara.goto(entry_url)
    mark(amara)
    amara_thread = amara.locator(f"article#{thread_id}")
    amara_thread.get_by_label(f"Reply to {GRACE_NAME}", exact=True).fill(reply)
    amara_thread.get_by_role("button", name="Reply and mark addressed").click()
    expect(state_badge(amara_thread)).to_have_text("Addressed")
    replies = amara_thread.locator("ol.replies > li")
    expect(replies).to_have_count(1)
    expect(replies.first).to_contain_text("Amara Okafor")
    expect(replies.first).to_contain_text(reply)
    expect(amara_thread.get_by_label(f"Reply to {GRACE_NAME}")).to_have_value("")
    expect(amara_thread.get_by_role("button", name="Reply", exact=True)).to_be_visible()
    expect(amara_thread.get_by_role("button", name="Mark addressed")).to_have_count(0)
    assert_not_reloaded(amara)

    # Grace sees the reply and resolves the thread in place.
    grace.reload()
    mark(grace)
    grace_thread = grace.locator(f"article#{thread_id}")
    expect(state_badge(grace_thread)).to_have_text("Addressed")
    expect(grace_thread.locator("ol.replies")).to_contain_text(reply)
    grace_thread.get_by_role("button", name="Resolve").click()
    expect(state_badge(grace_thread)).to_have_text("Resolved")
    expect(grace_thread.get_by_role("button", name="Resolve")).to_have_count(0)
    expect(grace_thread.get_by_role("button", name="Reopen")).to_be_visible()
    expect(grace_thread.get_by_role("alert")).to_have_count(0)
    assert_not_reloaded(grace)

    # A resolved gap leaves Amara's gaps page; the thread stays resolved on a fresh load.
    amara.goto(f"{base}/reviews/gaps/")
    expect(amara.get_by_role("heading", name="What to work on", level=1)).to_be_visible()
    expect(amara.get_by_text(gap)).to_have_count(0)
    amara.goto(entry_url)
    expect(state_badge(amara.locator(f"article#{thread_id}"))).to_have_text("Resolved")
    screenshot("feedback-resolved", grace)

    # In Grace's inbox the entry is now reviewed, with one thread, and one fewer is waiting.
    grace.goto(f"{base}/reviews/inbox/?mentee={AMARA}")
    card = grace.locator("#triage-entries article.entry").filter(
        has=grace.get_by_role("link", name=title, exact=True)
    )
    expect(card.locator(".entry-meta")).to_have_text(re.compile(r"^\s*reviewed\s+1 thread\s*$"))
    assert waiting(grace) == waiting_for_amara - 1


def test_feedback_without_verdicts_is_refused_with_a_message_and_keeps_the_note(
    page, demo_site, screenshot
):
    base = demo_site.url
    note = "Good instinct to measure first; say what you would do next time."
    sign_in(page, base, GRACE)
    page.goto(f"{base}/reviews/inbox/?mentee={AMARA}")
    unreviewed = (
        page.locator("#triage-entries article.entry")
        .filter(has=page.locator(".badge", has_text="waiting"))
        .filter(has=page.locator("ul.chips"))
    )
    assert unreviewed.count() > 0, "the demo has no unreviewed entry of Amara's with behaviours"
    card = unreviewed.first
    title = card.locator(".entry-title").text_content().strip()
    behaviours = [b.strip() for b in card.locator("ul.chips > li").all_text_contents()]
    open_from_triage(page, card, title)
    expect(page).to_have_url(ENTRY_URL)
    pk = entry_pk(page)
    panel = page.locator("section#feedback-panel")
    before = panel.locator("article.thread").count()
    stored_before = Feedback.objects.filter(entry_id=pk).count()
    assert stored_before == before
    mark(page)

    form = panel.locator("form.feedback-form")
    for name in behaviours:
        expect(form.get_by_role("radiogroup", name=f"Verdict for {name}")).to_be_visible()
    form.get_by_label("Your note", exact=True).fill(note)
    form.get_by_role("button", name="Post feedback").click()

    form = page.locator("#feedback-panel form.feedback-form")
    for name in behaviours:
        row = form.locator(".verdict-row").filter(has_text=name)
        expect(row.locator(".field-error")).to_have_text(f"Give a verdict for “{name}”.")
        expect(row).to_have_class(re.compile(r"\bfield-invalid\b"))
    expect(form.get_by_label("Your note", exact=True)).to_have_value(note)
    expect(page.locator("#feedback-panel article.thread")).to_have_count(before)
    expect(page.locator("#feedback-heading .count")).to_have_text(str(before))
    assert_not_reloaded(page)
    assert Feedback.objects.filter(entry_id=pk).count() == stored_before
    screenshot("feedback-missing-verdicts")

    # Still waiting in the inbox.
    page.goto(f"{base}/reviews/inbox/?mentee={AMARA}")
    card = page.locator("#triage-entries article.entry").filter(
        has=page.get_by_role("link", name=title, exact=True)
    )
    expect(card.locator(".entry-meta")).to_contain_text("waiting")


def test_engineer_invites_a_mentor_who_accepts_and_then_sees_shared_entries(
    page, new_context, demo_site, screenshot
):
    base = demo_site.url
    tomas = page
    sign_in(tomas, base, "tomas.ruiz")
    owen = as_user(new_context, base, "owen.clarke")
    people_url = f"{base}/people/tomas.ruiz/"

    # Before any invitation Owen has no view of Tomás at all.
    assert owen.goto(people_url).status == 404

    tomas.goto(f"{base}/mentoring/")
    tomas.get_by_label("Username or email of the mentor you want").fill("owen.clarke@example.com")
    tomas.get_by_role("button", name="Ask them to mentor you").click()
    expect(tomas).to_have_url(f"{base}/mentoring/")
    expect(tomas.get_by_role("status")).to_contain_text("Asked Owen Clarke to mentor you.")
    my_mentors = tomas.get_by_role("region", name="Your mentors")
    owen_row = my_mentors.locator(".row-list > li").filter(has_text="Owen Clarke")
    expect(owen_row).to_contain_text("waiting for an answer")

    # An invitation alone shares nothing.
    assert owen.goto(people_url).status == 404
    owen.goto(f"{base}/reviews/inbox/")
    expect(owen.get_by_role("region", name="Your mentees")).not_to_contain_text("Tomás Ruiz")

    owen.goto(f"{base}/mentoring/")
    mentees = owen.get_by_role("region", name="People you mentor")
    invite = mentees.locator(".row-list > li").filter(has_text="Tomás Ruiz")
    expect(invite).to_contain_text("asked you to mentor them")
    invite.get_by_role("button", name="Accept").click()
    expect(owen.get_by_role("status")).to_contain_text("You now mentor Tomás Ruiz.")
    mentees = owen.get_by_role("region", name="People you mentor")
    expect(mentees.get_by_role("link", name="Tomás Ruiz")).to_be_visible()
    row = mentees.locator(".row-list > li").filter(has_text="Tomás Ruiz")
    expect(row.get_by_role("button", name="Accept")).to_have_count(0)
    expect(row.get_by_role("link", name="End…")).to_be_visible()
    nav = owen.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Inbox", exact=True)).to_be_visible()
    screenshot("mentoring-accepted", owen)

    # Tomás' shared entries are in Owen's inbox and on Tomás' page; his private ones are not.
    nav.get_by_role("link", name="Inbox", exact=True).click()
    expect(owen.get_by_role("region", name="Your mentees")).to_contain_text("Tomás Ruiz")
    response = owen.goto(people_url)
    assert response.status == 200
    expect(owen.get_by_role("heading", name="Tomás Ruiz", level=1)).to_be_visible()
    cards = owen.locator("#timeline article.entry")
    expect(cards.first).to_be_visible()
    expect(owen.locator("#timeline .vis-private")).to_have_count(0)
    shared = (
        Entry.objects.live().filter(author__username="tomas.ruiz").exclude(visibility="private")
    )
    first_pk = int(cards.first.get_attribute("id").removeprefix("entry-"))
    assert shared.filter(pk=first_pk).exists()
    entry_url = f"{base}/entries/{first_pk}/"
    assert owen.goto(entry_url).status == 200

    # Tomás ends it; Owen loses access at once.
    tomas.goto(f"{base}/mentoring/")
    owen_row = (
        tomas.get_by_role("region", name="Your mentors")
        .locator(".row-list > li")
        .filter(has_text="Owen Clarke")
    )
    owen_row.get_by_role("link", name="End…").click()  # asks first, saying what changes
    expect(tomas.get_by_role("heading", level=1)).to_have_text(
        "End Owen Clarke's mentorship of you?"
    )
    expect(tomas.get_by_text("Owen no longer sees what you share with mentors")).to_be_visible()
    tomas.get_by_role("button", name="End the mentorship").click()
    expect(tomas.get_by_role("status")).to_contain_text(
        "Ended: Owen Clarke no longer sees what you share with mentors."
    )
    assert owen.goto(entry_url).status == 404
    tomas.get_by_role("button", name="Undo").click()  # changed their mind: as it was
    expect(tomas.get_by_role("status")).to_contain_text("Undone: the mentorship goes on")
    assert owen.goto(entry_url).status == 200
    owen_row.get_by_role("link", name="End…").click()
    tomas.get_by_role("button", name="End the mentorship").click()
    my_mentors = tomas.get_by_role("region", name="Your mentors")
    expect(my_mentors.locator(".row-list > li").filter(has_text="Owen Clarke")).to_have_count(0)
    expect(my_mentors).to_contain_text(GRACE_NAME)  # the other mentorship is untouched

    response = owen.goto(people_url)
    assert response.status == 404
    expect(owen.get_by_text("Tomás Ruiz")).to_have_count(0)
    assert owen.goto(entry_url).status == 404


def test_manager_sees_an_entry_but_not_the_feedback_conversation(
    page, new_context, demo_site, screenshot
):
    base = demo_site.url
    manager = page
    sign_in(manager, base, "demo-manager")
    manager.goto(f"{base}/people/{AMARA}/")
    expect(manager.get_by_role("heading", name="Amara Okafor", level=1)).to_be_visible()
    links = manager.locator("#timeline article.entry .entry-title")
    expect(links.first).to_be_visible()
    # The first entry on the page that has a feedback conversation.
    pks = [int(ENTRY_URL.search(h).group(1)) for h in links.evaluate_all("a => a.map(x => x.href)")]
    with_feedback = set(
        Feedback.objects.filter(entry_id__in=pks).values_list("entry_id", flat=True)
    )
    chosen = next((pk for pk in pks if pk in with_feedback), None)
    assert chosen is not None, "no entry with feedback on the first page of Amara's timeline"
    entry = Entry.objects.get(pk=chosen)
    assert entry.visibility == "mentors_and_managers"
    entry_url = f"{base}/entries/{chosen}/"

    # Amara sees the conversation on that entry ...
    amara = as_user(new_context, base, AMARA)
    amara.goto(entry_url)
    threads = amara.locator("#feedback-panel article.thread")
    expect(threads.first).to_be_visible()
    said = threads.first.locator(".user-content").first.inner_text().strip()
    assert said

    # ... the manager sees the entry, and nothing of it.
    response = manager.goto(entry_url)
    assert response.status == 200
    expect(manager.get_by_role("heading", name=entry.title, level=1)).to_be_visible()
    expect(manager.locator(".entry-meta")).to_contain_text("Shared with: Mentors and managers")
    expect(manager.locator("#feedback-panel")).to_have_count(0)
    expect(manager.get_by_role("heading", name=re.compile("Mentor feedback"))).to_have_count(0)
    expect(manager.locator("form.feedback-form, form.reply-form")).to_have_count(0)
    assert said[:60] not in manager.locator("main").inner_text()
    screenshot("manager-entry-without-feedback", manager)
