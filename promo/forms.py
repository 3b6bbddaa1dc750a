"""Promo's own forms: preferences, asking for a mentor, and the password reset."""

import logging
from typing import Any, TypeVar

from django import forms
from django.contrib.auth import forms as auth_forms
from django.forms import ModelForm
from django.template.loader import render_to_string

from promo import tasks, throttle, tokens
from promo.models import ApiToken, Person

logger = logging.getLogger(__name__)

NO_SUCH_PERSON = "No one here has that username or email address."
FORGE_USERNAME_SPACES = (
    "A forge username has no spaces; type it as your profile's address shows it."
)
FORGE_USERNAME_TAKEN = (
    "Someone else here already has that forge username. If it is yours, ask an admin to fix it."
)

FieldT = TypeVar("FieldT", bound=forms.Field)


def declared_field(form: forms.BaseForm, name: str, kind: type[FieldT]) -> FieldT:
    """The form's own copy of a field it declares, typed as the class it was declared with (the
    stubs type `form.fields` as holding any Field), to set a queryset or choices at run time."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{type(form).__name__}.{name} is not a {kind.__name__}")
    return field


class PreferencesForm(ModelForm[Person]):
    class Meta:
        model = Person
        fields = [
            "default_visibility",
            "email_notifications",
            "remind_to_log",
            "remind_impact",
            "remind_review_digest",
            "forge_username",
        ]
        labels = {
            "default_visibility": "Share new entries with",
            "email_notifications": "Email me notifications too",
            "remind_to_log": "Remind me when a week ends and I have logged nothing",
            "remind_impact": "Remind me when shipped work is due an impact follow-up",
            "remind_review_digest": "Send me a weekly digest of entries waiting for my review",
            "forge_username": "Your username on the organisation's forge",
        }
        widgets = {
            "default_visibility": forms.RadioSelect,
            "forge_username": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        }

    def clean_forge_username(self) -> str:
        name: str = self.cleaned_data["forge_username"].strip()
        if any(c.isspace() for c in name):
            raise forms.ValidationError(FORGE_USERNAME_SPACES)
        taken = Person.objects.filter(forge_username__iexact=name).exclude(pk=self.instance.pk)
        if name and taken.exists():
            raise forms.ValidationError(FORGE_USERNAME_TAKEN)
        return name


class InviteForm(forms.Form):
    handle = forms.CharField(
        label="Username or email of the mentor you want",
        max_length=254,
        error_messages={"required": "Type the username or email address of a colleague."},
    )


TOKEN_NAME_REQUIRED = "Name the token after where it is used, e.g. “work laptop”."


class TokenForm(forms.Form):
    """A new personal access token: what it is for, what it may do, how long it lasts."""

    name = forms.CharField(
        label="Name",
        max_length=80,  # ApiToken.name
        error_messages={"required": TOKEN_NAME_REQUIRED},
        widget=forms.TextInput(attrs={"placeholder": "work laptop", "autocomplete": "off"}),
    )
    scope = forms.ChoiceField(
        label="May",
        choices=[
            (ApiToken.Scope.WRITE.value, ApiToken.Scope.WRITE.label),
            (ApiToken.Scope.READ.value, "Only read"),
        ],
        initial=ApiToken.Scope.WRITE.value,
        widget=forms.RadioSelect,
    )
    days = forms.TypedChoiceField(
        label="Expires after",
        coerce=int,
        choices=[(days, f"{days} days") for days in tokens.EXPIRY_DAYS],
        initial=tokens.DEFAULT_EXPIRY_DAYS,
    )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(TOKEN_NAME_REQUIRED)
        return name


# Password-reset emails one address receives at most per window; further requests look the
# same to whoever sent them, but send nothing.
RESETS_PER_WINDOW = 3
RESET_WINDOW_MINUTES = 60


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, with at most RESETS_PER_WINDOW emails to one address an hour, so a
    stranger cannot fill someone's inbox by asking again and again, sent by a background task."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        key = f"password-reset:{context['user'].pk}"
        if throttle.hit(key, window_seconds=RESET_WINDOW_MINUTES * 60) > RESETS_PER_WINDOW:
            logger.warning(
                "Password reset email to user %s not sent: too many requests.", context["user"].pk
            )
            return
        # Django's own send_mail would talk to the mail server inside the request: render the
        # same templates, and let a worker send it (the user exists; no commit to wait for).
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        html = (
            render_to_string(html_email_template_name, context) if html_email_template_name else ""
        )
        tasks.enqueue_email(subject=subject, body=body, to=[to_email], html=html)
