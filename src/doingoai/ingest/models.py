"""Ingest: existing reports (Word, PDF, scans) read into reports, reviewed and confirmed.

A *batch* is one upload (a file, several files or a .zip) or one CLI run; each
file in it is a *document*, kept with what the reader made of it and the
report it was stored as. An officer's fixes to what was read are kept as
*corrections*: training data for the reader, exportable as JSON lines.

Who may see a batch, a document or a correction is decided by ``owner_unit``:
the unit of the person who uploaded it (a province or a commune).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from doingoai.lib.periods import Period


def _document_path(instance, filename: str) -> str:
    # The stored name carries no part of the original (a name may hold anything); it is kept in original_name.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"ingest/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Batch(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ đọc"
        RUNNING = "running", "Đang đọc"
        DONE = "done", "Đã đọc xong"

    class Source(models.TextChoices):
        WEB = "web", "Tải lên trên trang"
        API = "api", "API"
        CLI = "cli", "Dòng lệnh"

    owner_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="đơn vị tải lên"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người tải lên",
    )
    source = models.CharField("cách tải", max_length=4, choices=Source.choices, default=Source.WEB)
    period = models.CharField("kỳ mặc định", max_length=8, blank=True)  # applies where a document states none
    status = models.CharField("trạng thái", max_length=8, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField("số tệp", default=0)
    processed = models.PositiveIntegerField("đã đọc", default=0)
    created_at = models.DateTimeField("ngày tải lên", auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "lô tệp đọc báo cáo"
        verbose_name_plural = "lô tệp đọc báo cáo"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Lô {self.pk} ({self.total} tệp)"

    @property
    def period_obj(self) -> Period | None:
        return Period.parse(self.period) if self.period else None

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.processed / self.total)


class Document(models.Model):
    """One file of a batch: the file, what was read from it, and the report it became."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Đang chờ đọc"
        READ = "read", "Đã đọc"
        UNASSIGNED = "unassigned", "Chưa xác định đơn vị hoặc kỳ"
        UNREADABLE = "unreadable", "Không đọc được"
        KEPT = "kept", "Đã có bản xác nhận: giữ bản cũ"
        REPLACED = "replaced", "Đã thay bằng bản đọc sau"

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="documents")
    owner_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="đơn vị tải lên"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người tải lên",
    )
    file = models.FileField("tệp gốc", upload_to=_document_path, max_length=300, blank=True)
    original_name = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("dung lượng", default=0)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    kind = models.CharField("loại tệp", max_length=8, blank=True)  # txt, md, docx, doc, pdf, ocr
    outcome = models.CharField("kết quả", max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    message = models.TextField("thông báo", blank=True)
    period_requested = models.CharField("kỳ đã chọn", max_length=8, blank=True)
    period_stated = models.CharField("kỳ văn bản ghi", max_length=8, blank=True)
    period_differs = models.BooleanField("kỳ khác kỳ đã chọn", default=False)
    report = models.ForeignKey(
        "reports.Report",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingest_documents",
        verbose_name="báo cáo",
    )
    contract = models.JSONField("kết quả đọc", default=dict, blank=True)  # the reader's output as read, never edited
    text = models.TextField("nội dung văn bản", blank=True)  # what the review screen shows beside the result
    created_at = models.DateTimeField("ngày tải lên", auto_now_add=True)
    read_at = models.DateTimeField("ngày đọc", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["contract", "text"])

    class Meta:
        verbose_name = "văn bản đọc từ tệp"
        verbose_name_plural = "văn bản đọc từ tệp"
        ordering = ["batch", "id"]

    def __str__(self):
        return self.original_name

    @property
    def needs_placing(self) -> bool:
        """Read, but the officer must still say whose report it is, or for which period."""
        report = self.report
        return report is not None and (report.unit_id is None or not report.period)

    @property
    def is_confirmed(self) -> bool:
        from doingoai.reports.models import Report

        return self.report is not None and self.report.status == Report.Status.CONFIRMED

    @property
    def stated_period_label(self) -> str:
        return Period.parse(self.period_stated).label if self.period_stated else ""

    @property
    def requested_period_label(self) -> str:
        return Period.parse(self.period_requested).label if self.period_requested else ""


class Correction(models.Model):
    """An officer's fix to what the reader read: who, when, which field, old and new value, the evidence."""

    class Field(models.TextChoices):
        UNIT = "unit", "Đơn vị"
        PERIOD = "period", "Kỳ báo cáo"
        SECTION_CODE = "section_code", "Mã mục"
        FACT_VALUE = "fact_value", "Giá trị chỉ tiêu"
        FACT_ADDED = "fact_added", "Thêm chỉ tiêu còn thiếu"

    owner_unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="corrections")
    report = models.ForeignKey("reports.Report", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    field = models.CharField("nội dung sửa", max_length=16, choices=Field.choices)
    target = models.CharField("mục, chỉ tiêu", max_length=500, blank=True)  # an indicator code or a section heading
    old_value = models.JSONField("giá trị đọc được", null=True, blank=True)  # None: not stated / not read
    new_value = models.JSONField("giá trị sửa", null=True, blank=True)
    evidence = models.TextField("căn cứ trong văn bản", blank=True)
    source_name = models.CharField("tên tệp", max_length=255, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người sửa",
    )
    at = models.DateTimeField("lúc", default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "sửa kết quả đọc"
        verbose_name_plural = "sửa kết quả đọc"
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_field_display()} {self.target}: {self.old_value} → {self.new_value}"
