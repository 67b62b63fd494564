from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Attachment
from .registry import RECORD_TYPES

for _record_type in RECORD_TYPES:
    admin.site.register(
        _record_type.model,
        type(
            f"{_record_type.model.__name__}Admin",
            (SimpleHistoryAdmin,),
            {"list_display": ("__str__", "unit", "created_at"), "raw_id_fields": ("unit",)},
        ),
    )


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    list_display = ("original_name", "unit", "size", "uploaded_at")
    raw_id_fields = ("unit",)
