"""OCR speed of the reader on scanned pages (200 dpi, noise); prints JSON. Target: ≤ 5 s a page.

A seed report is laid out as Word, printed to PDF by LibreOffice, rasterised
at 200 dpi with noise into an image-only PDF, then read back through the
reader (Tesseract, Vietnamese).

    .venv/bin/python bench/reader_ocr.py [--pages 3]
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

from doingoai.lib.reader import read_file
from doingoai.lib.reader.evaluate import evaluate
from doingoai.lib.reader.tests.corpus.generate import docx_to_pdf, scan_pdf, text_to_docx

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=None, help="OCR only the first N pages")
    parser.add_argument("--seed-report", default="004_11871dc0a83e640b")
    args = parser.parse_args()
    shared = Path(os.environ.get("DOINGOAI_SHARED_DIR") or REPO.parent / "shared")
    source = shared / "seeds" / f"{args.seed_report}.txt"
    gold = json.loads((shared / "seeds" / "gold" / f"{args.seed_report}.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        docx = work / f"{args.seed_report}.docx"
        text_to_docx(source.read_text(encoding="utf-8"), gold, docx)
        pdf = docx_to_pdf(docx, work)
        scanned = scan_pdf(pdf, work / "scan.pdf", dpi=200, seed=1, pages=args.pages)
        pages = len(pypdfium2.PdfDocument(str(scanned)))
        start = time.perf_counter()
        result = read_file(scanned)
        seconds = time.perf_counter() - start
    scores = evaluate([(gold, result)]) if args.pages is None else None
    report = {
        "document": args.seed_report,
        "pages": pages,
        "dpi": 200,
        "seconds_total": round(seconds, 2),
        "seconds_per_page": round(seconds / pages, 2),
        "target_seconds_per_page": 5,
        "meets_target": seconds / pages <= 5,
    }
    if scores:
        report["accuracy"] = {k: scores[k] for k in ("meta_accuracy", "sections_f1", "facts_f1")}
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
