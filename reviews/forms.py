"""Feedback forms (one verdict per claimed behaviour, built for the entry at hand) and the
promotion packet's forms."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from evidence.forms import EARLIEST, DateInput
from evidence.models import Entry
from promo.models import Behaviour, Level
from reviews.models import (
    COMMITTEE_MAX,
    GAP_MAX,
    NARRATIVE_MAX,
    NOTE_MAX,
    POINT_MAX,
    REPLY_MAX,
    PromoAttempt,
    Verdict,
)
from reviews.services import FeedbackData

NOTE_REQUIRED = "Write a note: what works, and what would make it next-level."
VERDICT_REQUIRED = "Give a verdict for “{name}”."
EXTRA_NEEDS_VERDICT = "Say whether the work demonstrates “{name}” or only flashes it."
REPLY_REQUIRED = "Write a reply first."
EXTRA_VERDICTS = [(Verdict.DEMONSTRATED, "Demonstrated"), (Verdict.FLASHES, "Flashes")]


class FeedbackForm(forms.Form):
    body = forms.CharField(
        label="Your note",
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": NOTE_REQUIRED},
        help_text="Markdown. Be specific: what made it work, what is missing.",
    )
    gap_note = forms.CharField(
        label="What would make this next-level?",
        required=False,
        max_length=GAP_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="It stays on the engineer's gaps page until you resolve it.",
    )
    gap_behaviour = forms.ModelChoiceField(
        label="Which behaviour is that about?",
        queryset=Behaviour.objects.none(),
        required=False,
        empty_label="The work overall",
    )
    extra_behaviour = forms.ModelChoiceField(
        label="A behaviour it shows that was not claimed",
        queryset=Behaviour.objects.none(),
        required=False,
        empty_label="None",
    )
    extra_verdict = forms.ChoiceField(
        label="How strongly?", choices=EXTRA_VERDICTS, required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args, entry: Entry, target_behaviours, **kwargs) -> None:  # noqa: ANN001,ANN002,ANN003
        super().__init__(*args, **kwargs)
        self.claimed = list(entry.behaviours.all())
        claimed_ids = {b.pk for b in self.claimed}
        for behaviour in self.claimed:
            self.fields[f"verdict_{behaviour.pk}"] = forms.ChoiceField(
                label=behaviour.name,
                choices=Verdict.choices,
                widget=forms.RadioSelect,
                error_messages={"required": VERDICT_REQUIRED.format(name=behaviour.name)},
            )
        unclaimed = [b for b in target_behaviours if b.pk not in claimed_ids]
        self.fields["extra_behaviour"].queryset = Behaviour.objects.filter(
            pk__in=[b.pk for b in unclaimed]
        ).order_by("rank")
        self.fields["gap_behaviour"].queryset = Behaviour.objects.filter(
            pk__in=claimed_ids | {b.pk for b in unclaimed}
        ).order_by("level__rank", "rank")

    @property
    def verdict_fields(self) -> list[forms.BoundField]:
        return [self[f"verdict_{b.pk}"] for b in self.claimed]

    def clean(self) -> dict:
        data = super().clean()
        extra = data.get("extra_behaviour")
        if extra is not None and not data.get("extra_verdict"):
            self.add_error("extra_verdict", EXTRA_NEEDS_VERDICT.format(name=extra.name))
        return data

    def feedback_data(self) -> FeedbackData:
        data = self.cleaned_data
        verdicts = {b.pk: data[f"verdict_{b.pk}"] for b in self.claimed}
        extra = data.get("extra_behaviour")
        if extra is not None:
            verdicts[extra.pk] = data["extra_verdict"]
        return FeedbackData(
            body=data["body"],
            verdicts=verdicts,
            gap_note=data["gap_note"],
            gap_behaviour=data.get("gap_behaviour"),
            extra_behaviour=extra,
        )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply",
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": REPLY_REQUIRED},
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(REPLY_REQUIRED)
        return body


# --- the promotion packet -----------------------------------------------------------------------

PERIOD_ORDER = "The period must start before it ends."
NOT_FUTURE = "That date is in the future."
POINT_REQUIRED = "Write the point of feedback first."


class PeriodForm(forms.Form):
    period_start = forms.DateField(label="Evidence from", widget=DateInput())
    period_end = forms.DateField(label="to", widget=DateInput())

    def clean(self) -> dict:
        data = super().clean()
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

    def __init__(self, *args, levels, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels


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

    def __init__(self, *args, levels, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels

    def clean_submitted_on(self) -> date:
        day = self.cleaned_data["submitted_on"]
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
        help_text="One point per line. Each point can then become a gap you track.",
    )

    def __init__(self, *args, attempt: PromoAttempt, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.attempt = attempt

    def clean_decided_on(self) -> date:
        day = self.cleaned_data["decided_on"]
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

    def __init__(self, *args, level_id: int, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["behaviour"].queryset = Behaviour.objects.filter(level_id=level_id).order_by(
            "rank"
        )
