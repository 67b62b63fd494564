"""The reader's catalogue of phrasings, in one place, as data.

Section phrasings extend ``catalogues.SECTIONS`` (whose label and headings are
taken as heading-initial phrasings automatically); indicator phrasings say
how a report names each ``catalogues.INDICATORS`` entry. Phrases are written
in Vietnamese as a person would; they are matched on the folded key
(:func:`normalise.key`), so tone placement, case and diacritics do not
matter. Small syntax, kept readable:

* ``"^kế hoạch"`` — only at the start of a heading's title (after its
  numbering and lead words such as "Công tác", "Về");
* ``"chỉ đạo, điều hành"`` — a comma is optional, spaces are any spacing;
* ``"re:..."`` — a raw regular expression on the folded key (rare).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from ..catalogues import INDICATORS, SECTIONS
from .normalise import key

# --- sections ---------------------------------------------------------------

# Codes that name a part of the report rather than a topic of foreign affairs.
PART_CODES = ("difficulties", "causes", "plans", "recommendations")
FRAME_CODES = ("situation", "assessment", "direction")
# Topics other topics are narrower than ("đối ngoại nhân dân và ... viện trợ" is ngo_aid).
BROAD_CODES = ("party_diplomacy", "state_diplomacy", "people_diplomacy")

SECTION_PHRASES: dict[str, tuple[str, ...]] = {
    "situation": (
        "đặc điểm tình hình",
        "đặc điểm, tình hình",
        "bối cảnh",
        "tình hình chung",
        "^tình hình$",
        "khái quát tình hình",
        "tình hình thế giới",
        "tình hình quốc tế",
        "^tình hình kinh tế",
        "^tình hình địa phương",
        "^đặc điểm",
    ),
    "assessment": (
        "đánh giá tổng quan",
        "đánh giá chung",
        "đánh giá tổng quát",
        "^đánh giá$",
        "nhận xét chung",
        "^ưu điểm",
        "mặt tích cực",
        "mặt làm được",
        "đánh giá, nhận xét",
        "^nhận xét, đánh giá",
    ),
    "direction": (
        "^chỉ đạo, điều hành",
        "^lãnh đạo, chỉ đạo",
        "^chỉ đạo",
        "^tham mưu, chỉ đạo",
        "^quán triệt",
        "^lãnh đạo",
        "^tham mưu",
        "^điều hành",
    ),
    "delegations": ("đoàn ra", "đoàn vào", "quản lý đoàn", "^đón tiếp đoàn", "đoàn nước ngoài"),
    "international_agreements": (
        "thỏa thuận quốc tế",
        "thỏa thuận hợp tác quốc tế",
        "ttqt",
        "điều ước quốc tế",
        "ký kết thỏa thuận",
        "thỏa thuận hợp tác",
    ),
    "international_cooperation": (
        "hợp tác quốc tế",
        "quan hệ với địa phương nước ngoài",
        "quan hệ với các địa phương nước ngoài",
        "hợp tác với địa phương nước ngoài",
        "giao lưu, kết nghĩa",
        "kết nghĩa",
        "hội nhập quốc tế",
        "re:quan he (hop tac |huu nghi )?voi (cac )?(dia phuong|to chuc|doi tac|doanh nghiep)[^.;:]{0,20}nuoc ngoai",
        "re:hop tac voi (cac )?(dia phuong|doi tac|to chuc)[^.;:]{0,20}nuoc ngoai",
    ),
    "international_conferences": (
        "hội nghị, hội thảo quốc tế",
        "hội thảo, hội nghị quốc tế",
        "hội nghị quốc tế",
        "hội thảo quốc tế",
    ),
    "ngo_aid": ("phi chính phủ", "pcpnn", "viện trợ", "tổ chức phi chính phủ"),
    "economic_diplomacy": (
        "ngoại giao kinh tế",
        "fdi",
        "oda",
        "thu hút đầu tư nước ngoài",
        "đầu tư trực tiếp nước ngoài",
        "xuất khẩu lao động",
        "lao động làm việc ở nước ngoài",
        "xúc tiến đầu tư",
        "kinh tế đối ngoại",
    ),
    "cultural_diplomacy": (
        "văn hóa đối ngoại",
        "ngoại giao văn hóa",
        "re:(?<=kinh te, )van hoa\\b",
        "re:(?<=kinh te va )van hoa\\b",
    ),
    "external_information": (
        "thông tin đối ngoại",
        "thông tin, tuyên truyền đối ngoại",
        "tuyên truyền đối ngoại",
        "chủ quyền",
        "biển đông",
        "biển, đảo",
        "báo chí nước ngoài",
        "phóng viên nước ngoài",
        "quảng bá hình ảnh",
    ),
    "consular_affairs": (
        "lãnh sự",
        "bảo hộ công dân",
        "di cư",
        "xuất cảnh",
        "xuất nhập cảnh",
        "quản lý người nước ngoài",
        "người nước ngoài",
    ),
    "overseas_vietnamese": (
        "người việt nam ở nước ngoài",
        "kiều bào",
        "người việt nam định cư ở nước ngoài",
        "nvnonn",
        "cộng đồng người việt",
    ),
    "party_diplomacy": ("đối ngoại đảng",),
    "state_diplomacy": ("ngoại giao nhà nước", "đối ngoại nhà nước", "đối ngoại chính quyền"),
    "people_diplomacy": ("đối ngoại nhân dân",),
    "border_affairs": ("biên giới", "lãnh thổ", "cửa khẩu", "phân giới cắm mốc", "mốc quốc giới"),
    "training": ("đào tạo, bồi dưỡng", "bồi dưỡng", "tập huấn", "cập nhật kiến thức"),
    "commendations": ("khen thưởng",),
    "reporting_compliance": ("chế độ thông tin, báo cáo", "chế độ báo cáo", "thông tin, báo cáo"),
    "difficulties": (
        "khó khăn",
        "vướng mắc",
        "tồn tại",
        "^hạn chế",
        "tồn tại, hạn chế",
        "bất cập",
        "yếu kém",
        "những hạn chế",
    ),
    "causes": ("nguyên nhân",),
    "plans": (
        "phương hướng",
        "^nhiệm vụ",
        "^kế hoạch",
        "^nhiệm vụ trọng tâm",
        "^mục tiêu, nhiệm vụ",
        "^dự kiến",
        "^chương trình công tác",
        "re:nhiem vu (cong tac )?(6 thang|nam|quy|thang) ",
    ),
    "recommendations": (
        "re:\\bkien nghi\\b(?!,? (tang|xet tang|khen thuong))",
        "re:\\bde xuat\\b(?!,? (tang|xet tang|khen thuong))",
        "^giải pháp",
        "^đề nghị",
    ),
}

# A heading with one of these but no topic holds results of several topics ("III. KẾT QUẢ ...").
CONTAINER_PHRASES = ("^kết quả", "^phần thứ", "^phần [ivx]+", "^phần \\d+")
# A catch-all heading: its topics are read from its content ("d. Các công tác khác").
CATCH_ALL_PHRASES = (
    "các công tác khác",
    "công tác khác",
    "các hoạt động khác",
    "các nội dung khác",
    "các lĩnh vực khác",
    "^khác$",
    "một số công tác khác",
    "một số nội dung khác",
)
# Words a heading title may start with before its topic.
LEAD_WORDS = ("công tác", "về", "những", "các", "tình hình", "kết quả", "việc", "hoạt động", "một số")


def _compile(phrase: str) -> tuple[re.Pattern, bool]:
    anchored = phrase.startswith("^")
    body = phrase[1:] if anchored else phrase
    if body.startswith("re:"):
        return re.compile(body[3:]), anchored
    end = body.endswith("$")
    body = body.rstrip("$")
    folded = key(body)
    parts = [re.escape(word) for word in re.split(r"[\s,]+", folded) if word]
    pattern = r"\b" + r",?\s+".join(parts) + (r"\s*[:.]?$" if end else r"\b")
    return re.compile(pattern), anchored


@dataclass(frozen=True)
class Phrase:
    code: str
    pattern: re.Pattern
    anchored: bool


@lru_cache(maxsize=1)
def section_phrases() -> tuple[Phrase, ...]:
    phrases: list[Phrase] = []
    seen: set[tuple[str, str]] = set()
    for code, texts in SECTION_PHRASES.items():
        for text in texts:
            pattern, anchored = _compile(text)
            phrases.append(Phrase(code, pattern, anchored))
            seen.add((code, key(text.lstrip("^"))))
    # The catalogue's own label and headings, as heading-initial phrasings.
    for section in SECTIONS:
        if section.code == "other":
            continue
        for text in (section.label, *section.headings):
            folded = key(text)
            for lead in LEAD_WORDS:
                if folded.startswith(lead + " "):
                    folded = folded[len(lead) + 1 :]
            if (section.code, folded) in seen or len(folded) < 3:
                continue
            pattern, _ = _compile(folded)
            phrases.append(Phrase(section.code, pattern, True))
    return tuple(phrases)


@lru_cache(maxsize=1)
def container_patterns() -> tuple[re.Pattern, ...]:
    return tuple(_compile(p)[0] for p in CONTAINER_PHRASES)


@lru_cache(maxsize=1)
def catch_all_patterns() -> tuple[re.Pattern, ...]:
    return tuple(_compile(p)[0] for p in CATCH_ALL_PHRASES)


# --- indicators ---------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorPhrasing:
    """How a report names one indicator.

    ``subjects`` are phrases naming the thing counted; ``units`` the counting
    words a number may carry ("03 đoàn"); ``requires`` words that must also be
    in the clause (a foreigner counts as resident only if the clause says he
    lives or works there); ``excludes`` words that rule the clause out;
    ``sections`` limits subjects that are only meaningful under one topic
    ("không phát sinh vụ việc" is a consular zero only under consular affairs).
    """

    indicator: str
    subjects: tuple[str, ...]
    units: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    money: bool = False


INDICATOR_PHRASES: tuple[IndicatorPhrasing, ...] = (
    IndicatorPhrasing(
        "delegations_out",
        (
            "đoàn ra",
            "đoàn đi công tác nước ngoài",
            "đoàn đi nước ngoài",
            "đoàn công tác nước ngoài",
            "cử đoàn",
            "re:\\bcu \\d[\\d.]* (luot )?doan\\b",
            "re:doan (cua [^,.;]{0,30})?di (cong tac|lam viec|tham quan|hoc tap)[^,.;]{0,15}nuoc ngoai",
            "đoàn ra nước ngoài",
        ),
        units=("đoàn", "lượt đoàn"),
    ),
    IndicatorPhrasing(
        "delegations_in_foreign",
        (
            "re:\\bdoan vao\\b(?! trong nuoc)",
            "đoàn nước ngoài",
            "đoàn khách nước ngoài",
            "đoàn quốc tế",
            "đoàn khách quốc tế",
            "re:(?<=\\d )doan\\s*/\\s*[\\d.]+\\s+luot\\s+(nguoi|khach)\\s+nuoc ngoai",
            "re:doan (cua )?(to chuc|chuyen gia|dai su quan|tong lanh su quan) [^,.;]{0,20}nuoc ngoai",
            "re:cac doan nuoc ngoai",
        ),
        units=("đoàn", "lượt đoàn"),
    ),
    IndicatorPhrasing(
        "delegations_in_domestic",
        ("đoàn trong nước", "đoàn vào trong nước", "đoàn công tác trong nước"),
        units=("đoàn", "lượt đoàn"),
    ),
    IndicatorPhrasing(
        "agreements_signed",
        (
            "thỏa thuận quốc tế",
            "thỏa thuận hợp tác quốc tế",
            "ttqt",
            "điều ước quốc tế",
            "re:thoa thuan (hop tac )?voi [^,.;]{0,40}nuoc ngoai",
        ),
        units=("thỏa thuận", "văn bản", "ttqt"),
        requires=("ký", "ky ket", "thỏa thuận"),
    ),
    IndicatorPhrasing(
        "conferences_international",
        (
            "hội nghị, hội thảo quốc tế",
            "hội thảo, hội nghị quốc tế",
            "hội nghị quốc tế",
            "hội thảo quốc tế",
            "re:hoi (nghi|thao),? (hoi (nghi|thao) )?co yeu to nuoc ngoai",
        ),
        units=("hội nghị", "hội thảo", "cuộc", "sự kiện"),
    ),
    IndicatorPhrasing(
        "ngo_projects",
        (
            "dự án viện trợ",
            "chương trình, dự án viện trợ",
            "khoản viện trợ",
            "tiếp nhận viện trợ",
            "viện trợ phi chính phủ",
            "viện trợ pcpnn",
            "dự án pcpnn",
            "tổ chức phi chính phủ",
            "tổ chức pcpnn",
            "re:du an (do |cua )?(cac )?to chuc (phi chinh phu|pcpnn)",
        ),
        units=("dự án", "chương trình", "khoản viện trợ", "chương trình, dự án", "dự án, chương trình"),
    ),
    IndicatorPhrasing(
        "ngo_aid_value_vnd",
        (
            "giá trị viện trợ",
            "tổng giá trị",
            "trị giá",
            "kinh phí viện trợ",
            "tổng kinh phí",
            "tổng số tiền",
            "giá trị giải ngân",
            "giải ngân",
        ),
        requires=("viện trợ", "pcpnn", "phi chính phủ", "tài trợ"),
        money=True,
    ),
    IndicatorPhrasing(
        "ngo_beneficiaries",
        ("người hưởng lợi", "người thụ hưởng", "lượt người hưởng lợi", "đối tượng hưởng lợi", "người được hưởng lợi"),
        units=("người", "lượt người", "đối tượng", "hộ"),
        sections=("ngo_aid",),
    ),
    IndicatorPhrasing(
        "foreigners_resident",
        ("người nước ngoài", "công dân nước ngoài", "lao động nước ngoài", "người lao động nước ngoài"),
        units=("người", "lượt người", "trường hợp", "công dân", "lao động"),
        requires=("sinh sống", "cư trú", "tạm trú", "thường trú", "làm việc", "làm ăn", "lao động", "sinh sống"),
        excludes=("vụ việc", "vi phạm"),
    ),
    IndicatorPhrasing(
        "fdi_projects",
        (
            "dự án fdi",
            "fdi",
            "dự án đầu tư trực tiếp nước ngoài",
            "dự án có vốn đầu tư nước ngoài",
            "doanh nghiệp có vốn đầu tư nước ngoài",
            "doanh nghiệp fdi",
            "re:(co quan, )?(to chuc, )?doanh nghiep co yeu to nuoc ngoai",
            "dự án đầu tư nước ngoài",
        ),
        units=("dự án", "doanh nghiệp"),
    ),
    IndicatorPhrasing("oda_projects", ("dự án oda", "oda", "vốn oda"), units=("dự án", "chương trình")),
    IndicatorPhrasing(
        "foreign_press_activities",
        ("báo chí nước ngoài", "phóng viên nước ngoài", "hoạt động báo chí nước ngoài"),
        units=("lượt", "hoạt động", "đoàn", "lượt phóng viên"),
    ),
    IndicatorPhrasing(
        "consular_cases",
        (
            "vụ việc lãnh sự",
            "bảo hộ công dân",
            "vấn đề lãnh sự",
            "vụ việc liên quan đến công dân",
            "tình huống đặc biệt",
            "vụ việc nảy sinh",
            "vụ việc phát sinh",
            "re:\\bvu viec\\b",
            "re:\\b(?:cong tac )?lanh su\\b(?! quan)",
        ),
        units=("vụ", "vụ việc", "trường hợp"),
        sections=("consular_affairs",),
    ),
    IndicatorPhrasing(
        "illegal_exit_cases",
        ("xuất cảnh trái phép", "xuất cảnh bất hợp pháp", "xuất cảnh trái phép"),
        units=("trường hợp", "người", "công dân", "vụ"),
    ),
    IndicatorPhrasing(
        "officials_trained",
        (
            "re:(can bo|cong chuc|vien chuc)[^.;]{0,60}(tap huan|boi duong|dao tao)",
            "re:(cu|co) [^.;]{0,30}(tham du|tham gia)[^.;]{0,60}(tap huan|boi duong)",
            "re:(tap huan|boi duong)[^.;]{0,60}cho \\d+ (can bo|cong chuc)",
        ),
        units=("cán bộ", "công chức", "người", "lượt", "lượt cán bộ", "đồng chí", "viên chức"),
    ),
    IndicatorPhrasing(
        "commendations_received",
        (
            "re:(tiep nhan|nhan|duoc tang|trao tang)[^.;]{0,60}khen thuong[^.;]{0,60}nuoc ngoai",
            "re:khen thuong (cua|tu) [^.;]{0,40}nuoc ngoai",
        ),
        units=("hình thức", "bằng khen", "huân chương", "kỷ niệm chương"),
        excludes=("kiến nghị", "đề nghị", "xét tặng", "đề xuất"),
    ),
)

# Every indicator subject contains one of these (a test checks it): a clause without any is skipped.
SUBJECT_ANCHORS = (
    "đoàn",
    "thỏa thuận",
    "ttqt",
    "điều ước",
    "hội nghị",
    "hội thảo",
    "viện trợ",
    "phi chính phủ",
    "pcpnn",
    "nước ngoài",
    "fdi",
    "oda",
    "đầu tư",
    "báo chí",
    "phóng viên",
    "lãnh sự",
    "bảo hộ",
    "vụ việc",
    "tình huống",
    "xuất cảnh",
    "tập huấn",
    "bồi dưỡng",
    "đào tạo",
    "khen thưởng",
    "hưởng lợi",
    "thụ hưởng",
    "giá trị",
    "trị giá",
    "kinh phí",
    "số tiền",
    "giải ngân",
    "liên quan đến công dân",
    "lãnh sự",
)

# Words that state that nothing happened, before the thing named.
NEGATIONS = (
    "không",
    "chưa",
    "không có",
    "chưa có",
    "không phát sinh",
    "chưa phát sinh",
    "không ghi nhận",
    "chưa ghi nhận",
    "không tổ chức",
    "không xảy ra",
    "chưa xảy ra",
    "không tiếp nhận",
    "không ký kết",
)
# After a negation these words make it "not many", not zero ("chưa có nhiều hoạt động").
NOT_ZERO_AFTER = ("nhiều", "được nhiều", "thật sự", "thực sự", "đáng kể", "rõ", "đủ", "đầy đủ", "kịp thời", "hết")
# A label followed by one of these states zero: "Đoàn nước ngoài: Không có".
ZERO_ANSWERS = ("không có", "không", "chưa có", "không phát sinh", "chưa phát sinh", "0", "không ghi nhận")
# A figure estimated to the period's end.
ESTIMATE_WORDS = ("ước", "ước tính", "ước đến", "dự kiến đến hết", "ước thực hiện")
# Quantity adverbs a number may carry.
APPROX_WORDS = ("khoảng", "trên", "hơn", "gần", "xấp xỉ", "ước", "ước khoảng", "tổng cộng", "tổng số", "tổng")


def indicator_phrasings() -> dict[str, IndicatorPhrasing]:
    known = {i.code for i in INDICATORS}
    table = {p.indicator: p for p in INDICATOR_PHRASES}
    missing = known - set(table)
    if missing:  # every catalogue indicator must have phrasings
        raise AssertionError(f"indicators without phrasings: {sorted(missing)}")
    return table


@lru_cache(maxsize=1)
def compiled_subjects() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for phrasing in INDICATOR_PHRASES:
        for subject in phrasing.subjects:
            out.append((phrasing.indicator, _compile(subject)[0]))
    return tuple(out)


def compile_words(words: tuple[str, ...]) -> re.Pattern:
    """One alternation of folded phrases, longest first."""
    folded = sorted({key(w) for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded) + r")\b")
