"""How fast the report reader ingests text and Word reports on this machine; prints JSON.

Reports/s for .txt and .docx (the seeds and the synthetic corpus, also laid
out as Word files), for the real provincial Word files of shared/realdocx
(longer: 10-40 pages, data tables, annexes), and the ratio of full ingest time to bare text
extraction (the reader modules alone) on the same files.

    .venv/bin/python bench/reader_speed.py [--rounds 5]
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from doingoai.lib.reader import read_bytes
from doingoai.lib.reader.readers import read_raw
from doingoai.lib.reader.tests.corpus.generate import text_to_docx

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "src" / "doingoai" / "lib" / "reader" / "tests" / "corpus" / "synthetic"


def _files(work: Path) -> dict[str, list[tuple[str, bytes]]]:
    shared = Path(os.environ.get("DOINGOAI_SHARED_DIR") or REPO.parent / "shared")
    texts = sorted(CORPUS.glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    docx = []
    for path in texts:
        gold_path = path.with_suffix(".json")
        if not gold_path.exists():
            gold_path = path.parent / "gold" / (path.stem + ".json")
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        target = work / (path.stem + ".docx")
        text_to_docx(path.read_text(encoding="utf-8"), gold, target)
        docx.append(target)
    real = sorted((shared / "realdocx" / "docs").glob("*.docx"))
    return {
        "txt": [(p.name, p.read_bytes()) for p in texts],
        "docx": [(p.name, p.read_bytes()) for p in docx],
        "docx_real_provincial": [(p.name, p.read_bytes()) for p in real],
    }


def _time(function, files: list[tuple[str, bytes]], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for name, data in files:
            function(data, name)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        sets = _files(Path(work))
        for name, data in sets["txt"][:2] + sets["docx"][:2]:  # warm caches (gazetteer, regexes)
            read_bytes(data, name)
        result = {"rounds": args.rounds, "cpu_count": os.cpu_count()}
        for kind, files in sets.items():
            ingest = _time(read_bytes, files, args.rounds)
            bare = _time(lambda d, n: read_raw(d, name=n), files, args.rounds)
            result[kind] = {
                "files": len(files),
                "reports_per_second": round(len(files) / ingest, 1),
                "ms_per_report": round(1000 * ingest / len(files), 2),
                "bare_extraction_ms_per_report": round(1000 * bare / len(files), 2),
                "ingest_to_extraction_ratio": round(ingest / bare, 2),
            }
        result["target_reports_per_second"] = 50
        result["meets_target"] = all(result[k]["reports_per_second"] >= 50 for k in ("txt", "docx"))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
