"""Ingest forms: Vietnamese input in, Python values out (files, periods, units, figures)."""

import datetime as dt

from django import forms
from django.conf import settings

from doingoai.lib import vn
from doingoai.lib.catalogues import INDICATORS, INDICATORS_BY_CODE, SECTIONS
from doingoai.lib.formfields import ERROR_REQUIRED
from doingoai.lib.periods import HALF, QUARTER, Period

ERROR_FILES_TOO_BIG = "Các tệp đã chọn quá lớn (tối đa {mb} MB mỗi lần tải lên): hãy tải thành nhiều lần."
ERROR_PERIOD = "Hãy chọn kỳ báo cáo trong danh sách."
ERROR_UNIT = "Hãy chọn một đơn vị trong danh sách (tìm theo tên rồi chọn)."
ERROR_VALUE = "Hãy nhập số (ví dụ 0, 3 hoặc 1.234), hoặc chọn “Văn bản không nêu”."
ERROR_VALUE_AND_NOT_STATED = "Đã chọn “Văn bản không nêu”: hãy xóa số đã nhập, hoặc bỏ chọn."
ERROR_INDICATOR = "Hãy chọn chỉ tiêu."
FIRST_YEAR = 2015


def period_choices(today: dt.date | None = None, *, first_year: int = FIRST_YEAR) -> list:
    """Periods grouped by year, newest first: "Năm 2026", "6 tháng đầu năm 2026", "Quý I năm 2026"…"""
    today = today or dt.date.today()
    groups = []
    for year in range(today.year + 1, first_year - 1, -1):
        periods = [Period(year), Period(year, HALF, 1), Period(year, HALF, 2)]
        periods += [Period(year, QUARTER, i) for i in (1, 2, 3, 4)]
        groups.append((str(year), [(p.code, p.label) for p in periods]))
    return groups


class PeriodField(forms.ChoiceField):
    """A period picked from the list; the CLI's codes ("2025", "2026H1") are accepted too."""

    default_error_messages = {"required": ERROR_PERIOD, "invalid_choice": ERROR_PERIOD}

    def __init__(self, *, empty_label: str = "— Chọn kỳ —", **kwargs):
        super().__init__(choices=[("", empty_label), *period_choices()], **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return Period.parse(value)
        except ValueError:
            raise forms.ValidationError(ERROR_PERIOD, code="invalid_choice") from None

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(ERROR_PERIOD, code="required")

    def prepare_value(self, value):
        return value.code if isinstance(value, Period) else value


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once. Empty files are let through: the reader says per file what is wrong."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            if not data:
                return single(None, initial)
            return [single(item, initial) for item in data]
        return [single(data, initial)]


def _mb(value: int) -> int:
    return value // (1024 * 1024)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Tệp báo cáo",
        error_messages={"required": "Hãy chọn ít nhất một tệp báo cáo hoặc một tệp .zip."},
        widget=MultipleFileInput(
            attrs={"accept": ".docx,.doc,.pdf,.txt,.md,.odt,.rtf,.png,.jpg,.jpeg,.tif,.tiff,.zip"}
        ),
    )
    period = PeriodField(
        label="Kỳ báo cáo (dùng khi văn bản không ghi kỳ)",
        required=False,
        empty_label="— Theo kỳ ghi trong văn bản —",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.INGEST_UPLOAD_MAX_BYTES
        self.fields["files"].help_text = (
            f"Word (.docx, .doc), PDF (kể cả bản quét), .txt, ảnh quét; hoặc một tệp .zip gồm nhiều tệp "
            f"(tối đa {settings.INGEST_ZIP_MAX_MEMBERS} tệp). Tối đa {_mb(limit)} MB mỗi lần tải lên."
        )
        self.fields["files"].widget.attrs["data-max-bytes"] = str(limit)

    def clean_files(self):
        files = self.cleaned_data["files"]
        limit = settings.INGEST_UPLOAD_MAX_BYTES
        if sum(f.size for f in files) > limit:
            raise forms.ValidationError(ERROR_FILES_TOO_BIG.format(mb=_mb(limit)))
        return files


class UnitChoiceField(forms.ModelChoiceField):
    default_error_messages = {"required": ERROR_UNIT, "invalid_choice": ERROR_UNIT}

    def label_from_instance(self, unit):
        return str(unit)


class PlaceForm(forms.Form):
    """Whose report this is, and for which period; ``units`` is the user's scope."""

    unit = UnitChoiceField(queryset=None, label="Đơn vị", widget=forms.RadioSelect)
    period = PeriodField(label="Kỳ báo cáo")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class SectionCodeForm(forms.Form):
    code = forms.ChoiceField(
        label="Mã mục",
        choices=[(s.code, f"{s.label} ({s.code})") for s in SECTIONS],
        error_messages={"required": ERROR_REQUIRED},
    )


class FactForm(forms.Form):
    """One indicator as the document states it: a number, an explicit 0, or not stated."""

    indicator = forms.ChoiceField(
        label="Chỉ tiêu",
        choices=[("", "— Chọn chỉ tiêu —"), *((i.code, i.label) for i in INDICATORS)],
        error_messages={"required": ERROR_INDICATOR, "invalid_choice": ERROR_INDICATOR},
    )
    value = forms.CharField(
        label="Số liệu",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 12}),
    )
    not_stated = forms.BooleanField(label="Văn bản không nêu", required=False)
    evidence = forms.CharField(
        label="Câu trong văn bản (căn cứ)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        code = data.get("indicator")
        raw = (data.get("value") or "").strip()
        if not code:
            return data
        if data.get("not_stated"):
            if raw:
                self.add_error("value", ERROR_VALUE_AND_NOT_STATED)
            data["number"] = None
            return data
        if not raw:
            self.add_error("value", ERROR_VALUE)
            return data
        try:
            parse = vn.parse_amount_vnd if INDICATORS_BY_CODE[code].money else vn.parse_int
            data["number"] = parse(raw)
        except ValueError as error:
            self.add_error("value", str(error))
        return data
