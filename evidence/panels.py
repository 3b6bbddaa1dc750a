"""Evidence's section of other apps' pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from evidence import selectors
from evidence.models import week_start
from promo.http import AuthenticatedHttpRequest
from promo.needs import OWN_WORK, Action, Need, plural


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
