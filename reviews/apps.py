from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from promo import needs, offboarding, panels
        from reviews.checks import panels as checks
        from reviews.checks import services as check_services
        from reviews.feedback import panels as feedback
        from reviews.packet import panels as packet
        from reviews.readiness import panels as readiness

        panels.register("entry", feedback.feedback_panel)
        panels.register("home", readiness.home_readiness)
        panels.register("home", feedback.home_mentor)
        panels.register("home", readiness.home_team)
        needs.register(feedback.needs)
        needs.register(checks.needs)
        needs.register(readiness.needs)
        panels.register("readiness", checks.readiness_panel)
        panels.register("readiness", packet.readiness_packet)
        offboarding.register(check_services.checks_withdraw_for_leaver)
