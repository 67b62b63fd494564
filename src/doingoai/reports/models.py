"""Reports: a unit's report for a period, its sections and its indicator values.

One model serves both ways a report comes to exist: composed from the
commune's records (then edited, approved and submitted), or read from an
existing Word/PDF file (then reviewed and confirmed by an officer). Either
way the province counts only its indicator values, each of which says where
it came from: a record, a sentence read from a file, or an officer's correction.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from doingoai.lib.catalogues import INDICATORS, SECTIONS
from doingoai.lib.periods import Period

SECTION_CHOICES = [(s.code, s.label) for s in SECTIONS]
INDICATOR_CHOICES = [(i.code, i.label) for i in INDICATORS]


class Outline(models.Model):
    """An outline (đề cương): which sections a report has, with their headings, order and levels.

    ``items`` is a list of ``{"code", "heading", "level"}``; a level-1 item
    with code "other" and no text is a container ("III. KẾT QUẢ ...").
    A province may define its own; the default follows shared/domain.md.
    """

    province = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="outlines", verbose_name="tỉnh"
    )
    name = models.CharField("tên đề cương", max_length=200)
    items = models.JSONField("các mục", default=list)
    ngo_annex = models.BooleanField("kèm phụ lục viện trợ PCPNN", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "đề cương báo cáo"
        verbose_name_plural = "đề cương báo cáo"

    def __str__(self):
        return self.name


class ReportRequest(models.Model):
    """A province's request for reports (Công văn số 1070/SNV-HCTH ngày 11/11/2025 ...).

    Issued by a province officer to its communes, or typed by a commune officer
    from the letter received (then ``entered_by_unit`` is that commune).
    """

    province = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="report_requests", verbose_name="tỉnh"
    )
    entered_by_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="xã tự nhập"
    )
    number = models.CharField("số, ký hiệu", max_length=60)  # "1070/SNV-HCTH"
    date = models.DateField("ngày ban hành")
    issuer = models.CharField("cơ quan ban hành", max_length=200)  # "Sở Ngoại vụ tỉnh Quảng Ngãi"
    subject = models.CharField("về việc", max_length=300, blank=True)
    period = models.CharField("kỳ báo cáo", max_length=8)  # Period code
    window_start = models.DateField("số liệu từ ngày")
    window_end = models.DateField("số liệu đến ngày")
    deadline = models.DateField("hạn gửi")
    outline = models.ForeignKey(Outline, on_delete=models.PROTECT, null=True, blank=True, verbose_name="đề cương")
    communes = models.ManyToManyField(
        "units.Unit", blank=True, related_name="received_requests", verbose_name="gửi các xã"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[communes])

    class Meta:
        verbose_name = "văn bản đề nghị báo cáo"
        verbose_name_plural = "văn bản đề nghị báo cáo"
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"Công văn số {self.number} ngày {self.date:%d/%m/%Y}"

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)

    @property
    def basis_sentence(self) -> str:
        """ "Thực hiện Công văn số 1070/SNV-HCTH ngày 11/11/2025 của Sở Ngoại vụ tỉnh Quảng Ngãi về việc ..." """
        sentence = f"Thực hiện Công văn số {self.number} ngày {self.date:%d/%m/%Y} của {self.issuer}"
        subject = self.subject.strip().rstrip(".;,")
        if subject and not subject.lower().startswith("về việc"):
            subject = f"về việc {subject[0].lower()}{subject[1:]}"
        return f"{sentence} {subject}" if subject else sentence

    @property
    def window(self) -> tuple:
        return self.window_start, self.window_end


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Đang soạn"
        PENDING = "pending", "Chờ lãnh đạo duyệt"
        RETURNED = "returned", "Lãnh đạo trả lại"
        APPROVED = "approved", "Đã duyệt"
        SUBMITTED = "submitted", "Đã gửi tỉnh"
        ACCEPTED = "accepted", "Tỉnh đã nhận"
        REJECTED = "rejected", "Tỉnh trả lại"
        READ = "read", "Đã đọc từ tệp, chờ xác nhận"
        CONFIRMED = "confirmed", "Đã xác nhận"

    class Origin(models.TextChoices):
        COMPOSED = "composed", "Soạn trên doingoai"
        INGESTED = "ingested", "Đọc từ tệp"

    # Named groups of statuses; the transitions between them are in services/workflow.py.
    # Drafting: the unit's own people may change text and figures.
    Status.EDITABLE = (Status.DRAFT, Status.RETURNED, Status.REJECTED)
    # Text and figures frozen.
    Status.LOCKED = (Status.APPROVED, Status.SUBMITTED, Status.ACCEPTED)
    # The level above has it and may read it.
    Status.RECEIVED = (Status.SUBMITTED, Status.ACCEPTED, Status.REJECTED, Status.CONFIRMED)
    # Sent and not returned: the level above counts its figures; the board shows it as done.
    Status.COUNTED = (Status.SUBMITTED, Status.ACCEPTED, Status.CONFIRMED)
    # The document carries its number and date.
    Status.NUMBERED = (Status.APPROVED, Status.SUBMITTED, Status.ACCEPTED, Status.REJECTED)
    # Figures final: the last word of the unit for its period.
    Status.FINAL = (Status.APPROVED, Status.SUBMITTED, Status.ACCEPTED, Status.CONFIRMED)

    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="reports", verbose_name="đơn vị"
    )  # null: an ingested document whose unit could not be resolved, waiting for an officer to place it
    period = models.CharField("kỳ báo cáo", max_length=8, blank=True)  # Period code; blank when unknown
    origin = models.CharField("nguồn", max_length=10, choices=Origin.choices, default=Origin.COMPOSED)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    request = models.ForeignKey(ReportRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports")
    outline = models.ForeignKey(Outline, on_delete=models.PROTECT, null=True, blank=True)

    # What the document prints (shared/domain.md meta).
    summary = models.CharField("trích yếu", max_length=400, blank=True)
    basis = models.TextField("căn cứ (Thực hiện Công văn ...)", blank=True)
    closing = models.TextField("câu kết", blank=True)
    doc_number = models.PositiveIntegerField("số", null=True, blank=True)
    doc_symbol = models.CharField("ký hiệu", max_length=40, blank=True)  # "BC-UBND"
    issued_place = models.CharField("địa danh", max_length=120, blank=True)
    issued_date = models.DateField("ngày ban hành", null=True, blank=True)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True)  # "Phó Chủ tịch"
    signer_authority = models.CharField("thẩm quyền ký", max_length=4, blank=True)  # "TM", "KT" or ""
    recipients = models.JSONField("nơi nhận", default=list, blank=True)
    meta = models.JSONField("thông tin khác", default=dict, blank=True)  # what a reader found beyond the fields above

    # Ingested documents.
    source_file = models.FileField("tệp gốc", upload_to="reports/sources/%Y/%m/", max_length=300, blank=True)
    source_name = models.CharField("tên tệp gốc", max_length=255, blank=True)
    notes = models.TextField("ghi chú", blank=True)

    # Optimistic locking: every saved change increments it; a stale editor is told, not overwritten.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-updated_at"]
        constraints = [
            # One report of each origin per unit and period: the composed one, and at most
            # one read from a file (re-ingesting replaces it).
            models.UniqueConstraint(
                fields=["unit", "period", "origin"],
                condition=models.Q(unit__isnull=False) & ~models.Q(period=""),
                name="one_report_per_unit_period_origin",
            ),
        ]
        indexes = [
            # consolidation: a province's communes' reports of a period, the country's reports of a period
            models.Index(fields=["unit", "period"], name="report_unit_period"),
            models.Index(fields=["period", "status"], name="report_period_status"),
        ]

    def __str__(self):
        unit = self.unit.name if self.unit_id else "Chưa xác định đơn vị"
        return f"Báo cáo {self.period_label} — {unit}"

    @property
    def period_obj(self) -> Period | None:
        return Period.parse(self.period) if self.period else None

    @property
    def period_label(self) -> str:
        period = self.period_obj
        return period.phrase if period else "(chưa rõ kỳ)"

    @property
    def is_locked(self) -> bool:
        return self.status in self.Status.LOCKED

    @property
    def counts_for_province(self) -> bool:
        return self.status in self.Status.RECEIVED

    @property
    def number_text(self) -> str:
        """ "05/BC-UBND" — numbers below 10 take a leading zero (Nghị định 30, PL I §II.3)."""
        if self.doc_number is None:
            return f"/{self.doc_symbol}" if self.doc_symbol else ""
        return f"{self.doc_number:02d}/{self.doc_symbol}" if self.doc_symbol else f"{self.doc_number:02d}"

    def fix_number(self, *, number: int, symbol: str, date) -> None:
        """Approval gives the document its number and date together (Nghị định 30, Điều 15)."""
        self.doc_number = number
        self.doc_symbol = symbol
        self.issued_date = date


class ReportSection(models.Model):
    """One section of a report, in document order.

    ``generated_text`` keeps what the composer last wrote, so recomposing can
    tell the officer's edits (text != generated_text) from untouched drafts.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    code = models.CharField("mã mục", max_length=32, choices=SECTION_CHOICES)
    also = models.JSONField("cũng thuộc các mục", default=list, blank=True)
    heading = models.CharField("đề mục", max_length=500)
    level = models.PositiveSmallIntegerField("cấp", default=1)
    is_group = models.BooleanField("đề mục nhóm", default=False)  # "III. KẾT QUẢ ...": a heading over sub-sections
    text = models.TextField("nội dung", blank=True)
    generated_text = models.TextField(blank=True)
    # What recomposing drafted while the officer's edit stood: offered, never applied without asking.
    proposed_text = models.TextField("bản soạn mới chờ chọn", blank=True)
    draft_source = models.CharField("nguồn bản soạn", max_length=10, blank=True)  # records, previous, template
    # Optimistic locking per section: two tabs editing different sections never conflict.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["version", "generated_text", "proposed_text"])

    class Meta:
        verbose_name = "mục báo cáo"
        verbose_name_plural = "mục báo cáo"
        ordering = ["report", "position"]
        constraints = [models.UniqueConstraint(fields=["report", "position"], name="one_section_per_position")]

    def __str__(self):
        return self.heading

    @property
    def edited(self) -> bool:
        return self.text.strip() != self.generated_text.strip()


