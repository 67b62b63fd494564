"""A report in the official layout (Nghị định 30/2020) through lib/nd30: .docx, .pdf, and many at once.

``report_render_contract`` is the contract lib/nd30 takes: ``report_to_contract``
plus the issuer's header lines from the unit's Organisation. A report not yet
approved prints "Số:      /BC-UBND" and "ngày      tháng 6 năm 2026": a number
and a day exist only once the leader has signed (Điều 15).
"""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from doingoai.lib.nd30 import PdfError, render_docx, render_pdf
from doingoai.lib.nd30.pdf import ERROR_MISSING as ND30_PDF_MISSING
from doingoai.lib.text import fold
from doingoai.people.services import issuing_organisation
from doingoai.reports.services.contract import report_to_contract
from doingoai.units.models import Unit

from .models import RenderJob, Report, ReportRequest

# Statuses whose number and date the document may print.

ERROR_PDF_MISSING = (
    "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF. Hãy tải bản Word (.docx), hoặc nhờ quản trị cài gói "
    "libreoffice-writer (sudo apt-get install libreoffice-writer) rồi thử lại."
)
ERROR_NOTHING_TO_RENDER = "Chưa có báo cáo nào đã gửi tỉnh để trình bày."

__all__ = ["PdfError", "report_filename", "report_render_contract", "report_render_docx", "report_render_pdf"]


def report_render_contract(report: Report) -> dict:
    """The contract with the issuer's header and, for a draft, a blank number and day."""
    contract = report_to_contract(report)
    meta = contract["meta"]
    if report.unit is not None:
        organisation = issuing_organisation(unit=report.unit)
        meta["issuer"] = {
            "parent": organisation.header_parent,
            "name": organisation.header_name,
            "symbol": organisation.symbol,
        }
    if report.status not in Report.Status.NUMBERED and report.origin == Report.Origin.COMPOSED:
        today = timezone.localdate()
        meta["doc_number"] = None
        meta["issued_date"] = None
        meta["issued_month"], meta["issued_year"] = today.month, today.year
    return contract


def report_render_docx(report: Report) -> bytes:
    contract = report_render_contract(report)
    return render_docx(contract, annex=contract.get("annex"))


def report_render_pdf(report: Report) -> bytes:
    """PDF through LibreOffice; raises PdfError whose message says what to install."""
    try:
        return render_pdf(report_render_docx(report))
    except PdfError as error:
        if str(error) == ND30_PDF_MISSING:
            raise PdfError(ERROR_PDF_MISSING) from None
        raise


def report_filename(report: Report, extension: str) -> str:
    """ "bao-cao-xa-minh-long-2026H1.docx": plain ASCII, safe in every mail client and e-office system."""
    unit = fold(report.unit.name if report.unit else "don-vi").replace(" ", "-")
    number = f"-so-{report.doc_number:02d}" if report.doc_number and report.status in Report.Status.NUMBERED else ""
    return f"bao-cao-{unit}-{report.period or 'ky'}{number}.{extension}"


# --- Many reports at once: a background task with its progress ------------------------------------


def render_job_reports(*, province: Unit, request: ReportRequest | None) -> list[Report]:
    """What the province may render: reports sent to it (never a draft), for one request or all."""
    reports = Report.objects.filter(unit__province=province, status__in=Report.Status.RECEIVED).select_related("unit")
    if request is not None:
        reports = reports.filter(period=request.period, unit__in=request.communes.all())
    return list(reports.order_by("unit__name"))


def render_job_create(*, by, request: ReportRequest | None = None, with_pdf: bool = False) -> RenderJob:
    """Queue the rendering of the province's reports into one zip; the task starts once this commits."""
    from .tasks import render_job_task

    province = by.province
    reports = render_job_reports(province=province, request=request)
    if not reports:
        raise ValueError(ERROR_NOTHING_TO_RENDER)
    job = RenderJob.objects.create(
        province=province,
        request=request,
        report_ids=[r.pk for r in reports],
        with_pdf=with_pdf,
        total=len(reports),
        created_by=by,
    )
    transaction.on_commit(lambda: render_job_task.enqueue(job.pk))
    return job


def render_job_run(*, job: RenderJob) -> RenderJob:
    """Render every report of the job into a zip, saving the progress after each one."""
    RenderJob.objects.filter(pk=job.pk).update(status=RenderJob.Status.RUNNING)
    reports = {
        r.pk: r for r in Report.objects.filter(pk__in=job.report_ids).select_related("unit__province", "request")
    }
    buffer = io.BytesIO()
    errors = []
    done = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for pk in job.report_ids:
            report = reports.get(pk)
            if report is not None:
                try:
                    docx_bytes = report_render_docx(report)
                    archive.writestr(report_filename(report, "docx"), docx_bytes)
                    if job.with_pdf:
                        archive.writestr(report_filename(report, "pdf"), render_pdf(docx_bytes))
                except (PdfError, ValueError) as error:
                    errors.append(f"{report.unit.name if report.unit else pk}: {error}")
            done += 1
            RenderJob.objects.filter(pk=job.pk).update(done=done)
    job.refresh_from_db()
    job.errors = errors
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    job.file.save(f"bao-cao-{job.province.code}-{stamp}.zip", ContentFile(buffer.getvalue()), save=False)
    job.status = RenderJob.Status.DONE
    job.finished_at = timezone.now()
    job.save()
    return job
