"""Units now come from vietnamadminunits: correct the codes and names of the units loaded before.

vietnam-provinces, which loaded them until now, numbered 123 communes differently from the
national list that vietnamadminunits ships (and that its address converter answers with), and
spelled 30 names otherwise (Hoà/Hòa, Thuỷ/Thủy, M’gar/M'gar, an en dash). Each such commune keeps its row, so its reports,
records and accounts stay with it, and takes the code and name of today's list.
"""

from django.db import migrations


def sync(apps, schema_editor):
    from doingoai.units.services import units_sync

    units_sync(unit_model=apps.get_model("units", "Unit"), history_model=apps.get_model("units", "HistoricalUnit"))


class Migration(migrations.Migration):
    dependencies = [("units", "0002_load_units")]
    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
