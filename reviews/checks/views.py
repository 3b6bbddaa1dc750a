"""Pages of clerical-error checks: asking about an engineer, and answering as a respondent."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from promo.http import AuthenticatedHttpRequest
from promo.selectors import target_of
from reviews.checks import access as check_access
from reviews.checks import selectors as check_selectors
from reviews.checks import services as check_services
from reviews.checks.forms import AnswerForm, CheckForm

ASKED = "Asked {count} {people}. Each of them has been told."


WITHDRAWN_DONE = "Check withdrawn: it takes no more answers. Answers already given stay listed."


ANSWER_SAVED = "Thank you: your answer is saved. You can change it until the question closes."


def _list_page(
    request: AuthenticatedHttpRequest,
    engineer: User,
    form: CheckForm | None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "engineer": engineer,
        "is_self": engineer.pk == request.user.pk,
        "level": target_of(engineer),
        "form": form,
        "checks": check_selectors.checks_of(engineer),
    }
    return render(request, "reviews/checks/list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def check_list(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    engineer = check_access.engineer_for_checks_or_404(request.user, username)
    level = target_of(engineer)
    if level is None:
        return _list_page(request, engineer, None, status=400 if request.method == "POST" else 200)
    document = check_access.shareable_document(engineer, level, by=request.user)
    form = CheckForm(
        request.POST if request.method == "POST" else None,
        engineer=engineer,
        document=document,
        document_exists=document is not None or check_access.has_document(engineer, level),
    )
    if request.method == "GET":
        return _list_page(request, engineer, form)
    if form.is_valid():
        try:
            check = check_services.check_create(
                engineer=engineer, asked_by=request.user, **form.cleaned_data
            )
        except check_services.CheckError as exc:
            form.add_error(None, str(exc))
        else:
            count = len(form.cleaned_data["respondents"])
            people = "person" if count == 1 else "people"
            messages.success(request, ASKED.format(count=count, people=people))
            return redirect(f"{reverse('reviews:checks', args=[username])}#check-{check.pk}")
    return _list_page(request, engineer, form, status=400)


@login_required
@require_POST
def check_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check = check_access.check_for_asker_or_404(request.user, pk)
    try:
        check_services.check_withdraw(clerical_check=check, by=request.user)
    except check_services.CheckError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, WITHDRAWN_DONE)
    url = reverse("reviews:checks", args=[check.engineer.get_username()])
    return redirect(f"{url}#check-{check.pk}")


@login_required
@require_GET
def question_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    waiting, done = check_selectors.questions_for(request.user)
    return render(request, "reviews/checks/questions.html", {"waiting": waiting, "done": done})


@login_required
@require_http_methods(["GET", "POST"])
def question(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = check_access.question_for_respondent_or_404(request.user, pk)
    initial = {"answer": found.answer, "comment": found.comment}
    posted = request.method == "POST"
    form = AnswerForm(request.POST if posted else None, initial=initial)
    status = 200
    if posted:
        if form.is_valid():
            try:
                check_services.check_answer(
                    question=found, respondent=request.user, **form.cleaned_data
                )
            except check_services.CheckError as exc:
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
        "text": check_selectors.question_text(check.engineer, check.level),
        "is_open": check.is_open(),
        "closed_message": None if check.is_open() else check_selectors.closed_message(check),
        "narratives": check_access.shared_narratives(found),
        "form": form,
    }
    return render(request, "reviews/checks/question.html", context, status=status)
