import pytest
from django_tasks import TaskResultStatus

from doingoai.ingest.models import Batch, Document
from doingoai.ingest.services.uploads import batch_create, batch_enqueue, batch_run
from doingoai.ingest.tasks import batch_run_task

from .conftest import corrupt_docx, report_text

pytestmark = pytest.mark.django_db


def test_the_task_reads_a_batch_and_keeps_its_progress_in_the_database(province_officer):
    files = [
        ("a.txt", report_text()),
        ("b.docx", corrupt_docx()),
        ("c.txt", report_text(name="Đức Phổ", level="phường")),
    ]
    batch = batch_create(files=files, by=province_officer)
    assert (batch.status, batch.total, batch.processed) == (Batch.Status.QUEUED, 3, 0)
    result = batch_run_task.enqueue(batch_id=batch.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == {"batch": batch.pk, "total": 3}
    batch.refresh_from_db()
    assert (batch.status, batch.processed) == (Batch.Status.DONE, 3) and batch.finished_at
    assert sorted(batch.documents.values_list("outcome", flat=True)) == ["read", "read", "unreadable"]


def test_progress_is_written_after_each_file(province_officer):
    batch = batch_create(files=[(f"{i}.txt", report_text(year=2020 + i)) for i in range(3)], by=province_officer)
    seen = []
    batch_run(batch=batch, progress=lambda document: seen.append(Batch.objects.get(pk=batch.pk).processed))
    assert seen == [1, 2, 3]


def test_the_upload_is_queued_only_once_committed(province_officer, django_capture_on_commit_callbacks):
    batch = batch_create(files=[("a.txt", report_text())], by=province_officer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        batch_enqueue(batch=batch)
    assert len(callbacks) == 1 and Batch.objects.get().status == Batch.Status.QUEUED
    callbacks[0]()
    assert Batch.objects.get().status == Batch.Status.DONE


def test_running_again_after_a_crash_reads_only_what_is_left(province_officer):
    batch = batch_create(files=[("a.txt", report_text()), ("b.txt", report_text(year=2024))], by=province_officer)
    first = batch.documents.order_by("id").first()
    Document.objects.filter(pk=first.pk).update(outcome=Document.Outcome.READ)  # read before the worker died
    batch_run(batch=batch)
    assert batch.documents.get(pk=first.pk).report is None  # not read twice
    assert batch.documents.exclude(pk=first.pk).get().outcome == Document.Outcome.READ


def test_a_deleted_batch_is_skipped(units):
    assert batch_run_task.enqueue(batch_id=999).return_value == {"batch": 999, "missing": True}
