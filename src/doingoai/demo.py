"""The demo province: Quảng Ngãi, five communes, one login per role, records for 2025 and 2026H1.

Every demo account has the password DEMO_PASSWORD (README lists them).
Loading twice changes nothing: rows are looked up before they are created.
"""

import datetime as dt

from django.db import transaction

from doingoai.people.models import Organisation, User
from doingoai.people.services import ministry_organisation, organisation_for_unit
from doingoai.records import models as r
from doingoai.units.models import Unit
from doingoai.units.services import unit_by_code, units_ensure_loaded

DEMO_PASSWORD = "Doingoai@2026"
PROVINCE_CODE = 51  # Quảng Ngãi
COMMUNES = {
    "minhlong": 21361,  # Xã Minh Long (seed 001)
    "ducpho": 21439,  # Phường Đức Phổ (seed 000)
    "lyson": 21548,  # Đặc khu Lý Sơn
    "camthanh": 21025,  # Phường Cẩm Thành
    "boy": 23377,  # Xã Bờ Y, on the Lao and Cambodian borders
}
BORDER = {"boy"}

MINISTRY = "bng"  # the key of the Bộ Ngoại giao's account: no unit below the nation
# (username, full name, role, commune key, None for the province's Sở Ngoại vụ or MINISTRY, position)
ACCOUNTS = (
    ("canbo.minhlong", "Nguyễn Thị Hoa", User.Role.COMMUNE_OFFICER, "minhlong", ""),
    ("lanhdao.minhlong", "Đinh Văn Trung", User.Role.COMMUNE_LEADER, "minhlong", User.Position.VICE_CHAIR),
    ("canbo.ducpho", "Phạm Thị Thu", User.Role.COMMUNE_OFFICER, "ducpho", ""),
    ("lanhdao.ducpho", "Trần Ngọc Sang", User.Role.COMMUNE_LEADER, "ducpho", User.Position.CHAIR),
    ("canbo.lyson", "Lê Văn Hải", User.Role.COMMUNE_OFFICER, "lyson", ""),
    ("canbo.camthanh", "Võ Thị Mai", User.Role.COMMUNE_OFFICER, "camthanh", ""),
    ("canbo.boy", "A Lăng Thị Nhung", User.Role.COMMUNE_OFFICER, "boy", ""),
    ("sonv.quangngai", "Lê Thị Lan", User.Role.PROVINCE_OFFICER, None, ""),
    ("lanhdao.sonv.quangngai", "Nguyễn Văn Hùng", User.Role.PROVINCE_LEADER, None, User.Position.DIRECTOR),
    ("bng.tonghop", "Trần Thị Ngoại", User.Role.MINISTRY_OFFICER, MINISTRY, ""),
    ("quantri.quangngai", "Phạm Văn Minh", User.Role.ADMINISTRATOR, None, ""),
)

d = dt.date


