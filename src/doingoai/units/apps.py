from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "doingoai.units"
    verbose_name = "Đơn vị hành chính"
