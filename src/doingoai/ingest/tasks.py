"""Background tasks: one more interface to the services (take ids, load rows, call one service)."""

from django_tasks import task

from doingoai.ingest.services.uploads import batch_run

from .models import Batch


@task()
def batch_run_task(batch_id: int) -> dict:
    """Read every pending document of a batch; progress is kept on the batch row for the page to poll."""
    batch = Batch.objects.filter(pk=batch_id).first()
    if batch is None:  # deleted before the worker got to it
        return {"batch": batch_id, "missing": True}
    batch = batch_run(batch=batch)
    return {"batch": batch.pk, "total": batch.total}
