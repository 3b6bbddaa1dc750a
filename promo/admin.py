"""The admin: the ladder, people and reporting lines, mentorships, the audit trail, and the
results of background tasks (e-mails that could not be sent).

Staff manage people here; they never read what people wrote or were told (README, "Security and
privacy"). Two rules hold that on every page:
- a delete confirmation counts what would go, per kind, and names none of it (CountsOnDelete):
  deleting a person would otherwise list the titles of all their entries and their
  notifications, and deleting a level every verdict that still points at it;
- a change that decides who reads whose entries (a mentorship, a manager) tells the people it
  affects, like the same change made in the app would, and the history and the audit trail say
  from what to what (promo.signals turns each admin log line into an audit event).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from django import forms
from django.contrib import admin
from django.contrib.admin import ModelAdmin, StackedInline, TabularInline
from django.contrib.admin.utils import NestedObjects, unquote
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db import models, router
from django.db.models import QuerySet
from django.forms import ModelForm
from django.forms.formsets import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.utils.text import capfirst
from django_tasks import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from promo import services, tasks
from promo.models import AuditEvent, Behaviour, Ladder, Level, Mentorship, Person, Team
from promo.services import MentorshipState, next_level

# What Django's change message is: one {"added"|"changed"|"deleted": {...}} per change.
ChangeMessage = list[dict[str, dict[str, list[str]]]]
Deletable = Sequence[models.Model] | QuerySet[models.Model]


def _staff(request: HttpRequest) -> User:
    """Who is using the admin: the admin site lets signed-in staff only reach its pages, so the
    user is never anonymous there."""
    return cast(User, request.user)


def deletion_summary(
    objs: Deletable, request: HttpRequest, admin_site: admin.AdminSite
) -> tuple[list[str], dict[str, int], set[str], list[str]]:
    """What Django's own get_deleted_objects returns (to delete, count per kind, permissions
    missing, protected), except that the rows to delete and the protected rows are counted per
    kind instead of listed by name: their names are entry titles, notification texts and
    verdicts, which staff may not read."""
    if not objs:
        return [], {}, set(), []
    collector = NestedObjects(using=router.db_for_write(objs[0]._meta.model), origin=objs)
    collector.collect(objs)
    perms_needed: set[str] = set()
    everything = [obj for found in collector.model_objs.values() for obj in found]
    for obj in [*everything, *collector.protected]:
        opts = obj._meta
        if admin_site.is_registered(opts.model) and not admin_site.get_model_admin(
            opts.model
        ).has_delete_permission(request, obj):
            perms_needed.add(str(opts.verbose_name))
    model_count = dict(Counter(str(obj._meta.verbose_name_plural) for obj in everything))
    protected = Counter(str(obj._meta.verbose_name_plural) for obj in collector.protected)
    return _lines(model_count), model_count, perms_needed, _lines(protected)


def _lines(counts: Mapping[str, int]) -> list[str]:
    return [f"{capfirst(name)}: {count}" for name, count in counts.items()]


class CountsOnDelete:
    """For every ModelAdmin: delete confirmations (one row, or "delete selected") count what
    would go, per kind, and name none of it."""

    admin_site: admin.AdminSite

    def get_deleted_objects(
        self, objs: Deletable, request: HttpRequest
    ) -> tuple[list[str], dict[str, int], set[str], list[str]]:
        return deletion_summary(objs, request, self.admin_site)


def _shown(field: forms.Field, value: object) -> str:
    if value in (None, ""):
        return "none"
    if isinstance(field, forms.ModelChoiceField) and not isinstance(value, models.Model):
        rows = field.queryset  # an initial value is the row's key
        value = rows.filter(pk=value).first() if rows is not None else value
    elif isinstance(field, forms.ChoiceField):
        # Set choices are (value, label) pairs; django-stubs types the getter as the setter's input.
        pairs = cast("Iterable[tuple[object, object]]", field.choices)
        value = dict(pairs).get(value, value)
    return str(value)


def spelled_out(
    message: ChangeMessage, form: forms.BaseForm, names: Iterable[str]
) -> ChangeMessage:
    """Django's change message names the fields that changed; for the fields that decide who
    reads whose entries it also says from what to what ("Manager (Mo → Nia)"), so the history
    page and the audit trail show who gained access, not only that something changed."""
    values = {
        str(form.fields[name].label): f"{form.fields[name].label} "
        f"({_shown(form.fields[name], form.initial.get(name))} "
        f"→ {_shown(form.fields[name], form.cleaned_data.get(name))})"
        for name in names
        if name in form.changed_data
    }
    if not values:
        return message
    said = False
    for part in message:
        fields = part.get("changed", {}).get("fields")
        if fields and values.keys() & set(fields):
            part["changed"]["fields"] = [values.get(label, label) for label in fields]
            said = True
    if not said:  # a new row: "Added." says nothing of its fields
        message.append({"changed": {"fields": list(values.values())}})
    return message


class LevelInline(TabularInline[Level, Ladder]):
    model = Level
    fields = ["rank", "name", "slug"]
    extra = 0
    show_change_link = True


@admin.register(Ladder)
class LadderAdmin(CountsOnDelete, ModelAdmin[Ladder]):
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


class BehaviourInline(StackedInline[Behaviour, Level]):
    model = Behaviour
    fields = [("rank", "name", "slug"), "description", "examples"]
    prepopulated_fields = {"slug": ["name"]}
    extra = 0


@admin.register(Level)
class LevelAdmin(CountsOnDelete, ModelAdmin[Level]):
    list_display = ["name", "ladder", "rank"]
    list_filter = ["ladder"]
    ordering = ["ladder", "rank"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BehaviourInline]


@admin.register(Team)
class TeamAdmin(CountsOnDelete, ModelAdmin[Team]):
    search_fields = ["name"]


def _with_default_target(person: Person) -> Person:
    """An empty target level means "the next level up", as everywhere else."""
    if person.target_level_id is None and person.current_level_id is not None:
        person.target_level = next_level(person.current_level)
    return person


@admin.register(Person)
class PersonAdmin(CountsOnDelete, ModelAdmin[Person]):
    list_display = ["__str__", "title", "team", "current_level", "target_level", "manager"]
    list_filter = ["team", "current_level__ladder", "current_level"]
    list_select_related = ["user", "team", "current_level", "target_level", "manager__user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    autocomplete_fields = ["user", "manager"]
    readonly_fields = ["sharing_chosen_at"]  # the person's own answer, not staff's to set

    def save_model(
        self, request: HttpRequest, obj: Person, form: ModelForm[Person], change: bool
    ) -> None:
        super().save_model(request, _with_default_target(obj), form, change)
        services.reporting_line_admin_notify(
            by=_staff(request), person=obj, old_manager_id=form.initial.get("manager")
        )

    def construct_change_message(
        self,
        request: HttpRequest,
        form: forms.Form,
        formsets: Iterable[BaseFormSet[Any]] | None,
        add: bool = False,
    ) -> ChangeMessage:
        message = super().construct_change_message(request, form, formsets or [], add)
        return spelled_out(message, form, ["manager"])


class PersonInline(StackedInline[Person, User]):
    model = Person
    fk_name = "user"
    can_delete = False
    autocomplete_fields = ["manager"]
    fields = ["title", "team", "current_level", "target_level", "manager", "default_visibility"]


admin.site.unregister(User)


@admin.register(User)
class PromoUserAdmin(CountsOnDelete, UserAdmin[User]):
    inlines = [PersonInline]

    actions = ["deactivate"]

    def save_model(
        self, request: HttpRequest, obj: User, form: ModelForm[User], change: bool
    ) -> None:
        deactivating = change and "is_active" in form.changed_data and not obj.is_active
        if deactivating:  # saved as it was; the service turns it off and ends its sessions
            obj.is_active = True
        super().save_model(request, obj, form, change)
        if deactivating:
            services.user_deactivate(user=obj, by=_staff(request))
        if change and "email" in form.changed_data:
            services.account_admin_notify(
                by=_staff(request), user=obj, old_email=form.initial.get("email") or ""
            )

    @admin.action(description="Deactivate the selected people (their sessions end at once)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        by = _staff(request)
        done = sum(services.user_deactivate(user=user, by=by) for user in queryset)
        self.message_user(request, f"Deactivated {done} {'person' if done == 1 else 'people'}.")

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Django's password form for a person, and then the person is told (see
        services.account_admin_notify)."""
        found = self.get_object(request, unquote(id))
        response = super().user_change_password(request, id, form_url)
        if found is not None:
            before = found.password
            found.refresh_from_db(fields=["password"])
            if found.password != before:
                services.account_admin_notify(by=_staff(request), user=found, password=True)
        return response

    def save_formset(
        self,
        request: HttpRequest,
        form: ModelForm[User],
        formset: forms.BaseModelFormSet[Person, ModelForm[Person]],
        change: bool,
    ) -> None:
        managers_before = {f.instance.pk: f.initial.get("manager") for f in formset.forms}
        for person in formset.save(commit=False):
            _with_default_target(person).save()
            services.reporting_line_admin_notify(
                by=_staff(request), person=person, old_manager_id=managers_before.get(person.pk)
            )
        formset.save_m2m()

    def construct_change_message(
        self,
        request: HttpRequest,
        form: forms.Form,
        formsets: Iterable[BaseFormSet[Any]] | None,
        add: bool = False,
    ) -> ChangeMessage:
        message = super().construct_change_message(request, form, formsets or [], add)
        for formset in formsets or []:
            for person_form in formset.forms:
                spelled_out(message, person_form, ["manager"])
        return message


