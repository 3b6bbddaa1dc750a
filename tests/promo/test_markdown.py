"""render_markdown, the one door for user HTML: a length limit it says aloud, and a cache."""

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
