"""Reminding the communes that have not sent their report."""

import datetime as dt

from django.utils import timezone

from doingoai.consolidation.services.board import request_board
from doingoai.people.models import User
from doingoai.reports.models import ReportRequest, RequestReminder

REMINDED = "Đã nhắc {n} xã, phường chưa gửi báo cáo."
NOBODY_TO_REMIND = "Không còn xã, phường nào phải nhắc: đều đã gửi, hoặc đã được nhắc hôm nay."


def request_remind(*, request: ReportRequest, by: User, today: dt.date | None = None) -> int:
    """Remind, with one click, every commune of the request that has not sent its report.

    A commune is reminded at most once a day; the reminder shows on its dashboard.
    Returns how many were reminded.
    """
    today = today or timezone.localdate()
    waiting = [
        row.unit for row in request_board(request=request, today=today) if row.state not in ("submitted", "accepted")
    ]
    already = set(RequestReminder.objects.filter(request=request, day=today).values_list("unit_id", flat=True))
    reminders = [
        RequestReminder(request=request, unit=unit, by=by, day=today) for unit in waiting if unit.pk not in already
    ]
    for reminder in reminders:
        reminder._history_user = by
        reminder.save()
    return len(reminders)
