import hashlib
import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from doingoai.lib.catalogues import ROLES


class Organisation(models.Model):
    """The body that issues documents, kept apart from the unit it serves.

    A commune is served by its Ủy ban nhân dân; a province receives reports
    through its Sở Ngoại vụ or, where it has none, the Văn phòng UBND tỉnh.
    The header lines are what an official document prints in its top-left cell.
    """

    class Kind(models.TextChoices):
        COMMUNE_COMMITTEE = "ubnd_xa", "Ủy ban nhân dân xã, phường, đặc khu"
        FOREIGN_AFFAIRS_DEPARTMENT = "so_ngoai_vu", "Sở Ngoại vụ"
        PROVINCIAL_OFFICE = "van_phong_ubnd", "Văn phòng UBND tỉnh"
        PROVINCIAL_COMMITTEE = "ubnd_tinh", "Ủy ban nhân dân tỉnh"
        MINISTRY = "bo_ngoai_giao", "Bộ Ngoại giao"

    # None only for the ministry: it serves the nation, no unit below it.
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name="đơn vị",
    )
    kind = models.CharField("loại cơ quan", max_length=16, choices=Kind.choices)
    name = models.CharField("tên đầy đủ", max_length=200)  # "Ủy ban nhân dân phường Đức Phổ"
    header_parent = models.CharField(
        "cơ quan chủ quản (dòng trên)", max_length=120, blank=True
    )  # "UBND TỈNH QUẢNG NGÃI"
    header_name = models.CharField("tên cơ quan trên văn bản", max_length=200)  # "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC PHỔ"
    symbol = models.CharField("chữ viết tắt trong ký hiệu", max_length=20)  # "UBND" in "05/BC-UBND"
    is_active = models.BooleanField("đang hoạt động", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        constraints = [models.UniqueConstraint(fields=["unit", "kind"], name="one_organisation_per_kind")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_commune(self) -> bool:
        return self.kind == self.Kind.COMMUNE_COMMITTEE

    @property
    def is_ministry(self) -> bool:
        return self.kind == self.Kind.MINISTRY


class User(AbstractUser):
    """A person with one organisation and one role."""

    class Role(models.TextChoices):
        COMMUNE_OFFICER = "commune_officer", "Cán bộ xã"
        COMMUNE_LEADER = "commune_leader", "Lãnh đạo xã"
        PROVINCE_OFFICER = "province_officer", "Cán bộ tỉnh"
        PROVINCE_LEADER = "province_leader", "Lãnh đạo tỉnh"
        ADMINISTRATOR = "administrator", "Quản trị"
        MINISTRY_OFFICER = "ministry_officer", "Cán bộ Bộ Ngoại giao"

    class Position(models.TextChoices):
        CHAIR = "chu_tich", "Chủ tịch"
        VICE_CHAIR = "pho_chu_tich", "Phó Chủ tịch"
        DIRECTOR = "giam_doc", "Giám đốc"
        DEPUTY_DIRECTOR = "pho_giam_doc", "Phó Giám đốc"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name="cơ quan"
    )
    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.COMMUNE_OFFICER)
    full_name = models.CharField("họ và tên", max_length=120, blank=True)
    position = models.CharField("chức vụ", max_length=16, choices=Position.choices, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def unit(self):
        return self.organisation.unit if self.organisation_id else None

    @property
    def province(self):
        unit = self.unit
        return unit.province_unit if unit else None

    @property
    def is_commune_user(self) -> bool:
        return self.role in (self.Role.COMMUNE_OFFICER, self.Role.COMMUNE_LEADER) and self.unit is not None

    @property
    def is_leader(self) -> bool:
        """A leader who approves the reports of his own unit: a commune's or a province's."""
        return self.role in (self.Role.COMMUNE_LEADER, self.Role.PROVINCE_LEADER)

    @property
    def is_province_officer(self) -> bool:
        return self.role == self.Role.PROVINCE_OFFICER

    @property
    def is_administrator(self) -> bool:
        return self.role == self.Role.ADMINISTRATOR or self.is_superuser

    @property
    def is_province_user(self) -> bool:
        """A province officer, leader or administrator, attached to a province: works on the province's side."""
        province_role = self.role in (self.Role.PROVINCE_OFFICER, self.Role.PROVINCE_LEADER) or self.is_administrator
        return province_role and self.province is not None

    @property
    def is_ministry_user(self) -> bool:
        """An officer of the Bộ Ngoại giao: the provinces send their synthesis reports up to him."""
        return self.role == self.Role.MINISTRY_OFFICER and self.organisation_id is not None

    @property
    def can_edit_records(self) -> bool:
        return self.is_commune_user

    @property
    def can_read_audit(self) -> bool:
        return self.role == self.Role.COMMUNE_LEADER or self.is_administrator


assert {r.code for r in ROLES} == set(User.Role.values), "roles are declared once in lib.catalogues"


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the token is shown once."""

    PREFIX = "dng_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("tên", max_length=80, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)  # the first characters, to tell tokens apart
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["key_hash", "last_used_at"])

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"

    def __str__(self) -> str:
        return f"{self.hint}… ({self.user})"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def new_raw_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)
