from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "doingoai.reports"
    verbose_name = "Báo cáo"
