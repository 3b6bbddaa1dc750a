"""The API's URL patterns (reviews.api), mounted at /api/ by promo/urls.py."""

from django.urls import path

from reviews.api import api

urlpatterns = [path("", api.urls)]
