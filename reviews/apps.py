from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from evidence import panels
        from reviews.views import feedback_panel

        panels.register(feedback_panel)
