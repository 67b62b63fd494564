"""Reading and writing .xlsx safely: size limits, zip-bomb guard, Vietnamese errors."""

import datetime as dt
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .vn import format_date
from .zips import TOO_BIG, GuardedZip, ZipRefused

ERROR_BROKEN = "Tệp Excel bị hỏng hoặc không phải tệp .xlsx: hãy mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại."
ERROR_TOO_BIG = "Tệp Excel quá lớn (tối đa {mb} MB, {rows} dòng)."
ERROR_NO_HEADER = "Không thấy dòng tiêu đề của mẫu: hãy tải mẫu mới và chép dữ liệu vào đó."
ERROR_EMPTY = "Tệp Excel không có dòng dữ liệu nào."

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # an .xlsx is a zip: refuse bombs before opening
MAX_ROWS = 5000
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


class SpreadsheetError(ValueError):
    pass


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    """The header and the non-empty rows (with their sheet row numbers) of the first sheet."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(ERROR_TOO_BIG.format(mb=MAX_BYTES // 2**20, rows=MAX_ROWS))
    try:
        # openpyxl opens the archive again by itself: every member is read once, bounded, before it does.
        with GuardedZip(data, max_total=MAX_UNPACKED_BYTES) as archive:
            archive.verify()
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        header: list[str] | None = None
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if header is None:
                if any(v not in (None, "") for v in values):
                    header = [str(v).strip() if v is not None else "" for v in values]
                continue
            if any(v not in (None, "") for v in values):
                rows.append((number, list(values)))
                if len(rows) > MAX_ROWS:
                    raise SpreadsheetError(ERROR_TOO_BIG.format(mb=MAX_BYTES // 2**20, rows=MAX_ROWS))
        workbook.close()
    except SpreadsheetError:
        raise
    except ZipRefused as refused:
        if refused.reason == TOO_BIG:
            raise SpreadsheetError(ERROR_TOO_BIG.format(mb=MAX_BYTES // 2**20, rows=MAX_ROWS)) from None
        raise SpreadsheetError(ERROR_BROKEN) from None
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise SpreadsheetError(ERROR_BROKEN) from None
    if header is None:
        raise SpreadsheetError(ERROR_NO_HEADER)
    if not rows:
        raise SpreadsheetError(ERROR_EMPTY)
    return header, rows


def cell_text(value) -> str:
    """A cell as the text an officer would have typed in the form."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def write_workbook(sheets: list[tuple[str, list[str], list[list]]], widths: dict[str, int] | None = None) -> bytes:
    """Sheets of (title, header, rows) to .xlsx bytes, headers bold and frozen."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            sheet.append(row)
        for index, name in enumerate(header, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = (widths or {}).get(
                name, max(12, min(40, len(name) + 4))
            )
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
