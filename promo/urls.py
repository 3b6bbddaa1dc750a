from django.contrib import admin
from django.urls import include, path

from promo import ladder_views, people_views, views

admin.site.site_header = "Promo administration"
admin.site.site_title = "Promo admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("ladder/", views.ladder, name="ladder"),
    path("settings/", views.preferences, name="preferences"),
    path("settings/sharing/", views.sharing_choose, name="sharing-choose"),
    path("settings/tokens/", views.token_create, name="token-create"),
    path("settings/tokens/<id:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("mentoring/", views.mentoring, name="mentoring"),
    path("mentoring/invite/", views.mentoring_invite, name="mentoring-invite"),
    path("mentoring/<id:pk>/accept/", views.mentorship_accept, name="mentorship-accept"),
    path("mentoring/<id:pk>/decline/", views.mentorship_decline, name="mentorship-decline"),
    path("mentoring/<id:pk>/end/", views.mentorship_end, name="mentorship-end"),
    path("mentoring/<id:pk>/undo/", views.mentorship_undo, name="mentorship-undo"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications-read"),
    path("organisation/people/", people_views.people_list, name="people"),
    path("organisation/ladder/", ladder_views.ladder_upload, name="ladder-upload"),
    path(
        "organisation/ladder/apply/", ladder_views.ladder_upload_apply, name="ladder-upload-apply"
    ),
    path(
        "organisation/ladder/shipped/", ladder_views.ladder_use_shipped, name="ladder-use-shipped"
    ),
    path("organisation/people.csv", people_views.people_export, name="people-export"),
    path("organisation/people/import/", people_views.people_import, name="people-import"),
    path("organisation/people/invite/", people_views.people_invite_all, name="people-invite"),
    path("organisation/people/<id:pk>/edit/", people_views.person_edit, name="person-edit"),
    path("organisation/people/<id:pk>/invite/", people_views.person_invite, name="person-invite"),
    path(
        "organisation/invitations/<id:pk>/revoke/",
        people_views.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "organisation/people/import/apply/",
        people_views.people_import_apply,
        name="people-import-apply",
    ),
    path("", include("evidence.urls")),
    path("hooks/", include("evidence.hook_urls")),
    path("reviews/", include("reviews.urls")),
    path("api/", include("reviews.api_urls")),  # the JSON API (reviews/api.py)
    path("accounts/sso/", include("promo.sso_urls")),
    path("accounts/", include("promo.auth_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
