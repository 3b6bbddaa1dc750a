"""The one door for user-written HTML: Markdown in, sanitised HTML out.

markdown-it-py's `js-default` preset turns raw HTML off (it is shown as text); nh3 then keeps
only an allow-list of tags and attributes, drops `javascript:`/`data:` links and adds
`rel="noopener noreferrer"` to every link. One of two `mark_safe` calls in the code base
(the other, reviews.views.mini_heatmap, joins constants and escaped names).
"""

from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _image_as_link(self, tokens, idx, options, env) -> str:  # noqa: ANN001 - markdown-it API
    """Pages never load images from elsewhere; an image becomes a link to it."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}">{escapeHtml(alt)}</a>'


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    md.add_render_rule("image", _image_as_link)
    return md


def render_markdown(text: str) -> SafeString:
    """Render user Markdown to HTML that is safe to put in a page."""
    html = _parser().render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
