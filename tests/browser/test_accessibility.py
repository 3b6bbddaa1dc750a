"""Every page, for the role that sees it, checked with axe-core: no serious or critical violations.

axe-core comes from npm, pinned in tests/browser/package-lock.json (`make test-browser` runs
`npm ci --prefix tests/browser`). Each test walks one role's pages and reports every blocking
violation it met, so one run shows them all. Contrast differs between themes, so a subset is
checked again with the dark colour scheme.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import Page, expect

from evidence.models import Entry
from promo.ladder_files import DEFAULT_LADDER_FILE
from reviews.models import CheckQuestion, Feedback, PromoAttempt, PromoDocument
from tests.browser.conftest import sign_in

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
# axe only says "needs review" when an aria-describedby names an id that is not on the page; for
# us that is always a bug (Django 5.2 points fields at <id>_helptext and <id>_error).
MISSING_ID = "aria-valid-attr-value"
NO_AXE = f"axe-core is not installed at {AXE}: run `npm ci --prefix tests/browser`."

AMARA = "demo-engineer"  # mentored by demo-mentor, managed by demo-manager
OWEN = "owen.clarke"  # denied then approved; a finished clerical-error check
JONAS = "jonas.becker"  # asked his own check; still open
LENA = "lena.fischer"  # has not answered Jonas's check yet
HANA = "hana.kovac"  # Owen's manager


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # add_script_tag(path=...) inlines axe, which the site's strict CSP would refuse.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(NO_AXE)
        pytest.skip(NO_AXE)
    return AXE


class Audit:
    """Runs axe on pages and collects the serious and critical violations of them all."""

    def __init__(self, axe: Path) -> None:
        self.axe = axe
        self.problems: list[str] = []

    def check(self, page: Page, what: str) -> None:
        page.wait_for_load_state("load")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=str(self.axe))
        results = page.evaluate(
            "() => axe.run(document, {resultTypes: ['violations', 'incomplete']})"
        )
        incomplete = [r for r in results["incomplete"] if r["id"] == MISSING_ID]
        for violation in results["violations"] + incomplete:
            if violation["impact"] not in BLOCKING:
                continue
            nodes = "\n".join(
                f"      {' '.join(map(str, node['target']))}: {node['failureSummary']}"
                for node in violation["nodes"][:8]
            )
            more = len(violation["nodes"]) - 8
            self.problems.append(
                f"{what} ({page.url}) [{violation['impact']}] {violation['id']}: "
                f"{violation['help']}\n{nodes}"
                + (f"\n      ...and {more} more" if more > 0 else "")
            )

    def visit(self, page: Page, url: str, what: str, *, status: int = 200) -> None:
        response = page.goto(url)
        assert response is not None and response.status == status, (what, url, response)
        self.check(page, what)

    def assert_clean(self) -> None:
        assert not self.problems, (
            f"{len(self.problems)} serious or critical axe violations:\n\n"
            + "\n\n".join(self.problems)
        )


@pytest.fixture
def audit(axe_source) -> Audit:
    return Audit(axe_source)


def sign_in_as(page: Page, base: str, username: str) -> None:
    sign_in(page, base, username)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def curate(page) -> None:
    """Pin the first entry of the document's first behaviour and hide the next one, in place."""
    section = page.locator("section.doc-section").first
    section.locator("ul.doc-evidence > li").first.get_by_role("button", name="Pin").click()
    expect(section.locator("li.evidence-pinned")).to_have_count(1)
    section.locator("ul.doc-evidence > li").nth(1).get_by_role("button", name="Hide").click()
    expect(section.locator("ul.doc-hidden > li")).to_have_count(1)


