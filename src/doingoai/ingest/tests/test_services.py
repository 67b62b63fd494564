import io
import json

import pytest

from doingoai.ingest.models import Batch, Correction, Document
from doingoai.ingest.services import IngestError, placing, reading, review, scope
from doingoai.ingest.services.corrections import corrections_export
from doingoai.ingest.services.placing import document_confirm, document_place, fact_correct, section_recode
from doingoai.ingest.services.scope import documents_unassigned
from doingoai.ingest.services.uploads import batch_create, batch_run
from doingoai.lib.periods import Period
from doingoai.reports.models import Report, ReportEvent
from doingoai.units.services import unit_by_code

from .conftest import report_text

pytestmark = pytest.mark.django_db


def ingest(by, *files, period=None):
    """Upload (name, bytes) files as ``by`` and read them; the documents in upload order."""
    batch = batch_run(batch=batch_create(files=list(files), by=by, period=period))
    return list(batch.documents.order_by("id"))


def value(report, code):
    return report.indicators.get(indicator=code).value


def test_a_commune_report_is_stored_as_its_units_report_read_but_not_counted(province_officer, commune_a):
    (document,) = ingest(province_officer, ("minh-long-2025.txt", report_text()))
    report = document.report
    assert document.outcome == Document.Outcome.READ and document.message == ""
    assert report.unit == commune_a and report.period == "2025"
    assert report.origin == Report.Origin.INGESTED and report.status == Report.Status.READ
    assert not report.counts_for_province
    assert value(report, "delegations_in_foreign") == 2 and value(report, "delegations_out") == 0
    assert value(report, "foreigners_resident") == 5
    assert report.created_by == province_officer and report.source_name == "minh-long-2025.txt"
    assert document.file.read().startswith("ỦY BAN NHÂN DÂN".encode())
    assert "XÃ MINH LONG" in document.text and document.kind == "txt"
    assert document.contract["meta"]["ward_code"] == 21361


def test_the_period_chosen_applies_where_the_document_states_none(province_officer):
    text = b"\n".join(line for line in report_text().split(b"\n") if "năm 20".encode() not in line)
    (document,) = ingest(province_officer, ("khong-ky.txt", text), period=Period(2025))
    assert document.report.period == "2025" and not document.period_differs
    assert document.period_stated == ""


def test_a_document_stating_another_period_is_stored_under_its_own_and_says_so(province_officer):
    (document,) = ingest(province_officer, ("2024.txt", report_text(year=2024)), period=Period(2025))
    assert document.report.period == "2024" and document.period_differs
    assert document.message == reading.NOTE_PERIOD_DIFFERS.format(stated="Năm 2024", requested="Năm 2025")


def test_without_any_period_the_document_waits_to_be_placed(province_officer, commune_a):
    text = b"\n".join(line for line in report_text().split(b"\n") if "năm 20".encode() not in line)
    (document,) = ingest(province_officer, ("khong-ky.txt", text))
    assert document.outcome == Document.Outcome.UNASSIGNED and reading.NOTE_NO_PERIOD in document.message
    assert document.report.unit == commune_a and document.report.period == ""
    assert list(documents_unassigned(user=province_officer)) == [document]


def test_reading_the_same_unit_and_period_again_replaces_the_earlier_read(province_officer):
    (first,) = ingest(province_officer, ("v1.txt", report_text(delegations=2)))
    (second,) = ingest(province_officer, ("v2.txt", report_text(delegations=3)))
    first.refresh_from_db()
    assert second.report_id is not None and first.report_id is None
    assert first.outcome == Document.Outcome.REPLACED and second.outcome == Document.Outcome.READ
    assert Report.objects.filter(origin=Report.Origin.INGESTED).count() == 1
    assert value(second.report, "delegations_in_foreign") == 3 and second.report.source_name == "v2.txt"
    assert reading.NOTE_REPLACES in second.message


def test_two_files_of_one_unit_and_period_in_one_batch_keep_the_later(province_officer):
    first, second = ingest(
        province_officer, ("a.txt", report_text(delegations=1)), ("b.txt", report_text(delegations=4))
    )
    assert first.outcome == Document.Outcome.REPLACED and value(second.report, "delegations_in_foreign") == 4


