"""The forge webhook's address, apart from the app's pages: forges post here with no session
(evidence.draft_views.forge_hook checks each delivery's signature instead)."""

from django.urls import path

from evidence import draft_views

urlpatterns = [
    path("<str:key>/", draft_views.forge_hook, name="forge-hook"),
]
