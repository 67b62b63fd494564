"""The doingoai command line. Each command is a thin shell around a service.

Run ``doingoai --help`` for the list, ``doingoai COMMAND --help`` for details.
Every command honours DATABASE_URL (an SQLite path or a PostgreSQL URL).
"""

import os
import signal
import subprocess
import sys

import click


def _django():
    """Set Django up only when a command needs it, so --help stays instant."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    import django

    django.setup()


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


class PeriodType(click.ParamType):
    """A period written 2025, 2026H1, 2026H2 or 2026Q3; a wrong one fails with the Vietnamese message."""

    name = "period"

    def convert(self, value, param, ctx):
        from doingoai.lib.periods import Period

        if not isinstance(value, str):
            return value
        try:
            return Period.parse(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


PERIOD = PeriodType()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="doingoai")
def main():
    """doingoai — công tác đối ngoại của xã, phường và tỉnh.

    Foreign-affairs records and reports for Vietnamese communes and provinces.
    """


@main.command()
@click.option("--noinput/--input", default=True, help="Do not prompt.")
def migrate(noinput):
    """Create or upgrade the database, with all 34 provinces and 3,321 communes."""
    _django()
    from django.core.management import call_command

    from doingoai.units.services import units_ensure_loaded

    call_command("migrate", interactive=not noinput, verbosity=1)
    units_ensure_loaded()


@main.group()
def units():
    """Administrative units (tỉnh, xã, phường, đặc khu)."""


@units.command("sync")
def units_sync_command():
    """Load or update units from the vietnamadminunits package."""
    _django()
    from doingoai.units.services import units_sync

    result = units_sync()
    click.echo(
        f"{result.provinces} tỉnh, {result.communes} xã/phường/đặc khu ({result.created} mới, {result.updated} cập nhật)."
    )


@units.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True)
def units_search_command(query, limit):
    """Find units by name, with or without diacritics ("duc pho")."""
    _django()
    from doingoai.units.services import unit_search

    for unit in unit_search(query=" ".join(query), limit=limit):
        click.echo(f"{unit.code}\t{unit.get_level_display()}\t{unit}")


@units.command("resolve")
@click.argument("address", nargs=-1, required=True)
def units_resolve_command(address):
    """Today's unit of an address, pre-2025 ones included."""
    _django()
    from doingoai.units.services import unit_resolve

    unit = unit_resolve(address=" ".join(address))
    if unit is None:
        _fail("Không xác định được đơn vị hành chính hiện nay của địa chỉ này.")
    click.echo(f"{unit.code}\t{unit}")


@units.command("receiver")
@click.argument("province_code", type=int)
@click.argument("receiver", type=click.Choice(["so_ngoai_vu", "van_phong_ubnd"]))
def units_receiver_command(province_code, receiver):
    """Mark a province as receiving reports through its Sở Ngoại vụ or its Văn phòng UBND."""
    _django()
    from doingoai.people.services import province_set_receiver
    from doingoai.units.services import unit_by_code

    province = unit_by_code(code=province_code, province=True)
    if province is None:
        _fail(f"Không có tỉnh mã {province_code}.")
    province_set_receiver(province=province, receiver=receiver)
    click.echo(f"{province.official_name}: {province.get_receiver_display()}")


@units.command("merge")
@click.option("--from", "source", type=int, required=True, help="Code of the commune merged away.")
@click.option("--into", "target", type=int, required=True, help="Code of the commune it becomes part of.")
def units_merge_command(source, target):
    """A commune merged into another: its accounts move, it is no longer expected to report, and its
    reports count in the sums for the commune it became."""
    _django()
    from django.db import transaction

    from doingoai.people.services import accounts_move
    from doingoai.units.services import unit_by_code, unit_merge

    source_unit, target_unit = unit_by_code(code=source), unit_by_code(code=target)
    if source_unit is None or target_unit is None:
        _fail("Không tìm thấy xã, phường theo mã đã nhập.")
    try:
        with transaction.atomic():
            unit_merge(source=source_unit, into=target_unit)
            moved = accounts_move(source=source_unit, target=target_unit)
    except ValueError as error:
        _fail(str(error))
    click.echo(f"Đã sáp nhập {source_unit} vào {target_unit}; chuyển {moved} tài khoản.")


