"""render_markdown, the one door for user HTML: a length limit it says aloud, and a cache."""

import pytest

from promo import markdown as markdown_module
from promo.markdown import MARKDOWN_MAX, render_markdown


def test_the_renderer_shows_at_most_the_longest_field_and_says_so():
    html = render_markdown("word " * (MARKDOWN_MAX // 5) + "beyond-the-limit")
    assert "beyond-the-limit" not in html
    assert f"(Shown up to {MARKDOWN_MAX:,} characters.)" in html
    assert "(Shown up to" not in render_markdown("word " * 10)


def test_the_same_text_is_parsed_once_per_process():
    text = "A **distinct** text for the rendering cache."
    render_markdown(text)
    hits = markdown_module._clean_html.cache_info().hits
    assert render_markdown(text) == render_markdown(text)
    assert markdown_module._clean_html.cache_info().hits == hits + 2


def test_headings_start_below_the_page_heading_and_stop_at_h6():
    html = render_markdown("# Title\n\n## Part\n\n#### Deep\n\n###### Deepest", top=3)
    assert "<h3>Title</h3>" in html and "<h4>Part</h4>" in html
    assert "<h6>Deep</h6>" in html and "<h6>Deepest</h6>" in html
    assert "<h1" not in html and "<h2" not in html
    assert "<h1>Title</h1>" in render_markdown("# Title")  # top=1: as written


def test_a_shifted_rendering_is_cached_apart_from_the_unshifted_one():
    text = "# A heading cached twice"
    assert "<h1>" in render_markdown(text)
    assert "<h4>" in render_markdown(text, top=4)
    assert "<h1>" in render_markdown(text)


def test_a_heading_level_outside_one_to_six_is_refused():
    for top in (0, 7):
        with pytest.raises(ValueError):
            render_markdown("# x", top=top)


def test_every_heading_of_a_long_text_is_shifted():
    html = render_markdown("# h\n\n" * 2_000, top=2)
    assert html.count("<h2>") == 2_000 and "<h1>" not in html
