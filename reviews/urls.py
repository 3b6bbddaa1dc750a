from django.urls import path

from reviews.checks import views as checks
from reviews.feedback import views as feedback
from reviews.packet import attempt_views as attempts
from reviews.packet import document_views as documents
from reviews.readiness import views as readiness

app_name = "reviews"

urlpatterns = [
    path("inbox/", feedback.inbox, name="inbox"),
    path("inbox/<id:pk>/", feedback.triage, name="triage"),
    path("inbox/<id:pk>/feedback/", feedback.triage_post, name="triage-post"),
    path("gaps/", feedback.gaps, name="gaps"),
    path("team/", readiness.team, name="team"),
    path("readiness/<str:username>/", readiness.readiness_page, name="readiness"),
    path("readiness/<str:username>/cell/", readiness.readiness_cell, name="readiness-cell"),
    path("entries/<id:pk>/feedback/", feedback.feedback_create, name="feedback-create"),
    path("feedback/<id:pk>/replies/", feedback.reply_create, name="reply-create"),
    path("feedback/<id:pk>/state/", feedback.feedback_state, name="feedback-state"),
    path("feedback/<id:pk>/edit/", feedback.feedback_edit, name="feedback-edit"),
    path("feedback/<id:pk>/delete/", feedback.feedback_delete, name="feedback-delete"),
    # the promotion packet
    path("documents/", documents.documents, name="documents"),
    path("documents/<id:pk>/", documents.document, name="document"),
    path("documents/<id:pk>/settings/", documents.document_settings, name="document-settings"),
    path(
        "documents/<id:pk>/narratives/<id:behaviour>/",
        documents.narrative,
        name="narrative",
    ),
    path(
        "documents/<id:pk>/behaviours/<id:behaviour>/evidence/<id:entry>/",
        documents.evidence_curate,
        name="evidence-curate",
    ),
    path("documents/<id:pk>/markdown/", documents.document_markdown, name="document-markdown"),
    path("documents/<id:pk>/print/", documents.document_print, name="document-print"),
    path("people/<str:username>/attempts/", attempts.attempts, name="attempts"),
    path("attempts/<id:pk>/", attempts.attempt, name="attempt"),
    path("attempts/<id:pk>/outcome/", attempts.attempt_outcome, name="attempt-outcome"),
    path("attempts/<id:pk>/promote/", attempts.attempt_promote, name="attempt-promote"),
    path("attempts/<id:pk>/points/", attempts.attempt_point_add, name="attempt-point-add"),
    path("attempts/<id:pk>/document/", attempts.attempt_add_document, name="attempt-document"),
    path("points/<id:pk>/track/", attempts.point_track, name="point-track"),
    path("points/<id:pk>/resolve/", attempts.point_resolve, name="point-resolve"),
    # clerical-error checks
    path("people/<str:username>/checks/", checks.check_list, name="checks"),
    path("checks/<id:pk>/withdraw/", checks.check_withdraw, name="check-withdraw"),
    path("checks/questions/", checks.question_list, name="questions"),
    path("checks/questions/<id:pk>/", checks.question, name="question"),
]
