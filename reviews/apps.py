from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from promo import panels
        from reviews import views

        panels.register("entry", views.feedback_panel)
        panels.register("home", views.home_readiness)
        panels.register("home", views.home_mentor)
        panels.register("home", views.home_team)
