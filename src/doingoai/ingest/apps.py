from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "doingoai.ingest"
    verbose_name = "Đọc báo cáo có sẵn"
