import pytest

from doingoai.people.models import User
from doingoai.reports.models import Report
from doingoai.reports.services.workflow import report_reject
from doingoai.search import services
from doingoai.search.services import SearchError, report_search, search_unit_parse, sections_search
from doingoai.search.terms import ERROR_EMPTY, ERROR_LONG, ERROR_SHORT, ERROR_SHORT_PREFIX
from doingoai.testing import make_user

from .conftest import ingested, write

pytestmark = pytest.mark.django_db


def found(results):
    return [(hit.report.unit.code, hit.section.code) for hit in results.hits]


def test_vien_tro_wwf_finds_the_aid_of_wwf_written_with_diacritics(draft_a, officer_a):
    results = report_search(user=officer_a, query="vien tro WWF")
    assert results.total == 1
    hit = results.hits[0]
    assert (hit.report, hit.section.code) == (draft_a, "ngo_aid")
    assert "<mark>viện</mark> <mark>trợ</mark> của Quỹ Quốc tế Bảo vệ Thiên nhiên (<mark>WWF</mark>)" in hit.snippet
    assert hit.period_label == "6 tháng đầu năm 2026"
    assert hit.url == f"/reports/{draft_a.pk}/?xem=in#d-{hit.section.pk}"


def test_typed_with_diacritics_or_in_capitals_it_finds_the_same(draft_a, officer_a):
    for query in ("viện trợ wwf", "VIỆN TRỢ WWF", "Vien Tro Wwf"):
        assert found(report_search(user=officer_a, query=query)) == [(21361, "ngo_aid")]


def test_d_finds_the_vietnamese_letter_d_with_stroke(draft_a, officer_a):
    results = report_search(user=officer_a, query='"doan ra"', section="delegations")
    assert results.total == 1
    assert "<mark>đoàn ra</mark>" in results.hits[0].heading.lower() + results.hits[0].snippet.lower()


def test_a_commune_finds_its_own_draft_and_never_another_communes(draft_a, draft_b, officer_a, officer_b, leader_a):
    assert found(report_search(user=officer_a, query="WWF")) == [(21361, "ngo_aid")]
    assert found(report_search(user=leader_a, query="WWF")) == [(21361, "ngo_aid")]
    assert found(report_search(user=officer_b, query="WWF")) == [(21439, "ngo_aid")]
    assert report_search(user=officer_b, query="Bảo vệ Thiên nhiên").total == 0


def test_a_province_officer_finds_what_its_communes_sent_and_its_own_never_a_draft(
    draft_a, sent_b, sent_other, province_report, province_officer, administrator
):
    results = report_search(user=province_officer, query="WWF")
    assert sorted(found(results)) == [(51, "ngo_aid"), (21439, "ngo_aid")]
    assert draft_a.pk not in {hit.report.pk for hit in results.hits}
    assert sorted(found(report_search(user=administrator, query="WWF"))) == [(51, "ngo_aid"), (21439, "ngo_aid")]


def test_a_province_officer_never_sees_another_provinces_reports(sent_b, sent_other, other_province_officer):
    assert found(report_search(user=other_province_officer, query="WWF")) == [(5581, "ngo_aid")]


def test_a_report_the_province_returned_leaves_its_search_when_the_commune_edits_it(
    sent_b, officer_b, province_officer
):

    report_reject(report=sent_b, by=province_officer, reason="Thiếu số liệu viện trợ.")
    assert report_search(user=province_officer, query="WWF").total == 1  # returned: still the version it received
    write(Report.objects.get(pk=sent_b.pk), "ngo_aid", "WWF và KOICA", officer_b)  # a draft again
    assert report_search(user=province_officer, query="WWF").total == 0
    assert report_search(user=officer_b, query="KOICA").total == 1


def test_someone_without_a_unit_finds_nothing(draft_a, sent_b):
    nobody = User.objects.create(username="khach", role="commune_officer")
    assert report_search(user=nobody, query="WWF").total == 0


