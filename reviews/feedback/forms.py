"""The forms of mentor feedback. Messages are constants so tests assert what the user reads."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from evidence.models import Entry
from promo.forms import declared_field
from promo.models import Behaviour
from promo.selectors import target_behaviours
from reviews.feedback.models import GAP_MAX, NOTE_MAX, REPLY_MAX, Verdict
from reviews.feedback.services import NOTE_OR_VERDICT, FeedbackData, says_something

# Optional once a verdict is given; required on an entry that claims nothing, unless the mentor
# names a behaviour the work shows (services.says_something is the rule).
NOTE_REQUIRED = NOTE_OR_VERDICT

# The "All demonstrated" button: every claimed behaviour demonstrated, in one action.
ALL_DEMONSTRATED = "all-demonstrated"


VERDICT_REQUIRED = "Give a verdict for “{name}”."


EXTRA_NEEDS_VERDICT = "Say whether the work demonstrates “{name}” or only partly shows it."


REPLY_REQUIRED = "Write a reply first."


EXTRA_VERDICTS = [(v.value, v.label) for v in (Verdict.DEMONSTRATED, Verdict.FLASHES)]


class FeedbackForm(forms.Form):
    body = forms.CharField(
        label="Your note",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Markdown. Optional when you give verdicts; be specific: what made it work, "
        "what is missing.",
    )
    gap_note = forms.CharField(
        label="What would make this next-level?",
        required=False,
        max_length=GAP_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Your gap note: it stays on the engineer's “What to work on” page until you "
        "resolve it.",
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

    def __init__(
        self, *args: Any, entry: Entry, target_behaviours: Iterable[Behaviour], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.claimed = list(entry.behaviours.all())
        if self.is_bound and self.data.get("verdicts") == ALL_DEMONSTRATED:
            data = dict(self.data.items())  # one value per field in this form
            data |= {f"verdict_{b.pk}": Verdict.DEMONSTRATED.value for b in self.claimed}
            self.data = data
        claimed_ids = {b.pk for b in self.claimed}
        for behaviour in self.claimed:
            self.fields[f"verdict_{behaviour.pk}"] = forms.ChoiceField(
                label=behaviour.name,
                choices=Verdict.choices,
                widget=forms.RadioSelect,
                error_messages={"required": VERDICT_REQUIRED.format(name=behaviour.name)},
            )
        unclaimed = [b for b in target_behaviours if b.pk not in claimed_ids]
        declared_field(
            self, "extra_behaviour", forms.ModelChoiceField
        ).queryset = Behaviour.objects.filter(pk__in=[b.pk for b in unclaimed]).order_by("rank")
        declared_field(
            self, "gap_behaviour", forms.ModelChoiceField
        ).queryset = Behaviour.objects.filter(
            pk__in=claimed_ids | {b.pk for b in unclaimed}
        ).order_by("level__rank", "rank")

    @property
    def verdict_fields(self) -> list[forms.BoundField]:
        return [self[f"verdict_{b.pk}"] for b in self.claimed]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        extra = data.get("extra_behaviour")
        if extra is not None and not data.get("extra_verdict"):
            self.add_error("extra_verdict", EXTRA_NEEDS_VERDICT.format(name=extra.name))
        given = {b.pk: data.get(f"verdict_{b.pk}") for b in self.claimed}
        if extra is not None:
            given[extra.pk] = data.get("extra_verdict")
        said = FeedbackData(
            body=data.get("body", ""), verdicts={pk: v for pk, v in given.items() if v}
        )
        if "body" not in self.errors and not says_something(said):
            self.add_error("body", NOTE_REQUIRED)
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
        body: str = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(REPLY_REQUIRED)
        return body


def feedback_form(entry: Entry, data: QueryDict | None = None, **kwargs: Any) -> FeedbackForm:
    """The feedback form for an entry: its claimed behaviours, and its author's target level's
    for "a behaviour it shows but did not claim"."""
    behaviours = list(target_behaviours(entry.author))
    return FeedbackForm(data, entry=entry, target_behaviours=behaviours, **kwargs)
