from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "doingoai.search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from .index import search_index_repair_after_migrate

        # On SQLite a later migration that rebuilds reports_reportsection drops the
        # table's triggers with it; every migrate run puts them back (see index.py).
        post_migrate.connect(search_index_repair_after_migrate, sender=self)
