"""Uploads: files and .zip archives in, a batch of documents, read in the background."""

import hashlib
import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from doingoai.ingest.models import Batch, Document
from doingoai.ingest.services import IngestError
from doingoai.ingest.services.reading import document_ingest, is_zip_name
from doingoai.ingest.services.scope import scope_unit
from doingoai.lib.periods import Period
from doingoai.lib.reader import MAX_BYTES as READER_MAX_BYTES
from doingoai.lib.zips import CORRUPT, ENCRYPTED, TOO_BIG, TOO_MANY, GuardedZip, ZipRefused
from doingoai.people.models import User
from doingoai.units.models import Unit

logger = logging.getLogger(__name__)

ERROR_UPLOAD_TOO_BIG = "Tệp tải lên quá lớn (tối đa {mb} MB mỗi lần): hãy tách thành nhiều lần tải hoặc nén nhỏ lại."
ERROR_NO_FILE = "Hãy chọn ít nhất một tệp báo cáo (.docx, .doc, .pdf, .txt, ảnh quét) hoặc một tệp .zip."
ERROR_ZIP_CORRUPT = "Tệp .zip bị hỏng hoặc không đúng định dạng: hãy nén lại rồi tải lên."
ERROR_ZIP_ENCRYPTED = "Tệp .zip có đặt mật khẩu: hãy nén lại không đặt mật khẩu."
ERROR_ZIP_TOO_MANY = "Tệp .zip có quá nhiều tệp (tối đa {limit} tệp): hãy chia thành nhiều tệp .zip."
ERROR_ZIP_TOO_BIG = (
    "Tệp .zip khi giải nén quá lớn hoặc nén bất thường (có thể là tệp độc hại; tối đa {mb} MB sau giải nén): không mở."
)


ERROR_ZIP_EMPTY = "Tệp .zip không có tệp báo cáo nào."
HIDDEN_PREFIXES = ("__MACOSX/", ".", "~$")


def upload_limit_bytes() -> int:
    return settings.INGEST_UPLOAD_MAX_BYTES


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


def _visible_members(members: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    return [
        info
        for info in members
        if not any(info.filename.startswith(p) or PurePath(info.filename).name.startswith(p) for p in HIDDEN_PREFIXES)
    ]


def upload_expand(*, name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """One upload as the files it holds: a .zip is opened, anything else is one file.

    The .zip is checked before anything is extracted: the number of members and
    the total size its directory declares (a zip bomb declares its true size,
    or is cut short when a member outgrows what it declared).

    >>> [n for n, _ in upload_expand(name="bc.docx", data=b"...")]
    ['bc.docx']
    """
    if not is_zip_name(name):
        yield PurePath(name.replace("\\", "/")).name, data
        return
    limit_bytes = settings.INGEST_ZIP_MAX_BYTES
    refusals = {
        CORRUPT: ERROR_ZIP_CORRUPT,
        TOO_MANY: ERROR_ZIP_TOO_MANY.format(limit=settings.INGEST_ZIP_MAX_MEMBERS),
        TOO_BIG: ERROR_ZIP_TOO_BIG.format(mb=limit_bytes // (1024 * 1024)),
        ENCRYPTED: ERROR_ZIP_ENCRYPTED,
    }
    try:
        with GuardedZip(
            data,
            max_total=limit_bytes,
            max_members=settings.INGEST_ZIP_MAX_MEMBERS,
            max_member=min(upload_limit_bytes(), READER_MAX_BYTES),
        ) as archive:
            members = _visible_members(archive.members)
            if not members:
                raise IngestError(ERROR_ZIP_EMPTY)
            if any(info.flag_bits & 0x1 for info in members):
                raise ZipRefused(ENCRYPTED)
            for info in members:
                yield _member_name(info), archive.read(info)
    except ZipRefused as refused:
        raise IngestError(refusals[refused.reason]) from None


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
    owner = owner_unit if owner_unit is not None else (scope_unit(by) if by is not None else None)
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
    from doingoai.ingest.tasks import batch_run_task

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
