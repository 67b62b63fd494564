"""Report forms: what officers type, turned into Python values with Vietnamese errors."""

from django import forms

from doingoai.consolidation.services.requests import ERROR_DEADLINE, ERROR_WINDOW
from doingoai.lib.catalogues import INDICATORS, SECTIONS
from doingoai.lib.formfields import ERROR_REQUIRED, VNDateField, VNIntegerField
from doingoai.lib.periods import ERROR_PERIOD, Period
from doingoai.reports.services.workflow import ERROR_COMMENT_REQUIRED, ERROR_REASON_REQUIRED
from doingoai.units.models import Unit

from .models import Outline

ERROR_VERSION = "Thiếu số phiên bản của nội dung: hãy tải lại trang."


class PeriodField(forms.CharField):
    """ "2026H1", "2025", "2026Q3" (or a label picked from a list) → Period."""

    default_error_messages = {"required": ERROR_REQUIRED, "invalid": ERROR_PERIOD}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Period.parse(value)
        except ValueError:
            raise forms.ValidationError(ERROR_PERIOD, code="invalid") from None


class ComposeForm(forms.Form):
    period = PeriodField(label="Kỳ báo cáo")
    request = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SynthesisForm(forms.Form):
    """The province's report: a period, or the Công văn whose communes it sums; received or accepted reports."""

    period = PeriodField(label="Kỳ báo cáo", required=False)
    request = forms.IntegerField(required=False, widget=forms.HiddenInput)
    accepted_only = forms.BooleanField(label="Chỉ tính các báo cáo đã tiếp nhận", required=False)

    def clean(self):
        data = super().clean()
        if not data.get("period") and not data.get("request") and not self.errors:
            raise forms.ValidationError(ERROR_SYNTHESIS_PERIOD)
        return data


ERROR_SYNTHESIS_PERIOD = "Hãy chọn kỳ báo cáo (hoặc Công văn đề nghị báo cáo) cần tổng hợp."


class SectionForm(forms.Form):
    text = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    version = forms.IntegerField(min_value=1, error_messages={"required": ERROR_VERSION, "invalid": ERROR_VERSION})


class ChoiceForm(forms.Form):
    choice = forms.ChoiceField(choices=(("proposed", "Dùng bản soạn mới"), ("mine", "Giữ bản của tôi")))


class MetaForm(forms.Form):
    summary = forms.CharField(label="Trích yếu (dòng dưới chữ BÁO CÁO)", max_length=400, required=False)
    basis = forms.CharField(
        label="Câu mở đầu (Thực hiện Công văn số …)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    closing = forms.CharField(label="Câu kết", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    recipients = forms.CharField(
        label="Nơi nhận (mỗi dòng một nơi)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text='Dòng cuối thường là "Lưu: VT".',
    )
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput, error_messages={"required": ERROR_VERSION})

    def clean_recipients(self):
        return [line for line in self.cleaned_data["recipients"].splitlines() if line.strip()]


class IndicatorForm(forms.Form):
    indicator = forms.ChoiceField(choices=[(i.code, i.label) for i in INDICATORS])
    value = VNIntegerField(label="Giá trị", required=False, help_text="Để trống nếu báo cáo không nêu chỉ tiêu này.")


class ApproveForm(forms.Form):
    number = forms.CharField(
        label="Số văn bản (để trống: lấy số tiếp theo của sổ)",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8, "autocomplete": "off"}),
    )
    date = VNDateField(label="Ngày ban hành (để trống: hôm nay)", required=False)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Lý do trả lại (một dòng)",
        max_length=300,
        error_messages={"required": ERROR_COMMENT_REQUIRED},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label="Lý do trả lại", max_length=500, error_messages={"required": ERROR_REASON_REQUIRED})


