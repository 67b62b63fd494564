"""Reports with words to find, written the ways the product writes sections.

Commune A (Xã Minh Long) and commune B (Phường Đức Phổ) are in Quảng Ngãi;
Xã Trung Hội (5581) is in Thái Nguyên, the other province.
"""

import datetime as dt

import pytest

from doingoai.reports.services.contract import report_replace_content
from doingoai.reports.services.editing import report_section_save
from doingoai.reports.services.workflow import report_approve, report_send, report_submit_for_approval

WWF_A = (
    "Trong kỳ, xã tiếp nhận khoản viện trợ của Quỹ Quốc tế Bảo vệ Thiên nhiên (WWF) "
    "trị giá 350.000.000 đồng cho dự án bảo tồn rừng đầu nguồn, 120 người hưởng lợi."
)
WWF_B = "Phường phối hợp với tổ chức WWF (Thụy Sĩ) vận động viện trợ phi chính phủ nước ngoài cho đoàn viên thanh niên."
WWF_OTHER = "Xã tiếp nhận viện trợ của WWF Việt Nam cho dự án sinh kế, giá trị 200.000.000 đồng."


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2026, 6, 20))


def write(report, code, text, by):
    """Type ``text`` into the report's section ``code``, as autosave does."""

    section = report.sections.get(code=code)
    return report_section_save(section=section, text=text, version=section.version, by=by)


def sent(report, officer, leader):
    """Through approval to the province."""

    report_submit_for_approval(report=report, by=officer)
    report_approve(report=report, by=leader, date=dt.date(2026, 6, 16))
    return report_send(report=report, by=officer)


def ingested(unit, *, period, sections, by=None, status="confirmed"):
    """A report read from a file: its sections replace nothing and come through bulk_create."""
    from doingoai.reports.models import Report

    report = Report.objects.create(
        unit=unit, period=period, origin=Report.Origin.INGESTED, status=status, created_by=by
    )
    return report_replace_content(report=report, data={"sections": sections}, by=by)


@pytest.fixture
def draft_a(commune_a, officer_a):
    """Minh Long's draft for 2026H1, its NGO-aid section naming WWF."""
    from doingoai.reports.tests.factories import composed

    report = composed(commune_a, by=officer_a)
    write(report, "ngo_aid", WWF_A, officer_a)
    return report


@pytest.fixture
def draft_b(commune_b, officer_b):
    from doingoai.reports.tests.factories import composed

    report = composed(commune_b, by=officer_b)
    write(report, "ngo_aid", WWF_B, officer_b)
    return report


@pytest.fixture
def sent_b(draft_b, officer_b, leader_b):
    return sent(draft_b, officer_b, leader_b)


@pytest.fixture
def other_commune(units):
    from doingoai.units.services import unit_by_code

    return unit_by_code(code=5581)  # Xã Trung Hội, Thái Nguyên


@pytest.fixture
def sent_other(other_commune):
    """A report of the other province, read from a file and confirmed there."""
    return ingested(
        other_commune,
        period="2026H1",
        sections=[{"code": "ngo_aid", "heading": "4. Viện trợ phi chính phủ nước ngoài", "text": WWF_OTHER}],
    )


@pytest.fixture
def province_report(province, province_officer):
    """The province's own synthesis, read from a file by its officer."""
    return ingested(
        province,
        period="2025",
        by=province_officer,
        sections=[
            {
                "code": "ngo_aid",
                "heading": "III. CÔNG TÁC VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI",
                "text": "Năm 2025, toàn tỉnh tiếp nhận 42 dự án viện trợ; các nhà tài trợ lớn: WVI, KOICA, WWF.",
            },
            {
                "code": "difficulties",
                "heading": "IV. KHÓ KHĂN",
                "text": "Cán bộ kiêm nhiệm; thiếu người phiên dịch tiếng Hàn khi đón đoàn.",
            },
        ],
    )
