"""Accuracy of the report reader on every gold set; prints JSON.

Sets: the five seeds (.txt), the ten real Word files (.docx/.doc), the
synthetic corpus (.txt, and rendered to .docx and .pdf), the seeds rendered to
.docx and .pdf, two seeds printed and scanned (OCR), and the real corpus of
public texts (tests/corpus/real: .txt per split — dev, held out, fresh — and
rendered to .docx, .pdf and a scan). Scores: meta field accuracy, section-code
F1, fact F1 (see doingoai.lib.reader.evaluate).

    .venv/bin/python bench/reader_accuracy.py [--no-render] [--no-ocr] [--ocr-every N]

The real corpus's scans are every 3rd text by default (OCR takes ~3 s a page);
``--ocr-every 1`` scans them all.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from doingoai.lib.reader.evaluate import evaluate_dirs
from doingoai.lib.reader.tests.corpus.generate import render_set, scan_pdf

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "src" / "doingoai" / "lib" / "reader" / "tests" / "corpus" / "synthetic"
REAL = CORPUS.parent / "real"


def _split(name: str) -> str:
    """The real corpus's splits (see its README): dev, held out (multiples of 5), fresh (r077 on)."""
    number = int(name[1:4])
    return "fresh" if number > 76 else ("held_out" if number % 5 == 0 else "dev")


def _subset(folder: Path, out: Path, keep) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if keep(gold_path.stem):
            shutil.copy(gold_path, out / gold_path.name)
            shutil.copy(folder / gold["source"], out / gold["source"])
    return out


def _pairs(folder: Path, gold_folder: Path | None = None) -> list[tuple[Path, dict]]:
    gold_folder = gold_folder or folder
    pairs = []
    for gold_path in sorted(gold_folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pairs.append((folder / gold["source"], gold))
    return pairs


def _summary(result: dict) -> dict:
    return {k: result[k] for k in ("documents", "meta_accuracy", "sections_f1", "facts_f1", "errors")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-render", action="store_true", help="skip the .docx/.pdf renderings")
    parser.add_argument("--no-ocr", action="store_true", help="skip the scanned renderings")
    parser.add_argument("--ocr-every", type=int, default=3, help="scan every Nth real text (default 3)")
    args = parser.parse_args()
    shared = Path(os.environ.get("DOINGOAI_SHARED_DIR") or REPO.parent / "shared")
    report = {
        "seeds_txt": _summary(evaluate_dirs(shared / "seeds" / "gold", shared / "seeds")),
        "realdocx": _summary(evaluate_dirs(shared / "realdocx" / "gold", shared / "realdocx" / "docs")),
        "synthetic_txt": _summary(evaluate_dirs(CORPUS, CORPUS)),
        "real_txt": _summary(evaluate_dirs(REAL, REAL)),
    }
    with tempfile.TemporaryDirectory() as work:
        for split in ("dev", "held_out", "fresh"):
            folder = _subset(REAL, Path(work) / split, lambda stem, split=split: _split(stem) == split)
            report[f"real_txt_{split}"] = _summary(evaluate_dirs(folder, folder))
    if not args.no_render:
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            seeds = render_set(work / "seeds", _pairs(shared / "seeds", shared / "seeds" / "gold"), pdf=True)
            synthetic = render_set(work / "synthetic", _pairs(CORPUS), pdf=True)
            real = render_set(work / "real", _pairs(REAL), pdf=True)
            for name, folders in (("seeds", seeds), ("synthetic", synthetic), ("real", real)):
                for kind, folder in folders.items():
                    report[f"{name}_{kind}"] = _summary(evaluate_dirs(folder, folder))
            if not args.no_ocr:
                scans = work / "scans"
                scans.mkdir()
                for stem in ("001_4af8c9c1ed778e54", "004_11871dc0a83e640b"):
                    scan_pdf(seeds["pdf"] / f"{stem}.pdf", scans / f"{stem}.pdf", seed=1)
                    (scans / f"{stem}.json").write_text((seeds["pdf"] / f"{stem}.json").read_text(encoding="utf-8"))
                report["seeds_scanned_ocr"] = _summary(evaluate_dirs(scans, scans))
                real_scans = work / "real_scans"
                real_scans.mkdir()
                for index, pdf in enumerate(sorted(real["pdf"].glob("*.pdf"))):
                    if index % args.ocr_every == 0:
                        scan_pdf(pdf, real_scans / pdf.name, seed=index)
                        shutil.copy(pdf.with_suffix(".json"), real_scans / pdf.with_suffix(".json").name)
                report["real_scanned_ocr"] = _summary(evaluate_dirs(real_scans, real_scans))
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
