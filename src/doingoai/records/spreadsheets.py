"""Excel for the registers: a template to fill, an export, and an all-or-nothing import."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db import models as djm

from doingoai.lib.countries import country_name
from doingoai.lib.spreadsheets import SpreadsheetError, cell_text, read_rows, write_workbook
from doingoai.lib.text import choice_lookup, fold
from doingoai.lib.vn import format_date
from doingoai.people.models import User
from doingoai.units.models import Unit

from .fields import CountryField
from .forms import record_form_class
from .registry import RecordType
from .services import record_save

ERROR_UNKNOWN_CHOICE = "“{value}” không có trong danh sách: {choices}."
ERROR_MISSING_COLUMNS = "Thiếu cột: {columns}. Hãy dùng mẫu tải từ doingoai."
ERROR_DUPLICATE_ROWS = "Tệp có hai dòng trùng nhau (ví dụ cùng quốc tịch, cùng ngày): hãy gộp lại rồi gửi lại."
YES = {"co", "x", "1", "true", "yes", "dung"}


def _column_label(model, name: str) -> str:
    field_ = model._meta.get_field(name)
    label = field_.verbose_name.capitalize()
    return f"{label} *" if not field_.blank and not isinstance(field_, djm.BooleanField) else label


def _header(record_type: RecordType) -> list[str]:
    return [_column_label(record_type.model, name) for name in record_type.fields]


def spreadsheet_template(record_type: RecordType) -> bytes:
    """An empty sheet with the register's columns, and a guide sheet with the allowed values."""
    guide = []
    for name in record_type.fields:
        field_ = record_type.model._meta.get_field(name)
        if field_.choices:
            allowed = "; ".join(label for _, label in field_.choices)
        elif isinstance(field_, CountryField):
            allowed = "Tên quốc gia tiếng Việt, ví dụ Hoa Kỳ, Úc, Nhật Bản, Hàn Quốc"
        elif isinstance(field_, djm.DateField):
            allowed = "Ngày/tháng/năm, ví dụ 05/03/2026"
        elif isinstance(field_, djm.BooleanField):
            allowed = "có / không"
        elif isinstance(field_, djm.IntegerField):
            allowed = "Số, ví dụ 12 hoặc 1.500.000; tiền có thể viết 15 triệu, 1,2 tỷ"
        else:
            allowed = "Chữ"
        guide.append(
            [
                _column_label(record_type.model, name),
                "bắt buộc" if "*" in _column_label(record_type.model, name) else "",
                allowed,
            ]
        )
    return write_workbook(
        [
            (record_type.label, _header(record_type), []),
            ("Hướng dẫn", ["Cột", "Bắt buộc", "Cách ghi"], guide),
        ],
        widths={"Cách ghi": 70, "Cột": 30},
    )


def _display(record, name: str):
    field_ = record._meta.get_field(name)
    value = getattr(record, name)
    if value is None or value == "":
        return None
    if field_.choices:
        return getattr(record, f"get_{name}_display")()
    if isinstance(field_, CountryField):
        return country_name(value)
    if isinstance(field_, djm.BooleanField):
        return "có" if value else "không"
    if isinstance(field_, djm.DateField):
        return format_date(value)
    return value


def spreadsheet_export(*, record_type: RecordType, records) -> bytes:
    rows = [[_display(record, name) for name in record_type.fields] for record in records]
    return write_workbook([(record_type.label, _header(record_type), rows)])


@dataclass
class ImportResult:
    imported: int = 0
    errors: list[tuple[int | None, str, str]] = field(default_factory=list)  # (row, column, message)

    @property
    def ok(self) -> bool:
        return not self.errors


def _choice_code(field_, text: str) -> str:
    code = choice_lookup(text, field_.choices)
    if code is None:
        raise ValueError(
            ERROR_UNKNOWN_CHOICE.format(value=text, choices="; ".join(label for _, label in field_.choices))
        )
    return code


def spreadsheet_import(*, record_type: RecordType, data: bytes, unit: Unit, by: User) -> ImportResult:
    """Import every row or none: each row goes through the same form as the web page.

    Errors name the sheet row and the column, in Vietnamese, so the officer can
    fix the file and send it again.
    """
    result = ImportResult()
    try:
        header, rows = read_rows(data)
    except SpreadsheetError as error:
        result.errors.append((None, "", str(error)))
        return result

    wanted = {fold(_column_label(record_type.model, n).rstrip(" *")): n for n in record_type.fields}
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        name = wanted.get(fold(title.rstrip(" *")))
        if name:
            positions[name] = index
    required = [n for n in record_type.fields if "*" in _column_label(record_type.model, n)]
    missing = [_column_label(record_type.model, n) for n in required if n not in positions]
    if missing:
        result.errors.append((None, "", ERROR_MISSING_COLUMNS.format(columns=", ".join(missing))))
        return result

    form_class = record_form_class(record_type.code)
    forms = []
    for number, values in rows:
        data_row: dict[str, str] = {}
        row_ok = True
        for name, index in positions.items():
            text = cell_text(values[index] if index < len(values) else None)
            field_ = record_type.model._meta.get_field(name)
            if isinstance(field_, djm.BooleanField):
                if fold(text) in YES:
                    data_row[name] = "on"
                continue
            if field_.choices and text:
                try:
                    text = _choice_code(field_, text)
                except ValueError as error:
                    result.errors.append((number, _column_label(record_type.model, name), str(error)))
                    row_ok = False
                    continue
            data_row[name] = text
        form = form_class(data=data_row, instance=record_type.model(unit=unit))
        if not form.is_valid():
            for name, messages in form.errors.items():
                column = (
                    _column_label(record_type.model, name) if name in positions or name in record_type.fields else ""
                )
                for message in messages:
                    result.errors.append((number, column, message))
            continue
        if row_ok:
            forms.append(form)
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for form in forms:
                record_save(form=form, unit=unit, by=by)
    except IntegrityError:
        # Two rows of the file clash with each other (e.g. the same nationality twice on one date).
        result.errors.append((None, "", ERROR_DUPLICATE_ROWS))
        return result
    result.imported = len(forms)
    return result
