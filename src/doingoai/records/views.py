"""Record registers: list, create, edit, delete, attachments, Excel. Each view: scope, validate, call, respond."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from doingoai.lib.periods import HALF, Period, recent_periods
from doingoai.lib.vn import today
from doingoai.people.access import commune_user, role_required

from . import services, spreadsheets
from .forms import AttachmentForm, SpreadsheetForm, record_form_class
from .registry import RECORD_TYPES_BY_MODEL
from .services import get_attachment_for_user, get_record_for_user, get_record_type

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SAVED = "Đã lưu {item}."
DELETED = "Đã xóa {item}. Lịch sử thay đổi vẫn được lưu trong nhật ký."
IMPORTED = "Đã nhập {n} dòng vào sổ {label}."
NOT_IMPORTED = "Chưa nhập dòng nào: hãy sửa các lỗi dưới đây trong tệp rồi gửi lại."


# Registers belong to a commune's own officers and leaders.
commune_only = role_required(commune_user, "Không có sổ ghi chép cho tài khoản này.")


def _period(request) -> Period | None:
    """The period picked in the list (``?ky=2026H1``), the current half by default, None for all."""
    code = request.GET.get("ky", "")
    if code == "tat-ca":
        return None
    try:
        return Period.parse(code) if code else Period.containing(today(), HALF)
    except ValueError:
        return Period.containing(today(), HALF)


@commune_only
def record_list_view(request, type_code):
    record_type = get_record_type(type_code)
    period = _period(request)
    records = services.record_list(unit=request.user.unit, record_type=record_type, period=period)
    context = {"record_type": record_type, "records": records, "period": period, "periods": recent_periods(today())}
    return render(request, "records/list.html", context)


@commune_only
def record_create_view(request, type_code):
    record_type = get_record_type(type_code)
    form_class = record_form_class(type_code)
    form = form_class(request.POST or None, instance=record_type.model(unit=request.user.unit))
    if request.method == "POST" and form.is_valid():
        record = services.record_save(form=form, unit=request.user.unit, by=request.user)
        upload = request.FILES.get("file")
        if upload:
            attachment_form = AttachmentForm(files=request.FILES)
            if attachment_form.is_valid():
                services.attachment_add(record=record, upload=upload, by=request.user)
            else:
                messages.warning(
                    request, "Đã lưu bản ghi nhưng chưa lưu tệp: " + " ".join(attachment_form.errors["file"])
                )
                return redirect("records:edit", type_code, record.pk)
        messages.success(request, SAVED.format(item=record_type.item_name))
        return redirect(_list_url_for(record_type, record))
    context = {"record_type": record_type, "form": form, "creating": True}
    return render(request, "records/form.html", context)


def _list_url_for(record_type, record) -> str:
    """Back to the list on the period of the record just saved, so the officer sees it."""
    day = record.period_date
    period = Period.containing(day, HALF) if day else None
    suffix = f"?ky={period.code}" if period else "?ky=tat-ca"
    return reverse("records:list", args=[record_type.code]) + suffix


@commune_only
def record_edit_view(request, type_code, pk):
    record_type = get_record_type(type_code)
    record = get_record_for_user(request.user, record_type, pk)
    form = record_form_class(type_code)(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        services.record_save(form=form, unit=request.user.unit, by=request.user)
        messages.success(request, SAVED.format(item=record_type.item_name))
        return redirect(_list_url_for(record_type, record))
    context = {"record_type": record_type, "form": form, "record": record, "attachment_form": AttachmentForm()}
    return render(request, "records/form.html", context)


@commune_only
def record_delete_view(request, type_code, pk):
    record_type = get_record_type(type_code)
    record = get_record_for_user(request.user, record_type, pk)
    if request.method == "POST":
        services.record_delete(record=record, by=request.user)
        messages.success(request, DELETED.format(item=record_type.item_name))
        return redirect("records:list", type_code)
    return render(request, "records/confirm_delete.html", {"record_type": record_type, "record": record})


@commune_only
@require_POST
def attachment_upload_view(request, type_code, pk):
    record_type = get_record_type(type_code)
    record = get_record_for_user(request.user, record_type, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.attachment_add(record=record, upload=form.cleaned_data["file"], by=request.user)
        messages.success(request, "Đã đính kèm tệp.")
    else:
        messages.error(request, " ".join(form.errors["file"]))
    return redirect("records:edit", type_code, pk)


@commune_only
def attachment_download_view(request, pk):
    attachment = get_attachment_for_user(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )


@commune_only
@require_POST
def attachment_delete_view(request, pk):
    attachment = get_attachment_for_user(request.user, pk)
    record = attachment.record
    services.attachment_delete(attachment=attachment, by=request.user)
    messages.success(request, "Đã xóa tệp đính kèm.")
    return redirect("records:edit", RECORD_TYPES_BY_MODEL[type(record)].code, record.pk)


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@commune_only
def spreadsheet_template_view(request, type_code):
    record_type = get_record_type(type_code)
    return _xlsx(spreadsheets.spreadsheet_template(record_type), f"mau-{type_code}.xlsx")


@commune_only
def spreadsheet_export_view(request, type_code):
    record_type = get_record_type(type_code)
    period = _period(request)
    records = services.record_list(unit=request.user.unit, record_type=record_type, period=period)
    suffix = period.code if period else "tat-ca"
    return _xlsx(
        spreadsheets.spreadsheet_export(record_type=record_type, records=records), f"{type_code}-{suffix}.xlsx"
    )


@commune_only
def spreadsheet_import_view(request, type_code):
    record_type = get_record_type(type_code)
    form = SpreadsheetForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        result = spreadsheets.spreadsheet_import(
            record_type=record_type, data=data, unit=request.user.unit, by=request.user
        )
        if result.ok:
            messages.success(request, IMPORTED.format(n=result.imported, label=record_type.label))
            return redirect("records:list", type_code)
    context = {"record_type": record_type, "form": form, "result": result, "not_imported": NOT_IMPORTED}
    return render(request, "records/import.html", context)
