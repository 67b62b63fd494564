from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Unit


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "level", "province", "receiver", "is_border", "is_active")
    list_filter = ("level", "receiver", "is_border", "is_active")
    search_fields = ("name", "search_name", "code")
    readonly_fields = ("code", "name", "short_name", "level", "province")
