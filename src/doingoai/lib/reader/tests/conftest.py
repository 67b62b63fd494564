"""Shared fixtures: where shared/ is, and tools that must exist in CI but may not locally."""

import json
import os
import shutil
from pathlib import Path

import pytest

from doingoai.lib.reader.tests.corpus.generate import render_set, scan_pdf

REPO = Path(__file__).resolve().parents[5]
CORPUS = Path(__file__).parent / "corpus"
IN_CI = os.environ.get("CI", "").lower() == "true"


def shared_dir() -> Path:
    return Path(os.environ.get("DOINGOAI_SHARED_DIR") or REPO.parent / "shared")


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "seeds" / "gold").is_dir():
        # Data, not a system package: CI clones may not sit beside shared/, so this
        # skips even when CI=true. The synthetic corpus keeps OCR, PDF and .doc covered.
        pytest.skip(f"shared/ not found at {path}: set DOINGOAI_SHARED_DIR")
    return path


@pytest.fixture(scope="session")
def libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        _missing("LibreOffice is not installed")
    return found


@pytest.fixture(scope="session")
def tesseract() -> str:
    found = shutil.which("tesseract")
    if not found:
        _missing("Tesseract is not installed")
    return found


def gold_pairs(folder: Path, suffix: str = ".txt") -> list[tuple[Path, dict]]:
    pairs = []
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = folder / gold.get("source", gold_path.stem + suffix)
        if not document.exists():
            document = gold_path.with_suffix(suffix)
        pairs.append((document, gold))
    return pairs


@pytest.fixture(scope="session")
def seed_pairs(shared) -> list[tuple[Path, dict]]:
    seeds = shared / "seeds"
    return [(seeds / g["source"], g) for _, g in gold_pairs(seeds / "gold")]


@pytest.fixture(scope="session")
def rendered_seeds(tmp_path_factory, seed_pairs, libreoffice) -> dict[str, Path]:
    """The seeds as .docx and .pdf, gold files beside them."""
    return render_set(tmp_path_factory.mktemp("seeds"), seed_pairs, pdf=True)


@pytest.fixture(scope="session")
def rendered_synthetic(tmp_path_factory) -> dict[str, Path]:
    return render_set(tmp_path_factory.mktemp("synthetic"), gold_pairs(CORPUS / "synthetic"), pdf=False)


@pytest.fixture(scope="session")
def rendered_synthetic_pdf(tmp_path_factory, libreoffice) -> dict[str, Path]:
    """Four synthetic reports as .docx and .pdf: PDF reading tested without shared/."""
    return render_set(tmp_path_factory.mktemp("synthetic-pdf"), gold_pairs(CORPUS / "synthetic")[:4], pdf=True)


@pytest.fixture(scope="session")
def scanned_synthetic(tmp_path_factory, rendered_synthetic_pdf, tesseract) -> Path:
    """One synthetic report printed and scanned at 200 dpi with noise, with its gold."""
    folder = tmp_path_factory.mktemp("synthetic-scan")
    pdf = sorted(rendered_synthetic_pdf["pdf"].glob("*.pdf"))[0]
    scan_pdf(pdf, folder / pdf.name, seed=3)
    gold = pdf.with_suffix(".json")
    (folder / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def scanned_seed(tmp_path_factory, rendered_seeds, tesseract) -> Path:
    """Seed 001 printed and scanned at 200 dpi with noise: an image-only PDF and its gold."""
    folder = tmp_path_factory.mktemp("scan")
    stem = "001_4af8c9c1ed778e54"
    scan_pdf(rendered_seeds["pdf"] / f"{stem}.pdf", folder / f"{stem}.pdf", seed=1)
    gold = json.loads((rendered_seeds["pdf"] / f"{stem}.json").read_text(encoding="utf-8"))
    (folder / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder
