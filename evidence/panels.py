"""Sections other apps add to the entry page, without evidence importing them.

`reviews` registers its feedback panel at start-up (in its AppConfig.ready), which keeps the
dependency direction promo <- evidence <- reviews. A provider returns the panel already
rendered by a Django template (so autoescaped), or None when the viewer has no such panel.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

from evidence.models import Entry

Provider = Callable[[HttpRequest, Entry], SafeString | None]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def for_entry(request: HttpRequest, entry: Entry) -> list[SafeString]:
    return [html for provider in _providers if (html := provider(request, entry))]
