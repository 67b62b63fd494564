"""Report pages. Each view: scope (first line), validate, call a service, respond."""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from doingoai.consolidation.services.board import request_board
from doingoai.consolidation.services.reminders import NOBODY_TO_REMIND, REMINDED, request_remind
from doingoai.consolidation.services.requests import (
    deadline_phrase,
    get_request_for_user,
    report_for_request,
    report_request_create,
    requests_for_commune,
    requests_visible_to,
)
from doingoai.consolidation.services.synthesis import may_compose_synthesis, synthesis_compose
from doingoai.lib.periods import HALF, Period, recent_periods
from doingoai.lib.vn import format_date, today
from doingoai.people.access import commune_user, province_user, role_required
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import (
    OWN,
    get_report_for_user,
    receives_reports,
    report_audience,
    report_can_edit,
    reports_visible_to,
    writes_reports,
)
from doingoai.reports.services.editing import (
    ERROR_CHOICE,
    SectionConflict,
    report_indicator_correct,
    report_meta_save,
    report_section_choose,
    report_section_save,
    report_version_restore,
)
from doingoai.reports.services.figure_checks import report_figure_warnings
from doingoai.reports.services.outlines import outline_save, outlines_for
from doingoai.reports.services.versions import (
    get_version_for_user,
    get_version_to_restore,
    report_version_compare,
    report_version_list,
)
from doingoai.reports.services.workflow import (
    ERROR_COMMENT_REQUIRED,
    ERROR_REASON_REQUIRED,
    report_accept,
    report_approve,
    report_reject,
    report_return,
    report_send,
    report_submit_for_approval,
    reports_accept,
)

from .compose import ComposeError, report_compose
from .forms import (
    ApproveForm,
    ChoiceForm,
    ComposeForm,
    IndicatorForm,
    MetaForm,
    OutlineForm,
    RejectForm,
    RequestForm,
    ReturnForm,
    SectionForm,
    SynthesisForm,
)
from .models import RenderJob
from .outlines import DEFAULT_NAME, outline_items
from .pages import report_page, section_views
from .rendering import PdfError, render_job_create, report_filename, report_render_docx, report_render_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SYNTHESISED = (
    "Đã soạn báo cáo tổng hợp từ {n} báo cáo của các xã, phường. Hãy đọc lại từng mục, sửa những đoạn cần sửa, "
    "rồi gửi lãnh đạo duyệt."
)
RESYNTHESISED = "Đã soạn lại từ báo cáo các xã: {refreshed} mục được cập nhật."
COMPOSED = "Đã soạn báo cáo từ ghi chép. Hãy đọc lại từng mục, sửa những đoạn cần sửa, rồi gửi lãnh đạo duyệt."
RECOMPOSED = "Đã soạn lại: {refreshed} mục được cập nhật theo ghi chép mới."
RECOMPOSED_OFFERED = " {offered} mục bạn đã sửa có bản soạn mới: hãy chọn giữ bản nào ở từng mục."
SAVED = "Đã lưu."
SAVED_AT = "Đã lưu lúc {time}."
SUBMITTED = "Đã gửi lãnh đạo duyệt."
RETURNED = "Đã trả lại báo cáo cho cán bộ."
APPROVED = "Đã duyệt báo cáo: số {number}, ngày {date}. Nội dung và số liệu đã được khóa."
SENT = "Đã gửi báo cáo lên tỉnh."
SENT_UP = "Đã gửi báo cáo lên Bộ Ngoại giao."
ACCEPTED = "Đã nhận báo cáo."
ACCEPTED_MANY = "Đã nhận {n} báo cáo."
REJECTED = "Đã trả lại báo cáo cho xã."
REJECTED_UP = "Đã trả lại báo cáo cho tỉnh."
RESTORED = "Đã khôi phục phiên bản {number}. Nội dung trước đó vẫn được giữ thành một phiên bản."
REQUEST_SAVED = "Đã lưu văn bản đề nghị báo cáo."
OUTLINE_SAVED = "Đã lưu đề cương."
RENDER_QUEUED = "Đang trình bày {n} báo cáo; trang này tự cập nhật tiến độ."
NOTHING_CHOSEN = "Chưa chọn báo cáo nào."


