from django.apps import AppConfig


class PromoConfig(AppConfig):
    name = "promo"
    verbose_name = "Promo: ladder and people"

    def ready(self) -> None:
        from promo import signals  # noqa: F401 - connects the audit and session receivers
