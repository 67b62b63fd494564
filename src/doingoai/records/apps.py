from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "doingoai.records"
    verbose_name = "Ghi chép hoạt động đối ngoại"
