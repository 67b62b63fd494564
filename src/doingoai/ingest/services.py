"""Ingest: files in, reports of their units out; placing, correcting and confirming what was read.

Every operation is a keyword-only function named ``<entity>_<action>``; the
views, the CLI, the API and the background task call the same ones.

The path of one file::

    batch_create(files=[("bc-minh-long.docx", data)], by=lan, period=Period(2025))
      → Document (pending, file in default storage)
    batch_run(batch=...) → document_ingest(document=...)
      → the reader's contract and the document's text
      → document_store(): the report of its unit and period (origin ingested, status READ),
        or a report with no unit for an officer to place (document_place)
    fact_correct / section_recode / document_place  → Correction rows (training data)
    document_confirm → status CONFIRMED: only now do its figures count.

Each file is stored in one transaction: a file that fails leaves nothing
behind but its document row saying why, and the batch goes on.
"""

import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TextIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doingoai.lib.catalogues import INDICATORS_BY_CODE, SECTIONS_BY_CODE
from doingoai.lib.periods import Period
from doingoai.lib.reader import MAX_BYTES as READER_MAX_BYTES
from doingoai.lib.reader import ReaderError
from doingoai.lib.text import fold, squash
from doingoai.people.models import User
from doingoai.reports.models import IndicatorValue, Report, ReportEvent
from doingoai.reports.services import report_period_from_contract, report_replace_content, unit_for_contract
from doingoai.units.models import Unit
from doingoai.units.services import unit_resolve, unit_search

from .models import Batch, Correction, Document

logger = logging.getLogger(__name__)

# --- Messages (Vietnamese, shown as is; tests assert on these names) -----------------------
ERROR_UPLOAD_TOO_BIG = "Tệp tải lên quá lớn (tối đa {mb} MB mỗi lần): hãy tách thành nhiều lần tải hoặc nén nhỏ lại."
ERROR_NO_FILE = "Hãy chọn ít nhất một tệp báo cáo (.docx, .doc, .pdf, .txt, ảnh quét) hoặc một tệp .zip."
ERROR_ZIP_CORRUPT = "Tệp .zip bị hỏng hoặc không đúng định dạng: hãy nén lại rồi tải lên."
ERROR_ZIP_ENCRYPTED = "Tệp .zip có đặt mật khẩu: hãy nén lại không đặt mật khẩu."
ERROR_ZIP_TOO_MANY = "Tệp .zip có quá nhiều tệp (tối đa {limit} tệp): hãy chia thành nhiều tệp .zip."
ERROR_ZIP_TOO_BIG = (
    "Tệp .zip khi giải nén quá lớn hoặc nén bất thường (có thể là tệp độc hại; tối đa {mb} MB sau giải nén): không mở."
)
ERROR_ZIP_EMPTY = "Tệp .zip không có tệp báo cáo nào."
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
ERROR_NOT_READ = "Văn bản này chưa đọc được nên không sửa, không xác nhận được."
ERROR_ALREADY_CONFIRMED = "Báo cáo đã được xác nhận: số liệu đã được tính, không sửa được nữa."
ERROR_CONFIRM_UNPLACED = "Chưa xác nhận được: hãy chọn đơn vị và kỳ báo cáo trước."
ERROR_UNIT_OUT_OF_SCOPE = "Đơn vị này ngoài phạm vi của bạn: chỉ chọn được {scope}."
ERROR_PLACE_TAKEN = "{unit} đã có báo cáo {period} đọc từ tệp và đã xác nhận: không gán thêm bản khác được."
ERROR_SECTION_CODE = "Mã mục không có trong danh mục."
ERROR_SECTION_MISSING = "Không tìm thấy mục này trong báo cáo."
ERROR_INDICATOR = "Chỉ tiêu không có trong danh mục."

HIDDEN_PREFIXES = ("__MACOSX/", ".", "~$")


