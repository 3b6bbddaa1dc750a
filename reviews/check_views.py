"""Pages of the clerical-error check: ask and withdraw (engineer, managers), answer (respondent),
and the sections it adds to the readiness and home pages."""

from django import forms
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from promo.models import display_name
from promo.selectors import user_by_handle
from reviews import checks
from reviews.models import ANSWER_COMMENT_MAX, CheckQuestion, PromoDocument
from reviews.views import ReadinessSubject

NO_DOCUMENT = "{name} has no promo document for {level} yet, so there is nothing to share."
NOT_SHARED_WITH_MANAGERS = (
    "{name} has not shared their promo document for {level} with managers, so it cannot be "
    "shared from here."
)
ASKED = "Asked {count} {people}. Each of them has been told."
WITHDRAWN_DONE = "Check withdrawn: it takes no more answers. Answers already given stay listed."
ANSWER_SAVED = "Thank you: your answer is saved. You can change it until the question closes."


class CheckForm(forms.Form):
    respondents = forms.CharField(
        label="Who should be asked?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocapitalize": "none"}),
        help_text=f"Usernames or email addresses, one per line or separated by commas: 1 to "
        f"{checks.MAX_RESPONDENTS} senior people.",
        error_messages={"required": checks.NO_RESPONDENTS},
    )
    expires_in_days = forms.IntegerField(
        label="Answers close after (days)",
        min_value=checks.EXPIRY_DAYS_MIN,
        max_value=checks.EXPIRY_DAYS_MAX,
        initial=checks.EXPIRY_DAYS_DEFAULT,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), checks.BAD_EXPIRY
        ),
    )
    share_document = forms.BooleanField(label="Let them read the promo document", required=False)

    def __init__(
        self,
        *args,  # noqa: ANN002
        engineer: AbstractBaseUser,
        document: PromoDocument | None,
        document_exists: bool,
        **kwargs,  # noqa: ANN003
    ) -> None:
        super().__init__(*args, **kwargs)
        self.engineer = engineer
        share = self.fields["share_document"]
        share.help_text = "They read the narrative for each behaviour, never the entries."
        if document is None:
            share.disabled = True  # a disabled field keeps its initial value: False is stored
            name = display_name(engineer)
            level = checks.target_level(engineer)
            message = NOT_SHARED_WITH_MANAGERS if document_exists else NO_DOCUMENT
            share.help_text = message.format(name=name, level=level)

    def clean_respondents(self) -> list[AbstractBaseUser]:
        handles = checks.parse_handles(self.cleaned_data["respondents"])
        if not handles:
            raise ValidationError(checks.NO_RESPONDENTS)
        if len(handles) > checks.MAX_RESPONDENTS:
            raise ValidationError(
                checks.TOO_MANY.format(max=checks.MAX_RESPONDENTS, count=len(handles))
            )
        people: dict[int, AbstractBaseUser] = {}
        errors = []
        for handle in handles:
            user = user_by_handle(handle)  # active users only: inactive ones are unknown here
            if user is None:
                errors.append(checks.UNKNOWN_PERSON.format(handle=handle))
            elif user.pk == self.engineer.pk:
                name = display_name(self.engineer)
                errors.append(checks.ASKING_THEMSELVES.format(handle=handle, name=name))
            else:
                people.setdefault(user.pk, user)
        if errors:
            raise ValidationError(errors)
        return list(people.values())


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label="Would you be surprised?",
        choices=CheckQuestion.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": checks.BAD_ANSWER, "invalid_choice": checks.BAD_ANSWER},
    )
    comment = forms.CharField(
        label="Comment (optional)",
        required=False,
        max_length=ANSWER_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What makes you say so? Shown with your name to the engineer and their managers.",
    )


def _list_page(
    request: HttpRequest,
    engineer: AbstractBaseUser,
    form: CheckForm | None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "engineer": engineer,
        "is_self": engineer.pk == request.user.pk,
        "level": checks.target_level(engineer),
        "form": form,
        "checks": checks.checks_of(engineer),
    }
    return render(request, "reviews/checks/list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def check_list(request: HttpRequest, username: str) -> HttpResponse:
    engineer = checks.engineer_for_checks_or_404(request.user, username)
    level = checks.target_level(engineer)
    if level is None:
        return _list_page(request, engineer, None, status=400 if request.method == "POST" else 200)
    document = checks.shareable_document(engineer, level, by=request.user)
    form = CheckForm(
        request.POST if request.method == "POST" else None,
        engineer=engineer,
        document=document,
        document_exists=document is not None or checks.has_document(engineer, level),
    )
    if request.method == "GET":
        return _list_page(request, engineer, form)
    if form.is_valid():
        try:
            check = checks.check_create(
                engineer=engineer, asked_by=request.user, **form.cleaned_data
            )
        except checks.CheckError as exc:
            form.add_error(None, str(exc))
        else:
            count = len(form.cleaned_data["respondents"])
            people = "person" if count == 1 else "people"
            messages.success(request, ASKED.format(count=count, people=people))
            return redirect(f"{reverse('reviews:checks', args=[username])}#check-{check.pk}")
    return _list_page(request, engineer, form, status=400)


@login_required
@require_POST
def check_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    check = checks.check_for_asker_or_404(request.user, pk)
    try:
        checks.check_withdraw(clerical_check=check, by=request.user)
    except checks.CheckError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, WITHDRAWN_DONE)
    url = reverse("reviews:checks", args=[check.engineer.get_username()])
    return redirect(f"{url}#check-{check.pk}")


@login_required
@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    waiting, done = checks.questions_for(request.user)
    return render(request, "reviews/checks/questions.html", {"waiting": waiting, "done": done})


@login_required
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, pk: int) -> HttpResponse:
    found = checks.question_for_respondent_or_404(request.user, pk)
    initial = {"answer": found.answer, "comment": found.comment}
    posted = request.method == "POST"
    form = AnswerForm(request.POST if posted else None, initial=initial)
    status = 200
    if posted:
        if form.is_valid():
            try:
                checks.check_answer(question=found, respondent=request.user, **form.cleaned_data)
            except checks.CheckError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, ANSWER_SAVED)
                return redirect("reviews:question", pk=found.pk)
        found.clerical_check.refresh_from_db(fields=["withdrawn_at", "expires_at"])
        status = 400 if found.clerical_check.is_open() else 409
    check = found.clerical_check
    context = {
        "question": found,
        "check": check,
        "text": checks.question_text(check.engineer, check.level),
        "is_open": check.is_open(),
        "closed_message": None if check.is_open() else checks.closed_message(check),
        "narratives": checks.shared_narratives(found),
        "form": form,
    }
    return render(request, "reviews/checks/question.html", context, status=status)


# --- sections on other pages -----------------------------------------------------------------


def readiness_panel(request: HttpRequest, subject: ReadinessSubject) -> SafeString | None:
    """On the readiness page, for the engineer and their managers only: what senior people
    answered lately."""
    relation = subject.relation
    if not (relation.is_self or relation.is_manager):
        return None
    engineer = subject.engineer
    context = {
        "engineer": engineer,
        "is_self": relation.is_self,
        "recent": checks.recent_checks(engineer, at=subject.at),
    }
    return render_to_string("reviews/checks/panels.html#readiness", context, request=request)


def home_panel(request: HttpRequest, _subject: object) -> SafeString | None:
    """On the home page: questions waiting for this user's answer."""
    count = checks.waiting_count(request.user)
    if not count:
        return None
    return render_to_string("reviews/checks/panels.html#home", {"count": count}, request=request)
