"""The sums as an Excel workbook for the Sở's director: one sheet per area of work, a unit per row.

A blank cell is "not reported", a 0 is a reported zero: the three states stay
apart in the sheet as on the page. Numbers carry the thousands format (Excel
shows 1.234.567 on a Vietnamese system), money is in đồng. The last sheet lists
the NGO donors and projects and the foreign delegations named in the reports.
"""

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from doingoai.lib.catalogues import SECTIONS, indicators_of
from doingoai.lib.spreadsheets import HEADER_FILL
from doingoai.lib.vn import format_date
from doingoai.reports.models import IndicatorValue, Report

from .totals import STATE_LABELS, Consolidation

COUNT_FORMAT = "#,##0"
MONEY_FORMAT = '#,##0 "đồng"'
BOLD = Font(bold=True)
NAMED_SHEET = "Viện trợ, đoàn ra, đoàn vào"
NGO_INDICATORS = ("ngo_projects", "ngo_aid_value_vnd", "ngo_beneficiaries")
DELEGATION_INDICATORS = ("delegations_out", "delegations_in_foreign")


def consolidation_xlsx(*, consolidation: Consolidation) -> bytes:
    """The workbook: a summary sheet, a sheet per area of work, and the names the reports give."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _summary_sheet(workbook, consolidation)
    for section in SECTIONS:
        if indicators_of(section.code):
            _area_sheet(workbook, consolidation, section)
    _named_sheet(workbook, consolidation)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _unit_word(consolidation: Consolidation) -> str:
    return "Xã, phường, đặc khu" if consolidation.scope is not None else "Tỉnh, thành phố"


def _title(consolidation: Consolidation) -> str:
    where = consolidation.scope.official_name if consolidation.scope else "toàn quốc"
    which = "báo cáo đã nhận" if consolidation.accepted_only else "báo cáo đã gửi và đã nhận"
    return f"Tổng hợp số liệu công tác đối ngoại {consolidation.period.phrase}, {where} ({which})"


def _header(sheet, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    for cell in sheet[sheet.max_row]:
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _summary_sheet(workbook: Workbook, c: Consolidation) -> None:
    sheet = workbook.create_sheet("Tổng hợp")
    sheet.append([_title(c)])
    sheet["A1"].font = BOLD
    done = c.completeness
    sheet.append(
        [f"Đã tính {done.submitted}/{done.expected} đơn vị; đã nhận {done.accepted}; quá hạn chưa gửi {done.late}."]
    )
    _header(
        sheet,
        ["Chỉ tiêu", "Đơn vị tính", "Tổng", "Có số liệu", "Báo cáo 0", "Không nêu", "Cùng kỳ năm trước", "So sánh"],
        [48, 12, 18, 12, 12, 12, 18, 22],
    )
    for total in c.totals:
        indicator = total.indicator
        sheet.append(
            [
                indicator.label,
                "đồng" if indicator.money else indicator.unit,
                total.total,
                total.reported,
                total.zero,
                total.not_reported,
                total.previous,
                total.change.phrase,
            ]
        )
        for column in (3, 7):
            sheet.cell(sheet.max_row, column).number_format = MONEY_FORMAT if indicator.money else COUNT_FORMAT
    sheet.freeze_panes = "B4"
    if done.missing:
        sheet.append([])
        sheet.append([f"Chưa gửi báo cáo ({len(done.missing)}):"])
        sheet.cell(sheet.max_row, 1).font = BOLD
        for unit in done.missing:
            sheet.append([unit.name, unit.code])


def _area_sheet(workbook: Workbook, c: Consolidation, section) -> None:
    indicators = indicators_of(section.code)
    sheet = workbook.create_sheet(section.label[:31])
    titles = ["Mã", _unit_word(c)] + [f"{i.label} ({'đồng' if i.money else i.unit})" for i in indicators]
    _header(sheet, titles, [10, 30] + [20] * len(indicators))
    by_code = c.by_code
    for unit in c.units:
        row = [unit.code, unit.name]
        row += [by_code[i.code].figures[unit.pk].value for i in indicators]  # None: a blank cell, never a 0
        sheet.append(row)
        for column, indicator in enumerate(indicators, start=3):
            sheet.cell(sheet.max_row, column).number_format = MONEY_FORMAT if indicator.money else COUNT_FORMAT
    footer = [
        ("Tổng cộng", lambda t: t.total),
        (f"Số đơn vị: {STATE_LABELS['number'].lower()}", lambda t: t.reported),
        (f"Số đơn vị: {STATE_LABELS['zero'].lower()}", lambda t: t.zero),
        (f"Số đơn vị: {STATE_LABELS['missing'].lower()}", lambda t: t.not_reported),
    ]
    for label, value_of in footer:
        sheet.append(["", label] + [value_of(by_code[i.code]) for i in indicators])
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
        if label == "Tổng cộng":
            for column, indicator in enumerate(indicators, start=3):
                sheet.cell(sheet.max_row, column).number_format = MONEY_FORMAT if indicator.money else COUNT_FORMAT
    sheet.freeze_panes = "C2"


def _named_sheet(workbook: Workbook, c: Consolidation) -> None:
    """NGO projects and delegations: the rows a composed report froze, else the sentence a read one stated."""
    sheet = workbook.create_sheet(NAMED_SHEET)
    _header(
        sheet,
        ["Đơn vị", "Loại", "Tổ chức, đối tác", "Quốc gia", "Dự án, nội dung", "Từ ngày", "Giá trị (đồng)", "Ghi chú"],
        [28, 16, 32, 16, 48, 12, 18, 40],
    )
    report_ids = [i for ids in c.reports.values() for i in ids]
    reports = Report.objects.filter(pk__in=report_ids).select_related("unit").order_by("unit__name", "period")
    for report in reports:
        named = (report.meta or {}).get("named")
        if named:
            for row in named.get("ngo_projects", []):
                value = (row.get("cash_vnd") or 0) + (row.get("in_kind_vnd") or 0) or row.get("committed")
                sheet.append(
                    [
                        report.unit.name,
                        "Viện trợ PCPNN",
                        row.get("donor", ""),
                        row.get("country", ""),
                        row.get("project", ""),
                        _date(row.get("start")),
                        value,
                        row.get("note", ""),
                    ]
                )
                sheet.cell(sheet.max_row, 7).number_format = COUNT_FORMAT
            for row in named.get("delegations", []):
                kind = "Đoàn ra" if row.get("direction") == "out" else "Đoàn vào"
                members = f"{row['members']} thành viên" if row.get("members") else ""
                sheet.append(
                    [
                        report.unit.name,
                        kind,
                        row.get("partner", ""),
                        row.get("country", ""),
                        row.get("purpose", ""),
                        _date(row.get("start")),
                        None,
                        members,
                    ]
                )
            continue
        stated = IndicatorValue.objects.filter(
            report=report, indicator__in=NGO_INDICATORS + DELEGATION_INDICATORS, value__gt=0
        ).exclude(evidence="")
        seen = set()
        for value in stated.order_by("indicator"):
            if value.evidence in seen:  # one sentence may state a project's count and its value
                continue
            seen.add(value.evidence)
            kind = "Viện trợ PCPNN" if value.indicator in NGO_INDICATORS else "Đoàn ra, đoàn vào"
            sheet.append([report.unit.name, kind, "", "", value.evidence, None, None, "Trích văn bản đọc từ tệp"])
    sheet.freeze_panes = "B2"


def _date(text: str | None) -> str:
    return format_date(dt.date.fromisoformat(text)) if text else ""
