"""The index follows every way sections are written, on both databases (triggers, see search/index.py)."""

import unicodedata

import pytest
from django.db import connection

from doingoai.reports.models import Report, ReportSection
from doingoai.reports.services.contract import report_replace_content
from doingoai.reports.services.editing import report_version_restore
from doingoai.search import index
from doingoai.search.services import report_search

from .conftest import ingested, write

pytestmark = pytest.mark.django_db


def total(user, query):
    return report_search(user=user, query=query).total


def test_a_composed_report_is_searchable_at_once(commune_a, officer_a):
    from doingoai.reports.tests.factories import composed

    composed(commune_a, by=officer_a)  # sections come through bulk_create_with_history
    assert total(officer_a, '"khong phat sinh"') > 0


def test_autosave_replaces_the_old_words_with_the_new(draft_a, officer_a):
    write(draft_a, "ngo_aid", "Trong kỳ không tiếp nhận viện trợ của KOICA.", officer_a)
    assert total(officer_a, "WWF") == 0
    assert total(officer_a, "KOICA") == 1


def test_reading_a_file_again_replaces_the_sections_through_bulk_create(commune_a, officer_a):

    report = ingested(
        commune_a, period="2025", sections=[{"code": "ngo_aid", "heading": "Viện trợ", "text": "Hue Help"}]
    )
    assert total(officer_a, "hue help") == 1
    report_replace_content(
        report=report, data={"sections": [{"code": "ngo_aid", "heading": "Viện trợ", "text": "Rộng Xanh (Úc)"}]}
    )
    assert total(officer_a, "hue help") == 0
    assert total(officer_a, "rong xanh uc") == 1


def test_restoring_a_version_brings_its_words_back(draft_a, officer_a):

    before = draft_a.versions.order_by("number").first()  # as composed, before WWF was typed
    report_version_restore(report=Report.objects.get(pk=draft_a.pk), version=before, by=officer_a)
    assert total(officer_a, "WWF") == 0


def test_an_update_in_bulk_and_a_deletion_are_followed(draft_a, officer_a):
    ReportSection.objects.filter(report=draft_a, code="ngo_aid").update(text="Dự án của JICA.")
    assert (total(officer_a, "WWF"), total(officer_a, "JICA")) == (0, 1)
    draft_a.delete()
    assert total(officer_a, "JICA") == 0


def test_text_in_decomposed_unicode_is_found_and_shown_as_written(commune_a, officer_a):
    text = unicodedata.normalize("NFD", "Tiếp nhận viện trợ của tổ chức Đông Tây Hội Ngộ.")
    ingested(commune_a, period="2025", sections=[{"code": "ngo_aid", "heading": "Viện trợ", "text": text}])
    hit = report_search(user=officer_a, query="dong tay hoi ngo").hits[0]
    assert "<mark>Đông</mark> <mark>Tây</mark> <mark>Hội</mark> <mark>Ngộ</mark>" in hit.snippet


def _drop_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # the three of reports_reportsection, as a rebuilt table loses them
            for name in index.SQLITE_TRIGGERS[:3]:
                cursor.execute(f"DROP TRIGGER {name}")
        else:
            name, table = index.PG_TRIGGERS[0]
            cursor.execute(f"DROP TRIGGER {name} ON {table}")


def test_lost_triggers_are_put_back_and_the_index_rebuilt_after_migrate(draft_a, officer_a):
    """What SQLite does to a table's triggers when a migration rebuilds the table."""
    _drop_triggers()
    ReportSection.objects.filter(report=draft_a, code="ngo_aid").update(text="Dự án của JICA.")
    assert total(officer_a, "JICA") == 0  # the index missed it
    assert index.search_index_repair(connection) is True
    assert (total(officer_a, "JICA"), total(officer_a, "WWF")) == (1, 0)
    assert index.search_index_repair(connection) is False  # nothing missing any more
    write(draft_a, "ngo_aid", "KOICA", officer_a)
    assert total(officer_a, "KOICA") == 1  # and the triggers work again


