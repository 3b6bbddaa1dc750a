from django.apps import AppConfig


class PromoConfig(AppConfig):
    name = "promo"
    verbose_name = "Promo: ladder and people"

    def ready(self) -> None:
        from django.urls import register_converter

        from promo import (
            needs,
            signals,  # noqa: F401 - connects the audit and session receivers
        )
        from promo.params import IdConverter

        needs.register(needs.mentoring_requests)
        needs.register(needs.organisation)
        needs.register(needs.unsent_emails)
        register_converter(IdConverter, "id")  # <id:pk> in every app's URL patterns