def test_the_filters_unit_period_and_section(sent_b, province_report, province_officer, province, commune_b):
    by_unit = report_search(user=province_officer, query="vien tro", unit=commune_b)
    assert {hit.report.unit for hit in by_unit.hits} == {commune_b}
    assert found(report_search(user=province_officer, query="vien tro", unit=province)) == [(51, "ngo_aid")]
    assert found(report_search(user=province_officer, query="WWF", period="2025")) == [(51, "ngo_aid")]
    assert report_search(user=province_officer, query="WWF", period="2026H2").total == 0
    assert found(report_search(user=province_officer, query="phien dich", section="difficulties")) == [
        (51, "difficulties")
    ]
    assert report_search(user=province_officer, query="phien dich", section="plans").total == 0


def test_a_section_that_also_covers_a_code_is_found_by_it(commune_a, officer_a):
    ingested(
        commune_a,
        period="2025",
        sections=[
            {
                "code": "economic_diplomacy",
                "also": ["cultural_diplomacy", "overseas_vietnamese"],
                "heading": "d. Các công tác khác",
                "text": "Ngoại giao kinh tế, văn hóa, công tác về người Việt Nam ở nước ngoài: không phát sinh.",
            }
        ],
    )
    assert report_search(user=officer_a, query="van hoa", section="cultural_diplomacy").total == 1
    assert report_search(user=officer_a, query="van hoa", section="economic_diplomacy").total == 1
    assert report_search(user=officer_a, query="van hoa", section="people_diplomacy").total == 0


def test_words_are_all_required_a_quoted_phrase_side_by_side_and_a_star_a_prefix(commune_a, officer_a):
    ingested(
        commune_a,
        period="2025",
        sections=[
            {"code": "delegations", "heading": "1. Đoàn ra, đoàn vào", "text": "Tiếp 02 đoàn vào của Hàn Quốc."},
            {"code": "international_conferences", "heading": "2. Hội nghị", "text": "Không tổ chức hội thảo."},
            {"code": "plans", "heading": "3. Phương hướng", "text": "Vào năm tới, tổ chức đón đoàn Nhật Bản."},
        ],
    )
    assert report_search(user=officer_a, query="doan vao").total == 2
    assert found(report_search(user=officer_a, query='"doan vao"')) == [(21361, "delegations")]
    assert found(report_search(user=officer_a, query="doan han quoc")) == [(21361, "delegations")]
    assert found(report_search(user=officer_a, query="hoi*")) == [(21361, "international_conferences")]
    assert report_search(user=officer_a, query="ho").total == 0  # a whole word, not a part of "hội"


def test_a_heading_hit_ranks_above_a_passing_mention(commune_a, officer_a):
    ingested(
        commune_a,
        period="2025",
        sections=[
            {"code": "plans", "heading": "5. Phương hướng", "text": "Tiếp tục tuyên truyền, vận động kiều bào."},
            {"code": "overseas_vietnamese", "heading": "4. Công tác kiều bào", "text": "Kiều bào đóng góp xây trường."},
        ],
    )
    assert [hit.section.code for hit in report_search(user=officer_a, query="kieu bao").hits] == [
        "overseas_vietnamese",
        "plans",
    ]


def test_pages_of_results(commune_a, officer_a):
    sections = [{"code": "other", "heading": f"Mục {n}", "text": f"Lần thứ {n}: tiếp đoàn KOICA."} for n in range(25)]
    ingested(commune_a, period="2025", sections=sections)
    first = report_search(user=officer_a, query="KOICA", limit=10)
    third = report_search(user=officer_a, query="KOICA", limit=10, offset=20)
    assert (first.total, len(first.hits), first.has_next, first.pages) == (25, 10, True, 3)
    assert (len(third.hits), third.has_next, third.has_previous, third.page) == (5, False, True, 3)
    ids = {
        h.section.pk
        for offset in (0, 10, 20)
        for h in report_search(user=officer_a, query="KOICA", limit=10, offset=offset).hits
    }
    assert len(ids) == 25


def test_text_is_escaped_and_only_the_hits_are_marked(commune_a, officer_a):
    ingested(
        commune_a,
        period="2025",
        sections=[{"code": "other", "heading": "<b>KOICA</b>", "text": "<script>KOICA</script>"}],
    )
    hit = report_search(user=officer_a, query="KOICA").hits[0]
    assert hit.heading == "&lt;b&gt;<mark>KOICA</mark>&lt;/b&gt;"
    assert hit.snippet == "&lt;script&gt;<mark>KOICA</mark>&lt;/script&gt;"


