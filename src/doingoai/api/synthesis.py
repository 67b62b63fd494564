"""The province's own report over the API: ``POST /api/v1/synthesis`` drafts or recomposes it.

The same service as the web button and ``doingoai synthesis compose``; only the
province's own officers and leaders may call it (for anyone else that province's
report does not exist: 404). The answer is the report as ``GET /reports/{id}``
gives it, 201 when it was created, 200 when recomposed.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema

from doingoai.consolidation.services.synthesis import ERROR_NOT_AUTHOR, may_compose_synthesis, synthesis_compose
from doingoai.consolidation.services.totals import (
    ERROR_UNKNOWN_PROVINCE,
    ERROR_UNKNOWN_REQUEST,
    province_lookup,
    request_lookup,
)
from doingoai.lib.periods import Period
from doingoai.reports.compose import ComposeError

from .reports import ReportDetailOut, _detail
from .schemas import ErrorOut

router = Router(tags=["Báo cáo tổng hợp"])
ERROR_PERIOD_OR_REQUEST = "Hãy ghi period (ví dụ 2026H1) hoặc request_number (số Công văn đề nghị báo cáo)."


class SynthesisIn(Schema):
    province: str | None = None  # name or code; default: the caller's province
    period: str | None = None  # 2025, 2026H1...; may be left out with request_number
    request_number: str | None = None  # the Công văn whose communes are summed, e.g. 645/SNgV-HCTH
    accepted_only: bool = False


@router.post(
    "",
    response={200: ReportDetailOut, 201: ReportDetailOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Soạn (hoặc soạn lại) báo cáo tổng hợp của tỉnh từ báo cáo các xã",
)
def synthesis_create(request, payload: SynthesisIn):
    user = request.user
    province = province_lookup(payload.province) if payload.province else user.province
    if payload.province and province is None:
        return 400, {"detail": ERROR_UNKNOWN_PROVINCE.format(value=payload.province)}
    if province is None or not may_compose_synthesis(user, province):
        where = province.official_name if province else "tỉnh"
        raise Http404(ERROR_NOT_AUTHOR.format(province=where))
    period = None
    if payload.period:
        try:
            period = Period.parse(payload.period)
        except ValueError as error:
            return 400, {"detail": str(error)}
    asked = None
    if payload.request_number:
        asked = request_lookup(province=province, number=payload.request_number)
        if asked is None:
            return 400, {"detail": ERROR_UNKNOWN_REQUEST.format(province=province.name, number=payload.request_number)}
    elif period is None:
        return 400, {"detail": ERROR_PERIOD_OR_REQUEST}
    try:
        composed = synthesis_compose(
            province=province, period=period, request=asked, by=user, accepted_only=payload.accepted_only
        )
    except PermissionDenied as error:
        return 403, {"detail": str(error.args[0]) if error.args else str(error)}
    except ComposeError as error:
        return 400, {"detail": str(error)}
    return (201 if composed.created else 200), _detail(composed.report, user)
