"""``doingoai ingest FILE... --json`` semantics."""

import io
import json

from doingoai.lib.reader.cli import ingest_json_lines


def test_each_readable_file_prints_one_json_line_and_a_bad_one_an_error(tmp_path):
    good = tmp_path / "bao-cao.txt"
    good.write_text("BÁO CÁO\nCông tác đối ngoại năm 2025\nI. Đặc điểm tình hình\nỔn định.\n", encoding="utf-8")
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"not a pdf")
    out, err = io.StringIO(), io.StringIO()
    code = ingest_json_lines([bad, good, good], out, err)
    lines = out.getvalue().splitlines()
    assert code != 0
    assert len(lines) == 2
    assert json.loads(lines[0])["source"] == "bao-cao.txt"
    assert "hong.pdf" in err.getvalue() and "PDF" in err.getvalue()


def test_all_files_readable_exits_zero(tmp_path):
    good = tmp_path / "a.md"
    good.write_text("# BÁO CÁO\n## I. Tình hình chung\nỔn định.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert ingest_json_lines([good], out, err) == 0
    assert err.getvalue() == ""