@pytest.mark.parametrize(
    "query, message",
    [
        ("", ERROR_EMPTY),
        ("  ... ", ERROR_EMPTY),
        ("a", ERROR_SHORT),
        ("v*", ERROR_SHORT_PREFIX),
        ("x " * 101, ERROR_LONG.format(terms=12, chars=200)),
    ],
)
def test_an_empty_or_too_short_query_is_refused_in_vietnamese(officer_a, query, message):
    with pytest.raises(SearchError) as error:
        report_search(user=officer_a, query=query)
    assert str(error.value) == message


def test_a_wrong_period_section_or_page_size_is_refused_in_vietnamese(officer_a):
    with pytest.raises(SearchError, match="Kỳ báo cáo không hợp lệ"):
        report_search(user=officer_a, query="WWF", period="2026H9")
    with pytest.raises(SearchError, match="Mục báo cáo không có trong danh mục: ngoai_giao"):
        report_search(user=officer_a, query="WWF", section="ngoai_giao")
    with pytest.raises(SearchError, match="từ 1 đến 100"):
        report_search(user=officer_a, query="WWF", limit=500)


def test_a_unit_is_named_by_its_code_within_what_the_user_may_see(officer_a, province_officer, commune_b, province):
    assert search_unit_parse(code="21439", user=province_officer) == commune_b
    assert search_unit_parse(code="tinh:51", user=province_officer) == province
    assert search_unit_parse(code="Tỉnh: 51", user=province_officer) == province
    assert search_unit_parse(code="51", user=province_officer) == province
    with pytest.raises(SearchError, match="Không có đơn vị mã 21439 trong phạm vi"):
        search_unit_parse(code="21439", user=officer_a)
    with pytest.raises(SearchError, match="Không có đơn vị mã 5581 trong phạm vi"):
        search_unit_parse(code="5581", user=province_officer)
    with pytest.raises(SearchError, match="Mã đơn vị không hợp lệ"):
        search_unit_parse(code="Minh Long", user=province_officer)


def test_a_code_both_a_province_and_a_commune_bear_is_whichever_the_user_sees_else_asks(units):
    from doingoai.units.services import unit_by_code

    cao_bang = unit_by_code(code=4, province=True)
    officer = make_user("caobang", cao_bang, "province_officer")
    assert search_unit_parse(code="4", user=officer) == cao_bang
    with pytest.raises(SearchError, match="viết tinh:4 để chọn tỉnh"):
        search_unit_parse(code="4")  # the server's command line sees every unit
    assert search_unit_parse(code="tinh:4") == cao_bang


def test_the_command_line_on_the_server_searches_every_report(draft_a, sent_b, sent_other):
    results = sections_search(reports=None, query="WWF")
    assert sorted(found(results)) == [(5581, "ngo_aid"), (21361, "ngo_aid"), (21439, "ngo_aid")]
    as_dict = services.search_results_as_dict(results)
    assert as_dict["total"] == 3 and {h["unit"]["province"] for h in as_dict["hits"]} == {"Quảng Ngãi", "Thái Nguyên"}


def test_beyond_the_rank_limit_the_newest_come_first(commune_a, officer_a, monkeypatch):
    from doingoai.search import index

    sections = [{"code": "other", "heading": f"Mục {n}", "text": "KOICA " * (n + 1)} for n in range(6)]
    ingested(commune_a, period="2025", sections=sections)
    ranked = report_search(user=officer_a, query="KOICA")
    assert ranked.ranked and ranked.hits[0].section.heading == "Mục 5"  # says KOICA most
    monkeypatch.setattr(index, "RANK_LIMIT", 3)
    newest = report_search(user=officer_a, query="KOICA")
    assert not newest.ranked and newest.total == 6
    assert [hit.section.pk for hit in newest.hits] == sorted((hit.section.pk for hit in newest.hits), reverse=True)


def test_a_search_costs_the_same_few_queries_however_many_hits(sent_b, province_report, province_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        results = report_search(user=province_officer, query="WWF")
        services.search_results_as_dict(results)
        [
            (hit.url, hit.period_label, hit.report.unit.official_name, hit.report.get_status_display())
            for hit in results.hits
        ]
    assert results.total == 2
    assert len(queries) == 5  # the officer's province, the reports in scope, the count, the page, the hits
