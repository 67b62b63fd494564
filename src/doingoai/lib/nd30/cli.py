"""``doingoai render REPORT.json -o OUT.docx [--pdf OUT.pdf]`` and ``doingoai check-format FILE.docx``.

The plain functions do the work; the click commands are thin wrappers for the
project's CLI group to mount (``cli.add_command(render_command)``).
"""

import json
from pathlib import Path

import click

from .check import ERROR, check_docx
from .pdf import PdfError, render_pdf
from .render import render_docx

ERROR_JSON = "Không đọc được tệp báo cáo JSON {path}: {detail}"


def render_report_file(json_path: str | Path, out_docx: str | Path, pdf_path: str | Path | None = None) -> list:
    """Render ``json_path`` (the JSON contract, optionally with a top-level
    ``"annex"``) to ``out_docx`` and, if asked, ``pdf_path``; return the
    checker's findings on the .docx written. Raises ValueError (bad JSON) or
    PdfError, both with Vietnamese messages."""
    path = Path(json_path)
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(ERROR_JSON.format(path=path, detail=error)) from None
    if not isinstance(report, dict):
        raise ValueError(ERROR_JSON.format(path=path, detail="không phải một đối tượng JSON"))
    docx_bytes = render_docx(report, annex=report.get("annex"))
    Path(out_docx).write_bytes(docx_bytes)
    if pdf_path:
        Path(pdf_path).write_bytes(render_pdf(docx_bytes))
    return check_docx(docx_bytes)


@click.command("render")
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="Tệp .docx sẽ ghi ra.")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False), default=None, help="Ghi thêm bản PDF (cần LibreOffice).")
def render_command(report: str, output: str, pdf: str | None) -> None:
    """Trình bày báo cáo REPORT.json thành văn bản .docx theo Nghị định 30/2020."""
    try:
        findings = render_report_file(report, output, pdf)
    except (ValueError, PdfError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã ghi {output}" + (f" và {pdf}" if pdf else ""))
    for finding in findings:
        click.echo(f"  {finding}", err=True)


@click.command("check-format")
@click.argument("document", type=click.Path(exists=True, dir_okay=False))
def check_command(document: str) -> None:
    """Kiểm tra thể thức tệp .docx theo danh mục của Nghị định 30/2020 (Phụ lục I)."""
    findings = check_docx(Path(document).read_bytes())
    for finding in findings:
        click.echo(f"{'Lỗi' if finding.severity == ERROR else 'Lưu ý'} {finding}")
    errors = sum(1 for f in findings if f.severity == ERROR)
    click.echo(f"{errors} lỗi, {len(findings) - errors} lưu ý.")
    if errors:
        raise SystemExit(1)
