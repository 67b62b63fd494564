"""The record types, declared once: forms, lists, Excel, the dashboard and the API read this."""

from dataclasses import dataclass

from doingoai.lib.catalogues import SECTIONS_BY_CODE

from . import models


@dataclass(frozen=True)
class RecordType:
    code: str  # URL and API slug
    model: type[models.Record]
    label: str  # the register's name on screen
    section: str  # canonical section code it feeds
    fields: tuple[str, ...]  # form, Excel and API order
    columns: tuple[str, ...]  # shown in the list
    hint: str  # what to record, in the officer's words

    @property
    def item_name(self) -> str:
        return self.model._meta.verbose_name

    @property
    def section_label(self) -> str:
        return SECTIONS_BY_CODE[self.section].label


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType(
        "delegations",
        models.Delegation,
        "Đoàn ra, đoàn vào",
        "delegations",
        (
            "direction",
            "origin",
            "partner",
            "country",
            "start_date",
            "end_date",
            "members_count",
            "head",
            "purpose",
            "approval_document",
            "notes",
        ),
        ("start_date", "direction", "partner", "country", "members_count"),
        "Đoàn của xã đi nước ngoài, đoàn nước ngoài hoặc đoàn trong nước đến làm việc.",
    ),
    RecordType(
        "agreements",
        models.InternationalAgreement,
        "Thỏa thuận quốc tế",
        "international_agreements",
        ("title", "partner", "country", "signed_date", "status", "expiry_date", "notes"),
        ("signed_date", "title", "partner", "country", "status"),
        "Thỏa thuận quốc tế xã ký kết hoặc thực hiện (xã biên giới).",
    ),
    RecordType(
        "conferences",
        models.InternationalConference,
        "Hội nghị, hội thảo quốc tế",
        "international_conferences",
        (
            "title",
            "start_date",
            "end_date",
            "organiser",
            "foreign_participants",
            "total_participants",
            "approval_document",
            "notes",
        ),
        ("start_date", "title", "organiser", "foreign_participants"),
        "Hội nghị, hội thảo có yếu tố nước ngoài do xã tổ chức.",
    ),
    RecordType(
        "ngo-aid",
        models.NgoAidProject,
        "Viện trợ phi chính phủ nước ngoài",
        "ngo_aid",
        (
            "name",
            "donor",
            "donor_country",
            "sector",
            "start_date",
            "end_date",
            "cash_value_vnd",
            "in_kind_items",
            "in_kind_value_vnd",
            "beneficiaries",
            "approval_decision",
            "notes",
        ),
        ("start_date", "name", "donor", "donor_country", "cash_value_vnd", "in_kind_value_vnd", "beneficiaries"),
        "Dự án, chương trình, khoản viện trợ của tổ chức phi chính phủ nước ngoài.",
    ),
    RecordType(
        "foreign-residents",
        models.ForeignResidentCount,
        "Người nước ngoài cư trú",
        "consular_affairs",
        ("as_of_date", "country", "count", "notes"),
        ("as_of_date", "country", "count"),
        "Số người nước ngoài đang sinh sống, làm việc trên địa bàn, theo quốc tịch, tại một ngày.",
    ),
    RecordType(
        "consular-cases",
        models.ConsularCase,
        "Lãnh sự, bảo hộ công dân",
        "consular_affairs",
        ("date", "kind", "people_count", "country", "description", "outcome", "notes"),
        ("date", "kind", "people_count", "country"),
        "Vụ việc bảo hộ công dân, xuất cảnh trái phép, vụ việc liên quan người nước ngoài.",
    ),
    RecordType(
        "overseas-vietnamese",
        models.OverseasVietnameseContribution,
        "Người Việt Nam ở nước ngoài",
        "overseas_vietnamese",
        ("date", "kind", "contributor", "country", "value_vnd", "description", "notes"),
        ("date", "kind", "contributor", "country", "value_vnd"),
        "Kiều bào về thăm, đóng góp, tài trợ cho địa phương.",
    ),
    RecordType(
        "information",
        models.InformationActivity,
        "Thông tin đối ngoại",
        "external_information",
        ("date", "channel", "topic", "items_count", "foreign_press", "notes"),
        ("date", "channel", "topic", "items_count"),
        "Tin, bài, buổi tuyên truyền đối ngoại; hoạt động của báo chí nước ngoài.",
    ),
    RecordType(
        "training",
        models.TrainingAttendance,
        "Đào tạo, bồi dưỡng",
        "training",
        ("title", "organiser", "start_date", "end_date", "officials_count", "notes"),
        ("start_date", "title", "organiser", "officials_count"),
        "Lớp tập huấn, bồi dưỡng kiến thức đối ngoại cán bộ xã tham dự.",
    ),
    RecordType(
        "commendations",
        models.Commendation,
        "Khen thưởng",
        "commendations",
        ("date", "kind", "form", "awarding_body", "country", "recipient", "notes"),
        ("date", "kind", "form", "awarding_body", "recipient"),
        "Khen thưởng của nhà nước, tổ chức nước ngoài trao tặng, hoặc đề nghị khen thưởng.",
    ),
)

RECORD_TYPES_BY_CODE = {t.code: t for t in RECORD_TYPES}
RECORD_TYPES_BY_MODEL = {t.model: t for t in RECORD_TYPES}


def record_type(code: str) -> RecordType:
    return RECORD_TYPES_BY_CODE[code]
