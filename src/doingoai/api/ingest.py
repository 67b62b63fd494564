"""Reading existing reports over the API: upload a file, follow a batch, confirm.

One file is read while the request waits and answers with the contract and
the report it became; a .zip is read in the background and answers with its
batch, to follow at ``/ingest/batches/{id}``.
"""

from django.conf import settings
from django.http import Http404
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from doingoai.ingest.models import Batch, Document
from doingoai.ingest.services import IngestError, placing, scope, uploads
from doingoai.lib.periods import Period
from doingoai.reports.services.contract import report_to_contract

from .schemas import ErrorOut

router = Router(tags=["Đọc báo cáo có sẵn"])


class DocumentOut(Schema):
    id: int
    batch_id: int
    name: str
    outcome: str
    outcome_label: str
    message: str
    report_id: int | None
    report_status: str | None
    unit_code: int | None
    period: str | None
    period_differs: bool
    contract: dict | None = None


class BatchOut(Schema):
    id: int
    status: str
    total: int
    processed: int
    documents: list[DocumentOut]


def _document_out(document: Document, *, with_contract: bool = True) -> dict:
    report = document.report
    contract = None
    if with_contract:
        contract = report_to_contract(report) if report is not None else (document.contract or None)
    return {
        "id": document.pk,
        "batch_id": document.batch_id,
        "name": document.original_name,
        "outcome": document.outcome,
        "outcome_label": document.get_outcome_display(),
        "message": document.message,
        "report_id": report.pk if report else None,
        "report_status": report.status if report else None,
        "unit_code": report.unit.code if report and report.unit_id else None,
        "period": (report.period or None) if report else None,
        "period_differs": document.period_differs,
        "contract": contract,
    }


def _batch_out(batch: Batch) -> dict:
    documents = batch.documents.select_related("report__unit")
    return {
        "id": batch.pk,
        "status": batch.status,
        "total": batch.total,
        "processed": batch.processed,
        "documents": [_document_out(d, with_contract=False) for d in documents],
    }


@router.post(
    "/documents",
    response={201: DocumentOut, 202: BatchOut, 400: ErrorOut, 413: ErrorOut, 422: DocumentOut},
    summary="Tải lên một báo cáo (hoặc một tệp .zip) để đọc",
)
def document_upload(request, file: UploadedFile = File(...), period: str | None = Form(None)):
    """Multipart ``file`` (.docx, .doc, .pdf, .txt, a scan, or a .zip of many) and an optional ``period``
    (``2025``, ``2026H1``) used where a document states none. 201: one file read, with its contract and report
    id; 422: the file could not be read (``message`` says why); 202: a .zip, read in the background."""
    if not scope.user_can_ingest(request.user):
        raise Http404("Không có chức năng đọc báo cáo cho tài khoản này.")
    limit = settings.INGEST_UPLOAD_MAX_BYTES
    if file.size > limit:
        return 413, {"detail": uploads.ERROR_UPLOAD_TOO_BIG.format(mb=limit // (1024 * 1024))}
    try:
        chosen = Period.parse(period) if period else None
        batch = uploads.batch_create(
            files=[(file.name, file.read())], by=request.user, period=chosen, source=Batch.Source.API
        )
    except (ValueError, IngestError) as error:
        return 400, {"detail": str(error)}
    if batch.total > 1:
        uploads.batch_enqueue(batch=batch)
        return 202, _batch_out(batch)
    uploads.batch_run(batch=batch)
    document = batch.documents.select_related("report__unit").get()
    return (422 if document.outcome == Document.Outcome.UNREADABLE else 201), _document_out(document)


@router.get("/batches/{pk}", response=BatchOut, summary="Tiến độ và kết quả từng tệp của một lô")
def batch_status(request, pk: int):
    return _batch_out(scope.get_batch_for_user(request.user, pk))


@router.get("/documents/{pk}", response=DocumentOut, summary="Một văn bản đã đọc, với nội dung theo hợp đồng JSON")
def document_detail(request, pk: int):
    return _document_out(scope.get_document_for_user(request.user, pk))


@router.post("/documents/{pk}/confirm", response={200: DocumentOut, 400: ErrorOut}, summary="Xác nhận số liệu đã đọc")
def document_confirm(request, pk: int):
    """After checking what was read: the report becomes CONFIRMED and its figures count for the province."""
    document = scope.get_document_for_user(request.user, pk)
    try:
        placing.document_confirm(document=document, by=request.user)
    except IngestError as error:
        return 400, {"detail": str(error)}
    document.refresh_from_db()
    return 200, _document_out(document)
