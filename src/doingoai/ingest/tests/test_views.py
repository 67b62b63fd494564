import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.ingest import views
from doingoai.ingest.forms import ERROR_UNIT, ERROR_VALUE
from doingoai.ingest.models import Batch, Correction, Document
from doingoai.ingest.services import placing
from doingoai.ingest.services.uploads import batch_create, batch_run
from doingoai.lib.periods import Period
from doingoai.reports.models import Report
from doingoai.testing import client_for

from .conftest import report_text

pytestmark = pytest.mark.django_db


def upload(user, filename="minh-long.txt", data=None, **extra):
    return batch_run(batch=batch_create(files=[(filename, data or report_text(**extra))], by=user)).documents.get()


@pytest.fixture
def lan(province_officer):
    return client_for(province_officer)


@pytest.fixture
def province_document(province_officer, commune_a):
    """Chị Lan has uploaded Xã Minh Long's Word file."""
    return upload(province_officer)


@pytest.fixture
def commune_document(officer_a):
    """Chị Hoa has uploaded her commune's own archive."""
    return upload(officer_a, "luu-tru-2025.txt")


def document_urls(document):
    pk = document.pk
    section = document.report.sections.first().position
    return {
        "get": [
            reverse("ingest:document", args=[pk]),
            reverse("ingest:file", args=[pk]),
            reverse("ingest:unit-options", args=[pk]) + "?q=minh",
            reverse("ingest:batch", args=[document.batch_id]),
        ],
        "post": [
            (reverse("ingest:place", args=[pk]), {"unit": document.report.unit_id, "period": "2025"}),
            (reverse("ingest:section", args=[pk, section]), {"code": "other"}),
            (reverse("ingest:fact", args=[pk]), {"indicator": "delegations_out", "value": "5"}),
            (reverse("ingest:confirm", args=[pk]), {}),
        ],
    }


def assert_hidden(client, document):
    urls = document_urls(document)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url, data in urls["post"]:
        assert client.post(url, data).status_code == 404, url
    assert document.original_name not in client.get(reverse("ingest:documents") + "?trang-thai=tat-ca").content.decode()
    assert document.original_name not in client.get(reverse("ingest:unassigned")).content.decode()
    report = Report.objects.get(pk=document.report_id)
    assert report.status == Report.Status.READ and not Correction.objects.exists()


def test_it_hides_other_communes_documents(commune_document, client_b):
    assert_hidden(client_b, commune_document)


def test_it_hides_a_provinces_uploads_from_other_communes(province_document, client_b):
    assert_hidden(client_b, province_document)


def test_it_hides_documents_from_another_province(province_document, commune_document, other_province_officer):
    client = client_for(other_province_officer)
    assert_hidden(client, province_document)
    assert_hidden(client, commune_document)


def test_it_hides_other_communes_unassigned_documents(officer_a, client_b):
    document = upload(officer_a, "hu-cau.txt", name="Hư Cấu")
    assert document.outcome == Document.Outcome.UNASSIGNED
    assert client_b.get(reverse("ingest:document", args=[document.pk])).status_code == 404
    assert "hu-cau.txt" not in client_b.get(reverse("ingest:unassigned")).content.decode()


def test_a_province_officer_sees_its_own_uploads(lan, province_document):
    page = lan.get(reverse("ingest:documents") + "?trang-thai=tat-ca").content.decode()
    assert province_document.original_name in page


def test_a_communes_own_upload_stays_its_draft_until_confirmed(lan, commune_document, officer_a):
    from doingoai.ingest.services.placing import document_confirm

    assert_hidden(lan, commune_document)
    document_confirm(document=commune_document, by=officer_a)
    assert lan.get(reverse("ingest:document", args=[commune_document.pk])).status_code == 200


def test_the_commune_sees_what_the_province_read_as_its_report(province_document, client_a):
    assert client_a.get(reverse("ingest:document", args=[province_document.pk])).status_code == 200


def test_people_without_a_unit_get_404(units):
    from doingoai.people.models import User

    nobody = User.objects.create_user("khach", password="x")
    assert client_for(nobody).get(reverse("ingest:upload")).status_code == 404