@admin.register(Mentorship)
class MentorshipAdmin(CountsOnDelete, ModelAdmin[Mentorship]):
    list_display = ["mentor", "engineer", "state", "invited_at", "started_at", "ended_at"]
    list_filter = ["state"]
    list_select_related = ["mentor", "engineer"]
    search_fields = ["mentor__username", "engineer__username"]
    autocomplete_fields = ["mentor", "engineer"]
    readonly_fields = ["invited_at"]

    def save_model(
        self, request: HttpRequest, obj: Mentorship, form: ModelForm[Mentorship], change: bool
    ) -> None:
        was = None
        if change:
            initial = form.initial
            was = MentorshipState(initial["engineer"], initial["mentor"], initial["state"])
        super().save_model(request, obj, form, change)
        services.mentorship_admin_notify(by=_staff(request), was=was, now=MentorshipState.of(obj))

    def delete_model(self, request: HttpRequest, obj: Mentorship) -> None:
        was = MentorshipState.of(obj)
        super().delete_model(request, obj)
        services.mentorship_admin_notify(by=_staff(request), was=was, now=None)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Mentorship]) -> None:
        gone = [MentorshipState.of(mentorship) for mentorship in queryset]
        super().delete_queryset(request, queryset)
        for was in gone:
            services.mentorship_admin_notify(by=_staff(request), was=was, now=None)

    def construct_change_message(
        self,
        request: HttpRequest,
        form: forms.Form,
        formsets: Iterable[BaseFormSet[Any]] | None,
        add: bool = False,
    ) -> ChangeMessage:
        message = super().construct_change_message(request, form, formsets or [], add)
        return spelled_out(message, form, ["mentor", "engineer", "state"]) if not add else message


