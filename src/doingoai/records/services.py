"""Records: scoped fetching, saving, deleting, attachments and the figures they give."""

import datetime as dt
import mimetypes

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from doingoai.lib.periods import Period
from doingoai.people.models import User
from doingoai.units.models import Unit

from . import models
from .registry import RECORD_TYPES, RECORD_TYPES_BY_CODE, RecordType

Window = tuple[dt.date, dt.date]


def _window(period: Period | str | None, window: Window | None) -> Window | None:
    if window is not None:
        return window
    if period is not None:
        return Period.parse(period).window
    return None


def in_window(queryset: QuerySet, record_type: RecordType, window: Window) -> QuerySet:
    """Records of a data window: dated inside it, or still running in it."""
    start, end = window
    model = record_type.model
    dated = Q(**{f"{model.period_field}__range": (start, end)})
    if model.active_until_field:
        running = Q(**{f"{model.period_field}__lte": end}) & (
            Q(**{f"{model.active_until_field}__isnull": True}) | Q(**{f"{model.active_until_field}__gte": start})
        )
        return queryset.filter(dated | running)
    return queryset.filter(dated)


def record_list(
    *, unit: Unit, record_type: RecordType, period: Period | str | None = None, window: Window | None = None
) -> QuerySet:
    """A commune's records of one type, in a period's data window (or all of them)."""
    records = record_type.model.objects.filter(unit=unit).select_related("created_by")
    chosen = _window(period, window)
    return in_window(records, record_type, chosen) if chosen else records


def records_visible_to(user: User, record_type: RecordType) -> QuerySet:
    """Records are the commune's working notes: only its own officers and leaders see them."""
    if not user.is_authenticated or not user.is_commune_user:
        return record_type.model.objects.none()
    return record_type.model.objects.filter(unit=user.unit)


def get_record_type(code: str) -> RecordType:
    try:
        return RECORD_TYPES_BY_CODE[code]
    except KeyError:
        raise Http404("Không có sổ ghi chép này.") from None


def get_record_for_user(user: User, record_type: RecordType, pk: int) -> models.Record:
    """A record the user may see, or 404: another commune's record does not exist for them."""
    record = records_visible_to(user, record_type).filter(pk=pk).first()
    if record is None:
        raise Http404("Không tìm thấy bản ghi.")
    return record


def record_save(*, form, unit: Unit, by: User) -> models.Record:
    """Save a valid record form for ``unit``, recording who did it."""
    record = form.instance
    if record.pk is None:
        record.unit = unit
        record.created_by = by
    record._history_user = by
    return form.save()


def record_delete(*, record: models.Record, by: User) -> None:
    """Delete a record; its history (who, when, every earlier value) stays in the audit log."""
    record._history_user = by
    with transaction.atomic():
        for attachment in record.attachments.all():
            attachment_delete(attachment=attachment, by=by)
        record.delete()


def attachment_add(*, record: models.Record, upload, by: User) -> models.Attachment:
    mime = getattr(upload, "content_type", "") or mimetypes.guess_type(upload.name)[0] or "application/octet-stream"
    attachment = models.Attachment(
        unit=record.unit,
        record=record,
        original_name=upload.name[:255],
        size=upload.size,
        mime_type=mime[:100],
        uploaded_by=by,
    )
    attachment._history_user = by
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


def get_attachment_for_user(user: User, pk: int) -> models.Attachment:
    if not user.is_authenticated or not user.is_commune_user:
        raise Http404("Không tìm thấy tệp.")
    attachment = models.Attachment.objects.filter(pk=pk, unit=user.unit).first()
    if attachment is None:
        raise Http404("Không tìm thấy tệp.")
    return attachment


def attachment_delete(*, attachment: models.Attachment, by: User) -> None:
    attachment._history_user = by
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    # The file goes after the row, once the transaction holds: a failed delete loses nothing.
    transaction.on_commit(lambda: storage.delete(stored))


def record_counts(*, unit: Unit, period: Period | str) -> list[tuple[RecordType, int]]:
    """How many records of each type fall in a period: the dashboard's areas."""
    return [(t, record_list(unit=unit, record_type=t, period=period).count()) for t in RECORD_TYPES]
