"""The one door for user-written HTML: Markdown in, sanitised HTML out.

markdown-it-py's `js-default` preset turns raw HTML off (it is shown as text); nh3 then keeps
only an allow-list of tags and attributes, drops `javascript:`/`data:` links and adds
`rel="noopener noreferrer"` to every link. It holds the code base's only `mark_safe` call; it
marks text a user wrote, and only after nh3 has cleaned it.

Headings are shifted to sit below the page's own: `top` is the level a "#" heading becomes (a
narrative shown under a page's <h2> passes 3), deeper ones follow and stop at <h6>, so user text
never adds a second <h1> to a page.

Rendering takes time linear in the text, and the text is bounded: no field holds more than
MARKDOWN_MAX characters, and anything longer reaching here (a preview of an over-long draft)
is cut there. markdown-it's cost per character grows with its nesting limit on runs of
unclosed brackets ("![![![…"), so the limit is MAX_NESTING, far above what prose uses. The
same text is rendered once per process and then served from a small cache, so a page that
shows a long entry again does not parse it again.
"""

from collections.abc import Sequence
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}

MARKDOWN_MAX = 20_000  # the longest Markdown any field holds (an entry's details)
MAX_NESTING = 20  # lists in quotes in lists…; markdown-it's default is 100
RENDERED_CACHED = 256  # texts whose HTML each process keeps
HEADING_DEEPEST = 6
CUT_NOTE = '<p class="muted">(Shown up to {limit:,} characters.)</p>'


def _image_as_link(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Pages never load images from elsewhere; an image becomes a link to it."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}">{escapeHtml(alt)}</a>'


def _shifted_heading(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A heading's tag moved down by the page's level (env["heading_shift"]), at most <h6>."""
    token = tokens[idx]
    shift = env.get("heading_shift", 0)
    if shift:
        token.tag = f"h{min(HEADING_DEEPEST, int(token.tag[1:]) + shift)}"
    return self.renderToken(tokens, idx, options, env)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt(
        "js-default",
        {"html": False, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING},
    )
    md.add_render_rule("image", _image_as_link)
    md.add_render_rule("heading_open", _shifted_heading)
    md.add_render_rule("heading_close", _shifted_heading)
    return md


@lru_cache(maxsize=RENDERED_CACHED)
def _clean_html(text: str, top: int = 1) -> str:
    html = _parser().render(text, {"heading_shift": top - 1})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str, *, top: int = 1) -> SafeString:
    """Render user Markdown to HTML that is safe to put in a page; at most MARKDOWN_MAX
    characters of it, with a note when the rest is left out. Its headings start at <h`top`>
    (1 to 6), below the heading of the page or section that shows it."""
    if not 1 <= top <= HEADING_DEEPEST:
        raise ValueError(f"top must be a heading level, 1 to {HEADING_DEEPEST}.")
    text = text or ""
    html = _clean_html(text[:MARKDOWN_MAX], top)
    if len(text) > MARKDOWN_MAX:
        html += CUT_NOTE.format(limit=MARKDOWN_MAX)
    return mark_safe(html)  # sanitised by nh3 in _clean_html; CUT_NOTE is ours
