"""Reading existing reports: upload, follow the batch, place the unassigned, review and confirm.

Each view: scope, validate, call, respond. With htmx the response is a partial.
"""

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from doingoai.ingest.services import IngestError, placing, reading, review, scope, uploads
from doingoai.ingest.services.scope import get_batch_for_user, get_document_for_user
from doingoai.lib import vn
from doingoai.lib.catalogues import INDICATORS, INDICATORS_BY_CODE, SECTIONS
from doingoai.people.access import role_required

from .forms import FactForm, PlaceForm, SectionCodeForm, UploadForm

UPLOADED = "Đã nhận {n} tệp. doingoai đang đọc; trang này tự cập nhật."
PLACED = "Đã gán: {unit}, {period}."
CONFIRMED = "Đã xác nhận. Số liệu của báo cáo này từ nay được tính vào tổng hợp của tỉnh."
FACT_SAVED = "Đã lưu: {label}."
SECTION_SAVED = "Đã đổi mã mục."
SECTION_CHOICES = [(s.code, s.label) for s in SECTIONS]
STATES = (
    ("cho-xac-nhan", "Chờ xác nhận"),
    ("chua-gan", "Chưa gán đơn vị, kỳ"),
    ("da-xac-nhan", "Đã xác nhận"),
    ("khong-doc-duoc", "Không đọc được"),
    ("tat-ca", "Tất cả"),
)


# Commune officers and leaders, province officers and administrators.
ingest_user = role_required(scope.user_can_ingest, "Không có chức năng đọc báo cáo cho tài khoản này.")


