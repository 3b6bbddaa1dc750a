"""Sign-in forms that differ from Django's own."""

import logging

from django.contrib.auth import forms as auth_forms

from promo import throttle

logger = logging.getLogger(__name__)

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
        context: dict,
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