@main.command()
@click.option("--if-empty", is_flag=True, help="Only when the database has no account yet.")
def demo(if_empty):
    """Load the demo province (Quảng Ngãi): communes, accounts for each role, records."""
    _django()
    from doingoai.demo import demo_load
    from doingoai.people.models import User

    if if_empty and User.objects.exists():
        click.echo("Đã có dữ liệu: bỏ qua dữ liệu mẫu.")
        return
    summary = demo_load()
    click.echo(summary)


@main.group()
def token():
    """Personal API tokens."""


@token.command("create")
@click.argument("username")
@click.option("--name", default="", help="A name to tell tokens apart.")
def token_create_command(username, name):
    """Create an API token for USERNAME and print it once."""
    _django()
    from doingoai.people.models import User
    from doingoai.people.services import token_create

    user = User.objects.filter(username=username).first()
    if user is None:
        _fail(f"Không có tài khoản {username}.")
    _, raw = token_create(user=user, name=name or "dòng lệnh")
    click.echo(raw)


@main.group()
def accounts():
    """Accounts in bulk."""


@accounts.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def accounts_import_command(path):
    """Create accounts from a spreadsheet (.xlsx); all or none."""
    _django()
    from doingoai.lib.spreadsheets import SpreadsheetError, read_rows
    from doingoai.people.services import account_rows, accounts_import

    try:
        header, rows = read_rows(open(path, "rb").read())
    except SpreadsheetError as error:
        _fail(str(error))
    result = accounts_import(rows=account_rows(header, rows))
    for row, message in result.errors:
        click.echo(f"Dòng {row}: {message}", err=True)
    if not result.ok:
        _fail("Chưa tạo tài khoản nào.")
    for account in result.created:
        click.echo(f"{account.username}\t{account.password}\t{account.unit}")


@accounts.command("move")
@click.option("--from", "source", type=int, required=True, help="Code of the commune the accounts leave.")
@click.option("--to", "target", type=int, required=True, help="Code of the commune they join.")
def accounts_move_command(source, target):
    """Move every account of one commune to another (communes merging)."""
    _django()
    from doingoai.people.services import accounts_move
    from doingoai.units.services import unit_by_code

    source_unit, target_unit = unit_by_code(code=source), unit_by_code(code=target)
    if source_unit is None or target_unit is None:
        _fail("Không tìm thấy xã, phường theo mã đã nhập.")
    moved = accounts_move(source=source_unit, target=target_unit)
    click.echo(f"Đã chuyển {moved} tài khoản: {source_unit} → {target_unit}.")


class _DefaultCommandGroup(click.Group):
    """A group whose first argument, when it names no subcommand, goes to a default one.

    ``doingoai ingest a.docx b.pdf --json`` runs ``ingest files``; ``doingoai ingest corrections`` its own.
    """

    default_command = "files"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@main.group(cls=_DefaultCommandGroup)
def ingest():
    """Read existing reports (Word, PDF, scans) into the JSON contract, or store them as reports.

    \b
      doingoai ingest FILE... --json                 one JSON object per file, per line
      doingoai ingest FILE_OR_DIR... --save --period 2025
      doingoai ingest corrections --out corrections.jsonl
    """


def _ingest_paths(paths) -> list:
    """Files as given; a folder gives the files in it (and its subfolders), hidden ones skipped."""
    from pathlib import Path

    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and not any(part.startswith((".", "~$")) for part in p.parts)
            )
        else:
            found.append(path)
    return found


