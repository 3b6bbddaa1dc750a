from django.contrib import admin

from reviews.models import CheckQuestion, ClericalCheck


class CheckQuestionInline(admin.TabularInline):
    model = CheckQuestion
    fields = ["respondent", "answer", "comment", "answered_at"]
    raw_id_fields = ["respondent"]
    extra = 0


@admin.register(ClericalCheck)
class ClericalCheckAdmin(admin.ModelAdmin):
    list_display = ["engineer", "level", "asked_by", "created_at", "expires_at", "withdrawn_at"]
    list_filter = ["level"]
    list_select_related = ["engineer", "level", "asked_by"]
    search_fields = ["engineer__username", "engineer__first_name", "engineer__last_name"]
    raw_id_fields = ["engineer", "asked_by"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"
    inlines = [CheckQuestionInline]
