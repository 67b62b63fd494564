from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Batch, Correction, Document


@admin.register(Batch)
class BatchAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "owner_unit", "status", "total", "processed", "created_at")
    raw_id_fields = ("owner_unit", "uploaded_by")


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("original_name", "owner_unit", "outcome", "period_stated", "created_at")
    list_filter = ("outcome",)
    raw_id_fields = ("owner_unit", "uploaded_by", "batch", "report")


@admin.register(Correction)
class CorrectionAdmin(SimpleHistoryAdmin):
    list_display = ("field", "target", "old_value", "new_value", "by", "at")
    raw_id_fields = ("owner_unit", "document", "report", "by")
