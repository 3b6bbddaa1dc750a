"""A person signs in from the browser and lands on a home page that fits their role."""

from playwright.sync_api import expect

from tests.browser.conftest import sign_in


def test_demo_engineer_signs_in_and_sees_their_home(page, demo_site, screenshot):
    sign_in(page, demo_site.url, "demo-engineer")

    expect(page.get_by_role("heading", name="Hello, Amara")).to_be_visible()
    expect(page.get_by_role("heading", name="Where you are heading")).to_be_visible()
    expect(page.locator(".pill-accent")).to_have_text("Staff Engineer")
    # The target level's behaviours fold behind one line; opening it shows them.
    expect(page.get_by_role("heading", name="Leaving things better")).to_be_hidden()
    page.get_by_text("The 7 behaviours a promotion committee looks for at Staff Engineer").click()
    expect(page.get_by_role("heading", name="Leaving things better")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox")
    ).to_be_visible()
    screenshot("home-demo-engineer")


def test_wrong_password_is_explained_on_the_form(page, demo_site):
    sign_in(page, demo_site.url, "demo-engineer", password="not-the-password")
    expect(page.get_by_role("alert")).to_contain_text(
        "Please enter a correct username and password"
    )
    expect(page.get_by_label("Username")).to_have_value("demo-engineer")


def test_sign_in_is_keyboard_only_and_sign_out_ends_the_session(page, demo_site):
    page.goto(f"{demo_site.url}/accounts/login/")
    expect(page.get_by_label("Username")).to_be_focused()  # type straight away
    page.keyboard.type("demo-manager")
    page.keyboard.press("Tab")
    page.keyboard.type("demo")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your team", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Open the team dashboard")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{demo_site.url}/")
    expect(page).to_have_url(f"{demo_site.url}/accounts/login/?next=/")


def test_home_in_dark_mode_and_on_a_phone(browser, demo_site, screenshot):
    context = browser.new_context(color_scheme="dark", viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, demo_site.url, "demo-mentor")
    expect(page.get_by_role("heading", name="People you mentor")).to_be_visible()
    screenshot("home-demo-mentor-dark-phone", page)
    context.close()
