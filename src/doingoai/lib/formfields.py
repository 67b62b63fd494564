"""Form fields that turn Vietnamese input into Python values, with Vietnamese errors."""

import datetime as dt

from django import forms

from . import vn
from .countries import country_choices, country_lookup

ERROR_REQUIRED = "Thông tin này là bắt buộc."
ERROR_COUNTRY = "Hãy chọn quốc gia trong danh sách."


class VNDateField(forms.Field):
    """``dd/mm/yyyy`` (also ``d/m/yyyy`` and ISO) → ``date``."""

    default_error_messages = {"required": ERROR_REQUIRED, "invalid": vn.ERROR_DATE}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "size": 10}
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return vn.format_date(value) if isinstance(value, dt.date) else value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return vn.parse_date(value)
        except ValueError:
            raise forms.ValidationError(vn.ERROR_DATE, code="invalid") from None


class VNIntegerField(forms.Field):
    """A count as typed: ``1.234``, ``02``; never negative."""

    default_error_messages = {"required": ERROR_REQUIRED}

    def __init__(self, **kwargs):
        kwargs.pop("max_value", None)
        kwargs.pop("min_value", None)
        kwargs.pop("step_size", None)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 8}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return vn.format_number(value) if isinstance(value, int) else value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return vn.parse_int(value)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class VNMoneyField(VNIntegerField):
    """An amount of đồng: ``1.500.000``, ``15 triệu``, ``1,2 tỷ``."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "placeholder": "ví dụ 15 triệu"}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return vn.parse_amount_vnd(value)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class CountryChoiceField(forms.ChoiceField):
    """A country picked from the list; a typed name ("Hoa Kỳ", "Úc") is accepted too."""

    default_error_messages = {"required": ERROR_REQUIRED, "invalid_choice": ERROR_COUNTRY}

    def __init__(self, **kwargs):
        for unused in ("max_length", "empty_value"):
            kwargs.pop(unused, None)
        super().__init__(choices=(("", "— Chọn quốc gia —"), *country_choices()), **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and value not in dict(country_choices()):
            return country_lookup(value) or value
        return value
