"""The catalogues of the domain, declared once: sections, indicators, roles.

Everything else — forms, the composer's outline, the reader's classifier, the
province's consolidation — reads these tuples. A test fails if an entry is
missing from any of them. Codes match shared/domain.md.
"""

from dataclasses import dataclass, field

FLOW, STOCK = "flow", "stock"


@dataclass(frozen=True)
class Section:
    code: str
    label: str  # the heading a report usually gives it
    headings: tuple[str, ...] = ()  # other phrasings seen in real reports
    narrative: bool = False  # prose an officer writes, not drafted from records
    group: str = "results"  # "frame" (I, II), "results" (III.x) or "outlook" (IV-VI)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str  # Vietnamese unit word: "đoàn", "người", "đồng"
    kind: str  # FLOW sums across periods; STOCK is a value at a cut-off date
    section: str
    help: str = ""
    money: bool = False


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    level: str  # "commune", "province" or "any"
    help: str = ""
    can_edit_records: bool = False
    can_approve: bool = False
    extras: tuple[str, ...] = field(default=())


SECTIONS: tuple[Section, ...] = (
    Section("situation", "Đặc điểm tình hình", ("Bối cảnh tình hình", "Tình hình chung"), True, "frame"),
    Section("assessment", "Đánh giá tổng quan", ("Đánh giá chung",), True, "frame"),
    Section(
        "direction",
        "Công tác chỉ đạo, điều hành",
        ("Công tác lãnh đạo, chỉ đạo", "Công tác quán triệt, triển khai"),
        True,
        "frame",
    ),
    Section("delegations", "Công tác đoàn ra, đoàn vào", ("Quản lý đoàn ra, đoàn vào",)),
    Section(
        "international_agreements",
        "Công tác ký kết và thực hiện thỏa thuận quốc tế",
        ("Thỏa thuận quốc tế", "TTQT"),
    ),
    Section(
        "international_cooperation",
        "Công tác hợp tác quốc tế",
        ("Quan hệ với địa phương nước ngoài", "Giao lưu, kết nghĩa"),
    ),
    Section("international_conferences", "Công tác tổ chức và quản lý hội nghị, hội thảo quốc tế"),
    Section(
        "ngo_aid",
        "Công tác vận động, quản lý và sử dụng viện trợ phi chính phủ nước ngoài",
        ("Viện trợ PCPNN", "Tổ chức phi chính phủ nước ngoài"),
    ),
    Section("economic_diplomacy", "Công tác ngoại giao kinh tế", ("FDI", "ODA", "Xuất khẩu lao động")),
    Section("cultural_diplomacy", "Công tác văn hóa đối ngoại", ("Ngoại giao văn hóa",)),
    Section(
        "external_information",
        "Công tác thông tin đối ngoại",
        ("Tuyên truyền chủ quyền biển, đảo", "Báo chí nước ngoài"),
    ),
    Section(
        "consular_affairs",
        "Công tác lãnh sự và bảo hộ công dân",
        ("Quản lý người nước ngoài", "Xuất cảnh, di cư"),
    ),
    Section("overseas_vietnamese", "Công tác đối với người Việt Nam ở nước ngoài", ("Kiều bào",)),
    Section("party_diplomacy", "Đối ngoại Đảng", narrative=True),
    Section("state_diplomacy", "Ngoại giao Nhà nước", narrative=True),
    Section("people_diplomacy", "Công tác đối ngoại nhân dân", narrative=True),
    Section("border_affairs", "Công tác biên giới, lãnh thổ", narrative=True),
    Section("training", "Công tác đào tạo, bồi dưỡng, cập nhật kiến thức đối ngoại"),
    Section("commendations", "Công tác khen thưởng", ("Khen thưởng của nước ngoài",)),
    Section("reporting_compliance", "Tình hình thực hiện chế độ thông tin, báo cáo", narrative=True),
    Section("difficulties", "Khó khăn, vướng mắc", ("Tồn tại, hạn chế",), True, "outlook"),
    Section("causes", "Nguyên nhân", ("Nguyên nhân khách quan", "Nguyên nhân chủ quan"), True, "outlook"),
    Section("plans", "Phương hướng, nhiệm vụ", ("Kế hoạch", "Nhiệm vụ trọng tâm"), True, "outlook"),
    Section("recommendations", "Đề xuất, kiến nghị", ("Giải pháp",), True, "outlook"),
    Section("other", "Nội dung khác", narrative=True),
)

