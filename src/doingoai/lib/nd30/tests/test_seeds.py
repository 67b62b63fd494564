"""Every seed gold report renders to a document that passes the ND30 checker,
and reading the document back gives the same codes, words and metadata."""

import re

import pytest

from doingoai.lib.nd30 import check_docx, render_docx
from doingoai.lib.nd30.outline import body_lines
from doingoai.lib.nd30.readback import read_rendered
from doingoai.lib.nd30.shared import seed_gold_files, shared_dir

SEEDS = seed_gold_files()
_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+|[a-zđ])[.)]\s+")


def _load(path):
    if path is None:
        pytest.skip(f"no seed gold files under {shared_dir()} (set DOINGOAI_SHARED_DIR)")
    import json

    return json.loads(path.read_text(encoding="utf-8"))


def _words(heading: str | None) -> str:
    """A heading without its number, case folded: numbering and case are the renderer's."""
    return _NUMBER.sub("", (heading or "").strip()).casefold()


def _archived(recipient: str) -> str:
    """ND30 PL I §II.9.d: the Văn thư keeps the original, so "Lưu: VP." is rendered "Lưu: VT, VP."."""
    match = re.match(r"^Lưu:\s*(?!\s|VT\b)(.+)$", recipient)
    return f"Lưu: VT, {match.group(1)}" if match else recipient


parametrize_seeds = pytest.mark.parametrize("path", SEEDS or [None], ids=[p.stem[:3] for p in SEEDS] or ["missing"])


@parametrize_seeds
def test_seed_gold_report_renders_with_zero_findings(path):
    report = _load(path)
    findings = check_docx(render_docx(report))
    assert findings == [], "\n".join(map(str, findings))


@parametrize_seeds
def test_seed_gold_report_reads_back_with_the_same_codes_and_words(path):
    report = _load(path)
    back = read_rendered(render_docx(report))
    assert [s["code"] for s in back["sections"]] == [s["code"] for s in report["sections"]]
    assert [s.get("also") for s in back["sections"]] == [s.get("also") for s in report["sections"]]
    assert [_words(s["heading"]) for s in back["sections"]] == [_words(s["heading"]) for s in report["sections"]]
    # the renderer only repairs list numbers ("1 Đề nghị" → "1. Đề nghị" before "2.")
    assert [s["text"] for s in back["sections"]] == ["\n".join(body_lines(s["text"])) for s in report["sections"]]


@parametrize_seeds
def test_seed_gold_report_reads_back_with_the_metadata_the_source_states(path):
    report = _load(path)
    meta, back = report["meta"], read_rendered(render_docx(report))["meta"]
    for key in ("unit_name", "doc_number", "issued_date", "issued_place"):
        if meta.get(key) is not None:
            assert back[key] == meta[key], key
    assert back["doc_number"] is None if meta["doc_number"] is None else True
    assert back["issued_date"] is None if meta["issued_date"] is None else True
    for key, value in (meta.get("request") or {}).items():
        if value is not None:
            assert back["request"][key] == value, f"request.{key}"
    for key, value in (meta.get("signer") or {}).items():
        if value is not None:
            assert back["signer"][key] == value, f"signer.{key}"
    assert back["recipients"] == [_archived(r) for r in meta["recipients"]]


def test_seed_000_renders_its_recommendations_as_one_list_from_1():
    """Issue 10.6: seed 000's last section starts "1 Đề nghị …" (the dot lost) then "2. …";
    rendered as written, "2." was a list starting mid-way and failed the checker's C4."""
    path = next((p for p in SEEDS if p.name.startswith("000_")), None)
    report = _load(path)
    findings = check_docx(render_docx(report))
    assert [f for f in findings if f.rule == "C4"] == []
    last = read_rendered(render_docx(report))["sections"][-1]["text"].splitlines()
    assert last[0].startswith("1. Đề nghị") and last[1].startswith("2. Tổ chức")