class RequestForm(forms.Form):
    number = forms.CharField(label="Số, ký hiệu văn bản", max_length=60, help_text="Ví dụ: 1070/SNgV-HCTH")
    date = VNDateField(label="Ngày ban hành")
    issuer = forms.CharField(label="Cơ quan ban hành", max_length=200)
    subject = forms.CharField(label="Về việc", max_length=300, required=False)
    period = PeriodField(label="Kỳ báo cáo", help_text="Ví dụ: 2026H1 (6 tháng đầu năm 2026), 2025 (năm 2025).")
    window_start = VNDateField(label="Số liệu từ ngày", required=False, help_text="Để trống: theo Nghị định 09/2019.")
    window_end = VNDateField(label="Số liệu đến ngày", required=False)
    deadline = VNDateField(label="Hạn gửi báo cáo")
    outline = forms.ModelChoiceField(
        label="Đề cương", queryset=Outline.objects.none(), required=False, empty_label="Đề cương mặc định"
    )
    all_communes = forms.BooleanField(label="Gửi tất cả xã, phường, đặc khu của tỉnh", required=False, initial=True)
    communes = forms.ModelMultipleChoiceField(
        label="Hoặc chọn từng xã, phường",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, province=None, for_commune=False, **kwargs):
        super().__init__(*args, **kwargs)
        if province is not None:
            self.fields["outline"].queryset = Outline.objects.filter(province=province).order_by("name")
            self.fields["communes"].queryset = Unit.objects.filter(province=province, is_active=True).order_by("name")
        for field in self.fields.values():
            if field.required:
                field.error_messages["required"] = ERROR_REQUIRED
        if for_commune:
            for name in ("outline", "all_communes", "communes"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("deadline") and data["deadline"] < data["date"]:
            self.add_error("deadline", ERROR_DEADLINE)
        if data.get("window_start") and data.get("window_end") and data["window_end"] < data["window_start"]:
            self.add_error("window_end", ERROR_WINDOW)
        return data


LEVELS = ((1, "I."), (2, "1."), (3, "a)"))


class OutlineForm(forms.Form):
    """The outline editor: one row per catalogue section plus group headings, each with its order."""

    name = forms.CharField(label="Tên đề cương", max_length=200)
    ngo_annex = forms.BooleanField(label="Kèm phụ lục bảng viện trợ phi chính phủ nước ngoài", required=False)

    GROUP_ROWS = 3

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        items = list(items or [])
        rows = []
        by_code = {}
        for position, item in enumerate(items, start=1):
            by_code.setdefault(item["code"], []).append((position, item))
        index = 0
        groups = [(p, i) for p, i in by_code.get("other", []) if i.get("group")]
        for section in SECTIONS:
            if section.code == "other":
                continue
            found = next(iter(by_code.get(section.code, [])), None)
            rows.append(self._row(index, section.code, section.label, found, group=False))
            index += 1
        for slot in range(max(self.GROUP_ROWS, len(groups))):
            found = groups[slot] if slot < len(groups) else None
            rows.append(self._row(index, "other", "Đề mục nhóm (không có nội dung riêng)", found, group=True))
            index += 1
        self.rows = rows

    def _row(self, index, code, label, found, *, group):
        prefix = f"r{index}"
        position, item = found if found else (None, None)
        self.fields[f"{prefix}_use"] = forms.BooleanField(required=False, initial=item is not None, label=label)
        self.fields[f"{prefix}_order"] = forms.IntegerField(
            required=False, initial=position, min_value=1, label="Thứ tự"
        )
        self.fields[f"{prefix}_level"] = forms.TypedChoiceField(
            choices=LEVELS,
            coerce=int,
            required=False,
            empty_value=1,
            initial=(item or {}).get("level", 1 if group else 2),
            label="Cấp",
        )
        self.fields[f"{prefix}_heading"] = forms.CharField(
            required=False, initial=(item or {}).get("heading", "" if group else label), label="Đề mục", max_length=300
        )
        return {"prefix": prefix, "code": code, "group": group, "label": label}

    def items(self) -> list[dict]:
        chosen = []
        for fallback, row in enumerate(self.rows):
            p = row["prefix"]
            if not self.cleaned_data.get(f"{p}_use"):
                continue
            order = self.cleaned_data.get(f"{p}_order") or 1000 + fallback
            chosen.append(
                (
                    order,
                    fallback,
                    {
                        "code": row["code"],
                        "heading": self.cleaned_data.get(f"{p}_heading") or "",
                        "level": self.cleaned_data.get(f"{p}_level") or 1,
                        "group": row["group"],
                    },
                )
            )
        return [item for _, _, item in sorted(chosen, key=lambda c: (c[0], c[1]))]

    def bound_rows(self):
        return [
            {**row, **{name: self[f"{row['prefix']}_{name}"] for name in ("use", "order", "level", "heading")}}
            for row in self.rows
        ]
