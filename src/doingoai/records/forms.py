"""Record forms: Vietnamese input in, Python values out. One form class per record type, made from the registry."""

import functools

from django import forms
from django.conf import settings
from django.db import models as djm

from doingoai.lib.formfields import ERROR_REQUIRED, CountryChoiceField, VNDateField, VNIntegerField, VNMoneyField

from .fields import CountField, CountryField, MoneyField
from .registry import RECORD_TYPES_BY_CODE, RecordType

ERROR_FILE_TOO_BIG = "Tệp quá lớn: tối đa {mb} MB mỗi tệp."
ERROR_FILE_TYPE = "Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (JPG, PNG)."
ERROR_FILE_EMPTY = "Tệp rỗng: hãy chọn lại tệp."
ATTACHMENT_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".jpg", ".jpeg", ".png", ".heic", ".webp"}


def _formfield(db_field: djm.Field, **kwargs):
    """Map model fields to the Vietnamese form fields of lib.formfields."""
    options = {
        "required": not db_field.blank,
        "label": db_field.verbose_name.capitalize(),
        "help_text": db_field.help_text,
    }
    if isinstance(db_field, CountryField):
        return CountryChoiceField(**options)
    if isinstance(db_field, MoneyField):
        return VNMoneyField(**options)
    if isinstance(db_field, CountField):
        return VNIntegerField(**options)
    if isinstance(db_field, djm.DateField):
        return VNDateField(**options)
    field = db_field.formfield(**kwargs)
    if field is not None:
        field.error_messages["required"] = ERROR_REQUIRED
        if isinstance(field.widget, forms.Textarea):
            field.widget.attrs.update(rows=3)
    return field


class RecordForm(forms.ModelForm):
    """Common to every register. Cross-field rules live in each model's ``clean()``."""

    def _update_errors(self, errors):
        # A field the officer typed wrong already says so; the model's cross-field
        # rule about the same field ("choose a country") would only repeat it.
        if hasattr(errors, "error_dict"):
            fresh = {name: e for name, e in errors.error_dict.items() if name not in self._errors}
            if not fresh:
                return
            errors = forms.ValidationError(fresh)
        super()._update_errors(errors)

    def _get_validation_exclusions(self):
        # The unit is set by the view, not typed, but uniqueness rules include it.
        exclude = super()._get_validation_exclusions()
        exclude.discard("unit")
        return exclude


@functools.cache
def record_form_class(code: str) -> type[RecordForm]:
    record_type: RecordType = RECORD_TYPES_BY_CODE[code]
    return forms.modelform_factory(
        record_type.model, form=RecordForm, fields=list(record_type.fields), formfield_callback=_formfield
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="Tệp đính kèm", error_messages={"required": "Hãy chọn một tệp.", "empty": ERROR_FILE_EMPTY}
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(ERROR_FILE_TOO_BIG.format(mb=limit // (1024 * 1024)))
        name = upload.name.lower()
        if not any(name.endswith(ext) for ext in ATTACHMENT_EXTENSIONS):
            raise forms.ValidationError(ERROR_FILE_TYPE)
        return upload


class SpreadsheetForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)", error_messages={"required": "Hãy chọn tệp Excel.", "empty": ERROR_FILE_EMPTY}
    )
