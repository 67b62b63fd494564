"""Reading one document into the contract, and storing it as the report of its unit and period."""

import logging
from dataclasses import dataclass, field
from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.utils import timezone

from doingoai.ingest.models import Document
from doingoai.ingest.services.scope import unit_in_scope
from doingoai.lib.periods import Period
from doingoai.lib.reader import MAX_BYTES as READER_MAX_BYTES
from doingoai.lib.reader import ReaderError
from doingoai.lib.text import fold
from doingoai.people.models import User
from doingoai.reports.models import Report
from doingoai.reports.services.contract import report_period_from_contract, report_replace_content, unit_for_contract
from doingoai.units.models import Unit

logger = logging.getLogger(__name__)

ERROR_NESTED_ZIP = "Tệp .zip nằm trong tệp .zip: hãy giải nén tệp này và tải các tệp bên trong lên."
ERROR_UNEXPECTED = "Không đọc được tệp do lỗi không lường trước: chưa lưu gì từ tệp này. Hãy thử lại hoặc báo quản trị."
ERROR_FILE_MISSING = "Không còn tệp gốc trên máy chủ: hãy tải tệp lên lại."
NOTE_DISTRICT = (
    "Văn bản của {name} (cấp huyện trước năm 2025, nay không còn): chưa gán đơn vị, hãy chọn xã, phường hoặc tỉnh nhận."
)


NOTE_NO_UNIT = "Không xác định được đơn vị ban hành: hãy chọn đơn vị."
NOTE_OTHER_UNIT = "Văn bản ghi {name}, ngoài phạm vi đơn vị của bạn: chưa gán, hãy kiểm tra và chọn đơn vị."
NOTE_NOT_A_REPORT = (
    "Văn bản là {doc_type}, không phải báo cáo: chưa gán để không thay báo cáo của đơn vị. "
    "Nếu đúng là báo cáo, hãy chọn đơn vị và kỳ."
)


NOTE_NO_PERIOD = "Văn bản không ghi kỳ báo cáo và chưa chọn kỳ: hãy chọn kỳ."
NOTE_PERIOD_DIFFERS = "Văn bản ghi {stated}, khác kỳ đã chọn ({requested}): đã lưu theo kỳ của văn bản."
NOTE_KEPT = (
    "{unit} đã có báo cáo {period} đọc từ tệp và đã xác nhận: giữ bản đã xác nhận, không ghi đè. "
    "Nếu cần thay, hãy báo quản trị."
)


NOTE_REPLACED = "Đã có bản đọc sau của cùng đơn vị và kỳ thay thế."
NOTE_REPLACES = "Thay bản đọc trước của cùng đơn vị và kỳ (chưa xác nhận)."


def is_zip_name(name: str) -> bool:
    return PurePath(name).suffix.lower() == ".zip"


