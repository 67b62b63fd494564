"""Render every seed gold file to .docx, PDF and PNG pages, to look at.

    .venv/bin/python -m doingoai.lib.nd30.preview out/pages

writes ``<seed>.docx``, ``<seed>.pdf`` and ``<seed>-<page>.png`` (pdftoppm,
80 dpi) for each file of ``$DOINGOAI_SHARED_DIR/seeds/gold``, plus seed 004
with the sample NGO-aid annex (``004-annex``), and prints one JSON line per
document with its checker findings. ``out/`` is ignored by git.
"""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .check import check_docx
from .pdf import font_warning, render_pdf
from .render import render_docx
from .shared import seed_gold_files

SAMPLE_ANNEX = Path(__file__).with_name("sample_annex.json")
ERROR_PDFTOPPM = "Chưa cài pdftoppm (gói poppler-utils): không tạo được ảnh trang."


def preview(*, out_dir: Path, dpi: int = 80) -> list[dict]:
    """Render, convert and rasterise every seed; one summary dict per document."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if not shutil.which("pdftoppm"):
        raise RuntimeError(ERROR_PDFTOPPM)
    jobs = [(path.stem, json.loads(path.read_text(encoding="utf-8")), None) for path in seed_gold_files()]
    annexed = next((job for job in jobs if job[0].startswith("004")), None)
    if annexed:
        jobs.append(("004-annex", annexed[1], json.loads(SAMPLE_ANNEX.read_text(encoding="utf-8"))))
    results = []
    for name, report, annex in jobs:
        started = time.perf_counter()
        docx_bytes = render_docx(report, annex=annex)
        docx_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        pdf_bytes = render_pdf(docx_bytes)
        pdf_s = time.perf_counter() - started
        (out_dir / f"{name}.docx").write_bytes(docx_bytes)
        (out_dir / f"{name}.pdf").write_bytes(pdf_bytes)
        for old in out_dir.glob(f"{name}-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), str(out_dir / f"{name}.pdf"), str(out_dir / name)], check=True
        )
        findings = check_docx(docx_bytes)
        results.append(
            {
                "document": name,
                "pages": len(list(out_dir.glob(f"{name}-*.png"))),
                "docx_ms": round(docx_ms, 1),
                "pdf_s": round(pdf_s, 2),
                "findings": [str(f) for f in findings],
            }
        )
    return results


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0] if args else "out/pages")
    if not seed_gold_files():
        print("Không tìm thấy tệp seeds/gold/*.json (đặt DOINGOAI_SHARED_DIR).", file=sys.stderr)
        return 2
    if warning := font_warning():
        print(warning, file=sys.stderr)
    for result in preview(out_dir=out_dir):
        print(json.dumps(result, ensure_ascii=False))
    print(f"Ảnh trang: {out_dir.resolve()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
