import pytest

from doingoai.search.terms import ERROR_EMPTY, ERROR_SHORT
from doingoai.testing import client_for

pytestmark = pytest.mark.django_db

URL = "/search/"


def results(response) -> str:
    """The results region of the page, without the form and its options."""
    return response.content.decode().split('id="search-results"', 1)[1]


def test_search_is_in_the_navigation_of_commune_and_province_users(client_a, province_officer):
    assert 'href="/search/">Tìm kiếm</a>' in client_a.get("/").content.decode()
    assert 'href="/search/">Tìm kiếm</a>' in client_for(province_officer).get("/").content.decode()


def test_the_page_asks_for_words_and_says_nothing_before_a_search(client_a):
    page = client_a.get(URL).content.decode()
    assert 'role="search"' in page and 'name="q"' in page and "Có dấu hay không dấu" in page
    assert ERROR_EMPTY not in page


def test_a_search_without_javascript_lists_the_hits_with_unit_period_heading_and_link(client_a, draft_a):
    page = client_a.get(URL, {"q": "vien tro WWF"}).content.decode()
    section = draft_a.sections.get(code="ngo_aid")
    assert "Tìm thấy <strong>1</strong> mục báo cáo có “vien tro WWF”" in page
    assert "Xã Minh Long" in page and "6 tháng đầu năm 2026" in page and "Đang soạn" in page
    assert f'href="/reports/{draft_a.pk}/?xem=in#d-{section.pk}"' in page
    assert "<mark>WWF</mark>" in page


def test_htmx_gets_only_the_results(client_a, draft_a):
    response = client_a.get(URL, {"q": "WWF"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<mark>WWF</mark>" in body and "<html" not in body and 'role="search"' not in body


def test_an_empty_or_too_short_query_says_so_in_vietnamese(client_a):
    assert ERROR_EMPTY in client_a.get(URL, {"q": "  "}).content.decode()
    assert ERROR_SHORT in client_a.get(URL, {"q": "a"}, HTTP_HX_REQUEST="true").content.decode()


def test_nothing_found_says_what_to_try(client_a, draft_a):
    assert "Không tìm thấy mục báo cáo nào có “KOICA”" in client_a.get(URL, {"q": "KOICA"}).content.decode()


def test_it_hides_other_communes_reports(client_a, client_b, draft_a, draft_b):
    assert "Bảo vệ Thiên nhiên" not in client_b.get(URL, {"q": "WWF"}).content.decode()
    assert "Thụy Sĩ" not in client_a.get(URL, {"q": "WWF"}).content.decode()
    refused = client_a.get(URL, {"q": "WWF", "unit": "21439"}).content.decode()
    assert "Không có đơn vị mã 21439 trong phạm vi" in refused and "Thụy Sĩ" not in refused


def test_a_commune_has_no_unit_filter_a_province_chooses_among_its_units(client_a, draft_a, sent_b, province_officer):
    assert 'name="unit"' not in client_a.get(URL).content.decode()
    page = client_for(province_officer).get(URL).content.decode()
    assert '<option value="21439">Phường Đức Phổ</option>' in page
    # Every commune of the province is offered (its existence is no secret); a draft's words never show.
    assert '<option value="21361">Xã Minh Long</option>' in page
    assert "Bảo vệ Thiên nhiên" not in client_for(province_officer).get(URL, {"q": "WWF"}).content.decode()
    assert '<option value="2026H1">6 tháng đầu năm 2026</option>' in page


def test_the_province_filters_by_unit_period_and_section(sent_b, province_report, province_officer):
    client = client_for(province_officer)
    only_province = results(client.get(URL, {"q": "WWF", "unit": "tinh:51"}))
    assert "Tỉnh Quảng Ngãi" in only_province and "Phường Đức Phổ" not in only_province
    assert "Phường Đức Phổ" in results(client.get(URL, {"q": "WWF", "period": "2026H1", "section": "ngo_aid"}))
    assert "Kỳ báo cáo không hợp lệ" in client.get(URL, {"q": "WWF", "period": "2026H7"}).content.decode()


def test_results_come_in_pages(commune_a, client_a):
    from .conftest import ingested

    ingested(
        commune_a,
        period="2025",
        sections=[{"code": "other", "heading": f"Mục {n}", "text": "KOICA"} for n in range(45)],
    )
    first = client_a.get(URL, {"q": "KOICA"}).content.decode()
    assert "trang 1/3" in first and "?q=KOICA&amp;trang=2" in first and "Trang trước" not in first
    last = client_a.get(URL, {"q": "KOICA", "trang": "3"}).content.decode()
    assert last.count('class="card hit"') == 5 and "Trang trước" in last and "Trang sau" not in last


def test_a_person_must_sign_in(client):
    response = client.get(URL, {"q": "WWF"})
    assert response.status_code == 302 and "/login/" in response["Location"]
