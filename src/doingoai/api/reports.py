"""Reports over the API: the same services and the same scoping as the web pages.

Another commune's report is a 404; a province officer sees only what its
communes submitted, and of a submitted report only what was sent: the versions
sent and the steps of sending, accepting and returning (any other version is a
404; no figure warnings, no pending drafts). Workflow refusals answer 400 with
the Vietnamese message, a stale section version 409 with both texts, a step the
person may not take 403.
"""

import datetime as dt
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from ninja import Router, Schema

from doingoai.consolidation.services import reminders, requests
from doingoai.consolidation.services.requests import get_request_for_user
from doingoai.lib.periods import Period
from doingoai.lib.vn import parse_date
from doingoai.reports.compose import ComposeError, report_compose
from doingoai.reports.models import Outline, Report
from doingoai.reports.rendering import PdfError, report_filename, report_render_docx, report_render_pdf
from doingoai.reports.services import ReportError, access, contract, editing, figure_checks, versions, workflow
from doingoai.reports.services.access import get_report_for_user
from doingoai.reports.services.editing import SectionConflict

from .schemas import ErrorOut

router = Router(tags=["Báo cáo"])
requests_router = Router(tags=["Văn bản đề nghị báo cáo"])

ERROR_EXISTS = "Đơn vị đã có báo cáo kỳ này (số {pk}): dùng POST /reports/{pk}/compose để soạn lại."
ERROR_COMMUNE_ONLY = "Chỉ tài khoản của xã, phường mới soạn và sửa báo cáo."
ERROR_PROVINCE_ONLY = "Chỉ cán bộ tỉnh nhắc các xã gửi báo cáo."
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ReportOut(Schema):
    id: int
    unit_code: int | None
    unit_name: str | None
    period: str
    period_label: str
    origin: str
    status: str
    status_label: str
    version: int
    doc_number: str | None
    issued_date: dt.date | None
    request_id: int | None
    updated_at: dt.datetime


class SectionOut(Schema):
    id: int
    position: int
    code: str
    heading: str
    level: int
    is_group: bool
    text: str
    version: int
    proposed_text: str
    warnings: list[str]


class ReportDetailOut(ReportOut):
    contract: dict
    sections: list[SectionOut]


class VersionOut(Schema):
    number: int
    note: str
    created_at: dt.datetime
    created_by: str | None
    send: int | None  # which send to the province this version is (1, 2, …); None: never sent
    sent_at: dt.datetime | None
    verdict: str | None  # "accepted" or "rejected" once the province has judged the send
    verdict_comment: str


class ChangeOut(Schema):
    heading: str
    kind: str  # "changed", "added", "removed"
    html: str  # the text with <ins>/<del> marks


class VersionDetailOut(VersionOut):
    content: dict
    compared_from: int | None  # the version the changes start from; None: a first send, nothing before it
    compared_to: int | None  # the version they lead to; None: the report's current text
    changes: list[ChangeOut]


class EventOut(Schema):
    action: str
    action_label: str
    comment: str
    by: str | None
    at: dt.datetime


class ConflictOut(Schema):
    detail: str
    current_text: str
    current_version: int


class ComposeIn(Schema):
    period: str
    request_id: int | None = None


class SectionIn(Schema):
    text: str
    version: int


class ApproveIn(Schema):
    number: str | None = None
    date: str | None = None


class CommentIn(Schema):
    comment: str = ""


class ReasonIn(Schema):
    reason: str = ""


class RequestIn(Schema):
    number: str
    date: str
    issuer: str
    subject: str = ""
    period: str
    deadline: str
    window_start: str | None = None
    window_end: str | None = None
    outline_id: int | None = None
    communes: list[int] | None = None  # commune codes; none: every commune of the province


class RequestOut(Schema):
    id: int
    number: str
    date: dt.date
    issuer: str
    subject: str
    period: str
    window_start: dt.date
    window_end: dt.date
    deadline: dt.date
    outline_id: int | None
    communes: list[int]

    @staticmethod
    def resolve_communes(request):
        return list(request.communes.values_list("code", flat=True))


