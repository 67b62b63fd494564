from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "doingoai.audit"
    verbose_name = "Nhật ký thay đổi"
