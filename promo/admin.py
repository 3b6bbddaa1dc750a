from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from promo.models import AuditEvent, Behaviour, Ladder, Level, Mentorship, Person, Team
from promo.services import next_level


class LevelInline(admin.TabularInline):
    model = Level
    fields = ["rank", "name", "slug"]
    extra = 0
    show_change_link = True


@admin.register(Ladder)
class LadderAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "period_months", "window_months", "threshold"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description"]}),
        (
            "Readiness policy",
            {
                "fields": [
                    ("period_months", "window_months", "threshold"),
                    ("recent_months", "impact_maturity_weeks"),
                    ("close_share", "stale_days"),
                ],
                "description": "How readiness is computed for everyone on this ladder.",
            },
        ),
    ]
    inlines = [LevelInline]


class BehaviourInline(admin.StackedInline):
    model = Behaviour
    fields = [("rank", "name", "slug"), "description", "examples"]
    prepopulated_fields = {"slug": ["name"]}
    extra = 0


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["name", "ladder", "rank"]
    list_filter = ["ladder"]
    ordering = ["ladder", "rank"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BehaviourInline]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    search_fields = ["name"]


def _with_default_target(person: Person) -> Person:
    """An empty target level means "the next level up", as everywhere else."""
    if person.target_level_id is None and person.current_level_id is not None:
        person.target_level = next_level(person.current_level)
    return person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title", "team", "current_level", "target_level", "manager"]
    list_filter = ["team", "current_level__ladder", "current_level"]
    list_select_related = ["user", "team", "current_level", "target_level", "manager__user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    autocomplete_fields = ["user", "manager"]

    def save_model(self, request: HttpRequest, obj: Person, form, change: bool) -> None:
        super().save_model(request, _with_default_target(obj), form, change)


class PersonInline(admin.StackedInline):
    model = Person
    fk_name = "user"
    can_delete = False
    autocomplete_fields = ["manager"]
    fields = ["title", "team", "current_level", "target_level", "manager", "default_visibility"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PromoUserAdmin(UserAdmin):
    inlines = [PersonInline]

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        for person in formset.save(commit=False):
            _with_default_target(person).save()
        formset.save_m2m()


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "engineer", "state", "invited_at", "started_at", "ended_at"]
    list_filter = ["state"]
    list_select_related = ["mentor", "engineer"]
    search_fields = ["mentor__username", "engineer__username"]
    autocomplete_fields = ["mentor", "engineer"]
    readonly_fields = ["invited_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail, read-only: nobody edits or deletes history from the admin."""

    list_display = ["at", "action", "username", "target", "detail", "ip"]
    list_filter = ["action", "at"]
    search_fields = ["username", "target", "detail", "ip"]
    date_hierarchy = "at"
    list_select_related = ["actor"]

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False
