"""The province's own report: its communes' reports summed and summarised, drafted in one click.

``synthesis_compose(province=, period=, request=, by=)`` creates (or recomposes)
the province's report for a period, "Báo cáo tổng hợp công tác đối ngoại của
các xã, phường, đặc khu ...": a Report of the province's unit, composed, in
the same editor, workflow and renderer as a commune's report. Its parts:

- who reported: n/N communes, who is late, who has not sent;
- per area of work, the totals in prose ("3/96 xã, phường tiếp nhận viện trợ
  PCPNN, tổng giá trị 3.450.000.000 đồng"), the explicit zero when every
  commune that reported said none, how many did not say, and the comparison
  with the same period of last year;
- the lists that matter: NGO donors and projects, foreign delegations, from
  the rows a composed report froze (``meta["named"]``), else the evidence
  sentence of a report read from a document;
- the communes' difficulties (with causes), plans and recommendations grouped
  by theme (``themes.py``), each group with the communes that raised it.

Its indicator values are the province's totals (source "consolidated"), so
that the ministry's sums can read them. Recomposing after more communes have
sent never overwrites the officer's edits: as for a commune's report
(reports/compose.py), an untouched section takes the new draft and an edited
one is offered it in ``proposed_text``.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from doingoai.lib.catalogues import INDICATORS, INDICATORS_BY_CODE, SECTIONS, STOCK, indicators_of
from doingoai.lib.periods import YEAR, Period
from doingoai.lib.vn import format_date, format_number
from doingoai.people.models import User
from doingoai.people.services import issuing_organisation
from doingoai.reports.compose import (
    ERROR_COMPOSE_LOCKED,
    ERROR_COMPOSE_PENDING,
    ERROR_COMPOSE_RACE,
    Composed,
    ComposeError,
)
from doingoai.reports.figures import count_text, money_text
from doingoai.reports.models import IndicatorValue, Report, ReportEvent, ReportRequest, ReportSection
from doingoai.reports.outlines import heading_text
from doingoai.reports.services.versions import report_snapshot
from doingoai.reports.services.workflow import report_reopen
from doingoai.units.models import Unit

from .themes import Statement, Theme, statements_of, themes_group
from .totals import Consolidation, Total, consolidate

ERROR_NOT_PROVINCE = "Báo cáo tổng hợp là báo cáo của tỉnh, thành phố: hãy chọn một tỉnh, thành phố."
ERROR_NOT_AUTHOR = "Chỉ cán bộ, lãnh đạo cấp tỉnh của {province} mới soạn báo cáo tổng hợp của tỉnh."
ERROR_REQUEST_ELSEWHERE = "Công văn số {number} không phải văn bản đề nghị báo cáo của {province}."
ERROR_REQUEST_PERIOD = "Công văn số {number} đề nghị báo cáo {asked}, không phải {period}."

SOURCE_CONSOLIDATED = IndicatorValue.Source.CONSOLIDATED
SOURCE_SYNTHESIS = "synthesis"  # draft_source of every section: the communes' reports

# What a commune did or did not do, for each indicator: "3/96 xã, phường {did}", "... đều {none}".
PHRASES: dict[str, tuple[str, str]] = {
    "delegations_out": ("tổ chức đoàn ra nước ngoài", "không có đoàn ra nước ngoài"),
    "delegations_in_foreign": ("đón tiếp đoàn vào có yếu tố nước ngoài", "không có đoàn vào có yếu tố nước ngoài"),
    "delegations_in_domestic": ("tiếp đoàn trong nước đến thăm, làm việc", "không tiếp đoàn trong nước"),
    "agreements_signed": ("ký kết thỏa thuận quốc tế", "không ký kết thỏa thuận quốc tế"),
    "conferences_international": ("tổ chức hội nghị, hội thảo quốc tế", "không tổ chức hội nghị, hội thảo quốc tế"),
    "ngo_projects": (
        "có chương trình, dự án viện trợ PCPNN đang triển khai",
        "không có chương trình, dự án viện trợ PCPNN",
    ),
    "ngo_aid_value_vnd": ("tiếp nhận viện trợ PCPNN", "không tiếp nhận viện trợ PCPNN"),
    "ngo_beneficiaries": ("có người hưởng lợi từ viện trợ PCPNN", "không có người hưởng lợi từ viện trợ PCPNN"),
    "foreigners_resident": ("có người nước ngoài cư trú, làm việc", "không có người nước ngoài cư trú, làm việc"),
    "fdi_projects": ("có dự án FDI", "không có dự án FDI"),
    "oda_projects": ("có dự án ODA", "không có dự án ODA"),
    "foreign_press_activities": (
        "có hoạt động của báo chí nước ngoài",
        "không phát sinh hoạt động của báo chí nước ngoài",
    ),
    "consular_cases": (
        "phát sinh vụ việc lãnh sự, bảo hộ công dân",
        "không phát sinh vụ việc lãnh sự, bảo hộ công dân",
    ),
    "illegal_exit_cases": ("có công dân xuất cảnh trái phép", "không có công dân xuất cảnh trái phép"),
    "officials_trained": (
        "cử cán bộ tham dự bồi dưỡng kiến thức đối ngoại",
        "không có cán bộ tham dự bồi dưỡng kiến thức đối ngoại",
    ),
    "commendations_received": ("nhận khen thưởng của nước ngoài", "không nhận khen thưởng của nước ngoài"),
}
assert set(PHRASES) == set(INDICATORS_BY_CODE), "every catalogue indicator has its phrases"

# The communes' prose, by the part of the province's report that groups it.
THEME_PARTS = {
    "difficulties": ("difficulties", "causes"),
    "plans": ("plans",),
    "recommendations": ("recommendations",),
}
THEME_LEADS = {
    "difficulties": "Các khó khăn, vướng mắc và nguyên nhân {units} nêu trong báo cáo ({n}/{expected} đơn vị):",
    "plans": "Phương hướng, nhiệm vụ {next_period} {units} đề ra ({n}/{expected} đơn vị):",
    "recommendations": "Các đề xuất, kiến nghị của {units} ({n}/{expected} đơn vị):",
}
THEME_NONE = {
    "difficulties": "Các báo cáo đã nhận không nêu khó khăn, vướng mắc.",
    "plans": "Các báo cáo đã nhận không nêu phương hướng, nhiệm vụ kỳ tới.",
    "recommendations": "Các báo cáo đã nhận không có đề xuất, kiến nghị.",
}
MAX_THEMES = 15  # themes printed one per line; single-commune points beyond are listed together
MAX_NAMED = 8  # communes named in a theme's parentheses before the count leads
MAX_MISSING_NAMED = 30  # communes not yet counted named in the reporting part


def _item(code: str, heading: str, level: int, *, group: bool = False, also: tuple[str, ...] = ()) -> dict:
    return {"code": code, "heading": heading, "level": level, "group": group, "also": list(also)}


def synthesis_items() -> list[dict]:
    """The outline of the province's report: who reported, the results by area of work (every catalogue
    section that has indicators, in catalogue order), then the communes' difficulties, plans and
    recommendations. Headings may use {units}, {period} and {next_period}."""
    items = [
        _item("reporting_compliance", "Tình hình gửi báo cáo của các {units}", 1),
        _item("other", "Kết quả công tác đối ngoại của các {units} {period}", 1, group=True),
    ]
    items += [_item(s.code, s.label, 2) for s in SECTIONS if indicators_of(s.code)]
    items += [
        _item("difficulties", "Khó khăn, vướng mắc và nguyên nhân", 1, also=("causes",)),
        _item("plans", "Phương hướng, nhiệm vụ của các {units} {next_period}", 1),
        _item("recommendations", "Đề xuất, kiến nghị của các {units}", 1),
    ]
    return items


# --- What the drafting reads ---------------------------------------------------------------------


@dataclass
class Synthesis:
    """The consolidation and what the counted reports say, as the drafters read them."""

    province: Unit
    period: Period
    consolidation: Consolidation
    reports: list[Report]  # the counted reports, with their units and sections
    organisation: str  # "Sở Ngoại vụ tỉnh Quảng Ngãi": who writes
    themes: dict[str, list[Theme]] = field(default_factory=dict)
    raised: dict[str, int] = field(default_factory=dict)  # communes whose reports have points of each part

    @property
    def expected(self) -> int:
        return self.consolidation.completeness.expected

    @property
    def units(self) -> str:
        """ "xã, phường, đặc khu": the level words of the communes expected, in the usual order."""
        levels = {u.level for u in self.consolidation.units}
        words = [label.lower() for code, label in Unit.Level.choices if code in levels and code != Unit.Level.PROVINCE]
        return ", ".join(words) or "xã, phường"

    @property
    def since(self) -> str:
        return f"Trong {self.period.phrase}"

    @property
    def compared(self) -> str:
        last = self.period.same_period_last_year()
        return f"năm {last.year}" if self.period.kind == YEAR else f"cùng kỳ năm {last.year}"

    @property
    def where(self) -> str:
        """ "trên địa bàn tỉnh Quảng Ngãi"."""
        name = self.province.official_name
        return f"trên địa bàn {name[0].lower()}{name[1:]}"


def synthesis_read(*, province: Unit, period: Period, request: ReportRequest | None, accepted_only: bool) -> Synthesis:
    """Sum the communes' figures and gather their prose, grouped by theme."""
    consolidation = consolidate(province=province, period=period, request=request, accepted_only=accepted_only)
    ids = [i for unit_ids in consolidation.reports.values() for i in unit_ids]
    reports = list(
        Report.objects.filter(pk__in=ids).select_related("unit").prefetch_related("sections").order_by("unit__name")
    )
    synthesis = Synthesis(
        province, consolidation.period, consolidation, reports, issuing_organisation(unit=province).name
    )
    parts: dict[str, list[Statement]] = {part: [] for part in THEME_PARTS}
    background: list[Statement] = []
    for report in reports:
        for section in report.sections.all():
            found = statements_of(
                section.text,
                unit=report.unit.name,
                unit_id=report.unit_id,
                report_id=report.pk,
                own_name=report.unit.short_name,
            )
            part = _part_of(section)
            (parts[part] if part else background).extend(found)
    for part, statements in parts.items():
        synthesis.themes[part] = themes_group(statements, background=background)
        synthesis.raised[part] = len({s.unit_id for s in statements})
    return synthesis