# Composing from records belongs to a commune's own officers and leaders.
commune_only = role_required(commune_user, "Không có báo cáo xã cho tài khoản này.")
# Editing and the workflow: whoever writes some unit's reports (a commune's people, or a province's for its
# own report); the services then check this report's unit, so a province never edits a commune's report.
authors_only = role_required(writes_reports, "Không có báo cáo để soạn cho tài khoản này.")
# Accepting or returning: the level above (a province for its communes, the ministry for a province).
receivers_only = role_required(receives_reports, "Trang này dành cho cơ quan nhận báo cáo.")
province_only = role_required(province_user, "Trang này dành cho cán bộ tỉnh.")
synthesis_only = role_required(may_compose_synthesis, "Trang này dành cho cán bộ, lãnh đạo cấp tỉnh.")


def _back(report):
    return redirect("reports:detail", report.pk)


def _back_to_next(request, report):
    """Back where the form came from (the board), but only to a page of this site."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(wanted)
    return _back(report)


def _fail(request, error) -> None:
    messages.error(request, str(error.args[0] if isinstance(error, PermissionDenied) and error.args else error))


@contextmanager
def _refusal_as_message(request):
    """A workflow step the service refuses becomes a Vietnamese message on the next page."""
    try:
        yield
    except (ReportError, PermissionDenied) as error:
        _fail(request, error)


# --- Commune: list, compose, the report page ---------------------------------------------------


@login_required
def report_list_view(request):
    reports = reports_visible_to(request.user).order_by("-period", "-updated_at")
    if may_compose_synthesis(request.user):
        return _province_report_list(request, reports.filter(unit=request.user.unit))
    if not request.user.is_commune_user:
        return redirect("reports:requests")
    periods = recent_periods(today())
    context = {
        "reports": reports,
        "requests": requests_for_commune(unit=request.user.unit),
        "periods": periods,
        "current": Period.containing(today(), HALF),
    }
    return render(request, "reports/list.html", context)


@commune_only
@require_POST
def report_compose_view(request):
    form = ComposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("reports:list")
    asked = get_request_for_user(request.user, form.cleaned_data["request"]) if form.cleaned_data["request"] else None
    try:
        composed = report_compose(
            unit=request.user.unit, period=form.cleaned_data["period"], request=asked, by=request.user
        )
    except ComposeError as error:
        messages.error(request, str(error))
        return redirect("reports:list")
    if composed.created:
        messages.success(request, COMPOSED)
    else:
        message = RECOMPOSED.format(refreshed=len(composed.refreshed))
        messages.success(
            request, message + (RECOMPOSED_OFFERED.format(offered=len(composed.offered)) if composed.offered else "")
        )
    return _back(composed.report)


def _province_report_list(request, reports):
    """The province's own reports (its synthesis of each period), and the button that drafts one."""
    context = {
        "reports": reports,
        "requests": requests_visible_to(request.user)
        .filter(province=request.user.unit, entered_by_unit__isnull=True)
        .order_by("-date", "-id"),
        "periods": recent_periods(today()),
        "current": Period.containing(today(), HALF),
    }
    return render(request, "reports/province_list.html", context)


@synthesis_only
@require_POST
def synthesis_compose_view(request):
    """One click: the province's report drafted from its communes' reports, then the editor."""
    form = SynthesisForm(request.POST)
    back = request.POST.get("next") or reverse("reports:list")
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back_to(request, back)
    data = form.cleaned_data
    asked = get_request_for_user(request.user, data["request"]) if data["request"] else None
    try:
        composed = synthesis_compose(
            province=request.user.unit,
            period=data["period"],
            request=asked,
            by=request.user,
            accepted_only=data["accepted_only"],
        )
    except (ComposeError, PermissionDenied) as error:
        _fail(request, error)
        return _back_to(request, back)
    if composed.created:
        counted = len(composed.report.meta["synthesis"]["reports"])
        messages.success(request, SYNTHESISED.format(n=counted))
    else:
        message = RESYNTHESISED.format(refreshed=len(composed.refreshed))
        messages.success(
            request, message + (RECOMPOSED_OFFERED.format(offered=len(composed.offered)) if composed.offered else "")
        )
    return _back(composed.report)


def _back_to(request, url):
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(url)
    return redirect("reports:list")