def _out(report: Report) -> dict:
    return {
        "id": report.pk,
        "unit_code": report.unit.code if report.unit_id else None,
        "unit_name": report.unit.name if report.unit_id else None,
        "period": report.period,
        "period_label": report.period_label,
        "origin": report.origin,
        "status": report.status,
        "status_label": report.get_status_display(),
        "version": report.version,
        "doc_number": report.number_text if report.is_locked else None,
        "issued_date": report.issued_date if report.is_locked else None,
        "request_id": report.request_id,
        "updated_at": report.updated_at,
    }


def _detail(report: Report, user) -> dict:
    own = access.report_audience(report, user) == access.OWN
    # Figure warnings and pending drafts are the commune's drafting aids: the level above gets the text sent.
    warnings = figure_checks.report_figure_warnings(report) if own else {}
    sections = [
        {
            "id": s.pk,
            "position": s.position,
            "code": s.code,
            "heading": s.heading,
            "level": s.level,
            "is_group": s.is_group,
            "text": s.text,
            "version": s.version,
            "proposed_text": s.proposed_text if own else "",
            "warnings": [w.message for w in warnings.get(s.pk, [])],
        }
        for s in report.sections.all()
    ]
    return {**_out(report), "contract": contract.report_to_contract(report), "sections": sections}


