from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from promo import panels
        from reviews import check_views, packet_views, views

        panels.register("entry", views.feedback_panel)
        panels.register("home", views.home_readiness)
        panels.register("home", views.home_mentor)
        panels.register("home", views.home_team)
        panels.register("home", check_views.home_panel)
        panels.register("readiness", check_views.readiness_panel)
        panels.register("readiness", packet_views.readiness_packet)
