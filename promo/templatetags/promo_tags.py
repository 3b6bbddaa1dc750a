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
def markdown(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def get(mapping: Mapping[Any, Any], key: Any) -> Any:
    """One value of a dict, so a template need not loop over it to find a key; "" when absent."""
    return mapping.get(key, "")
