from django.db import models
from simple_history.models import HistoricalRecords

from doingoai.lib.text import fold


class Unit(models.Model):
    """An administrative unit of today: a province/city or a commune (xã, phường, đặc khu).

    Units and their national codes come from ``vietnamadminunits`` (see
    ``units_sync``). Province and commune codes live in different series and may
    coincide, so each is unique only within its kind.
    """

    class Level(models.TextChoices):
        PROVINCE = "tinh", "Tỉnh, thành phố"
        COMMUNE = "xa", "Xã"
        WARD = "phuong", "Phường"
        SPECIAL_ZONE = "dac_khu", "Đặc khu"

    class Receiver(models.TextChoices):
        FOREIGN_AFFAIRS_DEPARTMENT = "so_ngoai_vu", "Sở Ngoại vụ"
        PROVINCIAL_OFFICE = "van_phong_ubnd", "Văn phòng UBND tỉnh"

    COMMUNE_LEVELS = (Level.COMMUNE, Level.WARD, Level.SPECIAL_ZONE)

    code = models.PositiveIntegerField("mã")
    level = models.CharField("cấp", max_length=8, choices=Level.choices)
    name = models.CharField("tên", max_length=120)  # "Phường Đức Phổ"; a province "Quảng Ngãi", a city "Thành phố Huế"
    short_name = models.CharField("tên ngắn", max_length=120)  # "Đức Phổ"
    search_name = models.CharField(max_length=120, db_index=True, editable=False)
    province = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="communes", verbose_name="tỉnh"
    )
    is_city = models.BooleanField("thành phố trực thuộc trung ương", default=False)
    receiver = models.CharField(
        "cơ quan nhận báo cáo",
        max_length=16,
        choices=Receiver.choices,
        default=Receiver.FOREIGN_AFFAIRS_DEPARTMENT,
        help_text="Tỉnh có Sở Ngoại vụ nhận báo cáo qua Sở; tỉnh khác qua Văn phòng UBND tỉnh.",
    )
    is_border = models.BooleanField("xã biên giới", default=False)
    is_active = models.BooleanField("đang hoạt động", default=True)
    # A commune merged into another: its reports count for the unit it became.
    successor = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="sáp nhập vào"
    )

    history = HistoricalRecords(excluded_fields=["search_name"])

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=models.Q(level="tinh"), name="unique_province_code"),
            models.UniqueConstraint(fields=["code"], condition=~models.Q(level="tinh"), name="unique_commune_code"),
        ]

    def __str__(self) -> str:
        return self.name if self.is_province else f"{self.name}, {self.province.name}"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def is_province(self) -> bool:
        return self.level == self.Level.PROVINCE

    @property
    def official_name(self) -> str:
        """ "Tỉnh Quảng Ngãi", "Thành phố Hải Phòng", "Phường Đức Phổ"."""
        if self.is_province and not self.is_city and not self.name.startswith("Tỉnh "):
            return f"Tỉnh {self.name}"
        return self.name

    @property
    def level_word(self) -> str:
        """ "xã", "phường", "đặc khu", "tỉnh", "thành phố" as a sentence uses it."""
        if self.is_province:
            return "thành phố" if self.is_city else "tỉnh"
        return self.get_level_display().lower()

    @property
    def current(self) -> "Unit":
        """The unit of today this one became (itself when it was never merged)."""
        unit, seen = self, set()
        while unit.successor_id and unit.pk not in seen:
            seen.add(unit.pk)
            unit = unit.successor
        return unit

    @property
    def province_unit(self) -> "Unit":
        return self if self.is_province else self.province