def _records(unit: Unit, by: User) -> list:
    """Realistic registers: Minh Long's WVI area programme, Đức Phổ's workers abroad, Lý Sơn's visitors."""
    key = {v: k for k, v in COMMUNES.items()}[unit.code]
    if key == "minhlong":
        return [
            r.NgoAidProject(
                name="Chương trình Phát triển vùng Minh Long",
                donor="Tổ chức Tầm nhìn Thế giới (WVI)",
                donor_country="US",
                sector="education",
                start_date=d(2025, 1, 10),
                end_date=d(2026, 12, 31),
                cash_value_vnd=850_000_000,
                in_kind_items="Sách vở, bàn ghế cho 4 điểm trường",
                in_kind_value_vnd=120_000_000,
                beneficiaries=1_250,
                approval_decision="Quyết định số 112/QĐ-UBND ngày 06/01/2025",
            ),
            r.NgoAidProject(
                name="Nước sạch cho thôn Gò Chè",
                donor="Tổ chức Tầm nhìn Thế giới (WVI)",
                donor_country="US",
                sector="infrastructure",
                start_date=d(2026, 2, 20),
                end_date=d(2026, 8, 30),
                cash_value_vnd=460_000_000,
                beneficiaries=320,
                approval_decision="Quyết định số 45/QĐ-UBND ngày 12/02/2026",
            ),
            r.Delegation(
                direction="in",
                origin="foreign",
                partner="Tổ chức Tầm nhìn Thế giới (WVI)",
                country="US",
                start_date=d(2026, 3, 12),
                end_date=d(2026, 3, 12),
                members_count=4,
                head="Ông John Miller",
                purpose="Khảo sát dự án trường học thôn Gò Chè",
                approval_document="Công văn số 210/SNgV-HCTH",
            ),
            r.Delegation(
                direction="in",
                origin="domestic",
                partner="Sở Ngoại vụ tỉnh Quảng Ngãi",
                start_date=d(2025, 9, 18),
                members_count=3,
                purpose="Hướng dẫn công tác quản lý viện trợ phi chính phủ nước ngoài",
            ),
            r.InformationActivity(
                date=d(2025, 6, 20), channel="loudspeaker", topic="Tuyên truyền chủ quyền biển, đảo", items_count=12
            ),
            r.InformationActivity(
                date=d(2026, 4, 2), channel="website", topic="Giới thiệu văn hóa dân tộc H'rê", items_count=3
            ),
            r.TrainingAttendance(
                title="Bồi dưỡng kiến thức đối ngoại cho cán bộ cấp xã",
                organiser="Sở Ngoại vụ tỉnh Quảng Ngãi",
                start_date=d(2025, 10, 8),
                end_date=d(2025, 10, 9),
                officials_count=2,
            ),
        ]
    if key == "ducpho":
        return [
            r.ConsularCase(
                date=d(2025, 8, 5),
                kind="protection",
                people_count=1,
                country="KR",
                description="Công dân lao động tại Hàn Quốc bị tai nạn lao động, gia đình đề nghị hỗ trợ",
                outcome="Phối hợp Sở Ngoại vụ liên hệ Đại sứ quán; đã hỗ trợ đưa về nước",
            ),
            r.ConsularCase(
                date=d(2026, 2, 14),
                kind="illegal_exit",
                people_count=2,
                country="KH",
                description="Hai công dân xuất cảnh trái phép sang Campuchia",
                outcome="Đã trở về, được tuyên truyền, giáo dục",
            ),
            r.OverseasVietnameseContribution(
                date=d(2026, 1, 25),
                kind="contribution",
                contributor="Ông Nguyễn Văn Tâm (kiều bào tại Hoa Kỳ)",
                country="US",
                value_vnd=150_000_000,
                description="Tặng 50 suất quà Tết cho hộ nghèo",
            ),
            r.ForeignResidentCount(as_of_date=d(2025, 12, 1), country="KR", count=12),
            r.ForeignResidentCount(as_of_date=d(2025, 12, 1), country="CN", count=5),
            r.ForeignResidentCount(as_of_date=d(2026, 6, 1), country="KR", count=14),
            r.InformationActivity(
                date=d(2026, 5, 10),
                channel="meeting",
                topic="Phổ biến quy định xuất cảnh, lao động ngoài nước",
                items_count=4,
            ),
        ]
    if key == "lyson":
        return [
            r.Delegation(
                direction="in",
                origin="foreign",
                partner="Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng",
                country="JP",
                start_date=d(2025, 7, 22),
                end_date=d(2025, 7, 23),
                members_count=5,
                purpose="Thăm và làm việc về du lịch biển đảo",
            ),
            r.InformationActivity(
                date=d(2025, 7, 23),
                channel="press",
                topic="Phóng viên NHK ghi hình lễ Khao lề thế lính Hoàng Sa",
                items_count=1,
                foreign_press=True,
            ),
        ]
    if key == "boy":
        return [
            r.InternationalAgreement(
                title="Biên bản ghi nhớ hợp tác quản lý biên giới",
                partner="Xã Phu Cưa, tỉnh Attapeu",
                country="LA",
                signed_date=d(2025, 11, 5),
                status="in_force",
                expiry_date=d(2028, 11, 5),
            ),
            r.Delegation(
                direction="out",
                origin="foreign",
                partner="Huyện Phu Vông, tỉnh Attapeu",
                country="LA",
                start_date=d(2026, 4, 14),
                end_date=d(2026, 4, 15),
                members_count=6,
                head="Chủ tịch UBND xã",
                purpose="Giao lưu hữu nghị dịp Tết Bunpimay",
                approval_document="Quyết định số 88/QĐ-UBND",
            ),
        ]
    return []