@ingest.command("files")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--json", "as_json", is_flag=True, help="Print the contract: one JSON object per file, one per line (default)."
)
@click.option(
    "--save",
    is_flag=True,
    help="Store each file as the report of its unit: an administrator's archive import, confirmed at once, so its "
    "figures count in the province's sums.",
)
@click.option(
    "--review", is_flag=True, help="With --save: leave the reports for an officer to check and confirm on the web."
)
@click.option(
    "--period", type=PERIOD, default=None, help="With --save: the period (2025, 2026H1) where a document states none."
)
@click.option(
    "--by", "username", default="", help="With --save: the account the upload is made for (its unit sees it)."
)
def ingest_files_command(paths, as_json, save, review, period, username):
    """Read FILE... (or every file in a folder). A file that cannot be read is reported on stderr
    and the exit code is 1; the other files still go on."""
    if not save:
        from doingoai.lib.reader.cli import ingest_json_lines

        sys.exit(ingest_json_lines(_ingest_paths(paths), sys.stdout, sys.stderr))
    _django()
    from doingoai.ingest.models import Batch, Document
    from doingoai.ingest.services import IngestError
    from doingoai.ingest.services.placing import document_confirm
    from doingoai.ingest.services.uploads import batch_create, batch_run
    from doingoai.people.models import User
    from doingoai.reports.models import Report

    chosen = period
    user = None
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            _fail(f"Không có tài khoản {username}.")
    files = []
    for path in _ingest_paths(paths):
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as error:
            click.echo(f"Lỗi: {path}: không mở được tệp ({error.strerror or error}).", err=True)
    if not files:
        _fail("Không có tệp nào để đọc.")
    try:
        batch = batch_create(files=files, by=user, period=chosen, source=Batch.Source.CLI)
    except IngestError as error:
        _fail(str(error))
    with click.progressbar(length=batch.total, label="Đang đọc", file=sys.stderr) as bar:
        batch_run(batch=batch, progress=lambda document: bar.update(1))
    failed = 0
    for document in batch.documents.select_related("report__unit").order_by("id"):
        report = document.report
        if (
            not review
            and report is not None
            and report.unit_id
            and report.period
            and report.status == Report.Status.READ
        ):
            report = document_confirm(document=document, by=user)
        if document.outcome == Document.Outcome.UNREADABLE:
            failed += 1
            click.echo(f"Lỗi: {document.original_name}: {document.message}", err=True)
            continue
        where = f"{report.unit.name if report.unit else 'CHƯA GÁN ĐƠN VỊ'}, {report.period_label}" if report else "—"
        line = f"{document.get_outcome_display()}\t{document.original_name}\t{where}"
        if report:
            line += f"\tbáo cáo #{report.pk}\t{report.get_status_display().lower()}"
        click.echo(line)
        if document.message:
            click.echo(f"  {document.message}")
    unassigned = batch.documents.filter(outcome=Document.Outcome.UNASSIGNED).count()
    click.echo(
        f"Đã đọc {batch.total - failed}/{batch.total} tệp; {unassigned} văn bản chờ cán bộ gán đơn vị, kỳ (trang Đọc báo cáo có sẵn)."
    )
    sys.exit(1 if failed else 0)


@ingest.command("corrections")
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    default="-",
    show_default=True,
    help="Where to write (- for stdout).",
)
def ingest_corrections_command(out):
    """Export officers' corrections of what was read, as JSON lines: training data for the reader."""
    _django()
    from doingoai.ingest.services.corrections import corrections_export

    count = corrections_export(out=out)
    click.echo(f"Đã xuất {count} lần sửa.", err=True)