@login_required
def report_detail_view(request, pk):
    report = get_report_for_user(request.user, pk)
    page = report_page(report=report, user=request.user)
    context = {
        "page": page,
        "report": report,
        "print_view": request.GET.get("xem") == "in" or not page.can_edit,
        "meta_form": MetaForm(
            initial={
                "summary": report.summary,
                "basis": report.basis,
                "closing": report.closing,
                "recipients": "\n".join(report.recipients or []),
                "version": report.version,
            }
        ),
        "approve_form": ApproveForm(),
        "return_form": ReturnForm(),
        "reject_form": RejectForm(),
        "indicator_form": IndicatorForm(),
    }
    return render(request, "reports/detail.html", context)


def _section_of(request, report, section_pk):
    section = report.sections.filter(pk=section_pk).first()
    if section is None:
        raise Http404("Không có mục này.")
    return section


@authors_only
@require_POST
def section_save_view(request, pk, section_pk):
    report = get_report_for_user(request.user, pk)
    section = _section_of(request, report, section_pk)
    form = SectionForm(request.POST)
    if not form.is_valid():
        return _section_response(request, report, section, error=" ".join(form.errors.get("version", [])), status=400)
    try:
        saved = report_section_save(
            section=section, text=form.cleaned_data["text"], version=form.cleaned_data["version"], by=request.user
        )
    except SectionConflict as conflict:
        return _conflict_response(request, report, conflict)
    except (ReportError, PermissionDenied) as error:
        return _section_response(
            request, report, section, error=str(error), status=403 if isinstance(error, PermissionDenied) else 400
        )
    return _section_response(request, report, saved)


def _section_response(request, report, section, *, error="", status=200):
    if not request.htmx:
        (messages.error if error else messages.success)(request, error or SAVED)
        return redirect(reverse("reports:detail", args=[report.pk]) + f"#s-{section.pk}")
    view = next(v for v in section_views(report, report_figure_warnings(report)) if v.section.pk == section.pk)
    context = {"s": view, "report": report, "error": error, "saved_at": timezone.localtime().strftime("%H:%M")}
    return render(request, "reports/_section_saved.html", context, status=status)


def _conflict_response(request, report, conflict):
    context = {"report": report, "section": conflict.section, "mine": conflict.mine, "message": str(conflict)}
    template = "reports/_conflict.html" if request.htmx else "reports/conflict.html"
    return render(request, template, context, status=409)


@authors_only
@require_POST
def section_choose_view(request, pk, section_pk):
    report = get_report_for_user(request.user, pk)
    section = _section_of(request, report, section_pk)
    form = ChoiceForm(request.POST)
    with _refusal_as_message(request):
        if not form.is_valid():
            raise ReportError(ERROR_CHOICE)
        report_section_choose(section=section, choice=form.cleaned_data["choice"], by=request.user)
        messages.success(request, SAVED)
    return redirect(reverse("reports:detail", args=[report.pk]) + f"#s-{section.pk}")


@authors_only
@require_POST
def report_meta_view(request, pk):
    report = get_report_for_user(request.user, pk)
    form = MetaForm(request.POST)
    with _refusal_as_message(request):
        if not form.is_valid():
            raise ReportError(" ".join(e for errors in form.errors.values() for e in errors))
        report_meta_save(report=report, by=request.user, **form.cleaned_data)
        messages.success(request, SAVED)
    return _back(report)


@authors_only
@require_POST
def indicator_correct_view(request, pk):
    report = get_report_for_user(request.user, pk)
    form = IndicatorForm(request.POST)
    with _refusal_as_message(request):
        if not form.is_valid():
            raise ReportError(" ".join(e for errors in form.errors.values() for e in errors))
        report_indicator_correct(report=report, by=request.user, **form.cleaned_data)
        messages.success(request, SAVED)
    return redirect(reverse("reports:detail", args=[report.pk]) + "#chi-tieu")


# --- Workflow --------------------------------------------------------------------------------------


@authors_only
@require_POST
def report_submit_view(request, pk):
    report = get_report_for_user(request.user, pk)
    with _refusal_as_message(request):
        report_submit_for_approval(report=report, by=request.user)
        messages.success(request, SUBMITTED)
    return _back(report)


@authors_only
@require_POST
def report_return_view(request, pk):
    report = get_report_for_user(request.user, pk)
    form = ReturnForm(request.POST)
    with _refusal_as_message(request):
        if not form.is_valid():
            raise ReportError(ERROR_COMMENT_REQUIRED)
        report_return(report=report, by=request.user, comment=form.cleaned_data["comment"])
        messages.success(request, RETURNED)
    return _back(report)