def _part_of(section: ReportSection) -> str | None:
    """The theme part a section belongs to by its code, else by the first of its other codes."""
    for code in (section.code, *(section.also or [])):
        for part, codes in THEME_PARTS.items():
            if code in codes:
                return part
    return None


# --- The words ----------------------------------------------------------------------------------


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _amount(indicator, value: int) -> str:
    return money_text(value) if indicator.money else count_text(value, indicator.unit)


def _who(names: list[str]) -> str:
    """ "Xã Minh Long, Phường Đức Phổ"; past MAX_NAMED the count leads: "12 đơn vị: ..."."""
    shown = ", ".join(names)
    return shown if len(names) <= MAX_NAMED else f"{len(names)} đơn vị: {shown}"


def total_sentence(s: Synthesis, total: Total) -> str:
    """One indicator over the province's communes, the three states kept apart.

    "3/96 xã, phường tổ chức đoàn ra nước ngoài, tổng số 04 đoàn; 9 đơn vị báo
    cáo không phát sinh; 84 đơn vị chưa gửi báo cáo."
    """
    indicator = total.indicator
    did, none = PHRASES[indicator.code]
    expected = s.expected
    submitted = s.consolidation.completeness.submitted
    silent = submitted - total.reported
    missing = expected - submitted
    if total.reported == 0:
        return f"Các báo cáo đã nhận chưa nêu số liệu về {_lower_first(indicator.label)}."
    if not total.total:
        every = " đều" if total.reported > 1 else ""
        head = f"{total.reported}/{expected} {s.units} đã báo cáo{every} {none}"
    else:
        measure = "tổng giá trị" if indicator.money else "tổng số"
        head = f"{total.with_activity}/{expected} {s.units} {did}, {measure} {_amount(indicator, total.total)}"
        if total.zero:
            head += f"; {total.zero} đơn vị báo cáo không phát sinh"
    if missing and silent:
        head += (
            f"; {total.not_reported} đơn vị chưa có số liệu ({missing} chưa gửi báo cáo, {silent} báo cáo không nêu)"
        )
    elif missing:
        head += f"; {missing} đơn vị chưa gửi báo cáo"
    elif silent:
        head += f"; {silent} báo cáo không nêu"
    return head + "."