def test_uploading_a_file_reads_it_in_the_background_and_shows_the_batch(
    lan, commune_a, django_capture_on_commit_callbacks
):
    page = lan.get(reverse("ingest:upload")).content.decode()
    assert "Tối đa 50 MB mỗi lần tải lên" in page and 'data-max-bytes="52428800"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = lan.post(
            reverse("ingest:upload"),
            {"files": SimpleUploadedFile("minh-long.txt", report_text()), "period": "2025"},
        )
    batch = Batch.objects.get()
    assert response.status_code == 302 and response.url == reverse("ingest:batch", args=[batch.pk])
    page = lan.get(response.url).content.decode()
    assert "Đã đọc xong: 1/1 tệp" in page and "Xã Minh Long, Năm 2025" in page
    assert "hx-trigger" not in page  # done: no more polling
    document = batch.documents.get()
    assert document.report.unit == commune_a and document.period_requested == "2025"


def test_the_batch_page_polls_while_reading(lan, province_officer):
    batch = batch_create(files=[("a.txt", report_text())], by=province_officer)
    page = lan.get(reverse("ingest:batch", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "Đang chờ đọc" in page
    partial = lan.get(reverse("ingest:batch", args=[batch.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<section id="batch-progress"') and "<html" not in partial


def test_each_file_of_a_batch_says_what_became_of_it(lan, province_officer):
    files = [
        ("minh-long.txt", report_text()),
        ("hong.docx", b"PK\x03\x04 not a word file"),
        ("huyen.txt", report_text(name="Định Hóa", level="huyện", province="Thái Nguyên")),
        ("2024.txt", report_text(year=2024)),
    ]
    batch = batch_run(batch=batch_create(files=files, by=province_officer, period=Period(2025)))
    page = lan.get(reverse("ingest:batch", args=[batch.pk])).content.decode()
    from doingoai.lib.reader.errors import ERROR_CORRUPT_DOCX

    assert "Không đọc được" in page and ERROR_CORRUPT_DOCX in page
    assert "Chưa xác định đơn vị hoặc kỳ" in page and "cấp huyện trước năm 2025" in page
    assert "Kỳ khác kỳ đã chọn" in page


def test_the_review_screen_shows_the_text_beside_what_was_read(lan, province_document):
    page = lan.get(reverse("ingest:document", args=[province_document.pk])).content.decode()
    assert "Văn bản gốc" in page and "XÃ MINH LONG" in page
    assert '<mark id="ev-delegations_in_foreign" tabindex="-1">Trong năm 2025, xã tiếp đón 02 đoàn nước ngoài' in page
    assert 'href="#ev-delegations_in_foreign"' in page
    assert 'id="value-delegations_in_foreign" name="value" value="2"' in page
    assert "Đoàn vào (nước ngoài)" in page and "Xác nhận số liệu" in page
    assert "1. Công tác đoàn ra, đoàn vào" in page and "10/12/2025" in page


def test_correcting_a_value_with_htmx_swaps_the_fact(lan, province_document):
    url = reverse("ingest:fact", args=[province_document.pk])
    response = lan.post(url, {"indicator": "delegations_in_foreign", "value": "1.203"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div class="fact" id="fact-delegations_in_foreign">')
    assert "Đã lưu." in body and 'value="1.203"' in body and "doingoai đọc được: 2" in body
    assert province_document.report.indicators.get(indicator="delegations_in_foreign").value == 1203


def test_a_value_that_is_not_a_number_is_refused_in_vietnamese(lan, province_document):
    url = reverse("ingest:fact", args=[province_document.pk])
    body = lan.post(url, {"indicator": "delegations_in_foreign", "value": ""}, HTTP_HX_REQUEST="true").content.decode()
    assert ERROR_VALUE in body
    response = lan.post(url, {"indicator": "delegations_in_foreign", "value": "abc"})
    assert response.status_code == 400 and "Số không hợp lệ" in response.content.decode()
    assert province_document.report.indicators.get(indicator="delegations_in_foreign").value == 2


def test_not_stated_and_adding_a_missing_fact(lan, province_document):
    url = reverse("ingest:fact", args=[province_document.pk])
    response = lan.post(url, {"indicator": "foreigners_resident", "not_stated": "1"})
    assert response.status_code == 302 and response.url.endswith("#fact-foreigners_resident")
    response = lan.post(
        url,
        {"indicator": "ngo_aid_value_vnd", "value": "15 triệu", "evidence": "Tiếp nhận 15 triệu đồng.", "adding": "1"},
    )
    values = dict(province_document.report.indicators.values_list("indicator", "value"))
    assert values["foreigners_resident"] is None and values["ngo_aid_value_vnd"] == 15_000_000
    page = lan.get(reverse("ingest:document", args=[province_document.pk])).content.decode()
    assert 'id="not-stated-foreigners_resident" name="not_stated" value="1" checked' in page
    assert 'value="15.000.000"' in page


def test_changing_a_sections_code(lan, province_document):
    section = province_document.report.sections.get(code="difficulties")
    url = reverse("ingest:section", args=[province_document.pk, section.position])
    body = lan.post(url, {"code": "causes"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Đã lưu mã mục." in body and '<option value="causes" selected>' in body
    assert lan.post(url, {"code": "khong-co"}).status_code == 302
    section.refresh_from_db()
    assert section.code == "causes"


def test_placing_an_unassigned_document(lan, province_officer, commune_a):
    document = upload(province_officer, "hu-cau.txt", name="Hư Cấu")
    page = lan.get(reverse("ingest:unassigned")).content.decode()
    assert "hu-cau.txt" in page and "Xã Hư Cấu, Quảng Ngãi" in page
    options = lan.get(reverse("ingest:unit-options", args=[document.pk]) + "?q=minh long", HTTP_HX_REQUEST="true")
    assert f'value="{commune_a.pk}"' in options.content.decode()
    response = lan.post(
        reverse("ingest:place", args=[document.pk]),
        {"unit": commune_a.pk, "period": "2025", "next": reverse("ingest:unassigned")},
    )
    assert response.status_code == 302 and response.url == reverse("ingest:unassigned")
    document.refresh_from_db()
    assert document.report.unit == commune_a and document.report.period == "2025"


def test_placing_outside_the_province_is_refused(lan, province_officer):
    document = upload(province_officer, "hu-cau.txt", name="Hư Cấu")
    from doingoai.units.services import unit_by_code

    response = lan.post(
        reverse("ingest:place", args=[document.pk]), {"unit": unit_by_code(code=5581).pk, "period": "2025"}
    )
    assert response.status_code == 400 and ERROR_UNIT in response.content.decode()


def test_the_search_without_javascript_lists_units_on_the_review_page(lan, province_officer):
    document = upload(province_officer, "hu-cau.txt", name="Hư Cấu")
    page = lan.get(reverse("ingest:document", args=[document.pk]) + "?q=duc pho").content.decode()
    assert "Phường Đức Phổ, Quảng Ngãi" in page


def test_confirming_from_the_review_screen(lan, province_document):
    response = lan.post(reverse("ingest:confirm", args=[province_document.pk]))
    assert response.status_code == 302
    page = lan.get(response.url).content.decode()
    assert views.CONFIRMED in page and "Đã xác nhận" in page and "Xác nhận số liệu</button>" not in page
    province_document.report.refresh_from_db()
    assert province_document.report.counts_for_province


def test_confirming_an_unassigned_document_says_what_to_do(lan, province_officer):
    document = upload(province_officer, "hu-cau.txt", name="Hư Cấu")
    response = lan.post(reverse("ingest:confirm", args=[document.pk]), follow=True)
    assert placing.ERROR_CONFIRM_UNPLACED in response.content.decode()


def test_the_original_file_is_served_only_through_the_scoped_view(lan, province_document):
    response = lan.get(reverse("ingest:file", args=[province_document.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == report_text()
    assert 'filename="minh-long.txt"' in response["Content-Disposition"]


def test_document_lists_filter_by_state(lan, province_officer, province_document):
    upload(province_officer, "hu-cau.txt", name="Hư Cấu")
    waiting = lan.get(reverse("ingest:documents") + "?trang-thai=cho-xac-nhan").content.decode()
    assert "minh-long.txt" in waiting and "hu-cau.txt" not in waiting
    unassigned = lan.get(reverse("ingest:documents") + "?trang-thai=chua-gan").content.decode()
    assert "hu-cau.txt" in unassigned and "minh-long.txt" not in unassigned


def test_the_navigation_offers_reading_existing_reports(lan, client_a):
    assert "Đọc báo cáo có sẵn" in lan.get("/").content.decode()
    assert "Đọc báo cáo có sẵn" in client_a.get("/").content.decode()


def test_placing_never_redirects_off_the_site(lan, province_officer, commune_a):
    document = upload(province_officer, "hu-cau.txt", name="Hư Cấu")
    response = lan.post(
        reverse("ingest:place", args=[document.pk]),
        {"unit": commune_a.pk, "period": "2025", "next": "https://evil.example/"},
    )
    assert response.url == reverse("ingest:document", args=[document.pk])
