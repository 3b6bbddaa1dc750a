"""The forms of clerical-error checks: asking, and answering."""

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from promo.models import display_name
from promo.selectors import target_of, user_by_handle
from reviews.checks import services as check_services
from reviews.checks.models import ANSWER_COMMENT_MAX, CheckQuestion
from reviews.packet.models import PromoDocument

NO_DOCUMENT = "{name} has no promo document for {level} yet, so there is nothing to share."


NOT_SHARED_WITH_MANAGERS = (
    "{name} has not shared their promo document for {level} with managers, so it cannot be "
    "shared from here."
)


class CheckForm(forms.Form):
    respondents = forms.CharField(
        label="Who should be asked?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocapitalize": "none"}),
        help_text=f"Usernames or email addresses, one per line or separated by commas: 1 to "
        f"{check_services.MAX_RESPONDENTS} senior people.",
        error_messages={"required": check_services.NO_RESPONDENTS},
    )
    expires_in_days = forms.IntegerField(
        label="Answers close after (days)",
        min_value=check_services.EXPIRY_DAYS_MIN,
        max_value=check_services.EXPIRY_DAYS_MAX,
        initial=check_services.EXPIRY_DAYS_DEFAULT,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), check_services.BAD_EXPIRY
        ),
    )
    share_document = forms.BooleanField(label="Let them read the promo document", required=False)

    def __init__(
        self,
        *args: Any,
        engineer: User,
        document: PromoDocument | None,
        document_exists: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.engineer = engineer
        share = self.fields["share_document"]
        share.help_text = "They read the narrative for each behaviour, never the entries."
        if document is None:
            share.disabled = True  # a disabled field keeps its initial value: False is stored
            name = display_name(engineer)
            level = target_of(engineer)
            message = NOT_SHARED_WITH_MANAGERS if document_exists else NO_DOCUMENT
            share.help_text = message.format(name=name, level=level)

    def clean_respondents(self) -> list[User]:
        handles = check_services.parse_handles(self.cleaned_data["respondents"])
        if not handles:
            raise ValidationError(check_services.NO_RESPONDENTS)
        if len(handles) > check_services.MAX_RESPONDENTS:
            raise ValidationError(
                check_services.TOO_MANY.format(
                    max=check_services.MAX_RESPONDENTS, count=len(handles)
                )
            )
        people: dict[int, User] = {}
        errors = []
        for handle in handles:
            user = user_by_handle(handle)  # active users only: inactive ones are unknown here
            if user is None:
                errors.append(check_services.UNKNOWN_PERSON.format(handle=handle))
            elif user.pk == self.engineer.pk:
                name = display_name(self.engineer)
                errors.append(check_services.ASKING_THEMSELVES.format(handle=handle, name=name))
            else:
                people.setdefault(user.pk, user)
        if errors:
            raise ValidationError(errors)
        return list(people.values())


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label="Would you say so?",
        choices=CheckQuestion.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": check_services.BAD_ANSWER,
            "invalid_choice": check_services.BAD_ANSWER,
        },
    )
    comment = forms.CharField(
        label="Comment (optional)",
        required=False,
        max_length=ANSWER_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What makes you say so? Shown with your name to the engineer and their managers.",
    )