def _answers(view):
    """Workflow refusals as 400 and forbidden steps as 403, with the service's Vietnamese message."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except SectionConflict as conflict:
            return 409, {
                "detail": str(conflict),
                "current_text": conflict.section.text,
                "current_version": conflict.section.version,
            }
        except PermissionDenied as error:
            return 403, {"detail": str(error.args[0]) if error.args else "Không được phép."}
        except (ReportError, ComposeError, ValueError) as error:
            return 400, {"detail": str(error)}

    return wrapper


def _commune_user(request):
    if not request.user.is_commune_user:
        raise PermissionDenied(ERROR_COMMUNE_ONLY)
    return request.user


def _date(text: str | None) -> dt.date | None:
    return parse_date(text) if text else None


REFUSALS = {400: ErrorOut, 403: ErrorOut}


@router.get("", response=list[ReportOut], summary="Danh sách báo cáo xem được")
def report_list(request, period: str | None = None, status: str | None = None):
    reports = access.reports_visible_to(request.user).order_by("-period", "-updated_at")
    if period:
        reports = reports.filter(period=period)
    if status:
        reports = reports.filter(status=status)
    return [_out(r) for r in reports]


@router.post(
    "", response={201: ReportDetailOut, **REFUSALS, 409: ErrorOut}, summary="Tạo báo cáo: soạn từ ghi chép của kỳ"
)
@_answers
def report_create(request, payload: ComposeIn):
    user = _commune_user(request)
    period = Period.parse(payload.period)
    existing = Report.objects.filter(unit=user.unit, period=period.code, origin=Report.Origin.COMPOSED).first()
    if existing is not None:
        return 409, {"detail": ERROR_EXISTS.format(pk=existing.pk)}
    asked = get_request_for_user(user, payload.request_id) if payload.request_id else None
    composed = report_compose(unit=user.unit, period=period, request=asked, by=user)
    return 201, _detail(composed.report, user)


@router.get("/{pk}", response=ReportDetailOut, summary="Xem một báo cáo (nội dung, mục, cảnh báo số liệu)")
def report_read(request, pk: int):
    return _detail(get_report_for_user(request.user, pk), request.user)


@router.post(
    "/{pk}/compose",
    response={200: ReportDetailOut, **REFUSALS},
    summary="Soạn lại từ ghi chép (không ghi đè phần đã sửa)",
)
@_answers
def report_recompose(request, pk: int):
    report = get_report_for_user(request.user, pk)
    user = _commune_user(request)
    composed = report_compose(unit=user.unit, period=report.period, request=report.request, by=user)
    return 200, _detail(composed.report, user)


@router.put(
    "/{pk}/sections/{section_id}",
    response={200: SectionOut, **REFUSALS, 409: ConflictOut},
    summary="Sửa một mục (kèm phiên bản đã đọc; 409 nếu mục vừa được sửa ở nơi khác)",
)
@_answers
def section_update(request, pk: int, section_id: int, payload: SectionIn):
    report = get_report_for_user(request.user, pk)
    section = report.sections.filter(pk=section_id).first()
    if section is None:
        raise Http404("Không có mục này.")
    saved = editing.report_section_save(section=section, text=payload.text, version=payload.version, by=request.user)
    warnings = figure_checks.report_figure_warnings(report).get(saved.pk, [])
    return 200, {
        "id": saved.pk,
        "position": saved.position,
        "code": saved.code,
        "heading": saved.heading,
        "level": saved.level,
        "is_group": saved.is_group,
        "text": saved.text,
        "version": saved.version,
        "proposed_text": saved.proposed_text,
        "warnings": [w.message for w in warnings],
    }


@router.post("/{pk}/submit", response={200: ReportOut, **REFUSALS}, summary="Gửi lãnh đạo duyệt")
@_answers
def report_submit(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return 200, _out(workflow.report_submit_for_approval(report=report, by=request.user))


@router.post(
    "/{pk}/approve", response={200: ReportOut, **REFUSALS}, summary="Lãnh đạo duyệt: cấp số, ghi ngày, khóa báo cáo"
)
@_answers
def report_approve(request, pk: int, payload: ApproveIn):
    report = get_report_for_user(request.user, pk)
    return 200, _out(workflow.report_approve(report=report, by=request.user, number=payload.number, date=payload.date))


@router.post("/{pk}/return", response={200: ReportOut, **REFUSALS}, summary="Lãnh đạo trả lại, kèm một dòng lý do")
@_answers
def report_return(request, pk: int, payload: CommentIn):
    report = get_report_for_user(request.user, pk)
    return 200, _out(workflow.report_return(report=report, by=request.user, comment=payload.comment))


@router.post("/{pk}/send", response={200: ReportOut, **REFUSALS}, summary="Gửi báo cáo đã duyệt lên tỉnh")
@_answers
def report_send(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return 200, _out(workflow.report_send(report=report, by=request.user))


@router.post("/{pk}/accept", response={200: ReportOut, **REFUSALS}, summary="Tỉnh nhận báo cáo")
@_answers
def report_accept(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return 200, _out(workflow.report_accept(report=report, by=request.user))


@router.post("/{pk}/reject", response={200: ReportOut, **REFUSALS}, summary="Tỉnh trả lại báo cáo, kèm lý do")
@_answers
def report_reject(request, pk: int, payload: ReasonIn):
    report = get_report_for_user(request.user, pk)
    return 200, _out(workflow.report_reject(report=report, by=request.user, reason=payload.reason))


def _version_out(entry: versions.VersionEntry) -> dict:
    version, send = entry.version, entry.send
    verdict = send.verdict if send else None
    return {
        "number": version.number,
        "note": version.note,
        "created_at": version.created_at,
        "created_by": str(version.created_by) if version.created_by else None,
        "send": send.number if send else None,
        "sent_at": send.event.at if send else None,
        "verdict": verdict.action if verdict else None,
        "verdict_comment": verdict.comment if verdict else "",
    }


@router.get(
    "/{pk}/versions",
    response=list[VersionOut],
    summary="Các phiên bản (xã: mọi phiên bản; tỉnh: các lần xã gửi)",
)
def report_versions(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return [_version_out(entry) for entry in versions.report_version_list(report=report, user=request.user)]


@router.get(
    "/{pk}/versions/{number}",
    response=VersionDetailOut,
    summary="Một phiên bản và thay đổi (xã: so với hiện tại; tỉnh: so với lần gửi tỉnh đã nhận hoặc trả lại)",
)
def report_version(request, pk: int, number: int):
    report = get_report_for_user(request.user, pk)
    version = versions.get_version_for_user(report=report, user=request.user, number=number)
    comparison = versions.report_version_compare(report=report, version=version, user=request.user)
    return {
        **_version_out(versions.VersionEntry(version, comparison.send)),
        "content": version.content,
        "compared_from": comparison.old.number if comparison.old else None,
        "compared_to": comparison.new.number if comparison.new else None,
        "changes": [{"heading": c.heading, "kind": c.kind, "html": str(c.html)} for c in comparison.changes],
    }


@router.post(
    "/{pk}/versions/{number}/restore",
    response={200: ReportOut, **REFUSALS},
    summary="Khôi phục một phiên bản (chỉ xã; nội dung hiện tại được giữ thành một phiên bản)",
)
@_answers
def report_version_restore(request, pk: int, number: int):
    report = get_report_for_user(request.user, pk)
    version = versions.get_version_to_restore(report=report, user=request.user, number=number)
    return 200, _out(editing.report_version_restore(report=report, version=version, by=request.user))


@router.get("/{pk}/events", response=list[EventOut], summary="Quá trình xử lý (tỉnh: các bước gửi, nhận, trả lại)")
def report_events(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return [
        {
            "action": event.action,
            "action_label": event.get_action_display(),
            "comment": event.comment,
            "by": str(event.by) if event.by else None,
            "at": event.at,
        }
        for event in access.report_events_for(report=report, user=request.user)
    ]


@router.get("/{pk}/docx", summary="Tải văn bản .docx theo Nghị định 30", response={200: None})
def report_docx(request, pk: int):
    report = get_report_for_user(request.user, pk)
    response = HttpResponse(report_render_docx(report), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{report_filename(report, "docx")}"'
    return response


@router.get("/{pk}/pdf", summary="Tải bản PDF (cần LibreOffice trên máy chủ)", response={200: None, 503: ErrorOut})
def report_pdf(request, pk: int):
    report = get_report_for_user(request.user, pk)
    try:
        data = report_render_pdf(report)
    except PdfError as error:
        return 503, {"detail": str(error)}
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_filename(report, "pdf")}"'
    return response


@requests_router.get("", response=list[RequestOut], summary="Văn bản đề nghị báo cáo xem được")
def request_list(request):
    return list(requests.requests_visible_to(request.user).order_by("-date", "-id"))


@requests_router.get("/{pk}", response=RequestOut, summary="Xem một văn bản đề nghị báo cáo")
def request_read(request, pk: int):
    return get_request_for_user(request.user, pk)


@requests_router.post(
    "", response={201: RequestOut, **REFUSALS}, summary="Ra (tỉnh) hoặc nhập (xã) văn bản đề nghị báo cáo"
)
@_answers
def request_create(request, payload: RequestIn):
    from doingoai.units.models import Unit

    user = request.user
    outline = (
        Outline.objects.filter(pk=payload.outline_id, province=user.province).first() if payload.outline_id else None
    )
    communes = None
    if payload.communes and not user.is_commune_user:
        communes = list(Unit.objects.filter(code__in=payload.communes).exclude(level=Unit.Level.PROVINCE))
        if len(communes) != len(set(payload.communes)):
            raise ReportError(requests.ERROR_FOREIGN_COMMUNE)
    created = requests.report_request_create(
        by=user,
        number=payload.number,
        date=parse_date(payload.date),
        issuer=payload.issuer,
        subject=payload.subject,
        period=payload.period,
        deadline=parse_date(payload.deadline),
        window_start=_date(payload.window_start),
        window_end=_date(payload.window_end),
        outline=outline,
        communes=communes,
    )
    return 201, created


@requests_router.post(
    "/{pk}/remind", response={200: dict, **REFUSALS}, summary="Nhắc các xã chưa gửi báo cáo (mỗi xã một lần một ngày)"
)
@_answers
def request_remind(request, pk: int):
    asked = get_request_for_user(request.user, pk)
    if request.user.is_commune_user:
        raise PermissionDenied(ERROR_PROVINCE_ONLY)
    return 200, {"reminded": reminders.request_remind(request=asked, by=request.user)}
