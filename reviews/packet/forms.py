"""The forms of the promotion packet. Messages are constants so tests assert what users read."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from evidence.brag_import import EARLIEST
from evidence.forms import DateInput
from promo.forms import declared_field
from promo.models import Behaviour, Level
from reviews.packet.models import COMMITTEE_MAX, NARRATIVE_MAX, POINT_MAX, PromoAttempt

PERIOD_ORDER = "The period must start before it ends."


NOT_FUTURE = "That date is in the future."


POINT_REQUIRED = "Write the point of feedback first."


class PeriodForm(forms.Form):
    period_start = forms.DateField(label="Evidence from", widget=DateInput())
    period_end = forms.DateField(label="to", widget=DateInput())

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("period_start"), data.get("period_end")
        if start and start < EARLIEST:
            self.add_error("period_start", f"Choose a date from {EARLIEST:%Y} on.")
        if start and end and start > end:
            self.add_error("period_end", PERIOD_ORDER)
        return data


class DocumentStartForm(PeriodForm):
    level = forms.ModelChoiceField(
        label="Level you are aiming for", queryset=Level.objects.none(), empty_label=None
    )
    field_order = ["level", "period_start", "period_end"]

    def __init__(self, *args: Any, levels: QuerySet[Level], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        declared_field(self, "level", forms.ModelChoiceField).queryset = levels


class DocumentSettingsForm(PeriodForm):
    share_manager = forms.BooleanField(
        required=False, label="My managers may read it: everyone above me in the reporting line"
    )
    share_mentors = forms.BooleanField(required=False, label="My mentors may read it")


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label="Your narrative",
        required=False,
        max_length=NARRATIVE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Markdown. Say what you did at the next level and why it mattered; the "
        "evidence below backs it up.",
    )


class AttemptForm(forms.Form):
    level = forms.ModelChoiceField(label="Level", queryset=Level.objects.none(), empty_label=None)
    submitted_on = forms.DateField(label="Submitted on", widget=DateInput())

    def __init__(self, *args: Any, levels: QuerySet[Level], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        declared_field(self, "level", forms.ModelChoiceField).queryset = levels

    def clean_submitted_on(self) -> date:
        day: date = self.cleaned_data["submitted_on"]
        if day > timezone.localdate():
            raise ValidationError(NOT_FUTURE)
        return day


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[
            (PromoAttempt.Outcome.APPROVED, "Approved"),
            (PromoAttempt.Outcome.DENIED, "Denied"),
        ],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label="Decided on", widget=DateInput())
    committee_feedback = forms.CharField(
        label="The committee's feedback",
        required=False,
        max_length=COMMITTEE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One point per line. Each point can then become a point to work on.",
    )

    def __init__(self, *args: Any, attempt: PromoAttempt, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attempt = attempt

    def clean_decided_on(self) -> date:
        day: date = self.cleaned_data["decided_on"]
        if day > timezone.localdate():
            raise ValidationError(NOT_FUTURE)
        if day < self.attempt.submitted_on:
            raise ValidationError("The decision cannot come before the submission.")
        return day


class PointForm(forms.Form):
    text = forms.CharField(
        label="Another point of feedback",
        max_length=POINT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": POINT_REQUIRED},
    )


class TrackForm(forms.Form):
    behaviour = forms.ModelChoiceField(
        label="Behaviour", queryset=Behaviour.objects.none(), empty_label="Choose a behaviour"
    )

    def __init__(self, *args: Any, level_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        behaviours = Behaviour.objects.filter(level_id=level_id).order_by("rank")
        declared_field(self, "behaviour", forms.ModelChoiceField).queryset = behaviours