def test_a_confirmed_read_is_kept_when_the_same_unit_and_period_is_read_again(province_officer, commune_a):
    (first,) = ingest(province_officer, ("v1.txt", report_text(delegations=2)))
    document_confirm(document=first, by=province_officer)
    (second,) = ingest(province_officer, ("v2.txt", report_text(delegations=9)))
    assert second.outcome == Document.Outcome.KEPT and second.report is None
    assert second.message.startswith(reading.NOTE_KEPT.format(unit="Xã Minh Long", period="năm 2025"))
    first.refresh_from_db()
    assert value(first.report, "delegations_in_foreign") == 2 and first.report.status == Report.Status.CONFIRMED


def test_a_district_document_of_before_2025_is_kept_unassigned(other_province_officer):
    text = report_text(name="Định Hóa", level="huyện", province="Thái Nguyên")
    (document,) = ingest(other_province_officer, ("huyen-dinh-hoa.txt", text))
    assert document.outcome == Document.Outcome.UNASSIGNED and document.report.unit is None
    assert document.message.startswith(reading.NOTE_DISTRICT.format(name="Huyện Định Hóa"))
    assert document.report.period == "2025" and document.report.indicators.exists()
    assert list(documents_unassigned(user=other_province_officer)) == [document]


def test_an_unknown_unit_is_kept_unassigned_and_placed_later(province_officer, commune_a):
    (document,) = ingest(province_officer, ("hu-cau.txt", report_text(name="Hư Cấu")))
    assert document.outcome == Document.Outcome.UNASSIGNED and reading.NOTE_NO_UNIT in document.message
    report = document_place(document=document, unit=commune_a, period=Period(2025), by=province_officer)
    document.refresh_from_db()
    assert report.unit == commune_a and document.outcome == Document.Outcome.READ and document.message == ""
    correction = Correction.objects.get()
    assert correction.field == Correction.Field.UNIT and correction.old_value is None
    assert correction.new_value == {"code": 21361, "level": "xa", "name": "Xã Minh Long"}
    assert correction.evidence == "Xã Hư Cấu, Quảng Ngãi" and correction.by == province_officer
    assert not documents_unassigned(user=province_officer).exists()


def test_old_commune_names_are_offered_as_todays_unit(other_province_officer):
    (document,) = ingest(
        other_province_officer, ("boc-nhieu.txt", report_text(name="Bộc Nhiêu", province="Thái Nguyên"))
    )
    assert document.outcome == Document.Outcome.UNASSIGNED
    candidates = scope.unit_candidates(
        user=other_province_officer, document=document, query="Bộc Nhiêu, huyện Định Hóa"
    )
    assert candidates[0].unit.code == 5581 and "tên cũ" in candidates[0].note
    by_name = scope.unit_candidates(user=other_province_officer, document=document, query="trung hoi")
    assert by_name[0].unit.code == 5581


def test_a_commune_officers_upload_stating_another_commune_stays_unassigned(officer_a, commune_a, commune_b):
    (document,) = ingest(officer_a, ("duc-pho.txt", report_text(name="Đức Phổ", level="phường")))
    assert document.outcome == Document.Outcome.UNASSIGNED and document.report.unit is None
    assert document.message.startswith(reading.NOTE_OTHER_UNIT.format(name=commune_b))
    with pytest.raises(IngestError) as refused:
        document_place(document=document, unit=commune_b, period=Period(2025), by=officer_a)
    assert str(refused.value) == placing.ERROR_UNIT_OUT_OF_SCOPE.format(scope="Xã Minh Long")
    document_place(document=document, unit=commune_a, period=Period(2025), by=officer_a)


def test_a_province_officer_places_only_within_the_province(province_officer):
    (document,) = ingest(province_officer, ("hu-cau.txt", report_text(name="Hư Cấu")))
    with pytest.raises(IngestError):
        document_place(document=document, unit=unit_by_code(code=5581), period=Period(2025), by=province_officer)


def test_placing_where_an_unconfirmed_read_exists_replaces_it_and_a_confirmed_one_refuses(province_officer, commune_a):
    (earlier,) = ingest(province_officer, ("minh-long.txt", report_text()))
    (unknown,) = ingest(province_officer, ("hu-cau.txt", report_text(name="Hư Cấu", delegations=7)))
    document_place(document=unknown, unit=commune_a, period=Period(2025), by=province_officer)
    earlier.refresh_from_db()
    assert earlier.outcome == Document.Outcome.REPLACED and earlier.report is None
    assert Report.objects.get(unit=commune_a, period="2025").pk == unknown.report_id
    document_confirm(document=unknown, by=province_officer)
    (third,) = ingest(province_officer, ("hu-cau-2.txt", report_text(name="Hư Cấu")))
    with pytest.raises(IngestError) as refused:
        document_place(document=third, unit=commune_a, period=Period(2025), by=province_officer)
    assert str(refused.value) == placing.ERROR_PLACE_TAKEN.format(unit="Xã Minh Long", period="năm 2025")


