"""Sections that later apps add to earlier apps' pages, keeping promo <- evidence <- reviews.

A page names a slot ("home", "entry", "readiness"); apps register providers for it in their
AppConfig.ready. A provider returns its section already rendered by a Django template (so
autoescaped), or None when the viewer has no such section.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.utils.safestring import SafeString

from promo.http import AuthenticatedHttpRequest

Provider = Callable[[AuthenticatedHttpRequest, Any], SafeString | None]
_providers: dict[str, list[Provider]] = defaultdict(list)


def register(slot: str, provider: Provider) -> None:
    if provider not in _providers[slot]:
        _providers[slot].append(provider)


def render(slot: str, request: AuthenticatedHttpRequest, subject: Any = None) -> list[SafeString]:
    return [html for provider in _providers[slot] if (html := provider(request, subject))]