@main.command("render")
@click.argument("report_json", metavar="REPORT.json", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .docx to write.")
@click.option("--pdf", type=click.Path(dir_okay=False), default=None, help="Also write a PDF (needs LibreOffice).")
def render_command(report_json, output, pdf):
    """Lay out REPORT.json (the JSON contract) as an official .docx (Nghị định 30/2020), and a PDF if asked."""
    from doingoai.lib.nd30.cli import render_report_file
    from doingoai.lib.nd30.pdf import PdfError

    try:
        findings = render_report_file(report_json, output, pdf)
    except (ValueError, PdfError) as error:
        _fail(str(error))
    click.echo(f"Đã ghi {output}" + (f" và {pdf}" if pdf else ""))
    for finding in findings:
        click.echo(f"  {finding}", err=True)


@main.group("report")
def report_group():
    """Reports composed from a commune's records.

    \b
      doingoai report compose --unit 21361 --period 2026H1
      doingoai report render --unit 21361 --period 2026H1 -o bao-cao.docx [--pdf bao-cao.pdf]
    """


def _report_unit(code: int):
    from doingoai.units.services import unit_by_code

    unit = unit_by_code(code=code)
    if unit is None:
        _fail(f"Không có xã, phường mã {code}.")
    return unit


@report_group.command("compose")
@click.option("--unit", "unit_code", type=int, required=True, help="Ward code of the commune, e.g. 21361.")
@click.option("--period", type=PERIOD, required=True, help="2025, 2026H1, 2026H2 or 2026Q3.")
@click.option("--request", "request_number", default="", help="Number of the Công văn it answers, e.g. 1070/SNgV-HCTH.")
@click.option("--json", "as_json", is_flag=True, help="Print the composed report as the JSON contract.")
def report_compose_command(unit_code, period, request_number, as_json):
    """Compose (or recompose) a commune's report for a period from its records; edits are never overwritten."""
    _django()
    import json

    from doingoai.reports.compose import ComposeError, report_compose
    from doingoai.reports.models import ReportRequest
    from doingoai.reports.services.contract import report_to_contract
    from doingoai.reports.services.figure_checks import report_figure_warnings

    unit = _report_unit(unit_code)
    chosen = period
    asked = None
    if request_number:
        asked = ReportRequest.objects.filter(number=request_number, communes=unit, period=chosen.code).first()
        if asked is None:
            _fail(f"Không có văn bản số {request_number} kỳ {chosen.label.lower()} gửi {unit.name}.")
    try:
        composed = report_compose(unit=unit, period=chosen, request=asked)
    except ComposeError as error:
        _fail(str(error))
    report = composed.report
    if as_json:
        click.echo(json.dumps(report_to_contract(report), ensure_ascii=False, indent=1))
        return
    verb = "Đã soạn" if composed.created else "Đã soạn lại"
    click.echo(
        f"{verb} báo cáo #{report.pk}: {unit.name}, {chosen.label.lower()}: {report.sections.count()} mục, {report.indicators.count()} chỉ tiêu."
    )
    if not composed.created:
        click.echo(
            f"  {len(composed.refreshed)} mục cập nhật; {len(composed.offered)} mục đã sửa có bản soạn mới chờ chọn."
        )
    for warnings in report_figure_warnings(report).values():
        for warning in warnings:
            click.echo(f"  Lưu ý: {warning.message}", err=True)


@report_group.command("render")
@click.option("--unit", "unit_code", type=int, required=True, help="Ward code of the commune, e.g. 21361.")
@click.option("--period", type=PERIOD, required=True, help="2025, 2026H1, 2026H2 or 2026Q3.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .docx to write.")
@click.option("--pdf", type=click.Path(dir_okay=False), default=None, help="Also write a PDF (needs LibreOffice).")
def report_render_command(unit_code, period, output, pdf):
    """Write a commune's report for a period as an official .docx (a draft has a blank number and day)."""
    _django()
    from pathlib import Path

    from doingoai.lib.nd30 import check_docx, render_pdf
    from doingoai.lib.nd30.pdf import PdfError
    from doingoai.reports.models import Report
    from doingoai.reports.rendering import report_render_docx

    unit = _report_unit(unit_code)
    chosen = period
    report = Report.objects.filter(unit=unit, period=chosen.code).order_by("origin").first()
    if report is None:
        _fail(
            f"{unit.name} chưa có báo cáo {chosen.label.lower()}: chạy trước doingoai report compose --unit {unit_code} --period {chosen.code}."
        )
    docx_bytes = report_render_docx(report)
    Path(output).write_bytes(docx_bytes)
    if pdf:
        try:
            Path(pdf).write_bytes(render_pdf(docx_bytes))
        except PdfError as error:
            _fail(str(error))
    click.echo(f"Đã ghi {output}" + (f" và {pdf}" if pdf else "") + f" ({report.get_status_display().lower()}).")
    for finding in check_docx(docx_bytes):
        click.echo(f"  {finding}", err=True)


@main.command("consolidate")
@click.option(
    "--province", default="", help="The province, by name (Quảng Ngãi) or code (51); none: the whole country."
)
@click.option("--period", type=PERIOD, required=True, help="2025, 2026H1, 2026H2 or 2026Q3.")
@click.option("--request", "request_number", default="", help="Only the communes of this Công văn, e.g. 645/SNgV-HCTH.")
@click.option("--accepted-only", is_flag=True, help="Count only reports the province has accepted (or confirmed).")
@click.option("--json", "as_json", is_flag=True, help="Print the sums as JSON.")
@click.option(
    "--xlsx", "xlsx_path", type=click.Path(dir_okay=False), default=None, help="Write the Excel workbook here."
)
def consolidate_command(province, period, request_number, accepted_only, as_json, xlsx_path):
    """Sum every indicator over a province's communes (or the country's provinces) for a period.

    A figure is a number, a reported zero, or not reported; silence is never summed as zero.
    """
    _django()
    import json

    from doingoai.consolidation.services.exports import consolidation_xlsx
    from doingoai.consolidation.services.totals import (
        ERROR_UNKNOWN_PROVINCE,
        ERROR_UNKNOWN_REQUEST,
        consolidate,
        province_lookup,
        request_lookup,
    )
    from doingoai.lib.vn import format_number

    scope = None
    if province:
        scope = province_lookup(province)
        if scope is None:
            _fail(ERROR_UNKNOWN_PROVINCE.format(value=province))
    asked = None
    if request_number:
        if scope is None:
            _fail("Hãy ghi --province cùng với --request: văn bản đề nghị là của một tỉnh.")
        asked = request_lookup(province=scope, number=request_number)
        if asked is None:
            _fail(ERROR_UNKNOWN_REQUEST.format(province=scope.name, number=request_number))
    result = consolidate(province=scope, period=period, request=asked, accepted_only=accepted_only)
    if xlsx_path:
        with open(xlsx_path, "wb") as out:
            out.write(consolidation_xlsx(consolidation=result))
        click.echo(f"Đã ghi {xlsx_path}.", err=True)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return
    if xlsx_path:
        return
    done = result.completeness
    where = scope.official_name if scope else "Toàn quốc"
    click.echo(f"{where}, {period.phrase}: đã tính {done.submitted}/{done.expected} đơn vị, đã nhận {done.accepted}.")
    for total in result.totals:
        shown = "không nêu" if total.total is None else format_number(total.total)
        click.echo(
            f"  {total.indicator.label}: {shown} ({total.reported} có số liệu, {total.zero} báo cáo 0, "
            f"{total.not_reported} không nêu; {total.change.phrase})"
        )


@main.command("search")
@click.argument("query", nargs=-1)
@click.option("--user", "username", default="", help="Search as this account sees (default: every report).")
@click.option("--unit", "unit_code", default="", help="Only this unit: a ward code (21361) or tinh:CODE (tinh:51).")
@click.option("--period", type=PERIOD, default=None, help="Only this period: 2025, 2026H1, 2026H2, 2026Q3.")
@click.option("--section", default="", help="Only this section code (ngo_aid, delegations, ...).")
@click.option("--limit", default=20, show_default=True, help="Hits to print (at most 100).")
@click.option("--offset", default=0, show_default=True, help="Hits to skip, for the next page.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON, as the API gives them.")
@click.option("--reindex", is_flag=True, help="Rebuild the search index from the reports' sections, then stop.")
def search_command(query, username, unit_code, period, section, limit, offset, as_json, reindex):
    """Find QUERY in the reports' sections, with or without diacritics ("vien tro WWF").

    \b
      doingoai search vien tro WWF --user sonv.quangngai --period 2026H1
      doingoai search '"doan ra"' --unit 21361 --section delegations --json

    Every word must appear; "quoted words" side by side; hoi* any word starting so.
    Without --user the command line, run on the server, searches every report.
    Hits are in [brackets], or highlighted on a terminal.
    """
    _django()
    import json

    from django.db import connection

    from doingoai.people.models import User
    from doingoai.search.index import search_index_rebuild
    from doingoai.search.services import (
        SearchError,
        report_search,
        search_results_as_dict,
        search_unit_parse,
        sections_search,
    )
    from doingoai.search.terms import html_to_plain

    if reindex:
        search_index_rebuild(connection)
        click.echo("Đã dựng lại chỉ mục tìm kiếm.")
        return
    user = None
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            _fail(f"Không có tài khoản {username}.")
    try:
        unit = search_unit_parse(code=unit_code, user=user) if unit_code else None
        filters = dict(query=" ".join(query), unit=unit, period=period, section=section, limit=limit, offset=offset)
        if user is None:
            results = sections_search(reports=None, **filters)
        else:
            results = report_search(user=user, **filters)
    except SearchError as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps(search_results_as_dict(results), ensure_ascii=False, indent=1))
        return
    on_terminal = click.get_text_stream("stdout").isatty()

    def mark(word):
        return click.style(word, bold=True, fg="yellow") if on_terminal else f"[{word}]"

    shown = f"{results.first}–{results.last} trong " if results.total > len(results.hits) and results.hits else ""
    click.echo(f"{shown}{results.total} mục báo cáo có “{results.query}”.")
    for hit in results.hits:
        report = hit.report
        unit_name = f"{report.unit.name} ({report.unit.province_unit.name})" if report.unit_id else "Chưa gán đơn vị"
        click.echo("")
        click.echo(f"{unit_name} · {hit.period_label} · {report.get_status_display()} · báo cáo #{report.pk}")
        click.echo(f"  {html_to_plain(hit.heading, mark=mark)}")
        click.echo(f"  {html_to_plain(hit.snippet, mark=mark)}")


