"""Versions point at the workflow step that kept them; each send gets the version it sent.

Before this migration the step "send" kept no version. An approved report is
locked until it is sent, so the last version kept before a send (the
approval's) is exactly the text that was sent: the send is linked to it.
"""

import django.db.models.deletion
from django.db import migrations, models


def link_sends_to_versions(apps, schema_editor):
    ReportEvent = apps.get_model("reports", "ReportEvent")
    ReportVersion = apps.get_model("reports", "ReportVersion")
    sends = ReportEvent.objects.filter(action="submitted", version__isnull=True).order_by("at", "id")
    for send in sends:
        sent = ReportVersion.objects.filter(report_id=send.report_id, created_at__lte=send.at).order_by("-number").first()
        if sent is not None and sent.event_id is None:
            sent.event = send
            sent.save(update_fields=["event"])


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0003_request_reminder'),
    ]

    operations = [
        migrations.AddField(
            model_name='reportversion',
            name='event',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='version', to='reports.reportevent', verbose_name='bước xử lý'),
        ),
        migrations.RunPython(link_sends_to_versions, migrations.RunPython.noop),
    ]
