"""Who may read a promo document and who may see a promotion attempt, and the one way to fetch
each for a viewer: 404 for anyone without the right.

A document is the engineer's, and theirs to share: with their managers (everyone above them in
the reporting line), with their active mentors, or both. Attempts are the engineer's and their
managers' business; mentors do not see them.
"""

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from promo import access
from reviews.packet.models import CommitteePoint, PromoAttempt, PromoDocument

NO_DOCUMENT = "No such document."


def may_read(document: PromoDocument, relation: access.Relation) -> bool:
    return (
        relation.is_self
        or (relation.is_manager and document.share_manager)
        or (relation.is_mentor and document.share_mentors)
    )


def readable_q(relation: access.Relation) -> Q:
    """The list form of `may_read`, for one engineer's documents (tests hold the two equal)."""
    if relation.is_self:
        return Q()
    rule = Q(pk__in=[])
    if relation.is_manager:
        rule |= Q(share_manager=True)
    if relation.is_mentor:
        rule |= Q(share_mentors=True)
    return rule


def may_record(relation: access.Relation) -> bool:
    return relation.is_self or relation.is_manager


def documents_readable(engineer: User, relation: access.Relation) -> QuerySet[PromoDocument]:
    """The engineer's documents a viewer standing in `relation` to them may read."""
    return PromoDocument.objects.filter(readable_q(relation), engineer=engineer)


def document_for_viewer(viewer: access.Viewer, pk: int) -> tuple[PromoDocument, access.Relation]:
    document = get_object_or_404(
        PromoDocument.objects.select_related("engineer__person", "level__ladder"), pk=pk
    )
    relation = access.relation(viewer, document.engineer)
    if not may_read(document, relation):
        raise Http404(NO_DOCUMENT)
    return document, relation


def own_document_or_404(viewer: access.Viewer, pk: int) -> PromoDocument:
    document, relation = document_for_viewer(viewer, pk)
    if not relation.is_self:
        raise Http404(NO_DOCUMENT)
    return document


def engineer_for_recorder(viewer: access.Viewer, username: str) -> tuple[User, access.Relation]:
    """The engineer whose attempts the viewer may see (themselves or a report), or 404."""
    engineer, relation = access.engineer_or_404(viewer, username)
    if not may_record(relation):
        raise Http404("No such person.")
    return engineer, relation


def attempt_for_recorder(viewer: access.Viewer, pk: int) -> tuple[PromoAttempt, access.Relation]:
    attempt = get_object_or_404(
        PromoAttempt.objects.select_related("engineer", "level", "recorded_by"), pk=pk
    )
    relation = access.relation(viewer, attempt.engineer)
    if not may_record(relation):
        raise Http404("No such attempt.")
    return attempt, relation


def point_for_recorder(viewer: access.Viewer, pk: int) -> CommitteePoint:
    point = get_object_or_404(CommitteePoint.objects.select_related("attempt__engineer"), pk=pk)
    if not may_record(access.relation(viewer, point.attempt.engineer)):
        raise Http404("No such point.")
    return point