@main.group("synthesis")
def synthesis_group():
    """The province's own report, drafted from its communes' reports (báo cáo tổng hợp)."""


@synthesis_group.command("compose")
@click.option("--province", required=True, help="The province, by name (Quảng Ngãi) or code (51).")
@click.option("--period", type=PERIOD, default=None, help="2025, 2026H1, 2026H2 or 2026Q3 (or give --request).")
@click.option("--request", "request_number", default="", help="Only the communes of this Công văn, e.g. 645/SNgV-HCTH.")
@click.option("--accepted-only", is_flag=True, help="Count only reports the province has accepted (or confirmed).")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the report as JSON: its id, what was counted, the contract."
)
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False), default=None, help="Also write the .docx here.")
def synthesis_compose_command(province, period, request_number, accepted_only, as_json, docx_path):
    """Draft (or recompose) the province's report for a period from its communes' reports.

    Sections the officer has edited are kept; the new draft is offered beside them in the editor.
    """
    _django()
    import json

    from doingoai.consolidation.services.synthesis import synthesis_compose
    from doingoai.consolidation.services.totals import (
        ERROR_UNKNOWN_PROVINCE,
        ERROR_UNKNOWN_REQUEST,
        province_lookup,
        request_lookup,
    )
    from doingoai.reports.compose import ComposeError
    from doingoai.reports.rendering import report_render_docx
    from doingoai.reports.services.contract import report_to_contract

    scope = province_lookup(province)
    if scope is None:
        _fail(ERROR_UNKNOWN_PROVINCE.format(value=province))
    asked = None
    if request_number:
        asked = request_lookup(province=scope, number=request_number)
        if asked is None:
            _fail(ERROR_UNKNOWN_REQUEST.format(province=scope.name, number=request_number))
    elif period is None:
        _fail("Hãy ghi --period (ví dụ 2026H1) hoặc --request (số Công văn đề nghị báo cáo).")
    try:
        composed = synthesis_compose(province=scope, period=period, request=asked, by=None, accepted_only=accepted_only)
    except ComposeError as error:
        _fail(str(error))
    report = composed.report
    done = report.meta["synthesis"]["completeness"]
    if docx_path:
        with open(docx_path, "wb") as out:
            out.write(report_render_docx(report))
    if as_json:
        data = {
            "report": report.pk,
            "created": composed.created,
            "province": {"code": scope.code, "name": scope.name},
            "period": report.period,
            "counted": done["submitted"],
            "expected": done["expected"],
            "refreshed": composed.refreshed,
            "offered": composed.offered,
            "contract": report_to_contract(report),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        return
    verb = "Đã soạn" if composed.created else "Đã soạn lại"
    click.echo(
        f"{verb} báo cáo tổng hợp {report.period_label} của {scope.official_name} từ {done['submitted']}/"
        f"{done['expected']} báo cáo của các xã (báo cáo số {report.pk}, {report.get_status_display().lower()})."
    )
    if composed.offered:
        click.echo(f"{len(composed.offered)} mục đã sửa có bản soạn mới để chọn: " + "; ".join(composed.offered))
    if docx_path:
        click.echo(f"Đã ghi {docx_path}.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option(
    "--workers",
    type=int,
    default=lambda: min(2 * (os.cpu_count() or 1) + 1, 8),
    show_default="2 × cores + 1, at most 8",
    help="Web worker processes (each with 4 threads; Python runs one thread of a process at a time).",
)
@click.option("--no-worker", is_flag=True, help="Do not start the task worker beside the web server.")
def serve(host, port, workers, no_worker):
    """Serve the web app with gunicorn, and the task worker beside it."""
    _django()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
    processes = []
    if not no_worker:
        processes.append(subprocess.Popen([sys.executable, "-m", "doingoai.cli", "worker"], env=env))
    web = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "doingoai.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--timeout",
            "120",
            "--access-logfile",
            "-",
        ],
        env=env,
    )
    processes.append(web)
    click.echo(f"doingoai: http://{host}:{port}/  (Ctrl+C để dừng)")

    def stop(*_):
        for process in processes:
            if process.poll() is None:
                process.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        web.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for process in processes:
            process.wait(timeout=30)


@main.command()
def worker():
    """Run background tasks (bulk ingest, rendering) from the database queue."""
    _django()
    from django.core.management import call_command

    call_command("db_worker")


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args):
    """Any Django management command: `doingoai manage createsuperuser`, `check --deploy`…"""
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["doingoai manage", *args])


if __name__ == "__main__":
    main()
