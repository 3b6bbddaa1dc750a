"""The JSON API under /api/, assembled here at the top of the dependency chain: `/api/me`
(promo), entries, drafts and suggestions (evidence), and readiness (defined here).

Authenticated by personal access tokens only (promo.api); its schema is served at
/api/openapi.json and there is no interactive documentation page (it would load scripts from
elsewhere, which the content security policy forbids).
"""

from datetime import date

from django.utils import timezone
from ninja import NinjaAPI, Router, Schema

from evidence import api as evidence_api
from promo import api as promo_api
from promo.api import READ_ERRORS, ApiRequest
from reviews.readiness import pipeline
from reviews.readiness.labels import STATUS_LABELS
from reviews.readiness.periods import period_start

API_DESCRIPTION = (
    "What a person does weekly, for scripts and the `promo` command line. Every request "
    "sends a personal access token (made on the preferences page) as `Authorization: Bearer "
    "<token>`; a read token reads, a read-and-write token also logs and decides. Everything "
    "is the token owner's own: another person's entry or draft is 404."
)


class BehaviourReadinessOut(Schema):
    slug: str
    name: str
    status: str
    status_label: str
    consistency: float
    last_demonstrated: date | None


class ReadinessOut(Schema):
    as_of: date
    status: str
    status_label: str
    summary: str
    reasons: list[str]
    behaviours: list[BehaviourReadinessOut]


router = Router(tags=["readiness"])


@router.get("/readiness", response={200: ReadinessOut, **READ_ERRORS}, auth=promo_api.read)
def readiness(request: ApiRequest) -> dict[str, object]:
    """My readiness today, as my own readiness page shows it (the one pipeline)."""
    user = request.auth.user
    as_of = timezone.localdate()
    picture = pipeline.assessment_for(user, user, as_of=as_of)
    found, policy = picture.readiness, picture.policy
    slugs = {b.pk: b.slug for b in picture.behaviours}
    return {
        "as_of": as_of,
        "status": found.status,
        "status_label": STATUS_LABELS[found.status],
        "summary": " ".join(found.reasons),
        "reasons": list(found.reasons),
        "behaviours": [
            {
                "slug": slugs[item.behaviour],
                "name": item.name,
                "status": item.status,
                "status_label": STATUS_LABELS[item.status],
                "consistency": item.consistency,
                "last_demonstrated": (
                    period_start(item.last_demonstrated, policy)
                    if item.last_demonstrated is not None
                    else None
                ),
            }
            for item in found.behaviours
        ],
    }


api = NinjaAPI(
    title="Promo API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
)
promo_api.install(api)
api.add_router("", promo_api.router)
api.add_router("", evidence_api.router)
api.add_router("", router)
