"""Who may open a report, who may change it, and what each person sees of it."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from doingoai.people.models import User
from doingoai.reports.models import Report, ReportEvent
from doingoai.reports.services import ReportError

ERROR_LOCKED = "Báo cáo đã được duyệt hoặc đã gửi: không sửa được nữa."
ERROR_PENDING = "Báo cáo đang chờ lãnh đạo duyệt: muốn sửa, hãy đề nghị lãnh đạo trả lại."
ERROR_NOT_COMMUNE_USER = "Chỉ cán bộ, lãnh đạo của xã mới sửa và gửi báo cáo của xã."
ERROR_NOT_LEADER = "Chỉ lãnh đạo UBND xã (Chủ tịch, Phó Chủ tịch) mới duyệt hoặc trả lại báo cáo."
ERROR_NOT_PROVINCE = "Chỉ cán bộ tỉnh nhận báo cáo mới nhận hoặc trả lại báo cáo của xã."
ERROR_NOT_READER = "Tài khoản này không xem được báo cáo này."

_PROVINCE_AUTHORS = (User.Role.PROVINCE_OFFICER, User.Role.PROVINCE_LEADER)

# Who takes a step of the workflow, relative to the report's own unit.
AUTHOR = "author"  # the unit's own officers and leaders
LEADER = "leader"  # the unit's leader, who approves
RECEIVER = "receiver"  # the level above that receives the report
READER = "reader"  # anyone who may open the report (or the system, for an administrator's import)

# Who looks at a report, relative to its unit (the audience).
OWN = "own"  # the unit's own people: how the report was drafted, every version and step
ABOVE = "above"  # a level that receives it (the province; later the ministry): only what was sent

# The steps between a unit and the level above: all the level above sees of a report's way, and
# (through the event of sending) of its versions. Reminding is the province's own act.
SEEN_ABOVE = (
    ReportEvent.Action.SUBMITTED,
    ReportEvent.Action.ACCEPTED,
    ReportEvent.Action.REJECTED,
    ReportEvent.Action.REMINDED,
    ReportEvent.Action.CONFIRMED,  # a file read and checked: from then on the level above counts it
)


def writes_reports(user: User) -> bool:
    """Whether ``user`` is the author of some unit's reports: a commune's officers and leaders, or a
    province's officers and leaders (for the province's own report). Pages gate on this; the services
    check the report itself (``is_author``, ``is_leader``): a province never edits a commune's report."""
    if user.is_commune_user:
        return True
    return user.role in _PROVINCE_AUTHORS and user.unit is not None and user.unit.is_province


def receives_reports(user: User) -> bool:
    """Whether ``user`` receives reports from the level below: a province's people, or the ministry."""
    return user.is_province_user or user.is_ministry_user


def reports_visible_to(user: User) -> QuerySet:
    """Reports a person may open.

    A commune's officers and leaders see all of their commune's reports. A
    province's officers, leaders and administrators see what the communes of the
    province have submitted (never a draft) and the province's own reports,
    including documents read from files for the province. The ministry sees
    what reached a level above: the provinces' reports sent up to it, and the
    communes' reports their provinces received (its totals open onto them).
    """
    reports = Report.objects.select_related("unit__province", "request")
    if not user.is_authenticated:
        return reports.none()
    if user.is_commune_user:
        return reports.filter(unit=user.unit)
    province = user.province
    if user.is_province_user:
        from_communes = Q(unit__province=province, status__in=Report.Status.RECEIVED)
        ingested_here = Q(origin=Report.Origin.INGESTED, created_by__organisation__unit=province)
        own = Q(unit=province)
        return reports.filter(from_communes | ingested_here | own)
    if user.is_ministry_user:
        return reports.filter(unit__isnull=False, status__in=Report.Status.RECEIVED)
    return reports.none()


def get_report_for_user(user: User, pk: int) -> Report:
    """A report the user may open, or 404: another commune's report does not exist for them."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404("Không tìm thấy báo cáo.")
    return report


def report_audience(report: Report, user: User | None) -> str:
    """OWN for the report's own unit, ABOVE for anyone else who may open it.

    The rule asks "is it the unit's own?", not "which role?": a new level above
    (the ministry reading a province's report) is let in by ``reports_visible_to``
    alone and sees, from the first day, only what was sent to it.
    """
    unit = user.unit if user is not None and user.is_authenticated else None
    return OWN if unit is not None and report.unit_id == unit.pk else ABOVE


def report_events_for(*, report: Report, user: User | None) -> QuerySet:
    """The steps of the report's way this person sees, in order: all for its unit, the sending,
    accepting and returning for the level above (never the leader's returns or the drafting)."""
    events = report.events.select_related("by").order_by("at", "id")
    if report_audience(report, user) == OWN:
        return events
    return events.filter(action__in=SEEN_ABOVE)


def report_is_editable(report: Report) -> bool:
    return report.origin == Report.Origin.COMPOSED and report.status in Report.Status.EDITABLE


def report_can_edit(report: Report, user: User) -> bool:
    """The commune's own officers and leaders edit a draft; nobody edits a locked or pending report."""
    return is_author(report, user) and report_is_editable(report)


def _of_the_unit(report: Report, user: User | None) -> bool:
    return user is not None and user.unit is not None and report.unit_id == user.unit.pk


def is_author(report: Report, user: User | None) -> bool:
    """The unit's own officers and leaders: a commune's, or a province's for its own reports."""
    if not _of_the_unit(report, user):
        return False
    return user.is_commune_user if not report.unit.is_province else user.role in _PROVINCE_AUTHORS


def is_leader(report: Report, user: User | None) -> bool:
    return _of_the_unit(report, user) and user.is_leader


def is_receiver(report: Report, user: User | None) -> bool:
    """The level above the report's unit: the commune's province, or the ministry for a province."""
    if user is None or report.unit is None:
        return False
    if report.unit.is_province:
        return user.is_ministry_user
    return user.is_province_user and report.unit.province_id == user.province.pk


def is_reader(report: Report, user: User | None) -> bool:
    return user is None or reports_visible_to(user).filter(pk=report.pk).exists()


_ACTORS = {
    AUTHOR: (is_author, ERROR_NOT_COMMUNE_USER),
    LEADER: (is_leader, ERROR_NOT_LEADER),
    RECEIVER: (is_receiver, ERROR_NOT_PROVINCE),
    READER: (is_reader, ERROR_NOT_READER),
}


def is_actor(actor: str, report: Report, user: User | None) -> bool:
    return _ACTORS[actor][0](report, user)


def require_actor(actor: str, report: Report, user: User | None) -> None:
    """Refuse (403) a person who does not hold ``actor``'s place for this report."""
    allowed, message = _ACTORS[actor]
    if not allowed(report, user):
        raise PermissionDenied(message)


def require_author(report: Report, user: User | None) -> None:
    require_actor(AUTHOR, report, user)


def require_editable(report: Report) -> None:
    if report.is_locked:
        raise ReportError(ERROR_LOCKED)
    if report.status == Report.Status.PENDING:
        raise ReportError(ERROR_PENDING)
