"""Single sign-on's URLs (promo.sso): the provider's sign-in and callback (allauth's), and the two
pages allauth sends a cancelled or failed sign-in to (Promo's own: allauth's would link to its
account pages, which Promo does not have)."""

from django.urls import include, path
from django.views.generic import TemplateView

urlpatterns = [
    path(
        "cancelled/",
        TemplateView.as_view(template_name="socialaccount/login_cancelled.html"),
        name="socialaccount_login_cancelled",
    ),
    path(
        "error/",
        TemplateView.as_view(template_name="socialaccount/authentication_error.html"),
        name="socialaccount_login_error",
    ),
    path("", include("allauth.socialaccount.providers.openid_connect.urls")),
]
