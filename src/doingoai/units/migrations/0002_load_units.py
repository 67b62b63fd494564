"""Load today's 34 provinces and 3,321 communes, so any migrated database is usable."""

from django.db import migrations


def load(apps, schema_editor):
    from doingoai.units.services import units_sync

    units_sync(unit_model=apps.get_model("units", "Unit"), history_model=apps.get_model("units", "HistoricalUnit"))


class Migration(migrations.Migration):
    dependencies = [("units", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
