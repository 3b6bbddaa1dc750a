from django.urls import path

from evidence import draft_views, views

app_name = "evidence"

urlpatterns = [
    path("week/", views.week, name="week"),
    path("entries/new/", views.entry_create, name="create"),
    path("entries/quick-add/", views.quick_add_form, name="quick-add"),
    path("entries/preview/", views.entry_preview, name="preview"),
    path("entries/suggest/", views.suggest_behaviours, name="suggest"),
    path("entries/search/", views.search, name="search"),
    path("entries/impact/", views.impact_list, name="impact"),
    path("entries/trash/", views.trash, name="trash"),
    path("entries/import/", views.import_entries, name="import"),
    path("entries/export.md", views.export_markdown, name="export-md"),
    path("entries/export.json", views.export_json, name="export-json"),
    path("entries/<id:pk>/", views.entry_detail, name="detail"),
    path("entries/<id:pk>/edit/", views.entry_edit, name="edit"),
    path("entries/<id:pk>/delete/", views.entry_delete, name="delete"),
    path("entries/<id:pk>/restore/", views.entry_restore, name="restore"),
    path("entries/<id:pk>/impact/", views.impact_record, name="record-impact"),
    path("entries/<id:pk>/share/", views.entry_share, name="share"),
    path("drafts/<id:pk>/log/", draft_views.draft_log, name="draft-log"),
    path("drafts/<id:pk>/dismiss/", draft_views.draft_dismiss, name="draft-dismiss"),
    path("drafts/<id:pk>/restore/", draft_views.draft_restore, name="draft-restore"),
    path("people/<str:username>/", views.person_entries, name="person"),
    path("people/<str:username>/export.json", views.leaver_export, name="leaver-export"),
]