def test_anonymous_pages(page, demo_site, audit):
    base = demo_site.url
    audit.visit(page, f"{base}/accounts/login/", "sign-in")
    page.get_by_label("Username").fill(AMARA)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".form-errors")).to_be_visible()
    audit.check(page, "sign-in with an error")
    audit.visit(page, f"{base}/accounts/password_reset/", "password reset")
    page.get_by_label("Email").fill(f"{AMARA}@example.com")
    page.get_by_role("button", name="Send the link").click()
    expect(page).to_have_url(re.compile(r"/password_reset/done/$"))
    audit.check(page, "password reset sent")
    # The live server runs in this process: its email lands in the locmem outbox.
    link = re.search(r"http://\S+/reset/\S+/", mail.outbox[-1].body).group()
    page.goto(link)
    expect(page).to_have_url(re.compile(r"/set-password/$"))
    audit.check(page, "password reset: new password")
    page.get_by_label("New password", exact=True).fill("a new long passphrase 42")
    page.get_by_label("New password confirmation").fill("a new long passphrase 42")
    page.get_by_role("button", name="Set password").click()
    expect(page).to_have_url(re.compile(r"/reset/done/$"))
    audit.check(page, "password reset complete")
    audit.visit(page, f"{base}/no-such-page/", "404", status=404)

    # django-axes pauses a username after too many wrong passwords from one address.
    page.goto(f"{base}/accounts/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        page.get_by_label("Username").fill(LENA)
        page.get_by_label("Password").fill("not the password")
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Sign in").click()
        if navigation.value.status == 429:
            break
    assert navigation.value.status == 429
    audit.check(page, "sign-in locked out")
    audit.assert_clean()


def test_engineer_pages(page, demo_site, audit):
    base = demo_site.url
    sign_in_as(page, base, AMARA)
    audit.check(page, "home (engineer)")
    audit.visit(page, f"{base}/week/", "this week")
    quick_add = page.locator("form#quick-add")
    quick_add.get_by_role("button", name="Log it").click()
    expect(quick_add.locator(".field-error").first).to_be_visible()
    audit.check(page, "this week, quick add refused")
    page.locator("form#quick-add").get_by_label("Title", exact=True).fill("Paired on the cache")
    page.locator("form#quick-add").get_by_role("button", name="Log it").click()
    expect(page.locator("#quick-add-status")).to_contain_text("Paired on the cache")
    audit.check(page, "this week, quick add logged")
    trashed = Entry.objects.filter(author__username=AMARA, deleted_at__isnull=False).first()
    audit.visit(page, f"{base}/week/?deleted={trashed.pk}", "this week with undo")

    audit.visit(page, f"{base}/entries/new/", "new entry")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".field-error").first).to_be_visible()
    audit.check(page, "new entry refused")
    page.get_by_label("Details", exact=True).fill("It was **bold** work.\n\n- one\n- two")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#preview strong")).to_have_text("bold")
    audit.check(page, "new entry with a preview")

    threaded = Feedback.objects.filter(entry__author__username=AMARA, replies__isnull=False)
    entry = threaded.first().entry
    audit.visit(page, f"{base}/entries/{entry.pk}/", "entry with a feedback thread")
    for history in page.locator("details").all():
        history.locator("summary").click()
    audit.check(page, "entry with its history open")
    audit.visit(page, f"{base}/entries/{entry.pk}/edit/", "entry edit form")
    audit.visit(page, f"{base}/entries/impact/", "impact follow-up")

    word = Entry.objects.live().filter(author__username=AMARA).first().title.split()[0]
    audit.visit(page, f"{base}/entries/search/?q={word}", "search with results")
    expect(page.locator(".entry").first).to_be_visible()
    audit.visit(page, f"{base}/entries/trash/", "trash")
    audit.visit(page, f"{base}/entries/import/", "import")
    audit.visit(page, f"{base}/people/{AMARA}/", "person timeline")
    audit.visit(page, f"{base}/ladder/", "ladder")
    audit.visit(page, f"{base}/mentoring/", "mentoring")
    page.get_by_role("link", name="End…").first.click()
    expect(page.get_by_role("button", name="End the mentorship")).to_be_visible()
    audit.check(page, "ending a mentorship: what changes")
    audit.visit(page, f"{base}/notifications/", "notifications")
    audit.visit(page, f"{base}/settings/", "preferences")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message").first).to_be_visible()
    audit.check(page, "preferences saved")
    audit.visit(page, f"{base}/reviews/gaps/", "gaps")

    audit.visit(page, f"{base}/reviews/readiness/{AMARA}/", "readiness")
    page.locator("a.heat-cell[aria-label$=': demonstrated']").first.click()
    expect(page.locator("#cell-detail ul.cell-list li a").first).to_be_visible()
    audit.check(page, "readiness with a heatmap cell open")

    audit.visit(page, f"{base}/reviews/documents/", "promo documents")
    document = PromoDocument.objects.get(engineer__username=AMARA)
    audit.visit(page, f"{base}/reviews/documents/{document.pk}/", "promo document")
    curate(page)
    audit.check(page, "promo document with a pinned and a hidden entry")
    section = page.locator("section.doc-section").first
    section.get_by_role("link", name="Edit narrative").click()
    expect(section.get_by_label("Your narrative")).to_be_visible()
    audit.check(page, "promo document with a narrative form open")
    behaviour = document.narratives.first().behaviour_id
    audit.visit(
        page, f"{base}/reviews/documents/{document.pk}/narratives/{behaviour}/", "narrative page"
    )
    audit.visit(page, f"{base}/reviews/documents/{document.pk}/print/", "printable document")
    audit.visit(page, f"{base}/reviews/people/{AMARA}/checks/", "checks list (own, ask form)")
    page.get_by_role("button", name="Ask them").click()
    expect(page.locator("#ask .field-error").first).to_be_visible()
    audit.check(page, "checks list, ask refused")

    audit.visit(page, f"{base}/accounts/password_change/", "password change")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".field-error").first).to_be_visible()
    audit.check(page, "password change refused")
    page.get_by_label("Old password").fill("demo")
    page.get_by_label("New password", exact=True).fill("a new long passphrase 42")
    page.get_by_label("New password confirmation").fill("a new long passphrase 42")
    page.get_by_role("button", name="Change password").click()
    expect(page).to_have_url(re.compile(r"/password_change/done/$"))
    audit.check(page, "password changed")
    audit.visit(page, f"{base}/entries/999999/", "404 signed in", status=404)
    audit.assert_clean()


