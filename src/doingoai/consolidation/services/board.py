"""The province's board: where each commune's report stands for a request."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from doingoai.reports.models import Report, ReportRequest
from doingoai.units.models import Unit

BOARD_STATES = {
    "not_started": "Chưa bắt đầu",
    "drafting": "Đang soạn",
    "pending": "Chờ lãnh đạo duyệt",
    "approved": "Đã duyệt, chưa gửi",
    "submitted": "Đã gửi, chờ tỉnh nhận",
    "accepted": "Tỉnh đã nhận",
    "rejected": "Tỉnh đã trả lại",
}


_STATE_OF = {
    Report.Status.DRAFT: "drafting",
    Report.Status.RETURNED: "drafting",
    Report.Status.READ: "drafting",
    Report.Status.PENDING: "pending",
    Report.Status.APPROVED: "approved",
    Report.Status.SUBMITTED: "submitted",
    Report.Status.CONFIRMED: "accepted",
    Report.Status.ACCEPTED: "accepted",
    Report.Status.REJECTED: "rejected",
}


@dataclass
class BoardRow:
    unit: Unit
    report: Report | None  # only when the province may open it
    state: str
    late: bool

    @property
    def label(self) -> str:
        return BOARD_STATES[self.state]


def request_board(*, request: ReportRequest, today: dt.date | None = None) -> list[BoardRow]:
    """Each commune the request went to: not started, drafting, pending, sent, accepted; and who is late.

    The province sees where a draft stands, never its content.
    """
    today = today or timezone.localdate()
    communes = list(request.communes.select_related("province").order_by("name"))
    reports: dict[int, Report] = {}
    for report in (
        Report.objects.filter(unit__in=communes, period=request.period).select_related("unit").order_by("-origin")
    ):
        if report.unit_id not in reports or report.origin == Report.Origin.COMPOSED:
            reports[report.unit_id] = report
    rows = []
    for unit in communes:
        report = reports.get(unit.pk)
        state = _STATE_OF.get(report.status, "drafting") if report else "not_started"
        late = today > request.deadline and state not in ("submitted", "accepted")
        rows.append(BoardRow(unit, report if report and report.counts_for_province else None, state, late))
    return rows
