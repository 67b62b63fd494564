"""The audit log: who created, changed or deleted what, and when, within a person's scope.

Every tracked model keeps a django-simple-history table; this module reads
them together. A commune leader sees their commune; an administrator sees
their province and its communes.
"""

import datetime as dt
from dataclasses import dataclass

from doingoai.ingest.models import Batch, Correction, Document
from doingoai.lib.vn import format_date
from doingoai.people.models import ApiToken, Organisation, User
from doingoai.records.models import Attachment
from doingoai.records.registry import RECORD_TYPES
from doingoai.reports.models import IndicatorValue, Report, ReportEvent, ReportRequest, ReportSection, RequestReminder
from doingoai.units.models import Unit

ACTIONS = {"+": "Tạo mới", "~": "Sửa", "-": "Xóa"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: dt.datetime
    who: str
    action: str
    kind: str
    subject: str
    changes: list[Change]


def _by_unit(history, units):
    # History rows keep the unit id as it was, so a deleted record stays visible.
    return history.filter(unit_id__in=units)


def _by_organisation(history, units):
    return history.filter(organisation_id__in=Organisation.objects.filter(unit_id__in=units).values("pk"))


def _by_token_owner(history, units):
    return history.filter(user_id__in=User.objects.filter(organisation__unit_id__in=units).values("pk"))


def _by_report(history, units):
    return history.filter(report_id__in=Report.objects.filter(unit_id__in=units).values("pk"))


def _by_province(history, units):
    return history.filter(province_id__in=units)


def _by_itself(history, units):
    return history.filter(id__in=units)


def _by_owner_unit(history, units):
    return history.filter(owner_unit_id__in=units)


def _audited():
    """(model, label, how its history rows are scoped to a set of unit ids)."""
    models = [(t.model, t.label, _by_unit) for t in RECORD_TYPES]
    models += [
        (Attachment, "Tệp đính kèm", _by_unit),
        (User, "Tài khoản", _by_organisation),
        (Organisation, "Cơ quan", _by_unit),
        (ApiToken, "Mã truy cập API", _by_token_owner),
        (Unit, "Đơn vị", _by_itself),
        (Report, "Báo cáo", _by_unit),
        (ReportSection, "Mục báo cáo", _by_report),
        (IndicatorValue, "Chỉ tiêu báo cáo", _by_report),
        (ReportEvent, "Xử lý báo cáo", _by_report),
        (ReportRequest, "Văn bản đề nghị báo cáo", _by_province),
        (RequestReminder, "Nhắc gửi báo cáo", _by_unit),
        (Batch, "Lô tệp đọc báo cáo", _by_owner_unit),
        (Document, "Văn bản đọc từ tệp", _by_owner_unit),
        (Correction, "Sửa kết quả đọc", _by_owner_unit),
    ]
    return models


def audit_scope(*, user: User) -> list[int] | None:
    """Unit ids whose history the user may read; None means every unit (a superuser)."""
    if user.is_superuser:
        return None
    if user.is_administrator and user.province is not None:
        province = user.province
        return [province.pk, *Unit.objects.filter(province=province).values_list("pk", flat=True)]
    if user.is_leader and user.unit is not None:
        return [user.unit.pk]
    return []


def _text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _changes(row) -> list[Change]:
    if row.history_type != "~":
        return []
    previous = row.prev_record
    if previous is None:
        return []
    delta = row.diff_against(previous)
    model = row.instance_type
    changes = []
    for change in delta.changes:
        try:
            label = model._meta.get_field(change.field).verbose_name
        except Exception:
            label = change.field
        changes.append(Change(str(label).capitalize(), _text(change.old), _text(change.new)))
    return changes


def audit_entries(*, user: User, limit: int = 100) -> list[Entry]:
    """The newest changes the user may see, newest first."""
    scope = audit_scope(user=user)
    if scope == []:
        return []
    rows = []
    for model, label, scoped in _audited():
        history = model.history.all() if scope is None else scoped(model.history.all(), scope)
        for row in history.select_related("history_user").order_by("-history_date")[:limit]:
            rows.append((row, label))
    rows.sort(key=lambda pair: pair[0].history_date, reverse=True)
    entries = []
    for row, label in rows[:limit]:
        who = row.history_user.full_name or row.history_user.username if row.history_user else "Hệ thống"
        entries.append(Entry(row.history_date, who, ACTIONS[row.history_type], label, str(row.instance), _changes(row)))
    return entries