@authors_only
@require_POST
def report_approve_view(request, pk):
    report = get_report_for_user(request.user, pk)
    form = ApproveForm(request.POST)
    with _refusal_as_message(request):
        if not form.is_valid():
            raise ReportError(" ".join(e for errors in form.errors.values() for e in errors))
        report = report_approve(report=report, by=request.user, **form.cleaned_data)
        messages.success(request, APPROVED.format(number=report.number_text, date=format_date(report.issued_date)))
    return _back(report)


@authors_only
@require_POST
def report_send_view(request, pk):
    report = get_report_for_user(request.user, pk)
    with _refusal_as_message(request):
        report_send(report=report, by=request.user)
        messages.success(request, SENT_UP if report.unit.is_province else SENT)
    return _back(report)


@receivers_only
@require_POST
def report_accept_view(request, pk):
    report = get_report_for_user(request.user, pk)
    with _refusal_as_message(request):
        report_accept(report=report, by=request.user)
        messages.success(request, ACCEPTED)
    return _back_to_next(request, report)


@receivers_only
@require_POST
def report_reject_view(request, pk):
    report = get_report_for_user(request.user, pk)
    form = RejectForm(request.POST)
    with _refusal_as_message(request):
        if not form.is_valid():
            raise ReportError(ERROR_REASON_REQUIRED)
        report_reject(report=report, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, REJECTED_UP if report.unit.is_province else REJECTED)
    return _back_to_next(request, report)


# --- Versions ----------------------------------------------------------------------------------------


# The report's own unit sees every version; the level above only what was sent to it (404 for the rest).


@login_required
def report_versions_view(request, pk):
    report = get_report_for_user(request.user, pk)
    entries = report_version_list(report=report, user=request.user)
    own = report_audience(report, request.user) == OWN
    return render(request, "reports/versions.html", {"report": report, "entries": entries, "own": own})


@login_required
def report_version_compare_view(request, pk, number):
    report = get_report_for_user(request.user, pk)
    version = get_version_for_user(report=report, user=request.user, number=number)
    comparison = report_version_compare(report=report, version=version, user=request.user)
    context = {"report": report, "comparison": comparison, "can_restore": report_can_edit(report, request.user)}
    return render(request, "reports/compare.html" if comparison.against_current else "reports/send.html", context)


@authors_only
@require_POST
def report_version_restore_view(request, pk, number):
    report = get_report_for_user(request.user, pk)
    version = get_version_to_restore(report=report, user=request.user, number=number)
    with _refusal_as_message(request):
        report_version_restore(report=report, version=version, by=request.user)
        messages.success(request, RESTORED.format(number=number))
    return _back(report)


# --- Documents ------------------------------------------------------------------------------------


@login_required
def report_docx_view(request, pk):
    report = get_report_for_user(request.user, pk)
    response = HttpResponse(report_render_docx(report), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{report_filename(report, "docx")}"'
    return response


@login_required
def report_pdf_view(request, pk):
    report = get_report_for_user(request.user, pk)
    try:
        data = report_render_pdf(report)
    except PdfError as error:
        messages.error(request, str(error))
        return _back(report)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_filename(report, "pdf")}"'
    return response


# --- Requests and the province's board ---------------------------------------------------------


@login_required
def request_list_view(request):
    requests = requests_visible_to(request.user).order_by("-date", "-id")
    return render(request, "reports/requests.html", {"requests": requests})


@login_required
def request_create_view(request):
    user = request.user
    if not (user.is_commune_user or user.is_province_officer or user.is_administrator) or user.province is None:
        raise Http404("Tài khoản này không nhập được văn bản đề nghị báo cáo.")
    form = RequestForm(
        request.POST or None, province=user.province, for_commune=user.is_commune_user, initial=_request_initial(user)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        everyone = data.pop("all_communes", False)
        chosen = list(data.pop("communes", []) or [])
        try:
            created = report_request_create(by=user, communes=None if everyone or not chosen else chosen, **data)
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, REQUEST_SAVED)
            return redirect("reports:request", created.pk)
    return render(request, "reports/request_form.html", {"form": form})


