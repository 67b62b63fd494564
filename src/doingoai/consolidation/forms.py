"""What the consolidation pages read from the query string, turned into Python values with Vietnamese errors."""

from django import forms

from doingoai.lib.periods import Period

ERROR_UNKNOWN_PERIOD = "Không có kỳ báo cáo «{value}»: hãy chọn một kỳ trong danh sách (ví dụ 2025, 2026H1, 2026Q3)."
ERROR_UNKNOWN_FILTER = "Hãy chọn «Cả báo cáo đã gửi» hoặc «Chỉ báo cáo đã nhận»."

SUBMITTED_TOO, ACCEPTED_ONLY = "da-gui", "da-nhan"
FILTERS = (
    (SUBMITTED_TOO, "Cả báo cáo đã gửi"),
    (ACCEPTED_ONLY, "Chỉ báo cáo đã nhận"),
)


class SumsForm(forms.Form):
    """``?ky=2026H1&bao_cao=da-nhan``: the period (absent: the page's default) and which reports count.

    >>> form = SumsForm({"ky": "2026h1", "bao_cao": "da-nhan"}, default_period=Period(2025))
    >>> form.is_valid(), form.period.label, form.accepted_only
    (True, '6 tháng đầu năm 2026', True)
    """

    ky = forms.CharField(label="Kỳ báo cáo", required=False, max_length=20)
    bao_cao = forms.ChoiceField(
        label="Tính số liệu của",
        choices=FILTERS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": ERROR_UNKNOWN_FILTER},
    )

    def __init__(self, data=None, *, default_period: Period, periods: list[Period] = ()):
        super().__init__(data)
        self.default_period = default_period
        self.periods = periods

    def clean_ky(self) -> Period:
        value = self.cleaned_data["ky"].strip()
        if not value:
            return self.default_period
        try:
            return Period.parse(value)
        except ValueError:
            raise forms.ValidationError(ERROR_UNKNOWN_PERIOD.format(value=value), code="invalid") from None

    @property
    def period(self) -> Period:
        return self.cleaned_data["ky"]

    @property
    def accepted_only(self) -> bool:
        return self.cleaned_data.get("bao_cao") == ACCEPTED_ONLY

    @property
    def period_choices(self) -> list[tuple[str, str, bool]]:
        """(code, label, selected) for the picker: the usual periods, and the one asked for if it is not among them."""
        chosen = self.cleaned_data.get("ky") if self.is_bound and not self.errors else self.default_period
        periods = sorted({*self.periods, chosen}, key=lambda p: (p.window[1], p.kind == "year"), reverse=True)
        return [(p.code, p.label, p == chosen) for p in periods]

    @property
    def filter_choices(self) -> list[tuple[str, str, bool]]:
        chosen = ACCEPTED_ONLY if self.is_bound and not self.errors and self.accepted_only else SUBMITTED_TOO
        return [(code, label, code == chosen) for code, label in FILTERS]
