"""The readiness heatmap for every reader: told apart without colour, contrast a low-vision eye
can see, one Tab stop moved with the arrow keys, a tooltip on hover and on focus, and on a phone
the latest months first.

axe-core (4.14) has no rule for the contrast of non-text parts (WCAG 1.4.11), so this measures
it: every state's edge against the card, and its glyph against its fill, at 3:1 or more.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in

AMARA = "demo-engineer"
STATES = ("c-demo", "c-flash", "c-gap", "c-none")
NON_TEXT_CONTRAST = 3.0

# What the browser computed for one square of each state, and for the card behind them.
READ_STATES = """(states) => {
  const style = (el) => getComputedStyle(el);
  const card = style(document.querySelector('.heatmap').closest('.card')).backgroundColor;
  return states.map((css) => {
    // A square of the grid where the engineer has one in this state, else the legend's.
    const cell = document.querySelector('.heatmap a.heat-cell.' + css)
      || document.querySelector('.heat-key .heat-cell.' + css);
    const s = style(cell);
    return {css, inGrid: cell.matches('.heatmap a'), glyph: cell.textContent.trim(), fill: s.backgroundColor, edge: s.borderTopColor,
            edgeStyle: s.borderTopStyle, ink: s.color, card};
  });
}"""


def rgb(css_colour: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css_colour)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def luminance(colour: tuple[float, float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def transparent(colour: str) -> bool:
    return rgb(colour)[3] == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_heatmap_state_has_its_own_shape_and_3_to_1_contrast(
    browser, browser_context_args, demo_site, scheme
):
    page = browser.new_context(**browser_context_args, color_scheme=scheme).new_page()
    sign_in(page, demo_site.url, AMARA)
    page.goto(f"{demo_site.url}/reviews/readiness/{AMARA}/")
    found = page.evaluate(READ_STATES, list(STATES))
    assert sum(s["inGrid"] for s in found) >= 3, found  # the demo shows most states
    for state in found:
        # The edge that outlines the square is what an eye finds it by, on every state.
        assert contrast(state["edge"], state["card"]) >= NON_TEXT_CONTRAST, state
        if state["glyph"]:
            behind = state["card"] if transparent(state["fill"]) else state["fill"]
            assert contrast(state["ink"], behind) >= NON_TEXT_CONTRAST, state
    # Held apart by more than colour: glyph, outline style and filled-or-not differ for each.
    shapes = {(s["glyph"], s["edgeStyle"], transparent(s["fill"])) for s in found}
    assert len(shapes) == len(STATES), found
    # And the legend names each with the same glyph.
    for state in found:
        key = page.locator(f".heat-key .heat-cell.{state['css']}")
        expect(key).to_have_text(state["glyph"])


def test_the_heatmap_is_one_tab_stop_moved_with_the_arrow_keys(page, demo_site, screenshot):
    sign_in(page, demo_site.url, AMARA)
    page.goto(f"{demo_site.url}/reviews/readiness/{AMARA}/")
    grid = page.get_by_role("grid")
    cells = grid.locator("a.heat-cell")
    assert cells.count() > 40
    # One Tab stop for the whole grid: the latest month of the first behaviour.
    tabbable = grid.locator("a.heat-cell:not([tabindex='-1'])")
    expect(tabbable).to_have_count(1)
    # Tab from the last link before the grid (the entries "what would change it" names).
    page.locator("section[aria-labelledby=outlook-heading] a").last.focus()
    page.keyboard.press("Tab")
    first_row = grid.get_by_role("row").nth(1).locator("a.heat-cell")
    latest = first_row.last
    expect(latest).to_be_focused()
    tip = page.locator(".heat-tip")
    expect(tip).to_be_visible()
    expect(tip).to_have_text(latest.get_attribute("aria-label"))

    page.keyboard.press("ArrowLeft")
    expect(first_row.nth(first_row.count() - 2)).to_be_focused()
    expect(tip).to_have_text(first_row.nth(first_row.count() - 2).get_attribute("aria-label"))
    page.keyboard.press("ArrowDown")
    second_row = grid.get_by_role("row").nth(2).locator("a.heat-cell")
    expect(second_row.nth(second_row.count() - 2)).to_be_focused()
    page.keyboard.press("Home")
    expect(second_row.first).to_be_focused()
    page.keyboard.press("Control+End")
    last_row = grid.get_by_role("row").last.locator("a.heat-cell")
    expect(last_row.last).to_be_focused()
    # The grid keeps its one stop where the reader left it, and Tab leaves the grid.
    expect(tabbable).to_have_count(1)
    label = last_row.last.get_attribute("aria-label")
    page.keyboard.press("Enter")
    behaviour, period = re.fullmatch(r"(.+), (\w{3} \d{4}): .+", label).groups()
    expect(page.locator("#cell-detail").get_by_role("heading", level=3)).to_have_text(
        f"{behaviour} · {period}"
    )
    page.keyboard.press("Tab")
    expect(last_row.last).not_to_be_focused()
    expect(tip).to_be_hidden()
    # Hovering shows the same words as focusing.
    cells.nth(3).hover()
    expect(tip).to_have_text(cells.nth(3).get_attribute("aria-label"))
    screenshot("readiness-heatmap-tooltip")


def test_on_a_phone_the_latest_months_come_first(browser, browser_context_args, demo_site):
    page = browser.new_context(
        **{**browser_context_args, "viewport": {"width": 390, "height": 844}}
    ).new_page()
    sign_in(page, demo_site.url, AMARA)
    page.goto(f"{demo_site.url}/reviews/readiness/{AMARA}/")
    row = page.get_by_role("grid").get_by_role("row").nth(1)
    cells = row.locator("a.heat-cell")
    latest, oldest = cells.last.bounding_box(), cells.first.bounding_box()
    name = row.get_by_role("rowheader").bounding_box()
    assert name["x"] < latest["x"] < oldest["x"]
    assert latest["x"] + latest["width"] <= 390  # on screen without scrolling
    # The arrows follow what the eye sees: right is further back in time.
    cells.last.focus()
    page.keyboard.press("ArrowRight")
    expect(cells.nth(cells.count() - 2)).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
