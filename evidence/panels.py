"""Evidence's section of other apps' pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from evidence import drafts, quick_add, selectors
from evidence.models import week_start
from promo.http import AuthenticatedHttpRequest
from promo.needs import OWN_WORK, Action, Need, plural


def home_quick_add(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    """The quick add at the top of an engineer's home (someone on the ladder); it does not
    take the focus, which a page opens at its top."""
    writer = selectors.writer(request.user)
    if writer is None or writer.working_level is None:
        return None
    form = quick_add.new_entry_form(request, writer, autofocus=False)
    context = quick_add.context_for(request, writer, "home", form)
    return render_to_string("evidence/includes/quick_add.html", context, request=request)


def home_this_week(request: AuthenticatedHttpRequest, _subject: object) -> SafeString:
    """This week's entries on the home page, with the way to log another."""
    this_week = week_start(timezone.localdate())
    entries = list(
        selectors.as_cards(selectors.own_entries(request.user)).filter(week_start=this_week)
    )
    context = {"entries": entries, "this_week": this_week}
    return render_to_string("evidence/home_panel.html", context, request=request)


def impact_needs(request: AuthenticatedHttpRequest) -> list[Need]:
    """The viewer's shipped entries whose impact is due to be measured."""
    due = selectors.impact_due(request.user, today=timezone.localdate()).count()
    if not due:
        return []
    return [
        Need(
            key="impact",
            text=f"{plural(due, 'entry is', 'entries are')} ready for a measured impact",
            detail="demonstrated work counts in full once its impact is measured",
            order=OWN_WORK,
            actions=(Action("Record impact", reverse("evidence:impact"), primary=True),),
        )
    ]


def draft_needs(request: AuthenticatedHttpRequest) -> list[Need]:
    """Merged pull requests from the forge waiting for the viewer to log or dismiss them."""
    waiting = drafts.waiting_count(request.user)
    if not waiting:
        return []
    return [
        Need(
            key="drafts",
            text=(
                f"{plural(waiting, 'merged pull request is', 'merged pull requests are')} "
                "waiting to be logged"
            ),
            detail="they count for nothing until you log them",
            order=OWN_WORK,
            actions=(Action("Open the inbox", reverse("evidence:week") + "#inbox", primary=True),),
        )
    ]
