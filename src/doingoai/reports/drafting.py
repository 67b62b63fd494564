"""The words of a report: each section drafted from the records of a data window.

One drafter per section that has records behind it writes counts and lists, an
explicit zero in the customary phrasing when nothing happened ("Trong 6 tháng
đầu năm 2026, trên địa bàn xã không phát sinh đoàn ra, đoàn vào có yếu tố nước
ngoài."), and the comparison with the same period of last year. The prose
parts start from the unit's last report (its periods moved on) or from a
neutral paragraph. ``compose.py`` is the service that puts them in a report.

>>> count_text(2, "đoàn"), money_text(850_000_000)
('02 đoàn', '850.000.000 đồng')
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from doingoai.lib.catalogues import INDICATORS_BY_CODE, STOCK
from doingoai.lib.countries import country_name
from doingoai.lib.periods import YEAR, Period
from doingoai.lib.vn import format_date, format_number
from doingoai.records import models as rm
from doingoai.records.indicators import Records
from doingoai.units.models import Unit

from .figures import count_text, money_text
from .models import Report

Window = tuple[dt.date, dt.date]
SOURCE_RECORDS, SOURCE_PREVIOUS, SOURCE_TEMPLATE = "records", "previous", "template"

# --- The words around the figures ---------------------------------------------------------------


@dataclass
class Context:
    unit: Unit
    period: Period
    window: Window
    records: Records
    behind: dict[str, list]  # the records behind each indicator (records/indicators.py)
    values: dict[str, int]
    previous: dict[str, int] | None  # the same period of last year, where known
    receiver: str  # "Sở Ngoại vụ tỉnh Quảng Ngãi"
    previous_report: Report | None = None

    @property
    def since(self) -> str:
        return f"Trong {self.period.phrase}"

    @property
    def level(self) -> str:
        return self.unit.level_word

    @property
    def area(self) -> str:
        return f"trên địa bàn {self.level}"

    @property
    def body(self) -> str:
        return f"UBND {self.level}"

    @property
    def compared(self) -> str:
        last = self.period.same_period_last_year()
        return f"so với năm {last.year}" if self.period.kind == YEAR else f"so với cùng kỳ năm {last.year}"

    @property
    def words(self) -> dict[str, str]:
        province = self.unit.province_unit.official_name
        return {
            "Unit": self.unit.name,
            "unit": unit_in_sentence(self.unit),
            "province": province[0].lower() + province[1:],
            "body": self.body,
            "level": self.level,
            "period": self.period.phrase,
            "next_period": self.period.next().phrase,
            "since": self.since,
            "receiver": self.receiver,
        }


def unit_in_sentence(unit: Unit) -> str:
    """ "xã Minh Long"; a unit named by a number keeps its capital ("Phường 1", Phụ lục II §III.1)."""
    if unit.short_name.isdigit():
        return unit.name
    return f"{unit.level_word} {unit.short_name}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", ":", "!", "?")) else text + "."


def _span(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and end != start:
        return f"từ ngày {format_date(start)} đến ngày {format_date(end)}"
    return f"ngày {format_date(start)}" if start else ""


def _with_country(name: str, code: str) -> str:
    return f"{name} ({country_name(code)})" if code else name


def _bits(*parts) -> str:
    return ", ".join(p for p in parts if p)


def comparison(ctx: Context, codes: list[str]) -> str:
    """ "Đoàn vào (nước ngoài) tăng 2 đoàn so với cùng kỳ năm 2025." for the flows both periods state."""
    if ctx.previous is None:
        return ""
    phrases = []
    for code in codes:
        indicator = INDICATORS_BY_CODE[code]
        now, before = ctx.values.get(code), ctx.previous.get(code)
        if indicator.kind == STOCK or now is None or before is None or (now == 0 and before == 0):
            continue
        label = _lower_first(indicator.label)
        diff = now - before
        if diff == 0:
            phrases.append(
                f"{label} bằng cùng kỳ" if ctx.period.kind != YEAR else f"{label} bằng năm {ctx.period.year - 1}"
            )
            continue
        change = "tăng" if diff > 0 else "giảm"
        if indicator.money and before:
            amount = format_number(abs(diff) * 100 / before, 1) + "%"
        elif indicator.money:
            amount = money_text(abs(diff))
        else:
            amount = f"{format_number(abs(diff))} {indicator.unit}"
        phrases.append(f"{label} {change} {amount} {ctx.compared}")
    return _sentence("; ".join(phrases)) if phrases else ""


# --- Drafters: one per section with records behind it ----------------------------------------------


def _delegations(ctx: Context) -> str:
    out = ctx.behind["delegations_out"]
    inward = ctx.behind["delegations_in_foreign"]
    domestic = ctx.behind["delegations_in_domestic"]
    lines = []
    if not out and not inward:
        lines.append(f"{ctx.since}, {ctx.area} không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài.")
    else:
        if out and inward:
            lead = f"{ctx.body} tổ chức {count_text(len(out), 'đoàn ra')} và đón tiếp {count_text(len(inward), 'đoàn vào')} có yếu tố nước ngoài, cụ thể:"
        elif out:
            lead = f"{ctx.body} tổ chức {count_text(len(out), 'đoàn ra')}; không phát sinh đoàn vào có yếu tố nước ngoài. Cụ thể:"
        else:
            lead = f"{ctx.body} đón tiếp {count_text(len(inward), 'đoàn vào')} có yếu tố nước ngoài; không có đoàn ra. Cụ thể:"
        lines.append(f"{ctx.since}, {lead}")
        for x in out:
            details = _bits(
                _span(x.start_date, x.end_date),
                count_text(x.members_count, "thành viên") if x.members_count else "",
                f"trưởng đoàn: {x.head}" if x.head else "",
            )
            purpose = f"; nội dung: {_lower_first(x.purpose.strip().rstrip('.'))}" if x.purpose.strip() else ""
            approval = f" ({x.approval_document})" if x.approval_document else ""
            lines.append(f"- Đoàn ra: đi {_with_country(x.partner, x.country)}, {details}{purpose}{approval}.")
        for x in inward:
            details = _bits(
                count_text(x.members_count, "thành viên") if x.members_count else "",
                f"do {x.head} làm trưởng đoàn" if x.head else "",
            )
            purpose = f"; nội dung: {_lower_first(x.purpose.strip().rstrip('.'))}" if x.purpose.strip() else ""
            approval = f" ({x.approval_document})" if x.approval_document else ""
            when = _span(x.start_date, x.end_date)
            lines.append(
                f"- Đoàn vào: {when}, đoàn {_with_country(x.partner, x.country)}{', ' + details if details else ''}{purpose}{approval}."
            )
    if domestic:
        names = "; ".join(f"{x.partner}, {_span(x.start_date, x.end_date)}" for x in domestic)
        lines.append(
            f"Ngoài ra, {ctx.body} tiếp {count_text(len(domestic), 'đoàn')} trong nước đến thăm, làm việc ({names})."
        )
    if compared := comparison(ctx, ["delegations_out", "delegations_in_foreign"]):
        lines.append(compared)
    return "\n".join(lines)


_AGREEMENT_STATUS = dict(rm.InternationalAgreement.Status.choices)


def _agreements(ctx: Context) -> str:
    r = ctx.records
    if not r.agreements_signed and not r.agreements_active:
        return f"{ctx.since}, {ctx.body} không ký kết và không thực hiện thỏa thuận quốc tế nào."
    lines = []
    if r.agreements_signed:
        lines.append(f"{ctx.since}, {ctx.body} ký kết {count_text(len(r.agreements_signed), 'thỏa thuận')} quốc tế:")
    else:
        lines.append(
            f"{ctx.since}, {ctx.body} không ký kết thỏa thuận quốc tế mới; tiếp tục thực hiện "
            f"{count_text(len(r.agreements_active), 'thỏa thuận')} quốc tế đã ký:"
        )
    for x in [*r.agreements_signed, *r.agreements_active]:
        signed = f", ký ngày {format_date(x.signed_date)}" if x.signed_date else ""
        expiry = f", hiệu lực đến ngày {format_date(x.expiry_date)}" if x.expiry_date else ""
        lines.append(
            f"- {x.title} với {_with_country(x.partner, x.country)}{signed}{expiry}; tình trạng: {_lower_first(_AGREEMENT_STATUS.get(x.status, x.status))}."
        )
    if compared := comparison(ctx, ["agreements_signed"]):
        lines.append(compared)
    return "\n".join(lines)


def _cooperation(ctx: Context) -> str:
    r = ctx.records
    partners = [*r.agreements_signed, *r.agreements_active]
    donors = sorted({_with_country(p.donor, p.donor_country) for p in r.ngo_running})
    if not partners and not donors:
        return f"{ctx.since}, địa phương chưa phát sinh hoạt động hợp tác trực tiếp với tổ chức, cá nhân nước ngoài."
    lines = []
    for x in partners:
        lines.append(f"{ctx.body} duy trì quan hệ hợp tác với {_with_country(x.partner, x.country)} theo {x.title}.")
    if donors:
        lines.append(
            f"{ctx.body} phối hợp với {', '.join(donors)} triển khai các chương trình, dự án viện trợ phi chính phủ "
            f"nước ngoài {ctx.area} (chi tiết tại phần viện trợ phi chính phủ nước ngoài)."
        )
    return "\n".join(lines)


def _conferences(ctx: Context) -> str:
    r = ctx.records
    if not r.conferences:
        return f"{ctx.since}, {ctx.area} không tổ chức hội nghị, hội thảo quốc tế."
    lines = [f"{ctx.since}, {ctx.body} tổ chức {count_text(len(r.conferences), 'hội nghị')}, hội thảo quốc tế:"]
    for x in r.conferences:
        people = ""
        if x.foreign_participants is not None:
            people = count_text(x.foreign_participants, "đại biểu nước ngoài")
            if x.total_participants:
                people += f" trên tổng số {count_text(x.total_participants, 'đại biểu')}"
        details = _bits(_span(x.start_date, x.end_date), f"do {x.organiser} chủ trì" if x.organiser else "", people)
        approval = f" ({x.approval_document})" if x.approval_document else ""
        lines.append(f"- {x.title}, {details}{approval}.")
    if compared := comparison(ctx, ["conferences_international"]):
        lines.append(compared)
    return "\n".join(lines)


_SECTORS = dict(rm.NgoAidProject.Sector.choices)


def _ngo_aid(ctx: Context) -> str:
    r = ctx.records
    if not r.ngo_running:
        return (
            f"{ctx.since}, {ctx.area} không có chương trình, dự án viện trợ phi chính phủ nước ngoài; "
            "không tiếp nhận khoản viện trợ phi chính phủ nước ngoài nào."
        )
    lines = [
        f"{ctx.since}, {ctx.area} có {count_text(len(r.ngo_running), 'chương trình')}, dự án viện trợ phi chính phủ nước ngoài đang triển khai:"
    ]
    for p in r.ngo_running:
        value = []
        if p.cash_value_vnd:
            value.append(f"{money_text(p.cash_value_vnd)} tiền mặt")
        if p.in_kind_value_vnd or p.in_kind_items:
            items = f" ({_lower_first(p.in_kind_items.strip().rstrip('.'))})" if p.in_kind_items.strip() else ""
            worth = f" trị giá {money_text(p.in_kind_value_vnd)}" if p.in_kind_value_vnd else ""
            value.append(f"hàng hóa, hiện vật{items}{worth}")
        details = _bits(
            f"lĩnh vực {_lower_first(_SECTORS.get(p.sector, p.sector))}",
            _span(p.start_date, p.end_date).replace("từ ngày", "thực hiện từ ngày", 1)
            if p.end_date
            else f"bắt đầu {_span(p.start_date, None)}",
            "giá trị " + " và ".join(value) if value else "",
            f"{count_text(p.beneficiaries, 'người')} hưởng lợi" if p.beneficiaries else "",
        )
        approval = f" ({p.approval_decision})" if p.approval_decision else ""
        lines.append(f"- {p.name} do {_with_country(p.donor, p.donor_country)} tài trợ, {details}{approval}.")
    received = r.ngo_received
    if received:
        lines.append(
            f"Giá trị viện trợ tiếp nhận trong kỳ: {money_text(ctx.values['ngo_aid_value_vnd'])} "
            f"({count_text(len(received), 'dự án')}, khoản viện trợ mới); "
            f"{count_text(ctx.values['ngo_beneficiaries'], 'người')} hưởng lợi."
        )
    else:
        lines.append(
            "Trong kỳ không tiếp nhận khoản viện trợ mới; các chương trình, dự án trên tiếp tục triển khai theo kế hoạch."
        )
    if compared := comparison(ctx, ["ngo_aid_value_vnd", "ngo_beneficiaries"]):
        lines.append(compared)
    return "\n".join(lines)


_CHANNELS = dict(rm.InformationActivity.Channel.choices)


def _information(ctx: Context) -> str:
    r = ctx.records
    press = ctx.behind["foreign_press_activities"]
    regular = [x for x in r.information if x not in press]
    lines = []
    if regular:
        total = sum(x.items_count for x in regular)
        lines.append(
            f"{ctx.since}, {ctx.body} thực hiện {count_text(total, 'tin, bài, buổi')} tuyên truyền, thông tin đối ngoại:"
        )
        for x in regular:
            word = "buổi" if x.channel in ("loudspeaker", "meeting") else "tin, bài"
            lines.append(
                f"- Ngày {format_date(x.date)}, {_lower_first(_CHANNELS.get(x.channel, x.channel))}: {x.topic.strip().rstrip('.')} ({count_text(x.items_count, word)})."
            )
    else:
        lines.append(f"{ctx.since}, {ctx.body} không ghi nhận hoạt động thông tin đối ngoại có yếu tố nước ngoài.")
    if press:
        lines.append(
            f"Có {count_text(ctx.values['foreign_press_activities'], 'lượt')} hoạt động của phóng viên, báo chí nước ngoài "
            f"{ctx.area}: "
            + "; ".join(f"{x.topic.strip().rstrip('.')} (ngày {format_date(x.date)})" for x in press)
            + "."
        )
    else:
        lines.append(f"Trong kỳ, {ctx.area} không phát sinh hoạt động báo chí nước ngoài.")
    if compared := comparison(ctx, ["foreign_press_activities"]):
        lines.append(compared)
    return "\n".join(lines)


_CASES = dict(rm.ConsularCase.Kind.choices)


def _consular(ctx: Context) -> str:
    r = ctx.records
    lines = []
    if r.residents:
        total = ctx.values["foreigners_resident"]
        by_country = "; ".join(f"{country_name(x.country)}: {count_text(x.count, 'người')}" for x in r.residents)
        lines.append(
            f"Tính đến ngày {format_date(r.residents[0].as_of_date)}, {ctx.area} có {count_text(total, 'người')} nước ngoài cư trú, làm việc ({by_country})."
        )
    else:
        lines.append(_sentence(f"{ctx.area} không có người nước ngoài cư trú, làm việc"))
    cases = ctx.behind["consular_cases"]
    exits = ctx.behind["illegal_exit_cases"]
    if not cases and not exits:
        lines.append(
            f"{ctx.since}, {ctx.area} không phát sinh vụ việc lãnh sự, bảo hộ công dân; không có công dân xuất cảnh trái phép."
        )
    else:
        if cases:
            lines.append(f"{ctx.since}, phát sinh {count_text(len(cases), 'vụ việc')} lãnh sự, bảo hộ công dân:")
        else:
            lines.append(f"{ctx.since}, {ctx.area} không phát sinh vụ việc lãnh sự, bảo hộ công dân.")
        for x in cases:
            outcome = f" Kết quả: {_lower_first(x.outcome.strip().rstrip('.'))}." if x.outcome.strip() else ""
            place = f", {country_name(x.country)}" if x.country else ""
            lines.append(
                f"- Ngày {format_date(x.date)} ({_lower_first(_CASES.get(x.kind, x.kind))}{place}): {x.description.strip().rstrip('.')}.{outcome}"
            )
        if exits:
            lines.append(f"Có {count_text(ctx.values['illegal_exit_cases'], 'công dân')} xuất cảnh trái phép:")
            for x in exits:
                outcome = f" Kết quả: {_lower_first(x.outcome.strip().rstrip('.'))}." if x.outcome.strip() else ""
                lines.append(f"- Ngày {format_date(x.date)}: {x.description.strip().rstrip('.')}.{outcome}")
        else:
            lines.append("Không có công dân xuất cảnh trái phép.")
    if compared := comparison(ctx, ["consular_cases", "illegal_exit_cases"]):
        lines.append(compared)
    return "\n".join(lines)


_OVERSEAS = dict(rm.OverseasVietnameseContribution.Kind.choices)


def _overseas(ctx: Context) -> str:
    r = ctx.records
    if not r.overseas:
        return (
            f"{ctx.since}, {ctx.area} không phát sinh hoạt động đóng góp, tài trợ của người Việt Nam ở nước ngoài; "
            f"{ctx.body} tiếp tục tuyên truyền, vận động kiều bào hướng về quê hương, chấp hành tốt pháp luật nước sở tại."
        )
    lines = [
        f"{ctx.since}, {ctx.area} ghi nhận {count_text(len(r.overseas), 'hoạt động')} của người Việt Nam ở nước ngoài:"
    ]
    for x in r.overseas:
        value = f" ({money_text(x.value_vnd)})" if x.value_vnd else ""
        lines.append(
            f"- Ngày {format_date(x.date)}, {_with_country(x.contributor, x.country)} — {_lower_first(_OVERSEAS.get(x.kind, x.kind))}: {x.description.strip().rstrip('.')}{value}."
        )
    total = sum(x.value_vnd or 0 for x in r.overseas)
    if total:
        lines.append(f"Tổng giá trị đóng góp, tài trợ: {money_text(total)}.")
    return "\n".join(lines)


def _training(ctx: Context) -> str:
    r = ctx.records
    if not r.training:
        return f"{ctx.since}, không có cán bộ, công chức của {ctx.body} tham dự lớp tập huấn, bồi dưỡng kiến thức đối ngoại."
    lines = [
        f"{ctx.since}, {ctx.body} cử {count_text(ctx.values['officials_trained'], 'lượt cán bộ')}, công chức tham dự "
        f"{count_text(len(r.training), 'lớp')} tập huấn, bồi dưỡng kiến thức đối ngoại:"
    ]
    for x in r.training:
        details = _bits(f"do {x.organiser} tổ chức" if x.organiser else "", _span(x.start_date, x.end_date))
        lines.append(f"- {x.title}, {details} ({count_text(x.officials_count, 'người')}).")
    if compared := comparison(ctx, ["officials_trained"]):
        lines.append(compared)
    return "\n".join(lines)


def _commendations(ctx: Context) -> str:
    r = ctx.records
    received = ctx.behind["commendations_received"]
    proposed = [x for x in r.commendations if x.kind == "proposed"]
    lines = []
    if received:
        lines.append(
            f"{ctx.since}, {ctx.area} nhận {count_text(len(received), 'hình thức')} khen thưởng của nhà nước, tổ chức, cá nhân nước ngoài:"
        )
        lines += [
            f"- {x.form} của {_with_country(x.awarding_body, x.country)} tặng {x.recipient} (ngày {format_date(x.date)})."
            for x in received
        ]
    else:
        lines.append(
            f"{ctx.since}, {ctx.area} không nhận hình thức khen thưởng nào của nhà nước, tổ chức, cá nhân nước ngoài."
        )
    if proposed:
        lines.append(f"{ctx.body} đề nghị khen thưởng:")
        lines += [f"- {x.form} cho {x.recipient} (ngày {format_date(x.date)})." for x in proposed]
    else:
        lines.append("Không có đề nghị khen thưởng liên quan đến công tác đối ngoại.")
    return "\n".join(lines)


DRAFTERS: dict[str, Callable[[Context], str]] = {
    "delegations": _delegations,
    "international_agreements": _agreements,
    "international_cooperation": _cooperation,
    "international_conferences": _conferences,
    "ngo_aid": _ngo_aid,
    "external_information": _information,
    "consular_affairs": _consular,
    "overseas_vietnamese": _overseas,
    "training": _training,
    "commendations": _commendations,
}

# A neutral starting paragraph for the prose parts when the unit has no earlier report.
PROSE: dict[str, str] = {
    "situation": (
        "{Unit} là đơn vị hành chính cấp xã thuộc {province}. {since}, tình hình chính trị, kinh tế - xã hội "
        "{area} cơ bản ổn định; công tác đối ngoại được triển khai gắn với nhiệm vụ phát triển kinh tế - xã hội, "
        "bảo đảm quốc phòng, an ninh của địa phương."
    ),
    "assessment": (
        "Công tác đối ngoại của {unit} được triển khai đúng quy định; công tác quản lý nhà nước về các hoạt động "
        "đối ngoại được thực hiện chặt chẽ, không để xảy ra trường hợp vi phạm."
    ),
    "direction": (
        "{body} quán triệt, triển khai các chủ trương, đường lối đối ngoại của Đảng, chính sách, pháp luật của Nhà nước "
        "và các văn bản chỉ đạo của Tỉnh ủy, UBND tỉnh, {receiver} về công tác đối ngoại; thực hiện nghiêm quy định "
        "về quản lý thống nhất các hoạt động đối ngoại {area}."
    ),
    "international_cooperation": "{since}, địa phương chưa phát sinh hoạt động hợp tác trực tiếp với tổ chức, cá nhân nước ngoài.",
    "economic_diplomacy": (
        "{body} tuyên truyền, hỗ trợ người dân phát triển sản xuất, kinh doanh; tạo điều kiện thuận lợi cho các tổ chức, "
        "cá nhân tìm hiểu cơ hội đầu tư {area}."
    ),
    "cultural_diplomacy": (
        "{body} tuyên truyền, vận động Nhân dân tham gia bảo tồn và phát huy các giá trị văn hóa truyền thống của địa phương, "
        "góp phần quảng bá hình ảnh {unit}."
    ),
    "party_diplomacy": "Công tác đối ngoại Đảng được thực hiện theo chỉ đạo của cấp ủy cấp trên.",
    "state_diplomacy": "{body} thực hiện nghiêm các quy định về quản lý các hoạt động đối ngoại {area}.",
    "people_diplomacy": (
        "{body} phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam {level} và các tổ chức chính trị - xã hội tuyên truyền, "
        "vận động đoàn viên, hội viên và Nhân dân thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước "
        "về công tác đối ngoại nhân dân."
    ),
    "border_affairs": (
        "{body} phối hợp với lực lượng Bộ đội Biên phòng quản lý, bảo vệ đường biên, mốc quốc giới; tuyên truyền "
        "Nhân dân khu vực biên giới chấp hành quy định về quản lý biên giới."
    ),
    "reporting_compliance": "{body} thực hiện chế độ thông tin, báo cáo công tác đối ngoại theo đúng yêu cầu về nội dung, thời hạn.",
    "difficulties": (
        "Cán bộ, công chức làm công tác đối ngoại của {level} kiêm nhiệm nhiều lĩnh vực, chưa được đào tạo chuyên sâu "
        "về nghiệp vụ đối ngoại; nguồn lực dành cho công tác đối ngoại còn hạn chế."
    ),
    "causes": (
        "Cán bộ làm công tác đối ngoại chủ yếu kiêm nhiệm, ít có điều kiện tham gia các lớp bồi dưỡng nghiệp vụ; "
        "kinh phí cho hoạt động đối ngoại ở cấp xã còn hạn hẹp."
    ),
    "plans": (
        "- Tiếp tục bám sát chỉ đạo của Tỉnh ủy, UBND tỉnh và {receiver} trong triển khai nhiệm vụ công tác đối ngoại "
        "{next_period}.\n"
        "- Thực hiện nghiêm các quy định về quản lý đoàn ra, đoàn vào, hội nghị, hội thảo quốc tế và viện trợ phi chính phủ "
        "nước ngoài {area}.\n"
        "- Đẩy mạnh công tác thông tin đối ngoại; cử cán bộ tham gia đầy đủ các lớp bồi dưỡng nghiệp vụ đối ngoại."
    ),
    "recommendations": (
        "Đề nghị UBND tỉnh, {receiver} tiếp tục tổ chức các lớp tập huấn, bồi dưỡng kiến thức, nghiệp vụ đối ngoại "
        "cho cán bộ cấp xã; hướng dẫn cụ thể việc bố trí kinh phí cho công tác đối ngoại ở cơ sở."
    ),
    "other": "",
}


def _carry_over(text: str, before: Period, now: Period) -> str:
    """Last report's prose with its periods moved on ("năm 2025" → "năm 2026"), when both are of one kind."""
    if before.kind != now.kind or before == now:
        return text
    swaps = [(before.next().phrase, now.next().phrase), (before.phrase, now.phrase)]
    marked = text
    for index, (old, _) in enumerate(swaps):
        marked = re.sub(re.escape(old), f"\u0000{index}\u0000", marked, flags=re.IGNORECASE)
    for index, (_, new) in enumerate(swaps):
        marked = marked.replace(f"\u0000{index}\u0000", new)
    return marked


def _prose(ctx: Context, code: str) -> tuple[str, str]:
    previous = ctx.previous_report
    if previous is not None:
        for section in previous.sections.all():
            if section.code == code and section.text.strip():
                before = previous.period_obj
                return (
                    _carry_over(section.text.strip(), before, ctx.period) if before else section.text.strip()
                ), SOURCE_PREVIOUS
    template = PROSE.get(code, "")
    return (template.format(**ctx.words, area=ctx.area) if template else ""), SOURCE_TEMPLATE if template else ""


def section_draft(ctx: Context, code: str) -> tuple[str, str]:
    """(text, source) for one section code."""
    if drafter := DRAFTERS.get(code):
        return drafter(ctx), SOURCE_RECORDS
    return _prose(ctx, code)
