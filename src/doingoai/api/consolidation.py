"""The sums over the API: the same JSON as ``doingoai consolidate --json``, or the Excel workbook."""

from django.http import Http404, HttpResponse
from ninja import Router

from doingoai.consolidation.services.exports import consolidation_xlsx
from doingoai.consolidation.services.totals import (
    ERROR_NOT_ALLOWED,
    ERROR_UNKNOWN_PROVINCE,
    ERROR_UNKNOWN_REQUEST,
    consolidate,
    consolidation_scope,
    province_lookup,
    request_lookup,
)
from doingoai.lib.periods import Period

from .schemas import ErrorOut

router = Router(tags=["Tổng hợp"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _consolidation(request, province: str | None, period: str, request_number: str | None, accepted_only: bool):
    """Scope first: another province's sums, or any sums for a commune, do not exist (404)."""
    user = request.user
    try:
        chosen = Period.parse(period)
    except ValueError as error:
        return 400, {"detail": str(error)}
    if province:
        scope = province_lookup(province)
        if scope is None:
            return 400, {"detail": ERROR_UNKNOWN_PROVINCE.format(value=province)}
    else:
        scope = None if user.is_ministry_user else user.province
    if not consolidation_scope(user=user, province=scope):
        raise Http404(ERROR_NOT_ALLOWED.format(scope=scope.official_name if scope else "toàn quốc"))
    asked = None
    if request_number:
        asked = request_lookup(province=scope, number=request_number) if scope is not None else None
        if asked is None:
            where = scope.name if scope else "(chưa chọn tỉnh)"
            return 400, {"detail": ERROR_UNKNOWN_REQUEST.format(province=where, number=request_number)}
    return 200, consolidate(province=scope, period=chosen, request=asked, accepted_only=accepted_only)


@router.get("", response={200: dict, 400: ErrorOut, 404: ErrorOut}, summary="Tổng hợp số liệu của tỉnh hoặc toàn quốc")
def consolidation_read(
    request, period: str, province: str | None = None, request_number: str | None = None, accepted_only: bool = False
):
    """``period`` 2025, 2026H1…; ``province`` a name or code (default: the user's province; the ministry
    without one gets the whole country); ``request_number`` limits to a Công văn's communes;
    ``accepted_only`` counts only reports the province accepted. Each indicator: total, reported
    (0 included), zero, not_reported and ``by_unit`` keyed by ward code (province code for the country)."""
    status, result = _consolidation(request, province, period, request_number, accepted_only)
    return (status, result) if status != 200 else (200, result.to_json())


@router.get("/xlsx", response={200: None, 400: ErrorOut, 404: ErrorOut}, summary="Tải bảng tổng hợp (Excel)")
def consolidation_download(
    request, period: str, province: str | None = None, request_number: str | None = None, accepted_only: bool = False
):
    status, result = _consolidation(request, province, period, request_number, accepted_only)
    if status != 200:
        return status, result
    response = HttpResponse(consolidation_xlsx(consolidation=result), content_type=XLSX)
    where = result.scope.code if result.scope else "toan-quoc"
    response["Content-Disposition"] = f'attachment; filename="tong-hop-{where}-{result.period.code}.xlsx"'
    return response