@admin.register(AuditEvent)
class AuditEventAdmin(CountsOnDelete, ModelAdmin[AuditEvent]):
    """The audit trail, read-only: nobody edits or deletes history from the admin."""

    list_display = ["at", "action", "username", "target", "detail", "ip"]
    list_filter = ["action", "at"]
    search_fields = ["username", "target", "detail", "ip"]
    date_hierarchy = "at"
    list_select_related = ["actor"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False


class TaskOutcome(admin.SimpleListFilter):
    """Failed tasks that gave up for good, apart from failed attempts that will be retried."""

    title = "outcome"
    parameter_name = "outcome"
    GAVE_UP = tasks.OUTCOME_GAVE_UP

    def lookups(self, request: HttpRequest, model_admin: ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [
            (self.GAVE_UP, f"Gave up after {tasks.MAX_ATTEMPTS} attempts"),
            ("will-retry", "Failed, tried again later"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        failed = queryset.filter(status=TaskResultStatus.FAILED)
        if self.value() == self.GAVE_UP:
            return failed.filter(exception_class_path=tasks.GAVE_UP)
        if self.value() == "will-retry":
            return failed.exclude(exception_class_path=tasks.GAVE_UP)
        return queryset


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """django-tasks-db's read-only view of task results, saying to whom and which attempt but
    never showing a task's arguments: a notification's subject names an entry (staff never read
    what people wrote), and an e-mail's body may hold a sign-in link (an invitation, a password
    reset) that would let whoever reads it in as that person."""

    def get_list_display(self, request: HttpRequest) -> tuple[str, ...]:
        return (
            "task_name",
            "recipients",
            "attempt",
            "status",
            "enqueued_at",
            "finished_at",
            "display_run_after",
        )

    def get_list_filter(self, request: HttpRequest) -> tuple[type[TaskOutcome] | str, ...]:
        return (TaskOutcome, "status", "queue_name")

    def get_readonly_fields(
        self, request: HttpRequest, obj: DBTaskResult[Any, Any] | None = None
    ) -> list[str]:
        fields = [f for f in super().get_readonly_fields(request, obj) if f != "args_kwargs"]
        return ["task_name", "recipients", "attempt", *fields]

    @admin.display(description="to")
    def recipients(self, obj: DBTaskResult[Any, Any]) -> str:
        return ", ".join(obj.args_kwargs.get("kwargs", {}).get("to", []))

    @admin.display(description="attempt")
    def attempt(self, obj: DBTaskResult[Any, Any]) -> int:
        return int(obj.args_kwargs.get("kwargs", {}).get("attempt", 1))
