"""The reader against gold files: the seeds, the real Word files, the synthetic corpus and renderings."""

import pytest

from doingoai.lib.reader.evaluate import evaluate_dirs

from .conftest import CORPUS

TARGET = 0.95


def _assert_scores(result: dict, *, meta: float, sections: float, facts: float) -> None:
    assert not result["errors"], result["errors"]
    assert result["meta_accuracy"] >= meta, result
    assert result["sections_f1"] >= sections, result
    assert result["facts_f1"] >= facts, result


def test_seed_reports_score_at_least_095_on_meta_sections_and_facts(shared):
    result = evaluate_dirs(shared / "seeds" / "gold", shared / "seeds")
    _assert_scores(result, meta=TARGET, sections=TARGET, facts=TARGET)


def test_real_word_files_keep_meta_and_sections_above_090(shared, libreoffice):
    result = evaluate_dirs(shared / "realdocx" / "gold", shared / "realdocx" / "docs")
    _assert_scores(result, meta=0.9, sections=0.9, facts=TARGET)


def test_synthetic_reports_from_other_units_years_and_styles_score_at_least_095():
    result = evaluate_dirs(CORPUS / "synthetic", CORPUS / "synthetic")
    assert result["documents"] >= 16
    _assert_scores(result, meta=TARGET, sections=TARGET, facts=TARGET)


def test_synthetic_reports_as_word_files_score_at_least_095(rendered_synthetic):
    result = evaluate_dirs(rendered_synthetic["docx"], rendered_synthetic["docx"])
    _assert_scores(result, meta=TARGET, sections=TARGET, facts=TARGET)


@pytest.mark.system
def test_seeds_as_word_files_score_at_least_095(rendered_seeds):
    result = evaluate_dirs(rendered_seeds["docx"], rendered_seeds["docx"])
    _assert_scores(result, meta=TARGET, sections=TARGET, facts=TARGET)


@pytest.mark.system
def test_seeds_as_pdf_files_score_at_least_095(rendered_seeds):
    result = evaluate_dirs(rendered_seeds["pdf"], rendered_seeds["pdf"])
    _assert_scores(result, meta=TARGET, sections=TARGET, facts=TARGET)


@pytest.mark.system
def test_a_scanned_seed_read_by_ocr_keeps_meta_sections_and_facts_above_085(scanned_seed):
    result = evaluate_dirs(scanned_seed, scanned_seed)
    _assert_scores(result, meta=0.85, sections=0.85, facts=0.85)