class IngestError(Exception):
    """A refusal with a Vietnamese message for the officer (``str(error)``)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --- Scoping -----------------------------------------------------------------------------


def _scope_unit(user: User) -> Unit | None:
    """The unit whose documents a person handles: their commune, or their province."""
    if not user.is_authenticated:
        return None
    if user.is_commune_user:
        return user.unit
    if (user.is_province_officer or user.is_administrator) and user.province is not None:
        return user.province
    return None


def user_can_ingest(user: User) -> bool:
    return _scope_unit(user) is not None or (user.is_authenticated and user.is_superuser)


def unit_in_scope(*, unit: Unit, scope: Unit | None) -> bool:
    """A commune handles only itself; a province itself and its communes; no scope (the CLI) anything."""
    if scope is None:
        return True
    if scope.is_province:
        return unit.pk == scope.pk or unit.province_id == scope.pk
    return unit.pk == scope.pk


def documents_visible_to(user: User) -> QuerySet:
    """Documents a person may open.

    A commune's officers and leaders: what their commune uploaded and what was
    read as their commune's report. A province officer or administrator: what
    the province uploaded, and a commune's own upload only once the commune has
    confirmed it: until then it is the commune's draft. Never another province's.
    """
    documents = Document.objects.select_related("batch", "owner_unit", "report__unit__province")
    scope = _scope_unit(user)
    if scope is None:
        return documents if user.is_authenticated and user.is_superuser else documents.none()
    if scope.is_province:
        confirmed_here = Q(report__status=Report.Status.CONFIRMED) & (
            Q(report__unit=scope) | Q(report__unit__province=scope)
        )
        return documents.filter(Q(owner_unit=scope) | confirmed_here)
    return documents.filter(Q(owner_unit=scope) | Q(report__unit=scope))


def get_document_for_user(user: User, pk: int) -> Document:
    """A document the user may open, or 404: another commune's document does not exist for them."""
    document = documents_visible_to(user).filter(pk=pk).first()
    if document is None:
        raise Http404("Không tìm thấy văn bản.")
    return document


def batches_visible_to(user: User) -> QuerySet:
    batches = Batch.objects.select_related("owner_unit", "uploaded_by")
    scope = _scope_unit(user)
    if scope is None:
        return batches if user.is_authenticated and user.is_superuser else batches.none()
    return batches.filter(owner_unit=scope)


def get_batch_for_user(user: User, pk: int) -> Batch:
    batch = batches_visible_to(user).filter(pk=pk).first()
    if batch is None:
        raise Http404("Không tìm thấy lô tệp.")
    return batch


def document_list(*, user: User, state: str = "") -> QuerySet:
    """Documents in the user's scope, by state: "cho-xac-nhan", "chua-gan", "da-xac-nhan", "khong-doc-duoc"."""
    documents = documents_visible_to(user).order_by("-created_at", "-id")
    if state == "cho-xac-nhan":
        return documents.filter(report__status=Report.Status.READ, report__unit__isnull=False).exclude(
            report__period=""
        )
    if state == "chua-gan":
        return documents_unassigned(user=user)
    if state == "da-xac-nhan":
        return documents.filter(report__status=Report.Status.CONFIRMED)
    if state == "khong-doc-duoc":
        return documents.filter(outcome=Document.Outcome.UNREADABLE)
    return documents


def documents_unassigned(*, user: User) -> QuerySet:
    """Read documents still waiting for an officer to say whose report they are, or for which period."""
    return (
        documents_visible_to(user)
        .filter(report__isnull=False, report__status=Report.Status.READ)
        .filter(Q(report__unit__isnull=True) | Q(report__period=""))
        .order_by("-created_at", "-id")
    )


def units_for_placing(*, user: User, document: Document | None = None) -> QuerySet:
    """Units a document may be placed on: within the user's scope and the uploader's."""
    units = Unit.objects.filter(is_active=True).select_related("province")
    for scope in (_scope_unit(user), document.owner_unit if document else None):
        if scope is None:
            continue
        units = units.filter(Q(pk=scope.pk) | Q(province=scope)) if scope.is_province else units.filter(pk=scope.pk)
    return units


@dataclass
class Candidate:
    unit: Unit
    note: str = ""  # "tên cũ: Xã Bộc Nhiêu, huyện Định Hóa"
    selected: bool = False


def unit_candidates(*, user: User, document: Document | None, query: str, limit: int = 12) -> list[Candidate]:
    """Units to offer when placing a document: by name, with or without diacritics; old names resolved.

    Without a query: the unit the report already has (chosen), then what the
    document's own header names, when within scope. Only the report's unit, or
    the one unit a commune officer may choose, comes pre-selected.
    """
    allowed = units_for_placing(user=user, document=document)
    allowed_ids = set(allowed.values_list("pk", flat=True)[:5000])
    current = document.report.unit_id if document is not None and document.report is not None else None
    candidates: list[Candidate] = []

    def add(unit: Unit | None, note: str = "") -> None:
        if unit is not None and unit.pk in allowed_ids and all(c.unit.pk != unit.pk for c in candidates):
            candidates.append(Candidate(unit, note, selected=unit.pk == current or len(allowed_ids) == 1))

    if len(allowed_ids) <= 1:
        for unit in allowed:
            add(unit)
        return candidates
    province = _common_province(allowed)
    query = squash(query or "")
    if not query and document is not None:
        if current:
            add(document.report.unit)
        meta = (document.contract or {}).get("meta") or {}
        query = meta.get("unit_name") or ""
    if not query:
        return candidates
    address = query if province is None or fold(province.name) in fold(query) else f"{query}, {province.name}"
    try:
        resolved = unit_resolve(address=address)
    except Exception:  # noqa: BLE001 - a strange address must not break the page
        resolved = None
    if resolved is not None and resolved.is_province and fold(resolved.name) != fold(query):
        resolved = None  # unit_resolve's fallback when it cannot find the commune: not an answer
    if resolved is not None and fold(resolved.short_name) not in fold(query):
        add(resolved, f"tên cũ: {query}")
    else:
        add(resolved)
    for unit in unit_search(query=query, province=province, limit=limit * 3):
        add(unit)
    return candidates[:limit]


def _common_province(units: QuerySet) -> Unit | None:
    first = units.first()
    if first is None:
        return None
    province = first.province_unit
    return province if not units.exclude(Q(pk=province.pk) | Q(province=province)).exists() else None


# --- Uploads ------------------------------------------------------------------------------


def upload_limit_bytes() -> int:
    return settings.INGEST_UPLOAD_MAX_BYTES


def _is_zip_name(name: str) -> bool:
    return PurePath(name).suffix.lower() == ".zip"


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's base name; Windows zips store names in the OEM code page, not UTF-8."""
    name = info.filename
    if not info.flag_bits & 0x800:
        raw = name.encode("cp437", errors="replace")
        for encoding in ("utf-8", "cp1258"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return PurePath(name.replace("\\", "/")).name


def _visible_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and not any(info.filename.startswith(p) or PurePath(info.filename).name.startswith(p) for p in HIDDEN_PREFIXES)
    ]


