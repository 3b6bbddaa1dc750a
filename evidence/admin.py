"""Evidence in the admin: the organisation's forge webhooks (see evidence.forges).

Staff add a hook here, copy its address and secret into the forge, and see when it last
delivered. Nothing people wrote is shown here: drafts and entries stay with their authors.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from evidence import forges
from evidence.models import Forge, ForgeHook
from promo.admin import CountsOnDelete

# What to do in each forge, step by step; {url} is the hook's address.
SET_UP: dict[str, tuple[str, ...]] = {
    Forge.GITHUB: (
        "In GitHub (or GitHub Enterprise), open the organisation's (or a repository's) "
        "Settings → Webhooks → Add webhook.",
        "Payload URL: {url}",
        "Content type: application/json.",
        "Secret: this hook's Secret, above.",
        "Which events: “Let me select individual events”, then tick only “Pull requests”.",
        "Keep “Active” ticked and add the webhook; GitHub's ping shows here as the last delivery.",
    ),
    Forge.GITLAB: (
        "In GitLab, open the group's (or a project's) Settings → Webhooks → Add new webhook.",
        "URL: {url}",
        "Secret token: this hook's Secret, above.",
        "Trigger: tick only “Merge request events”.",
        "Add the webhook; “Test → Merge request events” shows here as the last delivery.",
    ),
    Forge.GITEA: (
        "In Gitea or Forgejo, open the organisation's (or a repository's) Settings → Webhooks "
        "→ Add webhook → Gitea (Forgejo: Forgejo).",
        "Target URL: {url}",
        "HTTP method: POST; POST content type: application/json.",
        "Secret: this hook's Secret, above.",
        "Trigger on: “Custom events”, then tick only “Pull Request”.",
        "Keep “Active” ticked and add the webhook.",
    ),
}


def hook_url(hook: ForgeHook) -> str:
    """The address the forge posts to: SITE_URL and the hook's path."""
    return settings.SITE_URL.rstrip("/") + reverse("forge-hook", args=[hook.key])


class ForgeHookForm(ModelForm[ForgeHook]):
    secret = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 60}),
        help_text=(
            "What the forge signs each delivery with (GitLab: the secret token). Leave empty and "
            "Promo makes a strong one; copy it into the forge after saving."
        ),
    )

    class Meta:
        model = ForgeHook
        fields = ["name", "forge", "active", "secret"]


@admin.register(ForgeHook)
class ForgeHookAdmin(CountsOnDelete, ModelAdmin[ForgeHook]):
    form = ForgeHookForm
    list_display = ["name", "forge", "active", "last_delivery_at"]
    list_filter = ["forge", "active"]
    readonly_fields = ["webhook_url", "set_up", "created_at", "last_delivery_at"]
    fieldsets = [
        (
            None,
            {
                "fields": ["name", "forge", "active", "secret"],
                "description": (
                    "A forge posts each merged pull request here; it becomes a draft in its "
                    "author's inbox on This week, matched by forge username (preferences or "
                    "the people import), else by account e-mail. Deliveries with a wrong "
                    "signature, or from authors no one here matches, are refused and recorded "
                    "in the audit trail."
                ),
            },
        ),
        ("Set up in the forge", {"fields": ["webhook_url", "set_up"]}),
        ("Deliveries", {"fields": ["created_at", "last_delivery_at"]}),
    ]

    @admin.display(description="Webhook URL")
    def webhook_url(self, obj: ForgeHook) -> str:
        return hook_url(obj) if obj.key else "Shown once the hook is saved."

    @admin.display(description="Steps")
    def set_up(self, obj: ForgeHook) -> SafeString | str:
        if not obj.key:
            return "Save the hook to see the steps for its forge, with its address."
        steps = SET_UP[Forge(obj.forge)]
        url = hook_url(obj)
        return format_html(
            "<ol>{}</ol>",
            format_html_join("", "<li>{}</li>", ((s.format(url=url),) for s in steps)),
        )

    def save_model(
        self, request: HttpRequest, obj: ForgeHook, form: ModelForm[ForgeHook], change: bool
    ) -> None:
        if not obj.key:
            obj.key = forges.new_key()
        if not obj.secret.strip():
            obj.secret = forges.new_secret()
        super().save_model(request, obj, form, change)
