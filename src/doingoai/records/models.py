"""The commune's registers: one model per record type of shared/domain.md.

Each record belongs to one commune. ``period_field`` names the date that puts
a record in a period's data window; a record with ``active_until_field`` also
counts in every later window it is still running in (a stock, like an NGO
project under way).
"""

import uuid
from pathlib import Path

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .fields import CountField, CountryField, MoneyField

ERROR_END_BEFORE_START = "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."
ERROR_COUNTRY_REQUIRED = "Hãy chọn quốc gia của đối tác nước ngoài."
ERROR_OUT_IS_FOREIGN = "Đoàn ra là đoàn đi nước ngoài: hãy chọn quốc gia đến và nguồn 'Nước ngoài'."
ERROR_EXPIRY_BEFORE_SIGNING = "Ngày hết hiệu lực phải sau ngày ký."
ERROR_PARTICIPANTS = "Số đại biểu nước ngoài không thể lớn hơn tổng số đại biểu."
ERROR_VALUE_OR_ITEMS = "Hãy ghi giá trị tiền mặt, hoặc hàng hóa, hiện vật viện trợ."
ERROR_DUPLICATE_RESIDENTS = "Đã có số liệu người nước ngoài quốc tịch này tại ngày này: hãy sửa bản ghi đó."


def _check_span(start, end, errors, field="end_date", message=ERROR_END_BEFORE_START):
    if start and end and end < start:
        errors[field] = message


class Record(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị")
    notes = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        "people.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="người ghi"
    )
    created_at = models.DateTimeField("ngày ghi", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    attachments = GenericRelation("records.Attachment")

    history = HistoricalRecords(inherit=True)

    period_field = "date"
    active_until_field: str | None = None

    class Meta:
        abstract = True

    @property
    def period_date(self):
        return getattr(self, self.period_field)


class Delegation(Record):
    class Direction(models.TextChoices):
        OUT = "out", "Đoàn ra"
        IN = "in", "Đoàn vào"

    class Origin(models.TextChoices):
        FOREIGN = "foreign", "Nước ngoài"
        DOMESTIC = "domestic", "Trong nước"

    direction = models.CharField("loại đoàn", max_length=4, choices=Direction.choices, default=Direction.IN)
    origin = models.CharField(
        "đoàn nước ngoài hay trong nước", max_length=8, choices=Origin.choices, default=Origin.FOREIGN
    )
    partner = models.CharField(
        "cơ quan, tổ chức", max_length=200, help_text="Đoàn vào: đoàn của ai. Đoàn ra: nơi đến làm việc."
    )
    country = CountryField("quốc gia", blank=True)
    start_date = models.DateField("ngày bắt đầu")
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)
    members_count = CountField("số thành viên", null=True, blank=True)
    head = models.CharField("trưởng đoàn", max_length=200, blank=True)
    purpose = models.TextField("mục đích, nội dung làm việc", blank=True)
    approval_document = models.CharField("văn bản cho phép", max_length=200, blank=True)

    period_field = "start_date"

    class Meta:
        verbose_name = "đoàn ra, đoàn vào"
        verbose_name_plural = "đoàn ra, đoàn vào"
        ordering = ["-start_date", "-id"]

    def __str__(self):
        return f"{self.get_direction_display()} — {self.partner}"

    def clean(self):
        errors = {}
        _check_span(self.start_date, self.end_date, errors)
        if self.direction == self.Direction.OUT and self.origin != self.Origin.FOREIGN:
            errors["origin"] = ERROR_OUT_IS_FOREIGN
        if self.origin == self.Origin.FOREIGN and not self.country:
            errors["country"] = ERROR_COUNTRY_REQUIRED
        if errors:
            raise ValidationError(errors)


