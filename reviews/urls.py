from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("gaps/", views.gaps, name="gaps"),
    path("team/", views.team, name="team"),
    path("readiness/<str:username>/", views.readiness_page, name="readiness"),
    path("readiness/<str:username>/cell/", views.readiness_cell, name="readiness-cell"),
    path("entries/<int:pk>/feedback/", views.feedback_create, name="feedback-create"),
    path("feedback/<int:pk>/replies/", views.reply_create, name="reply-create"),
    path("feedback/<int:pk>/state/", views.feedback_state, name="feedback-state"),
    path("feedback/<int:pk>/edit/", views.feedback_edit, name="feedback-edit"),
    path("feedback/<int:pk>/delete/", views.feedback_delete, name="feedback-delete"),
]
