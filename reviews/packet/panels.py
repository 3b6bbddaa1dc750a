"""The packet's section of the readiness page (see promo.panels)."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from promo.http import AuthenticatedHttpRequest
from reviews.packet import access as packet_access
from reviews.packet import selectors as packet_selectors
from reviews.readiness.assembly import ReadinessSubject


def readiness_packet(
    request: AuthenticatedHttpRequest, subject: ReadinessSubject
) -> SafeString | None:
    """Committee gaps still open, and the way to the document and attempts, on readiness."""
    relation, engineer = subject.relation, subject.engineer
    if not (relation.is_self or relation.is_manager or relation.is_mentor):
        return None
    shared = packet_access.documents_readable(engineer, relation).select_related("level")
    context = {
        "engineer": engineer,
        "relation": relation,
        "documents": list(shared),
        "sees_attempts": packet_access.may_record(relation),
        "gaps": (
            packet_selectors.open_committee_gaps(engineer, at=subject.at)
            if packet_access.may_record(relation)
            else []
        ),
    }
    if not (context["documents"] or context["sees_attempts"]):
        return None
    return render_to_string("reviews/packet/readiness_panel.html", context, request=request)