class InternationalAgreement(Record):
    class Status(models.TextChoices):
        PREPARING = "preparing", "Đang chuẩn bị"
        IN_FORCE = "in_force", "Đã ký, đang hiệu lực"
        EXPIRED = "expired", "Hết hiệu lực"
        TERMINATED = "terminated", "Đã chấm dứt"

    title = models.CharField("tên thỏa thuận", max_length=300)
    partner = models.CharField("đối tác", max_length=200)
    country = CountryField("quốc gia")
    signed_date = models.DateField("ngày ký", null=True, blank=True)
    status = models.CharField("tình trạng", max_length=12, choices=Status.choices, default=Status.IN_FORCE)
    expiry_date = models.DateField("ngày hết hiệu lực", null=True, blank=True)

    period_field = "signed_date"
    active_until_field = "expiry_date"

    class Meta:
        verbose_name = "thỏa thuận quốc tế"
        verbose_name_plural = "thỏa thuận quốc tế"
        ordering = ["-signed_date", "-id"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        _check_span(self.signed_date, self.expiry_date, errors, "expiry_date", ERROR_EXPIRY_BEFORE_SIGNING)
        if errors:
            raise ValidationError(errors)


class InternationalConference(Record):
    title = models.CharField("tên hội nghị, hội thảo", max_length=300)
    start_date = models.DateField("ngày bắt đầu")
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)
    organiser = models.CharField("đơn vị chủ trì", max_length=200, blank=True)
    foreign_participants = CountField("số đại biểu nước ngoài", null=True, blank=True)
    total_participants = CountField("tổng số đại biểu", null=True, blank=True)
    approval_document = models.CharField("văn bản cho phép", max_length=200, blank=True)

    period_field = "start_date"

    class Meta:
        verbose_name = "hội nghị, hội thảo quốc tế"
        verbose_name_plural = "hội nghị, hội thảo quốc tế"
        ordering = ["-start_date", "-id"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        _check_span(self.start_date, self.end_date, errors)
        if (
            self.foreign_participants is not None
            and self.total_participants is not None
            and self.foreign_participants > self.total_participants
        ):
            errors["foreign_participants"] = ERROR_PARTICIPANTS
        if errors:
            raise ValidationError(errors)


class NgoAidProject(Record):
    class Sector(models.TextChoices):
        EDUCATION = "education", "Giáo dục"
        HEALTH = "health", "Y tế"
        LIVELIHOOD = "livelihood", "Sinh kế, giảm nghèo"
        INFRASTRUCTURE = "infrastructure", "Cơ sở hạ tầng"
        ENVIRONMENT = "environment", "Môi trường, ứng phó thiên tai"
        SOCIAL = "social", "Bảo trợ xã hội"
        OTHER = "other", "Khác"

    name = models.CharField("tên dự án, chương trình, khoản viện trợ", max_length=300)
    donor = models.CharField("tổ chức tài trợ", max_length=200)
    donor_country = CountryField("quốc gia của tổ chức")
    sector = models.CharField("lĩnh vực", max_length=16, choices=Sector.choices, default=Sector.OTHER)
    start_date = models.DateField("ngày bắt đầu, tiếp nhận")
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)
    cash_value_vnd = MoneyField("giá trị tiền mặt (đồng)", null=True, blank=True)
    in_kind_items = models.TextField("hàng hóa, hiện vật", blank=True)
    in_kind_value_vnd = MoneyField("giá trị hàng hóa, hiện vật (đồng)", null=True, blank=True)
    beneficiaries = CountField("số người hưởng lợi", null=True, blank=True)
    approval_decision = models.CharField("quyết định phê duyệt", max_length=200, blank=True)

    period_field = "start_date"
    active_until_field = "end_date"

    class Meta:
        verbose_name = "dự án viện trợ phi chính phủ nước ngoài"
        verbose_name_plural = "viện trợ phi chính phủ nước ngoài"
        ordering = ["-start_date", "-id"]

    def __str__(self):
        return f"{self.name} ({self.donor})"

    @property
    def total_value_vnd(self) -> int | None:
        if self.cash_value_vnd is None and self.in_kind_value_vnd is None:
            return None
        return (self.cash_value_vnd or 0) + (self.in_kind_value_vnd or 0)

    def clean(self):
        errors = {}
        _check_span(self.start_date, self.end_date, errors)
        if errors:
            raise ValidationError(errors)


class ForeignResidentCount(Record):
    as_of_date = models.DateField("tại ngày")
    country = CountryField("quốc tịch")
    count = CountField("số người")

    period_field = "as_of_date"

    class Meta:
        verbose_name = "người nước ngoài cư trú"
        verbose_name_plural = "người nước ngoài cư trú"
        ordering = ["-as_of_date", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "as_of_date", "country"],
                name="one_resident_count_per_date",
                violation_error_message=ERROR_DUPLICATE_RESIDENTS,
            )
        ]

    def __str__(self):
        return f"{self.count} người ({self.country})"


