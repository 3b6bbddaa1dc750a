from django.urls import path

from reviews import check_views, packet_views, views

app_name = "reviews"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("gaps/", views.gaps, name="gaps"),
    path("team/", views.team, name="team"),
    path("readiness/<str:username>/", views.readiness_page, name="readiness"),
    path("readiness/<str:username>/cell/", views.readiness_cell, name="readiness-cell"),
    path("entries/<id:pk>/feedback/", views.feedback_create, name="feedback-create"),
    path("feedback/<id:pk>/replies/", views.reply_create, name="reply-create"),
    path("feedback/<id:pk>/state/", views.feedback_state, name="feedback-state"),
    path("feedback/<id:pk>/edit/", views.feedback_edit, name="feedback-edit"),
    path("feedback/<id:pk>/delete/", views.feedback_delete, name="feedback-delete"),
    # the promotion packet
    path("documents/", packet_views.documents, name="documents"),
    path("documents/<id:pk>/", packet_views.document, name="document"),
    path("documents/<id:pk>/settings/", packet_views.document_settings, name="document-settings"),
    path(
        "documents/<id:pk>/narratives/<id:behaviour>/",
        packet_views.narrative,
        name="narrative",
    ),
    path("documents/<id:pk>/markdown/", packet_views.document_markdown, name="document-markdown"),
    path("documents/<id:pk>/print/", packet_views.document_print, name="document-print"),
    path("people/<str:username>/attempts/", packet_views.attempts, name="attempts"),
    path("attempts/<id:pk>/", packet_views.attempt, name="attempt"),
    path("attempts/<id:pk>/outcome/", packet_views.attempt_outcome, name="attempt-outcome"),
    path("attempts/<id:pk>/points/", packet_views.attempt_point_add, name="attempt-point-add"),
    path("attempts/<id:pk>/document/", packet_views.attempt_add_document, name="attempt-document"),
    path("points/<id:pk>/track/", packet_views.point_track, name="point-track"),
    path("points/<id:pk>/resolve/", packet_views.point_resolve, name="point-resolve"),
    # clerical-error checks
    path("people/<str:username>/checks/", check_views.check_list, name="checks"),
    path("checks/<id:pk>/withdraw/", check_views.check_withdraw, name="check-withdraw"),
    path("checks/questions/", check_views.question_list, name="questions"),
    path("checks/questions/<id:pk>/", check_views.question, name="question"),
]
