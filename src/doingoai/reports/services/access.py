"""Who may open a report, and who may change it."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from doingoai.people.models import User
from doingoai.reports.models import (
    Report,
)
from doingoai.reports.services import ReportError

ERROR_LOCKED = "Báo cáo đã được duyệt hoặc đã gửi: không sửa được nữa."


ERROR_PENDING = "Báo cáo đang chờ lãnh đạo duyệt: muốn sửa, hãy đề nghị lãnh đạo trả lại."


ERROR_NOT_COMMUNE_USER = "Chỉ cán bộ, lãnh đạo của xã mới sửa và gửi báo cáo của xã."


ERROR_NOT_LEADER = "Chỉ lãnh đạo UBND xã (Chủ tịch, Phó Chủ tịch) mới duyệt hoặc trả lại báo cáo."


ERROR_NOT_PROVINCE = "Chỉ cán bộ tỉnh nhận báo cáo mới nhận hoặc trả lại báo cáo của xã."


def reports_visible_to(user: User) -> QuerySet:
    """Reports a person may open.

    A commune's officers and leaders see all of their commune's reports. A
    province officer or administrator sees what the communes of the province
    have submitted (never a draft) and the province's own reports, including
    documents read from files for the province.
    """
    reports = Report.objects.select_related("unit__province", "request")
    if not user.is_authenticated:
        return reports.none()
    if user.is_commune_user:
        return reports.filter(unit=user.unit)
    province = user.province
    if (user.is_province_officer or user.is_administrator) and province is not None:
        from_communes = Q(unit__province=province, status__in=Report.VISIBLE_TO_PROVINCE)
        ingested_here = Q(origin=Report.Origin.INGESTED, created_by__organisation__unit=province)
        own = Q(unit=province)
        return reports.filter(from_communes | ingested_here | own)
    return reports.none()


def get_report_for_user(user: User, pk: int) -> Report:
    """A report the user may open, or 404: another commune's report does not exist for them."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404("Không tìm thấy báo cáo.")
    return report


EDITABLE = (Report.Status.DRAFT, Report.Status.RETURNED, Report.Status.REJECTED)


def report_is_editable(report: Report) -> bool:
    return report.origin == Report.Origin.COMPOSED and report.status in EDITABLE


def report_can_edit(report: Report, user: User) -> bool:
    """The commune's own officers and leaders edit a draft; nobody edits a locked or pending report."""
    return user.is_commune_user and report.unit_id == user.unit.pk and report_is_editable(report)


def require_commune_user(report: Report, user: User | None) -> None:
    if user is None or not user.is_commune_user or report.unit_id != user.unit.pk:
        raise PermissionDenied(ERROR_NOT_COMMUNE_USER)


def require_editable(report: Report) -> None:
    if report.is_locked:
        raise ReportError(ERROR_LOCKED)
    if report.status == Report.Status.PENDING:
        raise ReportError(ERROR_PENDING)


def require_leader(report: Report, by: User) -> None:
    if not by.is_leader or by.unit is None or by.unit.pk != report.unit_id:
        raise PermissionDenied(ERROR_NOT_LEADER)


def require_province_officer(report: Report, by: User) -> None:
    if not (by.is_province_officer or by.is_administrator) or by.province is None or report.unit is None:
        raise PermissionDenied(ERROR_NOT_PROVINCE)
    if report.unit.province_unit.pk != by.province.pk:
        raise PermissionDenied(ERROR_NOT_PROVINCE)
