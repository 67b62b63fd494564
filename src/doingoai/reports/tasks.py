"""Background tasks: one more interface to the services (take ids, load rows, call one service)."""

from django_tasks import task

from .models import RenderJob


@task()
def render_job_task(job_id: int) -> int:
    """Render the reports of a RenderJob into its zip; returns how many were rendered."""
    from .rendering import render_job_run

    job = RenderJob.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return 0
    try:
        return render_job_run(job=job).done
    except Exception as error:
        RenderJob.objects.filter(pk=job_id).update(status=RenderJob.Status.FAILED, errors=[str(error)])
        raise