@transaction.atomic
def demo_load() -> str:
    units_ensure_loaded()
    province = unit_by_code(code=PROVINCE_CODE, province=True)
    communes = {key: unit_by_code(code=code) for key, code in COMMUNES.items()}
    for key in BORDER:
        Unit.objects.filter(pk=communes[key].pk).update(is_border=True)
    province_body = organisation_for_unit(unit=province, kind=Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT)
    organisation_for_unit(unit=province, kind=Organisation.Kind.PROVINCIAL_COMMITTEE)

    users = {}
    for username, full_name, role, key, position in ACCOUNTS:
        if key == MINISTRY:
            organisation = ministry_organisation()
        else:
            organisation = organisation_for_unit(unit=communes[key]) if key else province_body
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, full_name=full_name, role=role, position=position, organisation=organisation)
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[username] = user

    added = 0
    for key, unit in communes.items():
        officer = users.get(f"canbo.{key}")
        if r.Delegation.objects.filter(unit=unit).exists() or r.InformationActivity.objects.filter(unit=unit).exists():
            continue
        for record in _records(unit, officer):
            record.unit = unit
            record.created_by = officer
            record._history_user = officer
            record.full_clean()
            record.save()
            added += 1
    composed = _demo_report_request(province=province, communes=communes, users=users)
    return (
        f"Dữ liệu mẫu: {province.official_name}, {len(communes)} xã/phường/đặc khu, "
        f"{len(users)} tài khoản (mật khẩu {DEMO_PASSWORD}), {added} bản ghi mới{composed}."
    )


REQUEST_NUMBER = "645/SNgV-HCTH"


def _demo_report_request(*, province, communes, users) -> str:
    """The Sở Ngoại vụ's request for 2026H1 (like Công văn số 1070/SNV-HCTH) and Minh Long's draft composed from its records."""
    from django.utils import timezone

    from doingoai.reports.compose import report_compose
    from doingoai.reports.models import Outline, Report, ReportRequest
    from doingoai.reports.outlines import DEFAULT_ITEMS

    officer = users["sonv.quangngai"]
    outline, _ = Outline.objects.get_or_create(
        province=province,
        name="Đề cương báo cáo 6 tháng (kèm phụ lục viện trợ PCPNN)",
        defaults={"items": [dict(item) for item in DEFAULT_ITEMS], "ngo_annex": True, "created_by": officer},
    )
    request = ReportRequest.objects.filter(province=province, number=REQUEST_NUMBER).first()
    if request is None:
        # The deadline stays a few days ahead, so the demo dashboard counts days left ("còn 5 ngày").
        deadline = max(d(2026, 6, 19), timezone.localdate() + dt.timedelta(days=5))
        request = ReportRequest.objects.create(
            province=province,
            number=REQUEST_NUMBER,
            date=d(2026, 6, 5),
            issuer="Sở Ngoại vụ tỉnh Quảng Ngãi",
            subject="báo cáo kết quả công tác đối ngoại 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2026",
            period="2026H1",
            window_start=d(2025, 12, 15),
            window_end=d(2026, 6, 14),
            deadline=deadline,
            outline=outline,
            created_by=officer,
        )
        request.communes.set(Unit.objects.filter(province=province, is_active=True))
    minhlong = communes["minhlong"]
    if Report.objects.filter(unit=minhlong, period="2026H1", origin=Report.Origin.COMPOSED).exists():
        return ""
    report_compose(unit=minhlong, period="2026H1", request=request, by=users["canbo.minhlong"])
    return f", Công văn số {REQUEST_NUMBER} và bản nháp báo cáo 6 tháng đầu năm 2026 của Xã Minh Long"
