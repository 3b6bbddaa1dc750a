"""Entry forms. Messages are constants so tests assert exactly what the user reads."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.utils import timezone

from evidence.brag_import import EARLIEST
from evidence.models import BODY_MAX, IMPACT_MAX, LINKS_MAX, TITLE_MAX, EntryLink, Kind
from evidence.services import EntryData
from promo.forms import declared_field
from promo.models import Behaviour, Person, Visibility
from promo.params import ID_MAX, parse_id

TITLE_REQUIRED = "Give the entry a title, e.g. “Unblocked the refunds migration”."
TITLE_TOO_LONG = "The title is {n:,} characters; keep it under {limit:,}."
BODY_TOO_LONG = "The text is {n:,} characters; the limit is {limit:,}."
IMPACT_TOO_LONG = "This is {n:,} characters; the limit is {limit:,}."
WEEK_IN_FUTURE = "That week is in the future; log work once it has happened."
WEEK_TOO_OLD = "That week is before 2000; check the year."
SHIPPED_IN_FUTURE = "The ship date is in the future; add it once the work has shipped."
LINK_BAD = "Link on line {line}: “{text}” is not a web address (start it with https://)."
LINKS_TOO_MANY = "Add at most {limit} links."
LINK_LABEL_TOO_LONG = "Link on line {line}: the label is {n:,} characters; the limit is {limit:,}."
LINK_LABEL_MAX = 120  # EntryLink.label
DATE_TOO_OLD = "That date is before 2000; check the year."
VERSION_BAD = "This edit form is damaged or out of date; open the entry again and redo the edit."
FUTURE_GRACE_DAYS = 7
# Only a tampered page (or an API client) sends these; each says what would do instead.
KIND_UNKNOWN = (
    "“%(value)s” is not a kind of entry; use weekly_win, work_summary, vision_doc or moment."
)
SHARE_UNKNOWN = (
    "“%(value)s” is not a way to share an entry; use private, mentors or mentors_and_managers."
)
BEHAVIOUR_UNKNOWN = "“%(value)s” is not one of the behaviours of the level you are working towards."


class DateInput(forms.DateInput):
    """A browser date picker; it only understands ISO dates, whatever the site's locale."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _length(value: str, limit: int, message: str) -> str:
    if len(value) > limit:
        raise ValidationError(message.format(n=len(value), limit=limit))
    return value


def _not_too_old(day: date | None) -> date | None:
    """Search dates before 2000 are typos, and 0001-01-01 minus a week is no date at all."""
    if day and day < EARLIEST:
        raise ValidationError(DATE_TOO_OLD)
    return day


def parse_links(text: str) -> tuple[tuple[str, str], ...]:
    """One link per line: the address, then an optional label ("https://… Design doc")."""
    links = []
    check = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        url, _, label = line.strip().partition(" ")
        try:
            check(url)
        except ValidationError:
            raise ValidationError(LINK_BAD.format(line=number, text=url[:80])) from None
        if len(url) > 500:
            raise ValidationError(LINK_BAD.format(line=number, text=url[:80] + "…"))
        label = label.strip()
        if len(label) > LINK_LABEL_MAX:  # said, not cut: a cut label loses what was typed
            raise ValidationError(
                LINK_LABEL_TOO_LONG.format(line=number, n=len(label), limit=LINK_LABEL_MAX)
            )
        links.append((url, label))
    if len(links) > LINKS_MAX:
        raise ValidationError(LINKS_TOO_MANY.format(limit=LINKS_MAX))
    return tuple(links)


def links_text(links: Iterable[EntryLink] | Iterable[tuple[object, object]]) -> str:
    """The links field's text, one "address label" line per EntryLink row or (url, label)."""
    pairs = [(link.url, link.label) if isinstance(link, EntryLink) else link for link in links]
    return "\n".join(f"{url} {label}".strip() for url, label in pairs)


class BehaviourChoices(ModelMultipleChoiceField[Behaviour]):
    def label_from_instance(self, obj: Behaviour) -> str:
        return obj.name

    def _check_values(self, value: Iterable[object]) -> QuerySet[Behaviour]:
        """Refuse a value that cannot be an id before it reaches an `IN (...)` query, where
        SQLite raises OverflowError on integers past 64 bits."""
        for pk in value:
            digits = str(pk).strip().removeprefix("-")
            if digits.isascii() and digits.isdecimal() and parse_id(digits) is None:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:20]},
                )
        # Django's own (private) step of clean(), which django-stubs does not declare.
        checked: QuerySet[Behaviour] = super()._check_values(value)  # type: ignore[misc]
        return checked


