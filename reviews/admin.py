"""Clerical-error checks in the admin: staff see who was asked and whether they answered, never
what they said (answers and comments are for the engineer and their managers, see
reviews.checks), and cannot add respondents or share the promo document with them: asking goes
through the app, where the rules live and the people concerned are told."""

from django.contrib import admin
from django.contrib.admin import ModelAdmin, TabularInline
from django.http import HttpRequest

from promo.admin import CountsOnDelete
from reviews.checks.models import CheckQuestion, ClericalCheck


class CheckQuestionInline(TabularInline[CheckQuestion, ClericalCheck]):
    model = CheckQuestion
    fields = ["respondent", "answered", "answered_at"]
    readonly_fields = ["respondent", "answered", "answered_at"]
    extra = 0
    can_delete = False

    @admin.display(boolean=True, description="Answered")
    def answered(self, question: CheckQuestion) -> bool:
        return bool(question.answer)

    def has_add_permission(self, request: HttpRequest, obj: ClericalCheck | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ClericalCheck | None = None) -> bool:
        return False


@admin.register(ClericalCheck)
class ClericalCheckAdmin(CountsOnDelete, ModelAdmin[ClericalCheck]):
    list_display = ["engineer", "level", "asked_by", "created_at", "expires_at", "withdrawn_at"]
    list_filter = ["level"]
    list_select_related = ["engineer", "level", "asked_by"]
    search_fields = ["engineer__username", "engineer__first_name", "engineer__last_name"]
    fields = [
        "engineer",
        "level",
        "asked_by",
        "share_document",
        "created_at",
        "expires_at",
        "withdrawn_at",
    ]
    readonly_fields = ["engineer", "level", "asked_by", "share_document", "created_at"]
    date_hierarchy = "created_at"
    inlines = [CheckQuestionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