def test_mentor_and_respondent_pages(page, demo_site, audit):
    base = demo_site.url
    sign_in_as(page, base, "demo-mentor")
    audit.check(page, "home (mentor)")
    audit.visit(page, f"{base}/reviews/inbox/", "mentor inbox")
    waiting = page.locator("#triage-entries article.entry-unreviewed .entry-title").first
    entry_id = waiting.get_attribute("data-entry")
    waiting.click()
    expect(page.locator("#triage-preview form")).to_be_visible()
    audit.check(page, "mentor inbox, an entry in the triage preview")
    audit.visit(page, f"{base}/entries/{entry_id}/", "entry as a mentor")
    expect(page.locator("form.feedback-form")).to_be_visible()
    audit.check(page, "entry as a mentor, feedback form")
    page.get_by_role("button", name="Post feedback").click()
    expect(page.locator("form.feedback-form .form-errors")).to_be_visible()
    audit.check(page, "entry as a mentor, feedback refused")
    audit.visit(page, f"{base}/people/{AMARA}/", "mentee timeline")
    audit.visit(page, f"{base}/reviews/team/", "mentees")
    own = Feedback.objects.filter(author__username="demo-mentor").first()
    audit.visit(page, f"{base}/reviews/feedback/{own.pk}/edit/", "feedback edit form")
    audit.visit(page, f"{base}/reviews/checks/questions/", "questions (answered)")
    answered = CheckQuestion.objects.get(respondent__username="demo-mentor")
    audit.visit(page, f"{base}/reviews/checks/questions/{answered.pk}/", "question (answered)")

    sign_out(page)
    sign_in_as(page, base, LENA)
    audit.check(page, "home (respondent)")
    audit.visit(page, f"{base}/reviews/checks/questions/", "questions (waiting)")
    waiting = CheckQuestion.objects.get(respondent__username=LENA, answer="")
    audit.visit(page, f"{base}/reviews/checks/questions/{waiting.pk}/", "question (waiting)")
    audit.assert_clean()