def test_correcting_a_fact_keeps_what_was_read_and_a_correction(province_officer):
    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    fact = fact_correct(document=document, indicator="delegations_in_foreign", value=3, by=province_officer)
    assert (fact.value, fact.corrected_from, fact.source) == (3, 2, "correction")
    fact = fact_correct(document=document, indicator="delegations_in_foreign", value=None, by=province_officer)
    assert fact.value is None and fact.corrected_from == 2  # the reader's value stays
    added = fact_correct(
        document=document,
        indicator="officials_trained",
        value=4,
        by=province_officer,
        evidence="Cử 04 cán bộ dự tập huấn.",
    )
    assert added.source == "correction" and added.section == "training"
    rows = list(Correction.objects.values_list("field", "target", "old_value", "new_value"))
    assert rows == [
        ("fact_value", "delegations_in_foreign", 2, 3),
        ("fact_value", "delegations_in_foreign", 3, None),
        ("fact_added", "officials_trained", None, 4),
    ]
    first = Correction.objects.first()
    assert first.evidence == "Trong năm 2025, xã tiếp đón 02 đoàn nước ngoài đến làm việc."
    assert first.source_name == "minh-long.txt" and first.report == document.report


def test_a_zero_stays_a_zero_and_unchanged_values_make_no_correction(province_officer):
    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    fact_correct(document=document, indicator="delegations_out", value=0, by=province_officer)
    assert not Correction.objects.exists() and value(document.report, "delegations_out") == 0


def test_a_section_gets_its_right_code(province_officer):
    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    section = document.report.sections.get(code="difficulties")
    section_recode(document=document, position=section.position, code="causes", by=province_officer)
    section.refresh_from_db()
    assert section.code == "causes"
    correction = Correction.objects.get()
    assert (correction.field, correction.old_value, correction.new_value) == ("section_code", "difficulties", "causes")
    assert correction.target == "III. KHÓ KHĂN, VƯỚNG MẮC"
    with pytest.raises(IngestError):
        section_recode(document=document, position=section.position, code="nonsense", by=province_officer)


def test_confirming_makes_the_figures_count_and_freezes_them(province_officer):
    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    assert not document.report.counts_for_province
    report = document_confirm(document=document, by=province_officer)
    assert report.counts_for_province and report.confirmed_by == province_officer and report.confirmed_at
    assert ReportEvent.objects.filter(report=report, action=ReportEvent.Action.CONFIRMED).exists()
    with pytest.raises(IngestError) as refused:
        fact_correct(document=document, indicator="delegations_out", value=1, by=province_officer)
    assert str(refused.value) == placing.ERROR_ALREADY_CONFIRMED


def test_an_unassigned_document_cannot_be_confirmed(province_officer):
    (document,) = ingest(province_officer, ("hu-cau.txt", report_text(name="Hư Cấu")))
    with pytest.raises(IngestError) as refused:
        document_confirm(document=document, by=province_officer)
    assert str(refused.value) == placing.ERROR_CONFIRM_UNPLACED
    assert document.report.status == Report.Status.READ


def test_corrections_are_exported_as_json_lines(province_officer):
    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    fact_correct(document=document, indicator="foreigners_resident", value=6, by=province_officer)
    section_recode(document=document, position=1, code="assessment", by=province_officer)
    out = io.StringIO()
    assert corrections_export(out=out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0] | {"at": None, "id": None} == {
        "id": None,
        "at": None,
        "by": "lan",
        "source": "minh-long.txt",
        "sha256": document.sha256,
        "unit_code": 21361,
        "period": "2025",
        "field": "fact_value",
        "target": "foreigners_resident",
        "old": 5,
        "new": 6,
        "evidence": "Trên địa bàn có 5 người nước ngoài đang sinh sống và làm việc.",
    }
    assert lines[1]["field"] == "section_code" and lines[1]["new"] == "assessment"


