"""The province's sums on the web: per request, per province and period, and the country's for the ministry.

Each view: scope (first line: 404 for what the person may not see), validate the
query, call the selector, respond. With htmx a drill-down is a partial.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from doingoai.consolidation.forms import SumsForm
from doingoai.consolidation.pages import (
    Selection,
    consolidation_page,
    default_period,
    indicator_page,
    period_options,
)
from doingoai.consolidation.services import exports
from doingoai.consolidation.services.totals import consolidation_scope, province_lookup
from doingoai.lib.catalogues import INDICATORS_BY_CODE, Indicator
from doingoai.lib.vn import today
from doingoai.people.access import role_required
from doingoai.reports.models import ReportRequest
from doingoai.units.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ERROR_NOT_ALLOWED = "Tài khoản này không xem được số liệu tổng hợp."
ERROR_NO_PROVINCE = "Không có số liệu tổng hợp này."
ERROR_NO_REQUEST = "Không tìm thấy văn bản đề nghị báo cáo."
ERROR_NO_INDICATOR = "Không có chỉ tiêu này trong danh mục."


def sums_viewer(user) -> bool:
    """Province people and the ministry; a commune sees no consolidation."""
    return user.is_province_user or user.is_ministry_user or user.is_superuser


sums_only = role_required(sums_viewer, ERROR_NOT_ALLOWED)


# --- Scope: the first line of every view -------------------------------------------------------


def get_province_for_user(user, code: int) -> Unit:
    """A province whose sums ``user`` may see, or 404: another province's figures do not exist for them."""
    province = province_lookup(code)
    if province is None or not consolidation_scope(user=user, province=province):
        raise Http404(ERROR_NO_PROVINCE)
    return province


def get_country_for_user(user) -> None:
    if not consolidation_scope(user=user, province=None):
        raise Http404(ERROR_NO_PROVINCE)


def get_sums_request_for_user(user, pk: int) -> ReportRequest:
    """A province's own request whose sums ``user`` may see (its province's people, the ministry), or 404."""
    asked = ReportRequest.objects.select_related("province").filter(pk=pk, entered_by_unit__isnull=True).first()
    if asked is None or not consolidation_scope(user=user, province=asked.province):
        raise Http404(ERROR_NO_REQUEST)
    return asked


def _indicator(code: str) -> Indicator:
    if code not in INDICATORS_BY_CODE:
        raise Http404(ERROR_NO_INDICATOR)
    return INDICATORS_BY_CODE[code]


# --- Validate: the query string -----------------------------------------------------------------


def _form(request, *, province: Unit | None) -> SumsForm:
    day = today()
    return SumsForm(
        request.GET,
        default_period=default_period(province=province, today=day),
        periods=period_options(province=province, today=day),
    )


def _selection(request, *, province=None, asked=None) -> tuple[SumsForm, Selection | None]:
    form = _form(request, province=asked.province if asked else province)
    if not form.is_valid():
        return form, None
    period = asked.period_obj if asked else form.period
    return form, Selection(province=province, period=period, request=asked, accepted_only=form.accepted_only)


def _refused(request, form, *, title: str):
    """An unknown period or filter: the page says so in Vietnamese, with the picker to choose again."""
    return render(request, "consolidation/page.html", {"form": form, "page": None, "title": title}, status=400)


# --- Respond ------------------------------------------------------------------------------------


def _respond(request, form, selection: Selection, *, indicator: str | None, xlsx: bool):
    """The table, one indicator's drill-down (a partial for htmx), or the Excel workbook."""
    consolidation = selection.consolidate()
    if xlsx:
        return _xlsx(selection, consolidation)
    if indicator is None:
        page = consolidation_page(selection=selection, consolidation=consolidation)
        return render(request, "consolidation/page.html", {"form": form, "page": page, "title": selection.title})
    wanted = _indicator(indicator)
    page = indicator_page(selection=selection, consolidation=consolidation, indicator=wanted, user=request.user)
    template = "consolidation/_indicator.html" if request.htmx else "consolidation/indicator.html"
    return render(request, template, {"form": form, "page": page, "title": f"{wanted.label} — {selection.title}"})


def _xlsx(selection: Selection, consolidation):
    response = HttpResponse(exports.consolidation_xlsx(consolidation=consolidation), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{selection.xlsx_filename}"'
    return response


@sums_only
def sums_home_view(request):
    """ "Tổng hợp" in the navigation: a province's people to their province, the ministry to the country."""
    if request.user.is_province_user:
        return redirect("consolidation:province", request.user.province.code)
    return redirect("consolidation:country")


@sums_only
def province_view(request, code, indicator=None, xlsx=False):
    province = get_province_for_user(request.user, code)
    form, selection = _selection(request, province=province)
    if selection is None:
        return _refused(request, form, title=f"Tổng hợp số liệu — {province.official_name}")
    return _respond(request, form, selection, indicator=indicator, xlsx=xlsx)


@sums_only
def country_view(request, indicator=None, xlsx=False):
    get_country_for_user(request.user)
    form, selection = _selection(request)
    if selection is None:
        return _refused(request, form, title="Tổng hợp số liệu cả nước")
    return _respond(request, form, selection, indicator=indicator, xlsx=xlsx)


@sums_only
def request_view(request, pk, indicator=None, xlsx=False):
    asked = get_sums_request_for_user(request.user, pk)
    form, selection = _selection(request, province=asked.province, asked=asked)
    if selection is None:
        return _refused(request, form, title=f"Tổng hợp số liệu — Công văn số {asked.number}")
    return _respond(request, form, selection, indicator=indicator, xlsx=xlsx)