class ConsularCase(Record):
    class Kind(models.TextChoices):
        CITIZEN_PROTECTION = "protection", "Bảo hộ công dân"
        ILLEGAL_EXIT = "illegal_exit", "Xuất cảnh trái phép"
        REPATRIATION = "repatriation", "Tiếp nhận công dân trở về"
        FOREIGNER = "foreigner", "Vụ việc liên quan người nước ngoài"
        OTHER = "other", "Khác"

    date = models.DateField("ngày phát sinh")
    kind = models.CharField("loại vụ việc", max_length=16, choices=Kind.choices)
    people_count = CountField("số người liên quan", default=1)
    country = CountryField("quốc gia", blank=True)
    description = models.TextField("nội dung vụ việc")
    outcome = models.TextField("kết quả xử lý", blank=True)

    class Meta:
        verbose_name = "vụ việc lãnh sự, bảo hộ công dân"
        verbose_name_plural = "lãnh sự, bảo hộ công dân"
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.date:%d/%m/%Y})"


class OverseasVietnameseContribution(Record):
    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", "Đóng góp, tài trợ"
        VISIT = "visit", "Về thăm, làm việc"
        CONTACT = "contact", "Liên hệ, hỗ trợ"

    date = models.DateField("ngày")
    kind = models.CharField("hình thức", max_length=16, choices=Kind.choices, default=Kind.CONTRIBUTION)
    contributor = models.CharField("kiều bào, tổ chức", max_length=200)
    country = CountryField("nước sinh sống", blank=True)
    value_vnd = MoneyField("giá trị (đồng)", null=True, blank=True)
    description = models.TextField("nội dung")

    class Meta:
        verbose_name = "hoạt động người Việt Nam ở nước ngoài"
        verbose_name_plural = "người Việt Nam ở nước ngoài"
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.contributor} ({self.get_kind_display()})"


class InformationActivity(Record):
    class Channel(models.TextChoices):
        LOUDSPEAKER = "loudspeaker", "Loa truyền thanh"
        WEBSITE = "website", "Trang thông tin điện tử"
        SOCIAL = "social", "Mạng xã hội"
        MEETING = "meeting", "Hội nghị, sinh hoạt chi bộ, tổ dân phố"
        PRESS = "press", "Báo chí"
        OTHER = "other", "Khác"

    date = models.DateField("ngày")
    channel = models.CharField("hình thức", max_length=16, choices=Channel.choices)
    topic = models.CharField("nội dung tuyên truyền", max_length=300)
    items_count = CountField("số tin, bài, buổi", default=1)
    foreign_press = models.BooleanField("có phóng viên, báo chí nước ngoài", default=False)

    class Meta:
        verbose_name = "hoạt động thông tin đối ngoại"
        verbose_name_plural = "thông tin đối ngoại"
        ordering = ["-date", "-id"]

    def __str__(self):
        return self.topic


class TrainingAttendance(Record):
    title = models.CharField("tên lớp tập huấn, bồi dưỡng", max_length=300)
    organiser = models.CharField("đơn vị tổ chức", max_length=200, blank=True)
    start_date = models.DateField("ngày bắt đầu")
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)
    officials_count = CountField("số cán bộ tham dự")

    period_field = "start_date"

    class Meta:
        verbose_name = "đào tạo, bồi dưỡng"
        verbose_name_plural = "đào tạo, bồi dưỡng"
        ordering = ["-start_date", "-id"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        _check_span(self.start_date, self.end_date, errors)
        if errors:
            raise ValidationError(errors)


class Commendation(Record):
    class Kind(models.TextChoices):
        RECEIVED = "received", "Được tặng"
        PROPOSED = "proposed", "Đề nghị khen thưởng"

    date = models.DateField("ngày")
    kind = models.CharField("loại", max_length=10, choices=Kind.choices, default=Kind.RECEIVED)
    form = models.CharField("hình thức khen thưởng", max_length=200)
    awarding_body = models.CharField("cơ quan, tổ chức trao tặng", max_length=200)
    country = CountryField("quốc gia", blank=True)
    recipient = models.CharField("tập thể, cá nhân được khen", max_length=200)

    class Meta:
        verbose_name = "khen thưởng"
        verbose_name_plural = "khen thưởng"
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.form} — {self.recipient}"


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # A random folder: names stay readable for downloads but cannot be guessed.
    return f"attachments/{instance.unit.code}/{uuid.uuid4().hex}/{Path(filename).name}"


class Attachment(models.Model):
    """A file kept with a record (the invitation letter, a photo); served only through scoped views."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    file = models.FileField("tệp", upload_to=_attachment_path, max_length=300)
    original_name = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("dung lượng")
    mime_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey("people.User", on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"
        indexes = [models.Index(fields=["content_type", "object_id"])]
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name