def test_the_evidence_of_each_fact_is_marked_in_the_text(province_officer):
    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    marked = {
        code: "".join(s.text for s in line.spans if code in s.anchors)
        for line in review.document_text_lines(document=document)
        for span in line.spans
        for code in span.anchors
    }
    assert marked["delegations_in_foreign"] == "Trong năm 2025, xã tiếp đón 02 đoàn nước ngoài đến làm việc."
    assert marked["delegations_out"] == "Không có đoàn ra."
    assert set(marked) == {
        "delegations_out",
        "delegations_in_foreign",
        "conferences_international",
        "foreigners_resident",
    }


def test_reading_once_gives_exactly_what_the_reader_gives_on_a_report():
    from doingoai.lib.reader import ReaderError, read_bytes

    data = report_text()
    contract, text, kind = reading.document_read(data=data, name="dir/minh-long.txt")
    assert contract == read_bytes(data, "dir/minh-long.txt") and kind == "txt"
    assert text.splitlines()[0] == "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

    def refusal(read):
        try:
            read()
        except ReaderError as error:
            return error.message
        return None

    for bad in (b"", b"PK\x03\x04broken"):
        ours = refusal(lambda bad=bad: reading.document_read(data=bad, name="x.docx"))
        assert ours and ours == refusal(lambda bad=bad: read_bytes(bad, "x.docx"))


def test_reading_once_gives_exactly_what_the_reader_gives(seeds_dir):
    """The ingest app reads a file once for both the contract and the text; it must not drift from read_bytes."""
    from doingoai.lib.reader import read_bytes

    for path in sorted(seeds_dir.glob("*.txt")):
        data = path.read_bytes()
        contract, text, kind = reading.document_read(data=data, name=path.name)
        assert contract == read_bytes(data, path.name) and kind in ("txt", "md") and text


def test_a_batch_of_the_five_seeds_stores_five_reports(seeds_dir, administrator):
    files = [(p.name, p.read_bytes()) for p in sorted(seeds_dir.glob("*.txt"))]
    batch = batch_run(batch=batch_create(files=files, by=None, period=None, source=Batch.Source.CLI))
    outcomes = {d.original_name[:3]: d.outcome for d in batch.documents.all()}
    assert outcomes == dict.fromkeys(("000", "001", "002", "003", "004"), Document.Outcome.READ)
    assert batch.processed == 5 and batch.status == Batch.Status.DONE
    # Without an uploader each document belongs to the province it names, whose officers see it.
    quang_ngai = {d.original_name[:3] for d in scope.documents_visible_to(administrator)}
    assert quang_ngai == {"000", "001"}


def test_corrections_and_confirmations_are_in_the_audit_log(province_officer, administrator):
    from doingoai.audit.services import audit_entries

    (document,) = ingest(province_officer, ("minh-long.txt", report_text()))
    fact_correct(document=document, indicator="delegations_out", value=1, by=province_officer)
    document_confirm(document=document, by=province_officer)
    kinds = {(entry.kind, entry.who) for entry in audit_entries(user=administrator)}
    assert {
        ("Sửa kết quả đọc", "Lê Thị Lan"),
        ("Văn bản đọc từ tệp", "Lê Thị Lan"),
        ("Lô tệp đọc báo cáo", "Lê Thị Lan"),
    } <= kinds
    assert ("Báo cáo", "Lê Thị Lan") in kinds and ("Chỉ tiêu báo cáo", "Lê Thị Lan") in kinds


def test_an_unknown_commune_is_not_offered_its_province_instead(province_officer):
    (document,) = ingest(province_officer, ("hu-cau.txt", report_text(name="Hư Cấu")))
    assert scope.unit_candidates(user=province_officer, document=document, query="") == []
    (found,) = scope.unit_candidates(user=province_officer, document=document, query="Quảng Ngãi")
    assert found.unit.is_province and not found.selected


def test_a_document_that_is_not_a_report_replaces_no_report(province_officer, commune_a):
    (report,) = ingest(province_officer, ("bao-cao.txt", report_text()))
    plan = report_text().replace("BÁO CÁO\n".encode(), "KẾ HOẠCH\n".encode())
    (document,) = ingest(province_officer, ("ke-hoach.txt", plan))
    assert document.outcome == Document.Outcome.UNASSIGNED and document.report.unit is None
    assert document.message == reading.NOTE_NOT_A_REPORT.format(doc_type="kế hoạch")
    report.refresh_from_db()
    assert report.outcome == Document.Outcome.READ and report.report.unit == commune_a
