from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "evidence"

    def ready(self) -> None:
        from evidence import views
        from promo import panels

        panels.register("home", views.home_this_week)