def document_read(*, data: bytes, name: str) -> tuple[dict, str, str]:
    """(contract, text, kind) of a file's bytes, reading it once.

    The contract is what ``lib.reader.read_bytes`` returns (a test holds the two
    equal); the text is the document's own lines, for the review screen.
    """
    from doingoai.lib.reader.engine import document_to_contract
    from doingoai.lib.reader.errors import ERROR_TOO_LARGE
    from doingoai.lib.reader.readers import read_raw

    if len(data) > READER_MAX_BYTES:
        raise ReaderError(ERROR_TOO_LARGE.format(limit_mb=READER_MAX_BYTES // (1024 * 1024)), source=name)
    raw = read_raw(data, name=name)
    text = _raw_text(raw)
    contract = document_to_contract(raw, source=PurePath(name).name)
    return contract, text, raw.kind


def _raw_text(raw) -> str:
    """The document's lines as a person reads them: markdown marks dropped, Word list numbers shown."""
    out: list[str] = []
    for line in raw.lines:
        text = line.text.replace("\u00a0", " ").rstrip()
        stripped = text.lstrip()
        if stripped.startswith("#"):
            text = stripped.lstrip("#").lstrip()
        text = text.replace("**", "").replace("__", "").replace("\\*", "*")
        if line.numbering and not text.lstrip().startswith(line.numbering):
            text = f"{line.numbering} {text.lstrip()}"
        if line.blank_before and out:
            out.append("")
        out.append(text)
    return "\n".join(out)[:2_000_000]


def _document_bytes(document: Document) -> bytes:
    if not document.file:
        raise ReaderError(ERROR_FILE_MISSING)
    try:
        with document.file.open("rb") as handle:
            data = handle.read(READER_MAX_BYTES + 1)
    except (FileNotFoundError, OSError):
        raise ReaderError(ERROR_FILE_MISSING) from None
    return data


def document_ingest(*, document: Document, by: User | None = None) -> Document:
    """Read one document and store what was read; a file that cannot be read says why and stores nothing."""
    if is_zip_name(document.original_name):
        return _document_unreadable(document, ERROR_NESTED_ZIP, by=by)
    try:
        contract, text, kind = document_read(data=_document_bytes(document), name=document.original_name)
    except ReaderError as error:
        return _document_unreadable(document, error.message, by=by)
    except (MemoryError, RecursionError):
        return _document_unreadable(document, ERROR_UNEXPECTED, by=by)
    except Exception:
        logger.exception("reading %s failed", document.original_name)
        return _document_unreadable(document, ERROR_UNEXPECTED, by=by)
    for attempt in (1, 2):
        try:
            return document_store(document=document, contract=contract, text=text, kind=kind, by=by)
        except IntegrityError:
            # Another worker stored the same unit and period a moment before: read it again and replace.
            document.refresh_from_db()
            if attempt == 2:
                logger.exception("storing %s failed twice", document.original_name)
        except Exception:
            logger.exception("storing %s failed", document.original_name)
            break
    document.refresh_from_db()
    return _document_unreadable(document, ERROR_UNEXPECTED, by=by)


def _document_unreadable(document: Document, message: str, *, by: User | None) -> Document:
    document.outcome = Document.Outcome.UNREADABLE
    document.message = message
    document.report = None
    document.read_at = timezone.now()
    document._history_user = by
    document.save()
    return document


@dataclass
class Reading:
    """Where a contract goes: its unit and period, and what the officer should know."""

    unit: Unit | None
    period: Period | None
    stated: Period | None
    differs: bool
    notes: list[str] = field(default_factory=list)


def contract_placement(*, contract: dict, scope: Unit | None, requested: Period | None) -> Reading:
    """The unit and period a read document is stored under.

    The unit is the one the document states, resolved to today's (a pre-2025
    commune to the commune it merged into); never a district (they no longer
    exist), never one outside the uploader's scope, and none for a document
    that is not a report (a plan, a decision) so that it replaces no report. The period is the one
    the document states; ``requested`` applies only where it states none.
    """
    meta = contract.get("meta") or {}
    notes: list[str] = []
    unit = None
    doc_type = meta.get("doc_type")
    if doc_type and fold(doc_type) != "bao cao":
        notes.append(NOTE_NOT_A_REPORT.format(doc_type=doc_type.lower()))
    elif meta.get("unit_level") == "huyen":
        notes.append(NOTE_DISTRICT.format(name=meta.get("unit_name") or "cấp huyện"))
    else:
        try:
            unit = unit_for_contract(contract)
        except (ValueError, TypeError):
            unit = None
        if unit is None:
            notes.append(NOTE_NO_UNIT)
        elif not unit_in_scope(unit=unit, scope=scope):
            notes.append(NOTE_OTHER_UNIT.format(name=unit))
            unit = None
    stated = report_period_from_contract(contract)
    differs = bool(stated and requested and stated != requested)
    if differs:
        notes.append(NOTE_PERIOD_DIFFERS.format(stated=stated.label, requested=requested.label))
    period = stated or requested
    if period is None:
        notes.append(NOTE_NO_PERIOD)
    return Reading(unit=unit, period=period, stated=stated, differs=differs, notes=notes)


def _default_owner(contract: dict, unit: Unit | None) -> Unit | None:
    """For a CLI run with no uploader: the province the document belongs to, so its officers can place it."""
    if unit is not None:
        return unit.province_unit
    province = (contract.get("meta") or {}).get("province")
    if province:
        return Unit.objects.filter(
            level=Unit.Level.PROVINCE, name__in=[province, province.removeprefix("Tỉnh ")]
        ).first()
    return None


@transaction.atomic
def document_store(
    *, document: Document, contract: dict, text: str = "", kind: str = "", by: User | None = None
) -> Document:
    """Store a read contract as the report of its unit and period (origin ingested, status READ).

    Re-reading a unit and period replaces the earlier read, unless that one is
    confirmed: then it is kept and the new document says so. A document whose
    unit or period is unknown becomes a report without them, for an officer to place.
    """
    requested = Period.parse(document.period_requested) if document.period_requested else None
    reading = contract_placement(contract=contract, scope=document.owner_unit, requested=requested)
    if document.owner_unit_id is None:
        document.owner_unit = _default_owner(contract, reading.unit)
    document.contract = contract
    document.text = text
    document.kind = kind[:8]
    document.read_at = timezone.now()
    document.period_stated = reading.stated.code if reading.stated else ""
    document.period_differs = reading.differs
    document._history_user = by
    notes = list(reading.notes)

    report = None
    if reading.unit is not None and reading.period is not None:
        report = (
            Report.objects.select_for_update()
            .filter(unit=reading.unit, period=reading.period.code, origin=Report.Origin.INGESTED)
            .first()
        )
        if report is not None and report.status != Report.Status.READ:
            document.outcome = Document.Outcome.KEPT
            document.report = None
            document.message = " ".join(
                [NOTE_KEPT.format(unit=reading.unit.name, period=reading.period.phrase), *notes]
            )
            document.save()
            return document
        if report is not None:
            supersede(report=report, by=by)
            notes.append(NOTE_REPLACES)
    if report is None:
        report = Report(
            unit=reading.unit,
            period=reading.period.code if reading.period else "",
            origin=Report.Origin.INGESTED,
            status=Report.Status.READ,
            created_by=by,
        )
        report._history_user = by
        report.save()
    report.source_name = document.original_name
    report.source_file.name = document.file.name
    report_replace_content(report=report, data=contract, by=by)
    document.report = report
    placed = report.unit_id is not None and bool(report.period)
    document.outcome = Document.Outcome.READ if placed else Document.Outcome.UNASSIGNED
    document.message = " ".join(notes)
    document.save()
    return document


def supersede(*, report: Report, by: User | None) -> None:
    """The documents an unconfirmed report was read from give way to a newer read."""
    for older in Document.objects.filter(report=report):
        older.report = None
        older.outcome = Document.Outcome.REPLACED
        older.message = NOTE_REPLACED
        older._history_user = by
        older.save()