def _request_initial(user) -> dict:
    from doingoai.people.services import organisation_for_unit

    period = Period.containing(today(), HALF)
    return {"issuer": organisation_for_unit(unit=user.province).name, "period": period.code, "date": today()}


@login_required
def request_detail_view(request, pk):
    asked = get_request_for_user(request.user, pk)
    if request.user.is_commune_user:
        report = report_for_request(unit=request.user.unit, request=asked)
        context = {"asked": asked, "report": report, "phrase": deadline_phrase(asked.deadline, today())}
        return render(request, "reports/request_commune.html", context)
    rows = request_board(request=asked, today=today())
    counts = {}
    for row in rows:
        counts[row.label] = counts.get(row.label, 0) + 1
    context = {
        "asked": asked,
        "rows": rows,
        "counts": counts,
        "late": sum(1 for r in rows if r.late),
        "phrase": deadline_phrase(asked.deadline, today()),
        "jobs": asked.render_jobs.all()[:3],
        "outline_name": asked.outline.name if asked.outline else DEFAULT_NAME,
        "can_synthesise": may_compose_synthesis(request.user, asked.province),
    }
    return render(request, "reports/board.html", context)


@province_only
@require_POST
def request_remind_view(request, pk):
    asked = get_request_for_user(request.user, pk)
    reminded = request_remind(request=asked, by=request.user, today=today())
    if reminded:
        messages.success(request, REMINDED.format(n=reminded))
    else:
        messages.info(request, NOBODY_TO_REMIND)
    return redirect("reports:request", asked.pk)


@province_only
@require_POST
def request_accept_view(request, pk):
    asked = get_request_for_user(request.user, pk)
    ids = [int(i) for i in request.POST.getlist("report") if i.isdigit()]
    reports = list(reports_visible_to(request.user).filter(pk__in=ids, period=asked.period))
    if not reports:
        messages.error(request, NOTHING_CHOSEN)
        return redirect("reports:request", asked.pk)
    accepted, refused = reports_accept(reports=reports, by=request.user)
    if accepted:
        messages.success(request, ACCEPTED_MANY.format(n=len(accepted)))
    for report, reason in refused:
        messages.error(request, f"{report.unit.name}: {reason}")
    return redirect("reports:request", asked.pk)


@province_only
@require_POST
def request_render_view(request, pk):
    asked = get_request_for_user(request.user, pk)
    try:
        job = render_job_create(by=request.user, request=asked, with_pdf=request.POST.get("pdf") == "1")
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("reports:request", asked.pk)
    messages.success(request, RENDER_QUEUED.format(n=job.total))
    return redirect("reports:render-job", job.pk)


def _job_for_user(user, pk) -> RenderJob:
    job = RenderJob.objects.filter(pk=pk, province=user.province).first() if user.province else None
    if job is None:
        raise Http404("Không có lượt trình bày này.")
    return job


@province_only
def render_job_view(request, pk):
    job = _job_for_user(request.user, pk)
    template = "reports/_render_progress.html" if request.htmx else "reports/render_job.html"
    return render(request, template, {"job": job})


@province_only
def render_job_download_view(request, pk):
    job = _job_for_user(request.user, pk)
    if not job.file:
        raise Http404("Tệp chưa sẵn sàng.")
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1])


# --- A province's outlines -----------------------------------------------------------------------------


@province_only
def outline_list_view(request):
    outlines = outlines_for(request.user)
    return render(request, "reports/outlines.html", {"outlines": outlines, "default_name": DEFAULT_NAME})


@province_only
def outline_edit_view(request, pk=None):
    outline = outlines_for(request.user).filter(pk=pk).first() if pk else None
    if pk and outline is None:
        raise Http404("Không có đề cương này.")
    initial = {"name": outline.name if outline else "", "ngo_annex": outline.ngo_annex if outline else False}
    form = OutlineForm(request.POST or None, initial=initial, items=outline_items(outline))
    if request.method == "POST" and form.is_valid():
        try:
            outline_save(
                by=request.user,
                outline=outline,
                name=form.cleaned_data["name"],
                items=form.items(),
                ngo_annex=form.cleaned_data["ngo_annex"],
            )
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, OUTLINE_SAVED)
            return redirect("reports:outlines")
    return render(request, "reports/outline_form.html", {"form": form, "outline": outline})
