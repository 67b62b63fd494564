"""Speed of "the report writes itself": compose + render per report, PDF, and a province's batch, as JSON.

    .venv/bin/python bench/compose_render.py [--reports 100] [--pdf 3] [--no-worker]

Targets (issue 5): composing a report from its records and rendering it as
.docx in at most 300 ms per report; a PDF in at most 5 s; a province's 100
reports rendered as a background task (django-tasks, the database queue, a real
``db_worker`` process) whose progress can be followed.

Everything runs on a throw-away SQLite database in a temporary folder (the
units are loaded by the migrations), so the bench never touches your data.
The reports belong to the 100 first communes of the largest province, each
with a realistic set of records for 2026H1 and the same period of 2025.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCX_LIMIT_MS = 300
PDF_LIMIT_S = 5.0


def _setup(data_dir: Path) -> None:
    os.environ["DOINGOAI_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "doingoai.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _records(unit) -> None:
    from doingoai.records import models as r

    d = dt.date
    r.Delegation.objects.create(
        unit=unit,
        direction="in",
        origin="foreign",
        partner="Tổ chức Tầm nhìn Thế giới (WVI)",
        country="US",
        start_date=d(2026, 3, 12),
        members_count=4,
        head="Ông John Miller",
        purpose="Khảo sát dự án trường học",
    )
    r.Delegation.objects.create(
        unit=unit,
        direction="out",
        origin="foreign",
        partner="Huyện Phu Vông, tỉnh Attapeu",
        country="LA",
        start_date=d(2026, 4, 14),
        end_date=d(2026, 4, 15),
        members_count=6,
        purpose="Giao lưu hữu nghị",
    )
    r.Delegation.objects.create(
        unit=unit, direction="in", origin="foreign", partner="KOICA", country="KR", start_date=d(2025, 3, 2)
    )
    r.NgoAidProject.objects.create(
        unit=unit,
        name="Nước sạch cho thôn",
        donor="WVI",
        donor_country="US",
        sector="infrastructure",
        start_date=d(2026, 2, 20),
        end_date=d(2026, 8, 30),
        cash_value_vnd=460_000_000,
        beneficiaries=320,
    )
    r.NgoAidProject.objects.create(
        unit=unit,
        name="Chương trình Phát triển vùng",
        donor="WVI",
        donor_country="US",
        sector="education",
        start_date=d(2025, 1, 10),
        end_date=d(2026, 12, 31),
        cash_value_vnd=850_000_000,
        in_kind_items="Sách vở, bàn ghế",
        in_kind_value_vnd=120_000_000,
        beneficiaries=1_250,
    )
    r.InformationActivity.objects.create(
        unit=unit, date=d(2026, 4, 2), channel="website", topic="Giới thiệu văn hóa địa phương", items_count=3
    )
    r.TrainingAttendance.objects.create(
        unit=unit, title="Bồi dưỡng kiến thức đối ngoại", start_date=d(2026, 5, 8), officials_count=2
    )
    r.ForeignResidentCount.objects.create(unit=unit, as_of_date=d(2026, 6, 1), country="KR", count=14)


def _people(unit):
    from doingoai.people.models import User
    from doingoai.people.services import organisation_for_unit

    organisation = organisation_for_unit(unit=unit)
    officer = User(
        username=f"canbo{unit.code}", organisation=organisation, role=User.Role.COMMUNE_OFFICER, full_name="Cán bộ"
    )
    leader = User(
        username=f"lanhdao{unit.code}",
        organisation=organisation,
        role=User.Role.COMMUNE_LEADER,
        full_name="Lãnh đạo",
        position=User.Position.VICE_CHAIR,
    )
    for user in (officer, leader):
        user.set_unusable_password()
        user.save()
    return officer, leader


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100, help="how many communes' reports (default 100)")
    parser.add_argument("--pdf", type=int, default=3, help="how many reports to time as PDF (0: none)")
    parser.add_argument("--no-worker", action="store_true", help="skip the background batch with a db_worker process")
    args = parser.parse_args()

    started = time.perf_counter()
    data_dir = Path(tempfile.mkdtemp(prefix="doingoai-bench-"))
    _setup(data_dir)
    setup_s = time.perf_counter() - started

    from django.db import transaction
    from django.db.models import Count

    from doingoai.lib.nd30 import check_docx
    from doingoai.lib.nd30.pdf import soffice_path
    from doingoai.people.models import User
    from doingoai.people.services import organisation_for_unit
    from doingoai.reports.compose import report_compose
    from doingoai.reports.models import RenderJob
    from doingoai.reports.rendering import render_job_create, report_render_docx, report_render_pdf
    from doingoai.reports.services.workflow import report_approve, report_send, report_submit_for_approval
    from doingoai.units.models import Unit

    province = Unit.objects.filter(level="tinh").annotate(n=Count("communes")).order_by("-n").first()
    communes = list(Unit.objects.filter(province=province, is_active=True).order_by("code")[: args.reports])
    people = {}
    for unit in communes:
        _records(unit)
        people[unit.pk] = _people(unit)

    report_compose(unit=communes[0], period="2025H1")  # warm imports, templates and the renderer
    report_render_docx(report_compose(unit=communes[0], period="2025H1").report)

    compose_ms, docx_ms, total_ms, reports = [], [], [], []
    for unit in communes:
        t0 = time.perf_counter()
        report = report_compose(unit=unit, period="2026H1", by=people[unit.pk][0]).report
        t1 = time.perf_counter()
        docx_bytes = report_render_docx(report)
        t2 = time.perf_counter()
        compose_ms.append(_ms(t1 - t0))
        docx_ms.append(_ms(t2 - t1))
        total_ms.append(_ms(t2 - t0))
        reports.append((report, docx_bytes))
    findings = sum(len(check_docx(b)) for _, b in reports[:5])

    pdf_s = []
    if args.pdf and soffice_path():
        for report, _ in reports[: args.pdf]:
            t0 = time.perf_counter()
            report_render_pdf(report)
            pdf_s.append(round(time.perf_counter() - t0, 2))

    for report, _ in reports:
        officer, leader = people[report.unit_id]
        report_submit_for_approval(report=report, by=officer)
        report_approve(report=report, by=leader, date=dt.date(2026, 6, 16))
        report_send(report=report, by=officer)

    background = None
    if not args.no_worker:
        lan = User(
            username="sonv.bench", organisation=organisation_for_unit(unit=province), role=User.Role.PROVINCE_OFFICER
        )
        lan.set_unusable_password()
        lan.save()
        with transaction.atomic():
            job = render_job_create(by=lan)  # queued in the database once this commits
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
        t0 = time.perf_counter()
        worker = subprocess.Popen(
            [sys.executable, "-m", "django", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        progress = []
        while True:
            job.refresh_from_db()
            progress.append((round(time.perf_counter() - t0, 2), job.done))
            if (
                job.finished
                or (worker.poll() is not None and progress[-1][1] == job.done and len(progress) > 1)
                or time.perf_counter() - t0 > 600
            ):
                break
            time.sleep(0.25)
        elapsed = time.perf_counter() - t0
        worker.wait(timeout=60)
        seen = sorted({done for _, done in progress})
        background = {
            "reports": job.total,
            "status": job.status,
            "seconds": round(elapsed, 2),
            "per_report_ms": _ms(elapsed / max(job.total, 1)),
            "zip_kb": round(job.file.size / 1024, 1) if job.file else None,
            "progress_samples": len(progress),
            "distinct_progress_values": len(seen),
            "progress": [
                f"{t:.2f} s: {done}/{job.total}"
                for t, done in progress[:: max(1, len(progress) // 12)] + [progress[-1]]
            ],
            "errors": job.errors,
            "worker_stderr": (worker.stderr.read().decode()[-500:] if job.status != RenderJob.Status.DONE else ""),
        }

    summary = {
        "database": "sqlite (temporary)",
        "province": province.name,
        "reports": len(reports),
        "setup_s": round(setup_s, 1),
        "compose_ms_median": round(statistics.median(compose_ms), 1),
        "docx_ms_median": round(statistics.median(docx_ms), 1),
        "compose_docx_ms_median": round(statistics.median(total_ms), 1),
        "compose_docx_ms_p95": _percentile(total_ms, 0.95),
        "compose_docx_ms_max": max(total_ms),
        "docx_limit_ms": DOCX_LIMIT_MS,
        "docx_ok": _percentile(total_ms, 0.95) <= DOCX_LIMIT_MS,
        "checker_findings_first_5": findings,
        "pdf_s": pdf_s,
        "pdf_limit_s": PDF_LIMIT_S,
        "pdf_ok": bool(pdf_s) and max(pdf_s) <= PDF_LIMIT_S,
        "background": background,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if summary["docx_ok"] and (not pdf_s or summary["pdf_ok"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
