from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "oimarket.core"
    label = "core"