class IndicatorValue(models.Model):
    """A catalogue indicator stated by a report: a number, an explicit zero, or not stated (value None).

    A province sums these. ``source`` says where the value came from and
    ``evidence`` keeps the sentence (or the records) behind it.
    """

    class Source(models.TextChoices):
        RECORDS = "records", "Từ ghi chép"
        TEXT = "text", "Đọc từ văn bản"
        CORRECTION = "correction", "Cán bộ sửa"
        # A province's report: the sum of its communes' values (consolidation/services/synthesis.py).
        CONSOLIDATED = "consolidated", "Tổng hợp từ báo cáo các xã"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.CharField("chỉ tiêu", max_length=40, choices=INDICATOR_CHOICES)
    value = models.BigIntegerField("giá trị", null=True, blank=True)  # None: the report does not state it
    section = models.CharField("mục", max_length=32, blank=True)
    evidence = models.TextField("căn cứ", blank=True)
    source = models.CharField("nguồn", max_length=12, choices=Source.choices, default=Source.TEXT)
    estimate = models.BooleanField("ước đến hết kỳ", default=False)
    as_of = models.DateField("tại ngày", null=True, blank=True)  # a stock's cut-off date
    corrected_from = models.BigIntegerField("giá trị trước khi sửa", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu báo cáo"
        verbose_name_plural = "chỉ tiêu báo cáo"
        ordering = ["report", "indicator"]
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")]

    def __str__(self):
        return f"{self.get_indicator_display()}: {'không nêu' if self.value is None else self.value}"


class ReportVersion(models.Model):
    """A saved state of a report's text, to compare and restore.

    A version kept by a workflow step (sent to the leader, approved, sent to the
    province) points at that step's event: the level above sees a version only
    through the event of sending it (services/access.py).
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()  # {"meta": {...}, "sections": [{"code", "heading", "level", "text"}]}
    note = models.CharField(max_length=200, blank=True)
    event = models.OneToOneField(
        "ReportEvent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="version",
        verbose_name="bước xử lý",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="one_version_number")]


class ReportEvent(models.Model):
    """The report's workflow: submitted, returned with a comment, approved, sent, accepted."""

    class Action(models.TextChoices):
        SUBMITTED_FOR_APPROVAL = "to_leader", "Gửi lãnh đạo duyệt"
        RETURNED = "returned", "Lãnh đạo trả lại"
        APPROVED = "approved", "Lãnh đạo duyệt"
        SUBMITTED = "submitted", "Gửi tỉnh"
        ACCEPTED = "accepted", "Tỉnh nhận"
        REJECTED = "rejected", "Tỉnh trả lại"
        CONFIRMED = "confirmed", "Xác nhận số liệu đọc từ tệp"
        REMINDED = "reminded", "Tỉnh nhắc gửi báo cáo"
        COMPOSED = "composed", "Soạn từ ghi chép"
        RESTORED = "restored", "Khôi phục phiên bản"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=12, choices=Action.choices)
    comment = models.TextField("ý kiến", blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()  # the audit log reads workflow steps from here

    class Meta:
        verbose_name = "bước xử lý báo cáo"
        verbose_name_plural = "bước xử lý báo cáo"
        ordering = ["report", "at", "id"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.report}"


class ReportSeen(models.Model):
    """What a person last saw of a report, so that the leader sees what changed since."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content = models.JSONField()  # {"sections": [...]} as report_snapshot keeps it
    at = models.DateTimeField(default=timezone.now)
    # The state before the last change this person saw: the page keeps showing that change on reload.
    before = models.JSONField(null=True, blank=True)
    before_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "user"], name="one_seen_per_report_user")]


class RenderJob(models.Model):
    """Rendering many reports into one zip in the background, with its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang trình bày"
        DONE = "done", "Xong"
        FAILED = "failed", "Lỗi"

    province = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(
        ReportRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="render_jobs"
    )
    report_ids = models.JSONField(default=list)
    with_pdf = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="reports/renders/%Y/%m/", max_length=300, blank=True)
    errors = models.JSONField(default=list, blank=True)  # ["Xã X: message", ...]
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class NumberRegister(models.Model):
    """The unit's register of document numbers for a year (Nghị định 30 Điều 15: restarts each 1 January)."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_register_per_unit_year")]


class RequestReminder(models.Model):
    """The province reminding a commune that has not yet sent its report for a request."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    day = models.DateField()  # at most one reminder a day
    at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "-at"]
        constraints = [models.UniqueConstraint(fields=["request", "unit", "day"], name="one_reminder_a_day")]
        verbose_name = "nhắc gửi báo cáo"
        verbose_name_plural = "nhắc gửi báo cáo"