INDICATORS: tuple[Indicator, ...] = (
    Indicator("delegations_out", "Đoàn ra", "đoàn", FLOW, "delegations", "Đoàn của địa phương đi nước ngoài"),
    Indicator(
        "delegations_in_foreign", "Đoàn vào (nước ngoài)", "đoàn", FLOW, "delegations", "Đoàn nước ngoài đến địa phương"
    ),
    Indicator("delegations_in_domestic", "Đoàn trong nước đến làm việc", "đoàn", FLOW, "delegations"),
    Indicator("agreements_signed", "Thỏa thuận quốc tế ký kết", "thỏa thuận", FLOW, "international_agreements"),
    Indicator("conferences_international", "Hội nghị, hội thảo quốc tế", "hội nghị", FLOW, "international_conferences"),
    Indicator(
        "ngo_projects", "Dự án, chương trình viện trợ PCPNN", "dự án", STOCK, "ngo_aid", "Đang thực hiện trong kỳ"
    ),
    Indicator("ngo_aid_value_vnd", "Giá trị viện trợ PCPNN tiếp nhận", "đồng", FLOW, "ngo_aid", money=True),
    Indicator("ngo_beneficiaries", "Người hưởng lợi từ viện trợ PCPNN", "người", FLOW, "ngo_aid"),
    Indicator("foreigners_resident", "Người nước ngoài cư trú, làm việc", "người", STOCK, "consular_affairs"),
    Indicator("fdi_projects", "Dự án FDI", "dự án", STOCK, "economic_diplomacy"),
    Indicator("oda_projects", "Dự án ODA", "dự án", STOCK, "economic_diplomacy"),
    Indicator("foreign_press_activities", "Hoạt động báo chí nước ngoài", "lượt", FLOW, "external_information"),
    Indicator("consular_cases", "Vụ việc lãnh sự, bảo hộ công dân", "vụ", FLOW, "consular_affairs"),
    Indicator("illegal_exit_cases", "Công dân xuất cảnh trái phép", "người", FLOW, "consular_affairs"),
    Indicator("officials_trained", "Cán bộ được bồi dưỡng kiến thức đối ngoại", "người", FLOW, "training"),
    Indicator("commendations_received", "Khen thưởng nhận của nước ngoài", "hình thức", FLOW, "commendations"),
)

ROLES: tuple[Role, ...] = (
    Role(
        "commune_officer",
        "Cán bộ xã",
        "commune",
        "Ghi chép hoạt động đối ngoại và soạn báo cáo của xã, phường",
        can_edit_records=True,
    ),
    Role(
        "commune_leader",
        "Lãnh đạo xã",
        "commune",
        "Duyệt và ký báo cáo (Chủ tịch hoặc Phó Chủ tịch UBND)",
        can_edit_records=True,
        can_approve=True,
    ),
    Role(
        "province_officer",
        "Cán bộ tỉnh",
        "province",
        "Ra văn bản đề nghị báo cáo, theo dõi và tổng hợp báo cáo các xã đã gửi",
    ),
    Role(
        "province_leader",
        "Lãnh đạo tỉnh",
        "province",
        "Duyệt và ký báo cáo tổng hợp của tỉnh (Giám đốc, Phó Giám đốc Sở; Chủ tịch, Phó Chủ tịch UBND tỉnh)",
        can_approve=True,
    ),
    Role("administrator", "Quản trị", "province", "Quản lý tài khoản, chuyển tài khoản khi sáp nhập xã"),
    Role(
        "ministry_officer",
        "Cán bộ Bộ Ngoại giao",
        "nation",
        "Nhận báo cáo tổng hợp các tỉnh gửi lên, xem số liệu toàn quốc theo tỉnh",
    ),
)

SECTIONS_BY_CODE = {s.code: s for s in SECTIONS}
INDICATORS_BY_CODE = {i.code: i for i in INDICATORS}
ROLES_BY_CODE = {r.code: r for r in ROLES}
SECTION_CODES = tuple(SECTIONS_BY_CODE)
INDICATOR_CODES = tuple(INDICATORS_BY_CODE)


def section_label(code: str) -> str:
    return SECTIONS_BY_CODE[code].label


def indicators_of(section_code: str) -> tuple[Indicator, ...]:
    return tuple(i for i in INDICATORS if i.section == section_code)
