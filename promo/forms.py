"""Promo's own forms: preferences, asking for a mentor, and the password reset."""

import logging
from typing import Any, TypeVar

from django import forms
from django.contrib.auth import forms as auth_forms
from django.forms import ModelForm

from promo import throttle
from promo.models import Person

logger = logging.getLogger(__name__)

NO_SUCH_PERSON = "No one here has that username or email address."

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
        ]
        labels = {
            "default_visibility": "Share new entries with",
            "email_notifications": "Email me notifications too",
            "remind_to_log": "Remind me when a week ends and I have logged nothing",
            "remind_impact": "Remind me when shipped work is due an impact follow-up",
            "remind_review_digest": "Send me a weekly digest of entries waiting for my review",
        }
        widgets = {"default_visibility": forms.RadioSelect}


class InviteForm(forms.Form):
    handle = forms.CharField(
        label="Username or email of the mentor you want",
        max_length=254,
        error_messages={"required": "Type the username or email address of a colleague."},
    )


# Password-reset emails one address receives at most per window; further requests look the
# same to whoever sent them, but send nothing.
RESETS_PER_WINDOW = 3
RESET_WINDOW_MINUTES = 60


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, with at most RESETS_PER_WINDOW emails to one address an hour, so a
    stranger cannot fill someone's inbox by asking again and again."""

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
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name=html_email_template_name,
        )
