from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString

from promo.invitations import can_sign_in
from promo.markdown import render_markdown
from promo.models import display_name, short_name

register = template.Library()

register.filter("display_name", display_name)
register.filter("short_name", short_name)
register.filter("can_sign_in", can_sign_in)


@register.filter
def markdown(text: str, top: int = 1) -> SafeString:
    """`{{ text|markdown:3 }}`: user Markdown whose headings start at <h3>, below the page's."""
    return render_markdown(text, top=int(top))


@register.filter
def get(mapping: Mapping[Any, Any], key: Any) -> Any:
    """One value of a dict, so a template need not loop over it to find a key; "" when absent."""
    return mapping.get(key, "")