def comparison_sentence(s: Synthesis, totals: list[Total]) -> str:
    """ "So với cùng kỳ năm 2025: đoàn ra tăng 02 đoàn (+50%); ..." for the totals both periods have."""
    phrases, unknown = [], []
    for total in totals:
        change, indicator = total.change, total.indicator
        label = _lower_first(indicator.label)
        if not change.comparable:
            if total.total:
                unknown.append(label)
            continue
        if change.now == 0 and change.before == 0:
            continue
        if change.delta == 0:
            phrases.append(f"{label} bằng {s.compared}")
            continue
        word = "tăng" if change.delta > 0 else "giảm"
        percent = ""
        if change.percent is not None:
            shown = format_number(abs(change.percent), 0 if float(change.percent).is_integer() else 1)
            percent = f" ({'+' if change.delta > 0 else '-'}{shown}%)"
        phrases.append(f"{label} {word} {_amount(indicator, abs(change.delta))}{percent}")
    lines = []
    if phrases:
        lines.append(f"So với {s.compared}: " + "; ".join(phrases) + ".")
    if unknown:
        lines.append(f"Không so sánh được với {s.compared} (kỳ trước chưa có số liệu): " + ", ".join(unknown) + ".")
    return "\n".join(lines)


def _named_rows(s: Synthesis, kind: str) -> list[tuple[Report, dict]]:
    return [(r, row) for r in s.reports for row in ((r.meta or {}).get("named") or {}).get(kind, [])]


