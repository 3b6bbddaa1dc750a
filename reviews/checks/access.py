"""Who may ask, withdraw and answer a clerical-error check, and what respondents may read."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.http import Http404

from promo import access
from promo.models import Level
from reviews.checks.models import CheckQuestion, ClericalCheck
from reviews.packet import access as packet_access
from reviews.packet.models import Narrative, PromoDocument


def may_ask(viewer: User, engineer: User) -> bool:
    """The engineer themselves and every manager above them; mentors and others may not."""
    found = access.relation(viewer, engineer)
    return found.is_self or found.is_manager


def engineer_for_checks_or_404(viewer: User, username: str) -> User:
    """The engineer whose checks the viewer may see and ask (themselves or a report), or 404."""
    engineer = (
        get_user_model()
        .objects.select_related("person__target_level")
        .filter(username=username, is_active=True)
        .first()
    )
    if engineer is None or not may_ask(viewer, engineer):
        raise Http404("No such person.")
    return engineer


def _may_pass_on(document: PromoDocument, *, asker_id: int) -> bool:
    """May the asker let respondents read the document? The engineer always; a manager only
    while they manage the engineer and the engineer shares it with managers: a manager cannot
    pass on more than they may read."""
    if asker_id == document.engineer_id:
        return True
    return packet_access.may_read(
        document, access.Relation(is_manager=True)
    ) and access.is_manager_of(asker_id, document.engineer_id)


def shareable_document(engineer: User, level: Level | None, *, by: User) -> PromoDocument | None:
    """The promo document the asker may let respondents read: the engineer's own for the level,
    when the asker may pass it on."""
    if level is None:
        return None
    document = PromoDocument.objects.filter(engineer=engineer, level=level).first()
    if document is None or not _may_pass_on(document, asker_id=by.pk):
        return None
    return document


def has_document(engineer: User, level: Level) -> bool:
    return PromoDocument.objects.filter(engineer=engineer, level=level).exists()


def question_for_respondent_or_404(viewer: User, pk: int) -> CheckQuestion:
    """A question put to the viewer, or 404 for anyone else: the engineer and their managers
    included (they see answers on the checks page, not the respondent's page)."""
    question = (
        CheckQuestion.objects.select_related(
            "clerical_check__engineer", "clerical_check__level", "clerical_check__asked_by"
        )
        .filter(pk=pk, respondent_id=viewer.pk)
        .first()
    )
    if question is None:
        raise Http404("No such question.")
    return question


def check_for_asker_or_404(viewer: User, pk: int) -> ClericalCheck:
    """A check the viewer may withdraw (on themselves, or on a report), or 404."""
    check = ClericalCheck.objects.select_related("engineer").filter(pk=pk).first()
    if check is None or not may_ask(viewer, check.engineer):
        raise Http404("No such check.")
    return check


def shared_narratives(question: CheckQuestion) -> list[Narrative] | None:
    """The narratives a respondent may read, in behaviour order; None when nothing is shared
    (not shared, no document, the check is closed, or the engineer has since stopped sharing
    the document with managers when a manager asked). Narratives only: never the evidence."""
    check = question.clerical_check
    if not check.share_document or not check.is_open():
        return None
    narratives = list(
        Narrative.objects.filter(
            document__engineer_id=check.engineer_id, document__level_id=check.level_id
        )
        .select_related("behaviour", "document")
        .order_by("behaviour__rank", "pk")
    )
    if not narratives or not _may_pass_on(narratives[0].document, asker_id=check.asked_by_id):
        return None
    return narratives