def test_manager_pages(page, demo_site, audit):
    base = demo_site.url
    sign_in_as(page, base, "demo-manager")
    audit.check(page, "home (manager)")
    audit.visit(page, f"{base}/reviews/team/", "team dashboard")
    page.locator("select#f-status").select_option(label="Ready")
    expect(page).to_have_url(re.compile(r"[?&]status=ready(&|$)"))
    audit.check(page, "team dashboard filtered")
    audit.visit(page, f"{base}/reviews/readiness/{AMARA}/", "readiness (manager)")
    audit.visit(page, f"{base}/reviews/people/tomas.ruiz/attempts/", "attempts, none yet")
    page.get_by_role("button", name="Record submission").click()
    expect(page.get_by_role("button", name="Record decision")).to_be_visible()
    audit.check(page, "attempt pending, outcome form")
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator(".form-errors, .field-error").first).to_be_visible()
    audit.check(page, "attempt pending, outcome refused")

    sign_out(page)
    sign_in_as(page, base, HANA)
    audit.visit(page, f"{base}/reviews/people/{OWEN}/attempts/", "attempts timeline")
    attempt = PromoAttempt.objects.filter(engineer__username=OWEN).order_by("pk").first()
    audit.visit(page, f"{base}/reviews/attempts/{attempt.pk}/", "attempt (denied)")
    audit.visit(page, f"{base}/reviews/people/{OWEN}/checks/", "checks list (manager)")

    sign_out(page)
    sign_in_as(page, base, JONAS)
    audit.visit(page, f"{base}/reviews/people/{JONAS}/checks/", "checks list (open check)")
    audit.assert_clean()


def test_admin_home(page, demo_site, audit):
    sign_in_as(page, demo_site.url, "demo-admin")
    audit.check(page, "home (admin)")
    audit.assert_clean()


def test_people_pages(browser, browser_context_args, demo_site, audit):
    base = demo_site.url
    for scheme in ("light", "dark"):
        page = browser.new_context(**browser_context_args, color_scheme=scheme).new_page()
        sign_in_as(page, base, "demo-admin")
        audit.visit(page, f"{base}/organisation/people/", f"people ({scheme})")
        page.get_by_role("link", name="Edit Amara Okafor").click()
        expect(page.get_by_label("Aiming for")).to_be_visible()
        audit.check(page, f"people, one row in edit ({scheme})")
        audit.visit(page, f"{base}/organisation/people/import/", f"people import ({scheme})")
        page.get_by_label("Or paste it").fill(
            "email,level,manager_email\nnew@example.com,Senior Engineer,demo-manager@example.com"
            "\nbad,Wizard,\n"
        )
        page.get_by_role("button", name="Preview").click()
        expect(page.locator(".form-errors")).to_be_visible()
        audit.check(page, f"people import with problems ({scheme})")
        page.get_by_label("Or paste it").fill("email,title\ndemo-engineer@example.com,Staff\n")
        page.get_by_role("button", name="Preview").click()
        expect(page.get_by_role("button", name="Apply 1 change")).to_be_visible()
        audit.check(page, f"people import preview ({scheme})")
        audit.visit(page, f"{base}/organisation/ladder/", f"ladder upload ({scheme})")
        page.get_by_label("Or paste it").fill(DEFAULT_LADDER_FILE.read_text())
        page.get_by_label("Update it in place").check()
        page.get_by_role("button", name="Preview").click()
        expect(page.get_by_role("button", name="Save this ladder")).to_be_visible()
        audit.check(page, f"ladder preview ({scheme})")
    audit.assert_clean()


