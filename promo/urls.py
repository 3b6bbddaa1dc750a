from django.contrib import admin
from django.urls import include, path

from promo import views

admin.site.site_header = "Promo administration"
admin.site.site_title = "Promo admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("ladder/", views.ladder, name="ladder"),
    path("settings/", views.preferences, name="preferences"),
    path("", include("evidence.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