class EntryForm(forms.Form):
    title = forms.CharField(
        max_length=None,
        error_messages={"required": TITLE_REQUIRED},
        widget=forms.TextInput(
            attrs={"placeholder": "What did you do?", "autocomplete": "off", "autofocus": True}
        ),
    )
    kind = forms.ChoiceField(
        choices=Kind.choices,
        initial=Kind.WEEKLY_WIN,
        error_messages={"invalid_choice": KIND_UNKNOWN},
    )
    week_of = forms.DateField(
        required=False,
        label="Week of",
        widget=DateInput(),
        help_text="Any day in the week it belongs to. Empty: this week.",
    )
    behaviours = BehaviourChoices(
        queryset=Behaviour.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The next-level behaviours this shows.",
        error_messages={"invalid_choice": BEHAVIOUR_UNKNOWN},
    )
    body = forms.CharField(
        required=False,
        label="Details",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            f"Markdown, up to {BODY_MAX:,} characters. What you did, how, and who it helped."
        ),
    )
    impact = forms.CharField(
        required=False,
        label="Expected impact",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    shipped_on = forms.DateField(required=False, label="Shipped on", widget=DateInput())
    impact_measured = forms.CharField(
        required=False,
        label="Measured impact",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What it achieved, once you could measure it.",
    )
    links = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://… Design doc"}),
        help_text="One per line: the address, then an optional label.",
    )
    visibility = forms.ChoiceField(
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        label="Shared with",
        error_messages={"invalid_choice": SHARE_UNKNOWN},
    )

    def __init__(
        self, *args: Any, today: date | None = None, autofocus: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        if not autofocus:  # a form further down a page must not pull the page to it
            self.fields["title"].widget.attrs.pop("autofocus", None)

    @property
    def selected_behaviours(self) -> set[int]:
        """Ids of the ticked behaviours, whether the form is fresh, bound or re-shown."""
        ids = set()
        for value in self["behaviours"].value() or []:
            try:
                ids.add(int(getattr(value, "pk", value)))
            except (TypeError, ValueError):
                continue
        return ids

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(TITLE_REQUIRED)
        return _length(title, TITLE_MAX, TITLE_TOO_LONG)

    def clean_body(self) -> str:
        return _length(self.cleaned_data["body"], BODY_MAX, BODY_TOO_LONG)

    def clean_impact(self) -> str:
        return _length(self.cleaned_data["impact"], IMPACT_MAX, IMPACT_TOO_LONG)

    def clean_impact_measured(self) -> str:
        return _length(self.cleaned_data["impact_measured"], IMPACT_MAX, IMPACT_TOO_LONG)

    def clean_week_of(self) -> date:
        day: date = self.cleaned_data["week_of"] or self.today
        if day > self.today + timedelta(days=FUTURE_GRACE_DAYS):
            raise ValidationError(WEEK_IN_FUTURE)
        if day < EARLIEST:
            raise ValidationError(WEEK_TOO_OLD)
        return day

    def clean_shipped_on(self) -> date | None:
        day: date | None = self.cleaned_data["shipped_on"]
        if day and day > self.today:
            raise ValidationError(SHIPPED_IN_FUTURE)
        if day and day < EARLIEST:
            raise ValidationError(WEEK_TOO_OLD)
        return day

    def clean_links(self) -> tuple[tuple[str, str], ...]:
        return parse_links(self.cleaned_data["links"])

    def entry_data(self) -> EntryData:
        data = self.cleaned_data
        return EntryData(
            title=data["title"],
            week_of=data["week_of"],
            kind=data["kind"],
            body=data["body"],
            behaviours=tuple(data["behaviours"]),
            impact=data["impact"],
            shipped_on=data["shipped_on"],
            impact_measured=data["impact_measured"],
            links=data["links"],
            visibility=data["visibility"],
        )


class EditEntryForm(EntryForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=ID_MAX)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if "version" in self.errors:  # a hidden field's error shows nowhere: say it on the form
            self.add_error(None, VERSION_BAD)
        return data


class ImpactForm(forms.Form):
    impact_measured = forms.CharField(
        label="Measured impact",
        error_messages={"required": "Say what it achieved, e.g. “p99 fell from 800 to 240 ms”."},
        widget=forms.TextInput(attrs={"placeholder": "What did it achieve?"}),
    )

    def clean_impact_measured(self) -> str:
        value = self.cleaned_data["impact_measured"].strip()
        return _length(value, IMPACT_MAX, IMPACT_TOO_LONG)


class BehaviourWithLevel(ModelChoiceField[Behaviour]):
    def label_from_instance(self, obj: Behaviour) -> str:
        return f"{obj.name} ({obj.level.name})"


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Text", max_length=200)
    behaviour = BehaviourWithLevel(
        queryset=Behaviour.objects.select_related("level").order_by("level__rank", "rank"),
        required=False,
        empty_label="Any behaviour",
    )
    kind = forms.ChoiceField(choices=[("", "Any kind"), *Kind.choices], required=False)
    person = forms.ChoiceField(choices=[("", "Anyone")], required=False)
    start = forms.DateField(required=False, label="From", widget=DateInput())
    end = forms.DateField(required=False, label="To", widget=DateInput())
    visibility = forms.ChoiceField(
        choices=[("", "Any sharing"), *Visibility.choices], required=False, label="Shared with"
    )

    def __init__(self, *args: Any, people: Iterable[Person] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        declared_field(self, "person", forms.ChoiceField).choices = [("", "Anyone")] + [
            (p.user.username, p.display_name) for p in people
        ]

    def clean_start(self) -> date | None:
        return _not_too_old(self.cleaned_data["start"])

    def clean_end(self) -> date | None:
        return _not_too_old(self.cleaned_data["end"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError("“From” is after “To”; swap the dates.")
        return data


DRAFT_BEHAVIOUR_GONE = (
    "One of those behaviours is no longer on the ladder. Reload the page and log it again."
)


class DraftLogForm(forms.Form):
    """Logging a draft from the inbox: only the behaviours left ticked are chosen there; the
    rest comes from the pull request (evidence.drafts.entry_data_for)."""

    behaviours = BehaviourChoices(
        queryset=Behaviour.objects.all(),
        required=False,
        error_messages={
            "invalid_choice": DRAFT_BEHAVIOUR_GONE,
            "invalid_pk_value": DRAFT_BEHAVIOUR_GONE,
        },
    )

    def error_sentence(self) -> str:
        return DRAFT_BEHAVIOUR_GONE
