"""The full-text index of report sections: FTS5 on SQLite, unaccent + GIN on PostgreSQL (see search/index.py)."""

from django.db import migrations


def install(apps, schema_editor):
    from doingoai.search.index import search_index_install

    search_index_install(schema_editor.connection)  # each vendor its own; others get none


def uninstall(apps, schema_editor):
    from doingoai.search.index import search_index_uninstall

    search_index_uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_request_reminder")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