def test_dark_mode_pages(browser, browser_context_args, demo_site, audit):
    base = demo_site.url
    page = browser.new_context(**browser_context_args, color_scheme="dark").new_page()
    audit.visit(page, f"{base}/accounts/login/", "sign-in (dark)")
    page.get_by_label("Username").fill(AMARA)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".form-errors")).to_be_visible()
    audit.check(page, "sign-in with an error (dark)")
    audit.visit(page, f"{base}/no-such-page/", "404 (dark)", status=404)

    sign_in_as(page, base, AMARA)
    audit.check(page, "home (dark)")
    audit.visit(page, f"{base}/week/", "this week (dark)")
    page.locator("form#quick-add").get_by_role("button", name="Log it").click()
    expect(page.locator("form#quick-add .field-error").first).to_be_visible()
    audit.check(page, "this week, quick add refused (dark)")
    trashed = Entry.objects.filter(author__username=AMARA, deleted_at__isnull=False).first()
    audit.visit(page, f"{base}/week/?deleted={trashed.pk}", "this week with undo (dark)")
    entry = Feedback.objects.filter(entry__author__username=AMARA).first().entry
    audit.visit(page, f"{base}/entries/{entry.pk}/", "entry with feedback (dark)")
    audit.visit(page, f"{base}/entries/impact/", "impact follow-up (dark)")
    audit.visit(page, f"{base}/settings/", "preferences (dark)")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message").first).to_be_visible()
    audit.check(page, "preferences saved (dark)")
    audit.visit(page, f"{base}/reviews/readiness/{AMARA}/", "readiness (dark)")
    page.locator("a.heat-cell[aria-label$=': demonstrated']").first.click()
    expect(page.locator("#cell-detail ul.cell-list li a").first).to_be_visible()
    audit.check(page, "readiness with a cell open (dark)")
    document = PromoDocument.objects.get(engineer__username=AMARA)
    audit.visit(page, f"{base}/reviews/documents/{document.pk}/", "promo document (dark)")
    curate(page)
    audit.check(page, "promo document with a pinned and a hidden entry (dark)")
    audit.visit(page, f"{base}/reviews/documents/{document.pk}/print/", "printable (dark)")
    audit.visit(page, f"{base}/reviews/gaps/", "gaps (dark)")
    sign_out(page)

    sign_in_as(page, base, HANA)
    audit.visit(page, f"{base}/reviews/team/", "team dashboard (dark)")
    attempt = PromoAttempt.objects.filter(engineer__username=OWEN).order_by("pk").first()
    audit.visit(page, f"{base}/reviews/attempts/{attempt.pk}/", "attempt (dark)")
    audit.visit(page, f"{base}/reviews/people/{OWEN}/checks/", "checks list (dark)")
    sign_out(page)

    sign_in_as(page, base, "demo-mentor")
    audit.check(page, "home, mentor (dark)")
    audit.visit(page, f"{base}/reviews/inbox/", "mentor inbox (dark)")
    waiting = page.locator("#triage-entries article.entry-unreviewed .entry-title").first
    entry_id = waiting.get_attribute("data-entry")
    waiting.click()
    expect(page.locator("#triage-preview form")).to_be_visible()
    audit.check(page, "mentor inbox, an entry in the triage preview (dark)")
    audit.visit(page, f"{base}/entries/{entry_id}/", "entry as a mentor (dark)")
    page.get_by_role("button", name="Post feedback").click()
    expect(page.locator("form.feedback-form .form-errors")).to_be_visible()
    audit.check(page, "entry as a mentor, feedback refused (dark)")
    page.context.close()
    audit.assert_clean()


def test_single_sign_on_pages(browser, browser_context_args, demo_site, oidc_provider, audit):
    base = demo_site.url
    corp = oidc_provider({"eve": {"email": "eve@elsewhere.example", "email_verified": True}})
    for scheme in ("light", "dark"):
        page = browser.new_context(**browser_context_args, color_scheme=scheme).new_page()
        audit.visit(page, f"{base}/accounts/login/", f"sign-in with single sign-on ({scheme})")
        page.get_by_role("button", name=f"Sign in with {corp.name}").click()
        corp.sign_in(page, "eve")
        expect(page.get_by_role("alert")).to_contain_text("cannot make one")
        audit.check(page, f"single sign-on refused ({scheme})")
        audit.visit(page, f"{base}/accounts/sso/cancelled/", f"sign-in cancelled ({scheme})")
    audit.assert_clean()
