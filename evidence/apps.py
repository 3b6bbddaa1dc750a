from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "evidence"

    def ready(self) -> None:
        from evidence import panels as evidence_panels
        from promo import needs, panels

        panels.register("home", evidence_panels.home_quick_add)
        panels.register("home", evidence_panels.home_this_week)
        needs.register(evidence_panels.impact_needs)
        needs.register(evidence_panels.draft_needs)