def test_migrate_runs_the_repair(draft_a, officer_a):
    from django.core.management import call_command

    _drop_triggers()
    call_command("migrate", verbosity=0)
    ReportSection.objects.filter(report=draft_a, code="ngo_aid").update(text="Dự án của JICA.")
    assert total(officer_a, "JICA") == 1


def test_rebuild_refills_the_index_from_the_sections(draft_a, officer_a):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {index.SQLITE_TABLE}")
        else:
            cursor.execute(f"DELETE FROM {index.PG_TABLE}")
    assert total(officer_a, "WWF") == 0
    index.search_index_rebuild(connection)
    assert total(officer_a, "WWF") == 1


def test_group_headings_are_not_indexed_and_a_section_that_becomes_one_leaves(commune_a, officer_a):
    report = ingested(
        commune_a,
        period="2025",
        sections=[
            {"code": "other", "heading": "III. KẾT QUẢ TRIỂN KHAI", "text": ""},
            {"code": "plans", "heading": "Kết quả", "text": "x"},
        ],
    )
    ReportSection.objects.filter(report=report, code="other").update(is_group=True)
    assert [hit.section.code for hit in report_search(user=officer_a, query="ket qua").hits] == ["plans"]
    ReportSection.objects.filter(report=report, code="other").update(is_group=False)
    assert report_search(user=officer_a, query="ket qua").total == 2
    ReportSection.objects.create(report=report, position=3, code="other", heading="Kết quả nhóm", is_group=True)
    assert report_search(user=officer_a, query="ket qua").total == 2


def test_a_document_placed_in_its_unit_later_is_found_by_that_unit(commune_b, officer_b, province_officer):

    report = Report.objects.create(origin=Report.Origin.INGESTED, status="read", created_by=province_officer)
    sections = [{"code": "ngo_aid", "heading": "Viện trợ", "text": "Dự án của Hue Help."}]
    report_replace_content(report=report, data={"sections": sections})
    assert total(province_officer, "hue help") == 1  # read by the province, not yet placed
    assert total(officer_b, "hue help") == 0
    report.unit, report.period = commune_b, "2025"
    report.save()
    assert total(officer_b, "hue help") == 1
    assert total(province_officer, "hue help") == 1


def test_a_commune_moved_to_another_province_is_found_there(
    sent_b, commune_b, other_province, other_province_officer, province_officer, monkeypatch
):
    from doingoai.search import services
    from doingoai.units.models import Unit

    monkeypatch.setattr(services, "NARROW_MOST", 0)  # narrow by province, not by unit
    assert (total(province_officer, "WWF"), total(other_province_officer, "WWF")) == (1, 0)
    Unit.objects.filter(pk=commune_b.pk).update(province=other_province)
    assert (total(province_officer, "WWF"), total(other_province_officer, "WWF")) == (0, 1)


def test_saving_a_report_or_a_unit_unchanged_leaves_the_index_alone(draft_a, commune_a, officer_a):
    draft_a.save()
    commune_a.save()
    assert total(officer_a, "WWF") == 1


def test_filters_follow_a_period_or_a_section_code_corrected_after_reading(commune_a, officer_a):
    report = ingested(commune_a, period="2025", sections=[{"code": "other", "heading": "Mục khác", "text": "KOICA"}])
    search = lambda **filters: report_search(user=officer_a, query="KOICA", **filters).total  # noqa: E731
    assert (search(period="2025"), search(section="other"), search(section="ngo_aid")) == (1, 1, 0)
    Report.objects.filter(pk=report.pk).update(period="2026H1")
    ReportSection.objects.filter(report=report).update(code="ngo_aid")
    assert (search(period="2025"), search(period="2026H1")) == (0, 1)
    assert (search(section="other"), search(section="ngo_aid")) == (0, 1)
    ReportSection.objects.filter(report=report).update(also=["economic_diplomacy"])
    assert search(section="economic_diplomacy") == 1