def _evidence_lines(s: Synthesis, codes: tuple[str, ...]) -> list[str]:
    """For reports read from a document (no frozen rows): the sentences that stated a figure above zero."""
    by_report = {r.pk: r for r in s.reports if "named" not in (r.meta or {})}
    lines, seen = [], set()
    values = IndicatorValue.objects.filter(report_id__in=by_report, indicator__in=codes, value__gt=0).exclude(
        evidence=""
    )
    for value in values.order_by("report__unit__name", "indicator"):
        key = (value.report_id, value.evidence)
        if key in seen:  # one sentence may state a project's count and its value
            continue
        seen.add(key)
        lines.append(f"- {by_report[value.report_id].unit.name}: {value.evidence.strip().rstrip('.')}.")
    return lines


def _span(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    first = format_date(dt.date.fromisoformat(start))
    if end and end != start:
        return f"từ ngày {first} đến ngày {format_date(dt.date.fromisoformat(end))}"
    return f"ngày {first}"


def delegation_lines(s: Synthesis) -> list[str]:
    """The foreign delegations the communes' reports name."""
    lines = []
    for report, row in _named_rows(s, "delegations"):
        partner = f"{row.get('partner', '')} ({row['country']})" if row.get("country") else row.get("partner", "")
        what = f"đoàn ra đi {partner}" if row.get("direction") == "out" else f"đón đoàn {partner}"
        bits = [what, _span(row.get("start"), row.get("end"))]
        if row.get("members"):
            bits.append(count_text(row["members"], "thành viên"))
        purpose = (row.get("purpose") or "").strip().rstrip(".")
        line = f"- {report.unit.name}: " + ", ".join(b for b in bits if b)
        lines.append(line + (f"; nội dung: {_lower_first(purpose)}." if purpose else "."))
    return lines + _evidence_lines(s, ("delegations_out", "delegations_in_foreign"))


def ngo_lines(s: Synthesis) -> list[str]:
    """The NGO donors and their projects, by donor, with the communes and values."""
    by_donor: dict[str, list[str]] = {}
    for report, row in _named_rows(s, "ngo_projects"):
        donor = f"{row.get('donor', '')} ({row['country']})" if row.get("country") else row.get("donor", "")
        value = (row.get("cash_vnd") or 0) + (row.get("in_kind_vnd") or 0) or row.get("committed")
        detail = report.unit.name + (f", {money_text(value)}" if value else "")
        by_donor.setdefault(donor, []).append(f"{row.get('project', '')} ({detail})")
    lines = [f"- {donor}: {'; '.join(projects)}." for donor, projects in by_donor.items()]
    return lines + _evidence_lines(s, ("ngo_projects", "ngo_aid_value_vnd", "ngo_beneficiaries"))


def results_text(s: Synthesis, code: str) -> str:
    """One area of work: its totals, the comparison, and what the reports name."""
    if not s.consolidation.completeness.submitted:
        return f"Chưa có {s.units} nào gửi báo cáo {s.period.phrase}: chưa có số liệu để tổng hợp."
    by_code = s.consolidation.by_code
    totals = [by_code[i.code] for i in indicators_of(code)]
    if len(totals) == 1:
        lines = [f"{s.since}, {_lower_first(total_sentence(s, totals[0]))}"]
    else:
        lines = [f"{s.since}:", *(f"- {total_sentence(s, t)}" for t in totals)]
    if compared := comparison_sentence(s, totals):
        lines.append(compared)
    named = delegation_lines(s) if code == "delegations" else ngo_lines(s) if code == "ngo_aid" else []
    if named:
        title = "Các đoàn có yếu tố nước ngoài" if code == "delegations" else "Các nhà tài trợ và chương trình, dự án"
        lines.append(f"{title} được nêu trong báo cáo của các {s.units}:")
        lines += named
    return "\n".join(line for line in lines if line)


def compliance_text(s: Synthesis) -> str:
    """Who has reported, who is late, who has not sent yet."""
    done = s.consolidation.completeness
    request = s.consolidation.request
    lines = []
    if request is not None:
        lines.append(
            f"Thực hiện Công văn số {request.number} ngày {format_date(request.date)} của {request.issuer}, "
            f"{s.organisation} đã nhận báo cáo {s.period.phrase} của {done.submitted}/{done.expected} {s.units}"
            + (f" (hạn gửi ngày {format_date(request.deadline)})." if request.deadline else ".")
        )
    else:
        lines.append(
            f"{s.organisation} đã nhận báo cáo {s.period.phrase} của {done.submitted}/{done.expected} {s.units}."
        )
    if done.submitted:
        read = sum(1 for r in s.reports if r.origin == Report.Origin.INGESTED)
        detail = (
            f"Trong đó {done.accepted} báo cáo đã được tiếp nhận" if done.accepted else "Các báo cáo đang chờ tiếp nhận"
        )
        if read:
            detail += f"; {read} báo cáo gửi bằng văn bản giấy hoặc tệp, đã đọc và xác nhận số liệu"
        lines.append(detail + ".")
    if done.missing:
        names = [u.name for u in done.missing]
        shown = ", ".join(names[:MAX_MISSING_NAMED])
        more = f" và {len(names) - MAX_MISSING_NAMED} đơn vị khác" if len(names) > MAX_MISSING_NAMED else ""
        late = f", trong đó {done.late} đơn vị đã quá hạn" if done.late else ""
        lines.append(f"Còn {len(names)} đơn vị chưa gửi báo cáo{late}: {shown}{more}.")
    else:
        lines.append(f"Tất cả {done.expected} {s.units} đã gửi báo cáo.")
    return "\n".join(lines)


def themes_text(s: Synthesis, part: str) -> str:
    """A part the communes wrote in prose, grouped by theme, each theme with the communes that raised it."""
    if not s.consolidation.completeness.submitted:
        return f"Chưa có {s.units} nào gửi báo cáo {s.period.phrase}."
    themes = s.themes.get(part) or []
    if not themes:
        return THEME_NONE[part]
    lead = THEME_LEADS[part].format(
        units=f"các {s.units}",
        n=s.raised.get(part, 0),
        expected=s.expected,
        next_period=s.period.next().phrase,
    )
    lines = [lead]
    shown = [t for t in themes if len(t.units) > 1]
    shown += [t for t in themes if len(t.units) == 1][: max(0, MAX_THEMES - len(shown))]
    for theme in shown:
        lines.append(f"- {theme.representative.sentence.rstrip('.')} ({_who(theme.units)}).")
    rest = [t for t in themes if t not in shown]
    if rest:
        units = list(dict.fromkeys(u for t in rest for u in t.units))
        lines.append(f"- Ngoài ra, còn {len(rest)} ý kiến riêng của {_who(units)}.")
    return "\n".join(lines)


def section_text(s: Synthesis, code: str) -> str:
    if code == "reporting_compliance":
        return compliance_text(s)
    if code in THEME_PARTS:
        return themes_text(s, code)
    return results_text(s, code)


def synthesis_defaults(*, s: Synthesis) -> dict:
    """Trích yếu, basis, closing, place, symbol and recipients of the province's report."""
    province = s.province
    subject = f"công tác đối ngoại của các {s.units} {s.where} {s.period.phrase}"
    request = s.consolidation.request
    if request is not None:
        basis = (
            f"Trên cơ sở báo cáo của các {s.units} gửi theo Công văn số {request.number} ngày "
            f"{format_date(request.date)} của {request.issuer}, {s.organisation} báo cáo tổng hợp {subject} như sau:"
        )
    else:
        basis = (
            f"Thực hiện chế độ thông tin, báo cáo định kỳ về công tác đối ngoại, trên cơ sở báo cáo của các {s.units}, "
            f"{s.organisation} báo cáo tổng hợp {subject} như sau:"
        )
    issuer = issuing_organisation(unit=province)
    recipients = ["Bộ Ngoại giao"]
    committee = f"UBND {province.level_word} {province.short_name}"
    if issuer.kind != issuer.Kind.PROVINCIAL_COMMITTEE:
        recipients.append(committee)
        recipients.append("Lãnh đạo Sở")
    else:
        recipients.append(f"CT, các PCT UBND {province.level_word}")
    recipients.append("Lưu: VT")
    readers = "Bộ Ngoại giao" if issuer.kind == issuer.Kind.PROVINCIAL_COMMITTEE else f"Bộ Ngoại giao, {committee}"
    return {
        "summary": f"Tổng hợp {subject}",
        "basis": basis,
        "closing": f"Trên đây là báo cáo tổng hợp {subject} của {s.organisation}, kính báo cáo {readers} "
        "theo dõi, chỉ đạo./.",
        "recipients": recipients,
        "issued_place": province.short_name,
        "doc_symbol": f"BC-{issuer.symbol}".upper(),
    }


def _evidence(s: Synthesis, total: Total) -> str:
    return (
        f"Tổng hợp từ báo cáo của {total.reported}/{s.expected} {s.units} "
        f"({total.with_activity} có phát sinh, {total.zero} báo cáo 0, {total.not_reported} chưa có số liệu)."
    )


# --- The service ---------------------------------------------------------------------------------


def may_compose_synthesis(user: User | None, province: Unit | None = None) -> bool:
    """A province's officers and leaders write its report; ``province=None``: for their own province."""
    if user is None or not user.is_authenticated or user.unit is None or not user.unit.is_province:
        return False
    if user.role not in (User.Role.PROVINCE_OFFICER, User.Role.PROVINCE_LEADER):
        return False
    return province is None or user.unit.pk == province.pk


@transaction.atomic
def synthesis_compose(
    *,
    province: Unit,
    period: Period | str | None,
    request: ReportRequest | None = None,
    by: User | None,
    accepted_only: bool = False,
) -> Composed:
    """Draft the province's report for ``period`` from its communes' reports, or recompose it.

    With ``request`` the sums cover the communes that Công văn went to, and its
    period. ``by`` None is the system (the command line); otherwise a province
    officer or leader of ``province``.
    """
    if province is None or not province.is_province:
        raise ComposeError(ERROR_NOT_PROVINCE)
    if by is not None and not may_compose_synthesis(by, province):
        raise PermissionDenied(ERROR_NOT_AUTHOR.format(province=province.official_name))
    if request is not None:
        if request.province_id != province.pk or request.entered_by_unit_id is not None:
            raise ComposeError(ERROR_REQUEST_ELSEWHERE.format(number=request.number, province=province.official_name))
        asked = Period.parse(request.period)
        if period is not None and Period.parse(period) != asked:
            raise ComposeError(
                ERROR_REQUEST_PERIOD.format(
                    number=request.number, asked=asked.phrase, period=Period.parse(period).phrase
                )
            )
        period = asked
    period = Period.parse(period)
    report = (
        Report.objects.select_for_update()
        .filter(unit=province, period=period.code, origin=Report.Origin.COMPOSED)
        .first()
    )
    if report is not None:
        if report.is_locked:
            raise ComposeError(ERROR_COMPOSE_LOCKED)
        if report.status == Report.Status.PENDING:
            raise ComposeError(ERROR_COMPOSE_PENDING)
    s = synthesis_read(province=province, period=period, request=request, accepted_only=accepted_only)
    drafts = {item["code"]: "" if item["group"] else section_text(s, item["code"]) for item in synthesis_items()}

    if report is None:
        try:
            with transaction.atomic():  # a savepoint: another tab composing at the same moment
                report = _create(s=s, by=by)
        except IntegrityError:
            raise ComposeError(ERROR_COMPOSE_RACE) from None
        composed = Composed(report, True)
    else:
        composed = _recompose(report=report, drafts=drafts, by=by)
    report = composed.report
    _indicator_totals(report=report, s=s, by=by)
    meta = dict(report.meta or {})
    meta["synthesis"] = {
        "request": request.pk if request else None,
        "request_number": request.number if request else None,
        "accepted_only": accepted_only,
        "window": [d.isoformat() for d in (request.window if request else period.window)],
        "reports": [r.pk for r in s.reports],
        "completeness": {
            "expected": s.consolidation.completeness.expected,
            "submitted": s.consolidation.completeness.submitted,
            "accepted": s.consolidation.completeness.accepted,
            "late": s.consolidation.completeness.late,
        },
        # Every theme with every statement behind it: each sentence of the report traces back to a commune.
        "themes": {part: [t.to_json() for t in themes] for part, themes in s.themes.items()},
    }
    meta["composed_at"] = timezone.now().isoformat(timespec="seconds")
    Report.objects.filter(pk=report.pk).update(meta=meta, version=report.version + 1, updated_at=timezone.now())
    report.meta, report.version = meta, report.version + 1
    note = "Soạn từ báo cáo các xã" if composed.created else "Soạn lại từ báo cáo các xã"
    report_snapshot(report=report, by=by, note=note)
    comment = (
        f"Tổng hợp {s.consolidation.completeness.submitted}/{s.expected} báo cáo."
        if composed.created
        else f"Cập nhật {len(composed.refreshed)} mục; {len(composed.offered)} mục đã sửa có bản soạn mới để chọn."
    )
    event = ReportEvent(report=report, action=ReportEvent.Action.COMPOSED, by=by, comment=comment)
    event._history_user = by
    event.save()
    return composed


def _headings(s: Synthesis) -> list[dict]:
    items = []
    for item in synthesis_items():
        heading = heading_text(item["heading"].replace("{units}", s.units), s.period)
        items.append({**item, "heading": heading[0].upper() + heading[1:]})
    return items


def _create(*, s: Synthesis, by: User | None) -> Report:
    report = Report(
        unit=s.province,
        period=s.period.code,
        origin=Report.Origin.COMPOSED,
        status=Report.Status.DRAFT,
        created_by=by,
        **synthesis_defaults(s=s),
    )
    report._history_user = by
    report.save()
    sections = []
    for position, item in enumerate(_headings(s), start=1):
        text = "" if item["group"] else section_text(s, item["code"])
        sections.append(
            ReportSection(
                report=report,
                position=position,
                code=item["code"],
                also=item["also"],
                heading=item["heading"][:500],
                level=item["level"],
                is_group=item["group"],
                text=text,
                generated_text=text,
                draft_source="" if item["group"] else SOURCE_SYNTHESIS,
            )
        )
    bulk_create_with_history(sections, ReportSection, default_user=by)
    return report


def _recompose(*, report: Report, drafts: dict[str, str], by: User | None) -> Composed:
    """The new drafts into the sections: an untouched one takes it, an edited one is offered it."""
    composed = Composed(report, False)
    report_reopen(report, by)  # the ministry returned it: a draft again
    for section in report.sections.all():
        if section.is_group or section.code not in drafts:
            continue
        draft = drafts[section.code]
        if draft == section.generated_text and not section.proposed_text:
            continue
        if not section.edited:
            section.text = section.generated_text = draft
            section.proposed_text = ""
            section.version += 1
            composed.refreshed.append(section.heading)
        elif draft != section.generated_text and draft != section.text:
            section.proposed_text = draft
            composed.offered.append(section.heading)
        else:
            section.generated_text = draft
            section.proposed_text = ""
        section._history_user = by
        section.save()
    return composed


_FIELDS = ("value", "section", "source", "evidence", "as_of", "estimate")


def _indicator_totals(*, report: Report, s: Synthesis, by: User | None) -> None:
    """The province's totals as its report's values (silence stays None); an officer's correction stays."""
    existing = {v.indicator: v for v in report.indicators.all()}
    window_end = s.consolidation.request.window_end if s.consolidation.request else s.period.window[1]
    fresh = []
    for indicator in INDICATORS:
        total = s.consolidation.by_code[indicator.code]
        wanted = (
            total.total,
            indicator.section,
            SOURCE_CONSOLIDATED,
            _evidence(s, total),
            window_end if indicator.kind == STOCK else None,
            any(f.estimate for f in total.figures.values()),
        )
        current = existing.get(indicator.code)
        if current is None:
            fresh.append(
                IndicatorValue(
                    report=report, indicator=indicator.code, updated_by=by, **dict(zip(_FIELDS, wanted, strict=True))
                )
            )
        elif (
            current.source != IndicatorValue.Source.CORRECTION and tuple(getattr(current, f) for f in _FIELDS) != wanted
        ):
            for name, value in zip(_FIELDS, wanted, strict=True):
                setattr(current, name, value)
            current.updated_by = by
            current._history_user = by
            current.save()
    if fresh:
        bulk_create_with_history(fresh, IndicatorValue, default_user=by)