def upload_expand(*, name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """One upload as the files it holds: a .zip is opened, anything else is one file.

    The .zip is checked before anything is extracted: the number of members and
    the total size its directory declares (a zip bomb declares its true size,
    or is cut short when a member outgrows what it declared).

    >>> [n for n, _ in upload_expand(name="bc.docx", data=b"...")]
    ['bc.docx']
    """
    if not _is_zip_name(name):
        yield PurePath(name.replace("\\", "/")).name, data
        return
    limit_members = settings.INGEST_ZIP_MAX_MEMBERS
    limit_bytes = settings.INGEST_ZIP_MAX_BYTES
    too_big = IngestError(ERROR_ZIP_TOO_BIG.format(mb=limit_bytes // (1024 * 1024)))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise IngestError(ERROR_ZIP_CORRUPT) from None
    with archive:
        if len(entries) > limit_members:
            raise IngestError(ERROR_ZIP_TOO_MANY.format(limit=limit_members))
        members = _visible_members(archive)
        if not members:
            raise IngestError(ERROR_ZIP_EMPTY)
        if any(info.flag_bits & 0x1 for info in members):
            raise IngestError(ERROR_ZIP_ENCRYPTED)
        per_file = min(upload_limit_bytes(), READER_MAX_BYTES)
        if sum(info.file_size for info in entries) > limit_bytes or any(info.file_size > per_file for info in members):
            raise too_big
        for info in members:
            try:
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
                raise IngestError(ERROR_ZIP_CORRUPT) from None
            if len(content) > info.file_size:
                raise too_big
            yield _member_name(info), content


def batch_create(
    *,
    files: Iterable[tuple[str, bytes]],
    by: User | None,
    period: Period | None = None,
    source: str = Batch.Source.WEB,
    owner_unit: Unit | None = None,
) -> Batch:
    """A batch of pending documents, each file kept in the default storage (local disk or S3).

    ``files`` are (name, bytes); a .zip is opened into its files. All or
    nothing: a .zip refused (bomb, corrupt, encrypted) stores nothing and
    raises :class:`IngestError`. The owner is the uploader's unit unless given.
    """
    owner = owner_unit if owner_unit is not None else (_scope_unit(by) if by is not None else None)
    stored: list[str] = []
    try:
        with transaction.atomic():
            batch = Batch(owner_unit=owner, uploaded_by=by, source=source, period=period.code if period else "")
            batch._history_user = by
            batch.save()
            count = 0
            for upload_name, upload_data in files:
                for name, data in upload_expand(name=upload_name, data=upload_data):
                    document = Document(
                        batch=batch,
                        owner_unit=owner,
                        uploaded_by=by,
                        original_name=name[:255] or "tep",
                        size=len(data),
                        sha256=hashlib.sha256(data).hexdigest(),
                        period_requested=batch.period,
                    )
                    document.file.save(name or "tep", ContentFile(data), save=False)
                    stored.append(document.file.name)
                    document._history_user = by
                    document.save()
                    count += 1
            if count == 0:
                raise IngestError(ERROR_NO_FILE)
            batch.total = count
            batch.save(update_fields=["total"])
    except BaseException:
        # The rows are rolled back; the files already written would be orphans.
        for name in stored:
            _storage_delete(name)
        raise
    return batch


def _storage_delete(name: str) -> None:
    from django.core.files.storage import default_storage

    try:
        default_storage.delete(name)
    except Exception:  # noqa: BLE001 - cleaning up must not hide the first error
        logger.warning("could not delete %s", name)


def batch_enqueue(*, batch: Batch) -> None:
    """Run the batch in the background once the upload is committed (the database is the queue)."""
    from .tasks import batch_run_task

    transaction.on_commit(lambda: batch_run_task.enqueue(batch_id=batch.pk))


def batch_run(*, batch: Batch, progress: Callable[[Document], None] | None = None) -> Batch:
    """Read every pending document of the batch, one transaction each, progress kept in the database.

    Safe to run again after a crash: documents already read are skipped.
    """
    batch.status = Batch.Status.RUNNING
    batch.started_at = batch.started_at or timezone.now()
    batch.save(update_fields=["status", "started_at"])
    for document in batch.documents.filter(outcome=Document.Outcome.PENDING).order_by("id"):
        document_ingest(document=document, by=batch.uploaded_by)
        processed = batch.documents.exclude(outcome=Document.Outcome.PENDING).count()
        Batch.objects.filter(pk=batch.pk).update(processed=processed)
        if progress is not None:
            progress(document)
    batch.refresh_from_db()
    batch.status = Batch.Status.DONE
    batch.processed = batch.total
    batch.finished_at = timezone.now()
    batch._history_user = batch.uploaded_by
    batch.save()
    return batch


# --- Reading ------------------------------------------------------------------------------


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
    if _is_zip_name(document.original_name):
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
            _supersede(report=report, by=by)
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


def _supersede(*, report: Report, by: User | None) -> None:
    """The documents an unconfirmed report was read from give way to a newer read."""
    for older in Document.objects.filter(report=report):
        older.report = None
        older.outcome = Document.Outcome.REPLACED
        older.message = NOTE_REPLACED
        older._history_user = by
        older.save()


# --- Placing, correcting, confirming ---------------------------------------------------------


def _editable_report(document: Document) -> Report:
    report = document.report
    if report is None:
        raise IngestError(ERROR_NOT_READ)
    if report.status != Report.Status.READ:
        raise IngestError(ERROR_ALREADY_CONFIRMED)
    return report


def _correction(
    *, document: Document, report: Report, field_: str, target: str, old, new, evidence: str, by
) -> Correction:
    correction = Correction(
        owner_unit=document.owner_unit,
        document=document,
        report=report,
        field=field_,
        target=target[:500],
        old_value=old,
        new_value=new,
        evidence=evidence,
        source_name=document.original_name,
        by=by,
    )
    correction._history_user = by
    correction.save()
    return correction


def _unit_value(unit: Unit | None) -> dict | None:
    return {"code": unit.code, "level": unit.level, "name": unit.name} if unit else None


def _scope_label(scope: Unit | None) -> str:
    if scope is None:
        return "đơn vị của bạn"
    return f"{scope.official_name} và các xã, phường, đặc khu của tỉnh" if scope.is_province else scope.name


@transaction.atomic
def document_place(*, document: Document, unit: Unit, period: Period, by: User | None) -> Report:
    """Say whose report a document is, and for which period (an unassigned one, or a correction).

    An unconfirmed report read earlier for the same unit and period gives way;
    a confirmed one refuses.
    """
    report = _editable_report(document)
    for scope in (document.owner_unit, _scope_unit(by) if by is not None else None):
        if not unit_in_scope(unit=unit, scope=scope):
            raise IngestError(ERROR_UNIT_OUT_OF_SCOPE.format(scope=_scope_label(scope)))
    other = (
        Report.objects.select_for_update()
        .filter(unit=unit, period=period.code, origin=Report.Origin.INGESTED)
        .exclude(pk=report.pk)
        .first()
    )
    if other is not None:
        if other.status != Report.Status.READ:
            raise IngestError(ERROR_PLACE_TAKEN.format(unit=unit.name, period=period.phrase))
        _supersede(report=other, by=by)
        other._history_user = by
        other.delete()
    meta = (document.contract or {}).get("meta") or {}
    if report.unit_id != unit.pk:
        evidence = ", ".join(str(meta[k]) for k in ("unit_name", "province") if meta.get(k))
        _correction(
            document=document,
            report=report,
            field_=Correction.Field.UNIT,
            target="unit",
            old=_unit_value(report.unit),
            new=_unit_value(unit),
            evidence=evidence,
            by=by,
        )
    if report.period != period.code:
        _correction(
            document=document,
            report=report,
            field_=Correction.Field.PERIOD,
            target="period",
            old=report.period or None,
            new=period.code,
            evidence=meta.get("summary") or "",
            by=by,
        )
    report.unit = unit
    report.period = period.code
    report._history_user = by
    report.save()
    document.outcome = Document.Outcome.READ
    document.message = ""
    document._history_user = by
    document.save()
    return report


@transaction.atomic
def section_recode(*, document: Document, position: int, code: str, by: User | None) -> None:
    """Give a section the canonical code it should have had."""
    report = _editable_report(document)
    if code not in SECTIONS_BY_CODE:
        raise IngestError(ERROR_SECTION_CODE)
    section = report.sections.filter(position=position).first()
    if section is None:
        raise IngestError(ERROR_SECTION_MISSING)
    if section.code == code:
        return
    _correction(
        document=document,
        report=report,
        field_=Correction.Field.SECTION_CODE,
        target=section.heading,
        old=section.code,
        new=code,
        evidence=section.text[:1000],
        by=by,
    )
    section.code = code
    section._history_user = by
    section.save()


@transaction.atomic
def fact_correct(
    *, document: Document, indicator: str, value: int | None, by: User | None, evidence: str = ""
) -> IndicatorValue:
    """Set an indicator's value as the document states it: a number, 0, or None for "not stated".

    A fact the reader missed is added (source: correction). The reader's own
    value stays in ``corrected_from``, and every change is a Correction.
    """
    report = _editable_report(document)
    if indicator not in INDICATORS_BY_CODE:
        raise IngestError(ERROR_INDICATOR)
    evidence = squash(evidence)
    current = report.indicators.filter(indicator=indicator).first()
    if current is None:
        current = IndicatorValue(
            report=report,
            indicator=indicator,
            value=value,
            section=INDICATORS_BY_CODE[indicator].section,
            evidence=evidence,
            source=IndicatorValue.Source.CORRECTION,
            updated_by=by,
        )
        current._history_user = by
        current.save()
        _correction(
            document=document,
            report=report,
            field_=Correction.Field.FACT_ADDED,
            target=indicator,
            old=None,
            new=value,
            evidence=evidence,
            by=by,
        )
        return current
    if current.value == value and (not evidence or evidence == current.evidence):
        return current
    _correction(
        document=document,
        report=report,
        field_=Correction.Field.FACT_VALUE,
        target=indicator,
        old=current.value,
        new=value,
        evidence=evidence or current.evidence,
        by=by,
    )
    if current.source != IndicatorValue.Source.CORRECTION:
        current.corrected_from = current.value  # what the reader read, kept once
    current.value = value
    current.source = IndicatorValue.Source.CORRECTION
    if evidence:
        current.evidence = evidence
    current.updated_by = by
    current._history_user = by
    current.save()
    return current


@transaction.atomic
def document_confirm(*, document: Document, by: User | None) -> Report:
    """The officer has checked what was read: the report is CONFIRMED and its figures count from now on."""
    report = _editable_report(document)
    if report.unit_id is None or not report.period:
        raise IngestError(ERROR_CONFIRM_UNPLACED)
    report.status = Report.Status.CONFIRMED
    report.confirmed_by = by
    report.confirmed_at = timezone.now()
    report._history_user = by
    report.save()
    ReportEvent.objects.create(report=report, action=ReportEvent.Action.CONFIRMED, by=by)
    return report


# --- What the review screen shows -------------------------------------------------------------


@dataclass
class Span:
    text: str
    anchors: list[str] = field(default_factory=list)  # indicator codes whose evidence this is

    @property
    def anchor(self) -> str:
        return self.anchors[0] if self.anchors else ""

    @property
    def more_anchors(self) -> list[str]:
        return self.anchors[1:]


@dataclass
class TextLine:
    number: int
    spans: list[Span]


def _locate(line: str, evidence: str) -> tuple[int, int] | None:
    """Where ``evidence`` sits in ``line``: exactly, else ignoring case, diacritics and spacing (a prefix is enough)."""
    if not evidence:
        return None
    start = line.find(evidence)
    if start >= 0:
        return start, start + len(evidence)
    folded_line = fold(line)
    if len(folded_line) != len(line):  # positions would not map back: compare squashed text
        return None
    folded = fold(evidence)
    for probe in (folded, folded[:60]):
        if len(probe) < 12:
            continue
        start = folded_line.find(probe)
        if start >= 0:
            return start, (start + len(probe) if probe is folded else len(line))
    return None


def document_text_lines(*, document: Document) -> list[TextLine]:
    """The document's text line by line, each fact's evidence marked where it is found.

    A mark carries the indicator codes it proves (two facts often share one
    sentence: "không tổ chức hoặc tiếp đón đoàn ra, đoàn vào").
    """
    raw_lines = [squash(line) for line in (document.text or "").split("\n")]
    report = document.report
    facts = list(report.indicators.all()) if report is not None else []
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for fact in facts:
        for number, line in enumerate(raw_lines):
            found = _locate(line, squash(fact.evidence))
            if found:
                marks.setdefault(number, []).append((*found, fact.indicator))
                break
    lines = []
    for number, line in enumerate(raw_lines):
        spans: list[Span] = []
        cursor = 0
        merged: list[tuple[int, int, list[str]]] = []
        for start, end, code in sorted(marks.get(number, [])):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]), [*merged[-1][2], code])
            else:
                merged.append((start, end, [code]))
        for start, end, codes in merged:
            if start > cursor:
                spans.append(Span(line[cursor:start]))
            spans.append(Span(line[start:end], codes))
            cursor = end
        if cursor < len(line) or not spans:
            spans.append(Span(line[cursor:]))
        lines.append(TextLine(number + 1, spans))
    return lines


# --- Training data ------------------------------------------------------------------------------


def correction_to_dict(correction: Correction) -> dict:
    report = correction.report
    return {
        "id": correction.pk,
        "at": correction.at.isoformat(),
        "by": correction.by.username if correction.by_id else None,
        "source": correction.source_name,
        "sha256": correction.document.sha256 if correction.document_id else None,
        "unit_code": report.unit.code if report is not None and report.unit_id else None,
        "period": (report.period or None) if report is not None else None,
        "field": correction.field,
        "target": correction.target,
        "old": correction.old_value,
        "new": correction.new_value,
        "evidence": correction.evidence,
    }


def corrections_export(*, out: TextIO, corrections: QuerySet | None = None) -> int:
    """Write corrections as JSON lines (one object per line, oldest first); return how many."""
    rows = (
        (corrections if corrections is not None else Correction.objects.all())
        .select_related("by", "document", "report__unit")
        .order_by("at", "id")
    )
    count = 0
    for correction in rows.iterator(chunk_size=500):
        out.write(json.dumps(correction_to_dict(correction), ensure_ascii=False) + "\n")
        count += 1
    return count
