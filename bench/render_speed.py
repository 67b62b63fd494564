"""Speed of the ND30 renderer: .docx per report and .pdf per report, as JSON.

    .venv/bin/python bench/render_speed.py [--repeat 20] [--no-pdf]

Targets (issue 5): a .docx in at most 300 ms per report (compose + render; this
measures the render, the part this package owns) and a PDF in at most 5 s.
The reports are the seed gold files of ``$DOINGOAI_SHARED_DIR`` (default
``../shared``); seed 004 is also rendered with the sample NGO-aid annex.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from doingoai.lib.nd30 import check_docx, render_docx, render_pdf
from doingoai.lib.nd30.pdf import font_warning, soffice_path
from doingoai.lib.nd30.shared import seed_gold_files

DOCX_LIMIT_MS = 300
PDF_LIMIT_S = 5.0
SAMPLE_ANNEX = Path(__file__).resolve().parents[1] / "src/doingoai/lib/nd30/sample_annex.json"


def _reports() -> list[tuple[str, dict, dict | None]]:
    reports = [(p.stem, json.loads(p.read_text(encoding="utf-8")), None) for p in seed_gold_files()]
    annexed = next((r for r in reports if r[0].startswith("004")), None)
    if annexed and SAMPLE_ANNEX.exists():
        reports.append(("004-annex", annexed[1], json.loads(SAMPLE_ANNEX.read_text(encoding="utf-8"))))
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="renders per report for the .docx timing")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice timing")
    args = parser.parse_args()
    reports = _reports()
    if not reports:
        print(json.dumps({"error": "no seed gold files; set DOINGOAI_SHARED_DIR"}))
        return 2
    render_docx(reports[0][1])  # warm imports and the template

    per_report = []
    for name, report, annex in reports:
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            docx_bytes = render_docx(report, annex=annex)
            timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        findings = check_docx(docx_bytes)
        check_ms = (time.perf_counter() - started) * 1000
        entry = {
            "report": name,
            "docx_ms_median": round(statistics.median(timings), 1),
            "docx_ms_max": round(max(timings), 1),
            "check_ms": round(check_ms, 1),
            "findings": len(findings),
            "docx_kb": round(len(docx_bytes) / 1024, 1),
        }
        if not args.no_pdf and soffice_path():
            started = time.perf_counter()
            pdf_bytes = render_pdf(docx_bytes)
            entry["pdf_s"] = round(time.perf_counter() - started, 2)
            entry["pdf_kb"] = round(len(pdf_bytes) / 1024, 1)
        per_report.append(entry)

    docx_worst = max(e["docx_ms_max"] for e in per_report)
    pdf_times = [e["pdf_s"] for e in per_report if "pdf_s" in e]
    summary = {
        "reports": per_report,
        "docx_ms_median": round(statistics.median(e["docx_ms_median"] for e in per_report), 1),
        "docx_ms_worst": docx_worst,
        "docx_limit_ms": DOCX_LIMIT_MS,
        "docx_ok": docx_worst <= DOCX_LIMIT_MS,
        "pdf_s_median": round(statistics.median(pdf_times), 2) if pdf_times else None,
        "pdf_s_worst": max(pdf_times) if pdf_times else None,
        "pdf_limit_s": PDF_LIMIT_S,
        "pdf_ok": (max(pdf_times) <= PDF_LIMIT_S) if pdf_times else None,
        "font_warning": font_warning(),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0 if summary["docx_ok"] and summary["pdf_ok"] is not False else 1


if __name__ == "__main__":
    sys.exit(main())
