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
    """How a report names one indicator: its subjects, its counts and its events.

    * ``subjects`` are phrases naming the thing counted; a number written against
      one ("Đoàn trong nước: 6 đoàn", "130 người nước ngoài") or a negation before
      one ("không tổ chức hoặc tiếp đón đoàn ra") states the indicator. ``units``
      are the counting words a number may carry ("03 đoàn"); ``requires`` words the
      clause must also have; ``excludes`` words that rule the clause out;
      ``sections`` limits subjects that are only meaningful under one topic.
    * ``counts`` are count frames of prose (see :func:`compile_count`), one line
      each: ``"đón|tiếp > N đoàn < !trong nước"`` reads "a verb đón or tiếp before
      the number, the number counting đoàn, and no 'trong nước' after it". Every
      number counts its own noun: in "06 đoàn với 49 lượt khách" only the 6 counts
      đoàn.
    * ``events`` name the one-event frames (a visit, a signing, a seminar, an aid
      item approved) that count 1 when a news item reports it without a number;
      their vocabulary is below (``EVENT_WORDS``).
    * ``context`` words one of which the text must contain for a count to be this
      indicator (citizens handed back count as illegal exits only where the text
      says they left illegally).
    """

    indicator: str
    subjects: tuple[str, ...]
    units: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    money: bool = False
    counts: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


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
        counts=(
            "tổ chức|cử|đưa|có > N đoàn|lượt đoàn < đi|sang|ở nước ngoài|ra nước ngoài|xuất cảnh",
            "N đoàn < đi công tác nước ngoài|đi nước ngoài|ra nước ngoài|đi công tác, làm việc ở nước ngoài",
        ),
        events=("visit_out",),
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
        counts=(
            "đón|tiếp|đón tiếp|tiếp đón|đón, tiếp|tiếp nhận > N đoàn|lượt đoàn < !trong nước|!đi công tác|!ra nước ngoài",
            "N đoàn|lượt đoàn < khách nước ngoài|nước ngoài|quốc tế|đến thăm|vào làm việc < !trong nước|!đi|!sang|!ra nước ngoài",
        ),
        events=("visit_in",),
    ),
    IndicatorPhrasing(
        "delegations_in_domestic",
        ("đoàn trong nước", "đoàn vào trong nước", "đoàn công tác trong nước"),
        units=("đoàn", "lượt đoàn"),
        counts=("N đoàn|lượt đoàn < trong nước|trong tỉnh|ngoài tỉnh|các bộ, ngành",),
        events=("visit_domestic",),
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
        counts=(
            "ký|ký kết > N thỏa thuận|văn bản|bản ghi nhớ|biên bản|văn kiện",
            "N thỏa thuận|bản ghi nhớ|biên bản ghi nhớ < ký|ký kết|được ký",
        ),
        events=("signing",),
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
        counts=("tổ chức|đăng cai|cho phép tổ chức > N hội nghị|hội thảo|cuộc hội thảo|diễn đàn < quốc tế",),
        events=("seminar",),
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
        counts=(
            "N khoản viện trợ|khoản tài trợ|phi dự án|khoản viện trợ phi dự án",
            "N dự án|chương trình|chương trình, dự án|dự án, chương trình < viện trợ|phi chính phủ|pcpnn|tài trợ|tổ chức",
            "tiếp nhận|vận động|thu hút|triển khai|tài trợ thực hiện > N dự án|chương trình|chương trình, dự án",
        ),
        events=("aid_item",),
        context=("viện trợ", "phi chính phủ", "pcpnn", "tài trợ"),
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
            "tổng nguồn vốn",
            "tổng vốn tài trợ",
            "vốn tài trợ",
            "giá trị cam kết",
            "vốn viện trợ",
        ),
        requires=("viện trợ", "pcpnn", "phi chính phủ", "tài trợ"),
        money=True,
        events=("aid_item",),
    ),
    IndicatorPhrasing(
        "ngo_beneficiaries",
        ("người hưởng lợi", "người thụ hưởng", "lượt người hưởng lợi", "đối tượng hưởng lợi", "người được hưởng lợi"),
        units=("người", "lượt người", "đối tượng", "hộ"),
        sections=("ngo_aid",),
        counts=(
            "giúp|cho|hỗ trợ|mang lại lợi ích cho > N người|hộ|hộ dân|em|cháu|học sinh|trẻ em|đối tượng|người hưởng lợi",
            "N suất học bổng|suất < học sinh|các em|trại hè|tham gia",
        ),
        # "tập huấn … cho 200 người là cán bộ": officials trained, not people the aid reached.
        excludes=("re:(?:nguoi|luot nguoi) la (?:can bo|cong chuc|vien chuc|hoc vien|dai bieu|hoi vien)",),
        context=("viện trợ", "tài trợ", "phi chính phủ"),
    ),
    IndicatorPhrasing(
        "foreigners_resident",
        ("người nước ngoài", "công dân nước ngoài", "lao động nước ngoài", "người lao động nước ngoài"),
        units=("người", "lượt người", "trường hợp", "công dân", "lao động"),
        requires=(
            "sinh sống",
            "cư trú",
            "tạm trú",
            "thường trú",
            "làm việc",
            "làm ăn",
            "lao động",
            "lưu trú",
        ),
        excludes=("vụ việc", "vi phạm", "lượt", "đến thăm", "vào làm việc", "khách"),
        counts=(
            "N người nước ngoài|công dân nước ngoài|lao động nước ngoài < sinh sống|cư trú|tạm trú|lưu trú|làm việc",
        ),
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
        units=("dự án",),
        excludes=("lượt dự án",),
        counts=(
            "N dự án fdi|dự án có vốn đầu tư nước ngoài|dự án đầu tư trực tiếp nước ngoài|dự án đầu tư nước ngoài",
        ),
    ),
    IndicatorPhrasing(
        "oda_projects",
        ("dự án oda", "oda", "vốn oda"),
        units=("dự án", "chương trình"),
        counts=("N dự án oda|chương trình oda|dự án sử dụng vốn oda",),
    ),
    IndicatorPhrasing(
        "foreign_press_activities",
        ("báo chí nước ngoài", "phóng viên nước ngoài", "hoạt động báo chí nước ngoài"),
        units=("lượt", "hoạt động", "đoàn", "lượt phóng viên"),
        counts=("N lượt phóng viên|phóng viên|đoàn phóng viên|lượt phóng viên, biên tập viên < nước ngoài|quốc tế",),
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
        counts=("giải quyết|xử lý|phối hợp xử lý > N vụ|vụ việc < lãnh sự|bảo hộ|công dân|người nước ngoài",),
    ),
    IndicatorPhrasing(
        "illegal_exit_cases",
        ("xuất cảnh trái phép", "xuất cảnh bất hợp pháp", "xuất cảnh trái phép"),
        units=("trường hợp", "người", "công dân", "vụ"),
        # A citizen of another country entering Vietnam is not a Vietnamese who left illegally.
        excludes=("re:(?:cong dan|nguoi) (?:nuoc ngoai|trung quoc|lao|campuchia|han quoc|myanmar|trieu tien)",),
        counts=(
            "tiếp nhận|trao trả|nhận|bắt giữ > N công dân|người|trường hợp "
            "< trao trả|bàn giao|xuất cảnh trái phép|nhập cảnh trái phép|trở về|cư trú bất hợp pháp",
        ),
        context=(
            "xuất cảnh trái phép",
            "xuất cảnh bất hợp pháp",
            "vượt biên trái phép",
            "nhập cảnh trái phép",
            "cư trú bất hợp pháp",
        ),
    ),
    IndicatorPhrasing(
        "officials_trained",
        (
            "re:(can bo|cong chuc|vien chuc)[^.;]{0,60}(tap huan|boi duong|dao tao)",
            "re:(cu|co) [^.;]{0,30}(tham du|tham gia)[^.;]{0,60}(tap huan|boi duong)",
            "re:(tap huan|boi duong)[^.;]{0,60}cho \\d+ (can bo|cong chuc)",
        ),
        units=("cán bộ", "công chức", "người", "lượt", "lượt cán bộ", "đồng chí", "viên chức"),
        counts=(
            "tập huấn|bồi dưỡng|lớp|phổ biến kiến thức|truyền đạt|cập nhật kiến thức "
            "> N đại biểu|học viên|cán bộ|công chức|người|lượt cán bộ|lượt người|viên chức",
        ),
        context=(
            "kiến thức đối ngoại",
            "thông tin đối ngoại",
            "công tác đối ngoại",
            "nghiệp vụ đối ngoại",
            "đối ngoại nhân dân",
            "ngoại vụ",
            "ngoại giao",
            "phi chính phủ nước ngoài",
        ),
    ),
    IndicatorPhrasing(
        "commendations_received",
        (
            "re:(tiep nhan|nhan|duoc tang|trao tang)[^.;]{0,60}khen thuong[^.;]{0,60}nuoc ngoai",
            "re:khen thuong (cua|tu) [^.;]{0,40}nuoc ngoai",
        ),
        units=("hình thức", "bằng khen", "huân chương", "kỷ niệm chương"),
        excludes=("kiến nghị", "đề nghị", "xét tặng", "đề xuất"),
        events=("award",),
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
    "nguồn vốn",
    "vốn tài trợ",
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

# --- when a figure is the period's own ------------------------------------------------

# A figure summed over several periods: never a flow of this one ("Từ năm 2008 đến năm 2021").
CUMULATIVE_WORDS = (
    "lũy kế",
    "luỹ kế",
    "re:\\btu nam \\d{4} den\\b",
    "re:\\btrong \\d+ nam qua\\b",
    "re:\\b\\d+ nam qua\\b",
    "re:\\bgiai doan \\d{4}",
    "từ trước đến nay",
    "tại thời điểm hiện tại",
    "re:\\(\\d{4}\\s*[-–]\\s*\\d{4}\\)",
)
# Year to date: used only when the text gives no figure of its own stretch of time.
YEAR_TO_DATE_WORDS = (
    "từ đầu năm",
    "tính chung",
    "tính từ đầu năm",
    "nâng tổng số",
    "nâng tổng",
    "re:\\btu dau nam \\d{4}",
)
# A value at the cut-off date: what a stock indicator (projects running, FDI in force) wants.
STOCK_WORDS = (
    "đang triển khai",
    "đang thực hiện",
    "đang hoạt động",
    "còn hiệu lực",
    "hiện có",
    "hiện nay",
    "re:(?<!luy ke )\\bden nay\\b",  # "Lũy kế đến nay, đã tiếp nhận 250 dự án" is every project ever, not a stock
    "hiện đang",
    "đang sinh sống",
)
# The future, a wish or a target: no figure of the period.
FUTURE_WORDS = (
    "sẽ",
    "dự kiến",
    "phấn đấu",
    "mục tiêu",
    "kế hoạch năm",
    "mong muốn",
    "đề nghị",
    "đặt mục tiêu",
    "chuẩn bị",
    "hướng tới",
    "tiến tới",
)
# Another territory's figures: the country's, a region's, a cluster of provinces'.
OTHER_SCOPE_WORDS = (
    "cả nước",
    "toàn quốc",
    "cho việt nam",
    "tại việt nam",
    "vào việt nam",
    "các tỉnh miền",
    "các tỉnh, thành",
    "re:(?<!voi )\\bcac dia phuong\\b(?! cua\\b)",  # not the partners: "ký kết với các địa phương của Trung Quốc"
    "re:\\bcum so \\d",
    "toàn khu vực",
)
# Amounts that are not foreign aid received: the unit's own money, counterpart funds, aid given away.
# Lenders whose projects are ODA: a text naming one and a "Dự án <Name>" counts that project.
ODA_LENDERS = (
    "ngân hàng thế giới",
    "world bank",
    "ngân hàng phát triển châu á",
    "adb",
    "jica",
    "koica",
    "vốn oda",
    "vốn vay oda",
    "nguồn vốn oda",
    "cơ quan hợp tác quốc tế nhật bản",
)

NOT_AID_MONEY_WORDS = ("đối ứng", "ủng hộ", "doanh nghiệp fdi", "từ thiện", "kiều hối", "ngân sách")

# --- one-event frames (a news item about one visit, one signing, one seminar) ----------

EVENT_WORDS: dict[str, tuple[str, ...]] = {
    # a delegation: "Đoàn công tác", "đoàn đại biểu cấp cao", an ambassador's visit
    "delegation": ("đoàn", "đại sứ", "tổng lãnh sự", "lãnh sự"),
    "not_delegation": (
        "đoàn kết",
        "đoàn thể",
        "đoàn viên",
        "đoàn thanh niên",
        "công đoàn",
        "đảng đoàn",
        "đoàn đại biểu quốc hội",
        "đoàn đbqh",
        "trưởng đoàn",
        "tỉnh đoàn",
        "huyện đoàn",
        "đoàn tụ",
        "ngoại giao đoàn",
    ),
    # it visits, meets, attends
    "visit": (
        "đến thăm",
        "thăm và làm việc",
        "thăm, làm việc",
        "sang thăm",
        "làm việc với",
        "làm việc tại",
        "hội đàm với",
        "có buổi hội đàm",
        "chào xã giao",
        "đã đến",
        "tham dự",
        "thăm chính thức",
        "xuất cảnh về nước",
    ),
    # the host receives it
    "host": ("tiếp", "đón", "tiếp đón", "đón tiếp", "tiếp và làm việc", "tiễn"),
    # a trip abroad reported by its destination
    "trip": ("chuyến thăm", "chuyến công tác"),
    # a domestic visitor
    "domestic": ("bộ", "ban", "ủy ban", "văn phòng", "trung ương", "cục", "tổng cục"),
    # a signing
    "sign": ("ký kết", "ký", "lễ ký", "thông qua"),
    "agreement": (
        "thỏa thuận",
        "thoả thuận",
        "bản ghi nhớ",
        "biên bản ghi nhớ",
        "biên bản hợp tác",
        "kết nghĩa",
        "mou",
        "văn bản hợp tác",
    ),
    "not_signing": ("sơ kết", "tổng kết", "kỷ niệm", "cho ký kết", "tiến tới ký kết", "thảo luận", "vào năm"),
    # a seminar held here with foreign participants
    "hold": ("tổ chức", "đăng cai", "khai mạc", "phối hợp tổ chức"),
    "seminar": ("hội thảo", "hội nghị", "diễn đàn"),
    # an order or medal of a foreign state
    "award_verb": ("trao tặng", "trao", "tặng", "đón nhận", "nhận"),
    "award": ("huân chương", "huy chương", "kỷ niệm chương", "bằng khen"),
    # an aid item approved or carried out, by its donor
    "aid": ("tài trợ", "viện trợ"),
    "donor": ("tổ chức", "hiệp hội", "quỹ", "bộ tư lệnh", "cơ quan phát triển"),
    "not_donor": ("chính phủ", "ngân hàng", "doanh nghiệp", "công ty", "hội chữ thập đỏ"),
}


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
    folded = sorted({key(w) for w in words if not w.startswith("re:")}, key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in folded] + [w[3:] for w in words if w.startswith("re:")]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")