class QuotaUploadHandler(FileUploadHandler):
    """Stops reading an upload as soon as it passes the limit (for clients that send no Content-Length)."""

    def __init__(self, request=None, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def _too_big_message() -> str:
    return uploads.ERROR_UPLOAD_TOO_BIG.format(mb=settings.INGEST_UPLOAD_MAX_BYTES // (1024 * 1024))


def _upload_page(request, form, status=200, refused=""):
    batches = scope.batches_visible_to(request.user)[:10]
    context = {"form": form, "batches": batches, "too_big_message": _too_big_message(), "refused": refused}
    return render(request, "ingest/upload.html", context, status=status)


@csrf_exempt  # the upload handler must be set before the body is read; _upload checks CSRF itself
@ingest_user
def upload_view(request):
    limit = settings.INGEST_UPLOAD_MAX_BYTES
    if request.method == "POST":
        # Refused before reading a byte of the body: a 200 MB upload costs nothing.
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > limit + 64 * 1024:
            return _upload_page(request, UploadForm(), status=413, refused=_too_big_message())
        request.upload_handlers.insert(0, QuotaUploadHandler(request, limit=limit))
    return _upload(request)


@csrf_protect
def _upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return _upload_page(request, form)
    if any(getattr(h, "exceeded", False) for h in request.upload_handlers):
        return _upload_page(request, UploadForm(), status=413, refused=_too_big_message())
    if not form.is_valid():
        return _upload_page(request, form, status=400)
    files = ((f.name, f.read()) for f in form.cleaned_data["files"])
    try:
        batch = uploads.batch_create(files=files, by=request.user, period=form.cleaned_data["period"])
    except IngestError as error:
        form.add_error("files", str(error))
        return _upload_page(request, form, status=400)
    uploads.batch_enqueue(batch=batch)
    messages.success(request, UPLOADED.format(n=batch.total))
    return redirect("ingest:batch", batch.pk)


@ingest_user
def batch_view(request, pk):
    batch = get_batch_for_user(request.user, pk)
    template = "ingest/_progress.html" if request.htmx else "ingest/batch.html"
    return render(request, template, {"batch": batch, "documents": batch.documents.select_related("report__unit")})


@ingest_user
def document_list_view(request):
    state = request.GET.get("trang-thai", "cho-xac-nhan")
    documents = scope.document_list(user=request.user, state=state)[:500]
    return render(request, "ingest/documents.html", {"documents": documents, "state": state, "states": STATES})


@ingest_user
def unassigned_view(request):
    documents = scope.documents_unassigned(user=request.user)[:50]
    rows = [
        {
            "document": d,
            "form": _place_form(request, d),
            "candidates": scope.unit_candidates(user=request.user, document=d, query=""),
        }
        for d in documents
    ]
    return render(request, "ingest/unassigned.html", {"rows": rows})


def _safe_next(request) -> str:
    """Where to go back after placing: a page of this site only."""
    target = request.POST.get("next", "")
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if ok else ""


def _place_form(request, document, data=None):
    report = document.report
    initial = {
        "unit": report.unit_id if report else None,
        "period": report.period or document.period_stated if report else None,
    }
    return PlaceForm(data, units=scope.units_for_placing(user=request.user, document=document), initial=initial)


@ingest_user
def unit_options_view(request, pk):
    """The units matching what the officer types (htmx), or the whole page's search without JavaScript."""
    document = get_document_for_user(request.user, pk)
    query = request.GET.get("q", "")
    candidates = scope.unit_candidates(user=request.user, document=document, query=query)
    return render(
        request, "ingest/_unit_options.html", {"document": document, "candidates": candidates, "query": query}
    )


def _fact_rows(report, errors=None, posted=None) -> list[dict]:
    """The indicators the report states, in catalogue order; a row that failed shows what the officer typed."""
    values = {v.indicator: v for v in report.indicators.all()} if report else {}
    rows = []
    for indicator in INDICATORS:
        value = values.get(indicator.code)
        error = (errors or {}).get(indicator.code)
        if value is None and not error:
            continue
        typed = bool(error) and posted is not None and posted.get("indicator") == indicator.code
        stated = value is not None and value.value is not None
        rows.append(
            {
                "indicator": indicator,
                "value": value,
                "error": error,
                "shown": posted.get("value", "") if typed else (vn.format_number(value.value) if stated else ""),
                "not_stated": bool(posted.get("not_stated")) if typed else not stated,
            }
        )
    return rows


def _review_context(request, document, *, place_form=None, fact_errors=None, posted=None, add_form=None):
    report = document.report
    present = {v.indicator for v in report.indicators.all()} if report else set()
    query = request.GET.get("q", "")
    return {
        "document": document,
        "report": report,
        "meta": (document.contract or {}).get("meta") or {},
        "lines": review.document_text_lines(document=document),
        "sections": report.sections.all() if report else [],
        "section_choices": SECTION_CHOICES,
        "facts": _fact_rows(report, fact_errors, posted),
        "missing": [i for i in INDICATORS if i.code not in present],
        "add_form": add_form or FactForm(),
        "place_form": place_form or _place_form(request, document),
        "candidates": scope.unit_candidates(user=request.user, document=document, query=query),
        "query": query,
        "editable": report is not None and report.status == report.Status.READ,
        "corrections": document.corrections.select_related("by").order_by("-at")[:50],
    }


@ingest_user
def document_view(request, pk):
    document = get_document_for_user(request.user, pk)
    return render(request, "ingest/review.html", _review_context(request, document))


@ingest_user
@require_POST
def document_place_view(request, pk):
    document = get_document_for_user(request.user, pk)
    form = _place_form(request, document, request.POST)
    if form.is_valid():
        unit, period = form.cleaned_data["unit"], form.cleaned_data["period"]
        try:
            placing.document_place(document=document, unit=unit, period=period, by=request.user)
        except IngestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, PLACED.format(unit=unit.name, period=period.label))
        return redirect(_safe_next(request) or reverse("ingest:document", args=[pk]))
    context = _review_context(request, document, place_form=form)
    return render(request, "ingest/review.html", context, status=400)


@ingest_user
@require_POST
def section_code_view(request, pk, position):
    document = get_document_for_user(request.user, pk)
    form = SectionCodeForm(request.POST)
    error = None if form.is_valid() else placing.ERROR_SECTION_CODE
    try:
        if error is None:
            placing.section_recode(
                document=document, position=position, code=form.cleaned_data["code"], by=request.user
            )
    except IngestError as refused:
        error = str(refused)
    if request.htmx:
        section = document.report.sections.filter(position=position).first() if document.report else None
        if section is None:
            raise Http404(placing.ERROR_SECTION_MISSING)
        context = {
            "document": document,
            "section": section,
            "section_choices": SECTION_CHOICES,
            "editable": True,
            "error": error,
            "saved": error is None,
        }
        return render(request, "ingest/_section.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, SECTION_SAVED)
    return redirect(reverse("ingest:document", args=[pk]) + f"#section-{position}")


@ingest_user
@require_POST
def fact_view(request, pk):
    document = get_document_for_user(request.user, pk)
    form = FactForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            placing.fact_correct(
                document=document,
                indicator=data["indicator"],
                value=data["number"],
                by=request.user,
                evidence=data["evidence"],
            )
        except IngestError as error:
            form.add_error(None, str(error))
    return _fact_response(request, document, form)


def _fact_response(request, document, form):
    """The fact's own block for htmx, else back to the review screen (with the errors, if any)."""
    code = request.POST.get("indicator", "")
    adding = request.POST.get("adding") == "1"
    if form.is_valid() and not request.htmx:
        messages.success(request, FACT_SAVED.format(label=INDICATORS_BY_CODE[code].label))
        return redirect(reverse("ingest:document", args=[document.pk]) + f"#fact-{code}")
    errors = {code: " ".join(m for ms in form.errors.values() for m in ms)} if form.errors else None
    document.refresh_from_db()
    rows = [r for r in _fact_rows(document.report, errors, request.POST) if r["indicator"].code == code]
    if request.htmx and not adding and rows:
        editable = document.report.status == document.report.Status.READ
        context = {"document": document, "row": rows[0], "editable": editable, "saved": form.is_valid()}
        return render(request, "ingest/_fact.html", context)
    context = _review_context(
        request,
        document,
        fact_errors=None if adding else errors,
        posted=request.POST,
        add_form=form if adding else None,
    )
    return render(request, "ingest/review.html", context, status=200 if form.is_valid() else 400)


@ingest_user
@require_POST
def document_confirm_view(request, pk):
    document = get_document_for_user(request.user, pk)
    try:
        placing.document_confirm(document=document, by=request.user)
    except IngestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, CONFIRMED)
    return redirect("ingest:document", pk)


@ingest_user
def document_file_view(request, pk):
    document = get_document_for_user(request.user, pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError, OSError):
        raise Http404(reading.ERROR_FILE_MISSING) from None
    return FileResponse(handle, as_attachment=True, filename=document.original_name)
