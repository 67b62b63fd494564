import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from doingoai.reports.models import ReportVersion
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import ERROR_LOCKED, ERROR_PENDING
from doingoai.reports.services.editing import (
    ERROR_CONFLICT,
    ERROR_STALE_REPORT,
    SectionConflict,
    report_meta_save,
    report_section_save,
    report_version_restore,
)
from doingoai.reports.services.versions import NOTE_AUTOSAVE, report_current_content, report_diff
from doingoai.reports.services.workflow import report_submit_for_approval

from .factories import approved, composed, section

pytestmark = pytest.mark.django_db


def test_a_save_moves_the_section_and_the_report_versions_on(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    before = report.version
    saved = report_section_save(section=target, text="Đoạn mới.", version=target.version, by=officer_a)
    report.refresh_from_db()
    assert saved.text == "Đoạn mới." and saved.version == target.version + 1 and report.version > before


def test_two_tabs_saving_one_section_conflict_and_nothing_is_overwritten(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    tab_one = tab_two = section(report, "situation")
    report_section_save(section=tab_one, text="Bản của thẻ thứ nhất.", version=tab_one.version, by=officer_a)
    with pytest.raises(SectionConflict) as caught:
        report_section_save(section=tab_two, text="Bản của thẻ thứ hai.", version=tab_two.version, by=officer_a)
    assert str(caught.value) == ERROR_CONFLICT
    assert caught.value.section.text == "Bản của thẻ thứ nhất." and caught.value.mine == "Bản của thẻ thứ hai."
    assert section(report, "situation").text == "Bản của thẻ thứ nhất."


def test_keeping_my_text_after_a_conflict_saves_it_on_the_current_version(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    stale = section(report, "situation")
    report_section_save(section=stale, text="Người khác sửa.", version=stale.version, by=officer_a)
    try:
        report_section_save(section=stale, text="Bản của tôi.", version=stale.version, by=officer_a)
    except SectionConflict as conflict:
        report_section_save(section=stale, text="Bản của tôi.", version=conflict.section.version, by=officer_a)
    assert section(report, "situation").text == "Bản của tôi."


def test_different_sections_never_conflict(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    first, second = section(report, "situation"), section(report, "direction")
    report_section_save(section=first, text="Một.", version=first.version, by=officer_a)
    report_section_save(section=second, text="Hai.", version=second.version, by=officer_a)
    assert section(report, "direction").text == "Hai."


def test_retrying_the_same_text_after_a_lost_answer_is_not_a_conflict(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    report_section_save(section=target, text="Gửi khi mạng chập chờn.", version=target.version, by=officer_a)
    again = report_section_save(section=target, text="Gửi khi mạng chập chờn.", version=target.version, by=officer_a)
    assert again.version == target.version + 1


def test_stale_meta_is_refused_with_a_clear_message(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    fields = dict(
        summary="Trích yếu", basis="Thực hiện...", closing="Trên đây...", recipients=["Sở Ngoại vụ", "Lưu: VT"]
    )
    report_meta_save(report=report, by=officer_a, version=report.version, **fields)
    with pytest.raises(ReportError, match=re.escape(ERROR_STALE_REPORT)):
        report_meta_save(report=report, by=officer_a, version=report.version, **fields)


def test_a_pending_or_approved_report_cannot_be_edited(commune_a, officer_a, leader_a):
    report = composed(commune_a, by=officer_a)
    report_submit_for_approval(report=report, by=officer_a)
    target = section(report, "situation")
    with pytest.raises(ReportError, match=re.escape(ERROR_PENDING)):
        report_section_save(section=target, text="x", version=target.version, by=officer_a)


def test_another_commune_cannot_save_a_section(commune_a, officer_a, officer_b):
    target = section(composed(commune_a, by=officer_a), "situation")
    with pytest.raises(PermissionDenied):
        report_section_save(section=target, text="x", version=target.version, by=officer_b)


def test_autosaves_of_one_session_share_a_version_and_every_save_stays_in_the_history(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    for text in ["Một.", "Một hai.", "Một hai ba."]:
        target = report_section_save(section=target, text=text, version=target.version, by=officer_a)
    autosaves = report.versions.filter(note=NOTE_AUTOSAVE)
    assert autosaves.count() == 1
    assert autosaves.get().content["sections"][0]["text"] == "Một hai ba."
    assert [h.text for h in target.history.order_by("history_date")][-3:] == ["Một.", "Một hai.", "Một hai ba."]
    ReportVersion.objects.filter(pk=autosaves.get().pk).update(created_at=timezone.now() - dt.timedelta(minutes=11))
    report_section_save(section=target, text="Phiên sau.", version=target.version, by=officer_a)
    assert report.versions.filter(note=NOTE_AUTOSAVE).count() == 2


def test_a_version_is_compared_word_by_word(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    old = report_current_content(report)
    target = section(report, "situation")
    report_section_save(
        section=target,
        text=target.text.replace("cơ bản ổn định", "ổn định <tốt>"),
        version=target.version,
        by=officer_a,
    )
    changes = report_diff(old, report_current_content(report))
    assert len(changes) == 1 and changes[0].heading == "Đặc điểm tình hình"
    html = changes[0].html
    assert "<del> cơ bản</del> ổn" in html and "<ins> định &lt;tốt&gt;;</ins>" in html and "<tốt>" not in html


def test_a_saved_version_can_be_restored_and_the_replaced_text_is_kept(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    first = report.versions.get(number=1)
    original = section(report, "situation").text
    target = section(report, "situation")
    report_section_save(section=target, text="Viết lại hoàn toàn.", version=target.version, by=officer_a)
    report_version_restore(report=report, version=first, by=officer_a)
    assert section(report, "situation").text == original
    kept = report.versions.filter(note="Trước khi khôi phục phiên bản 1").get()
    assert kept.content["sections"][0]["text"] == "Viết lại hoàn toàn."


def test_an_approved_report_cannot_be_restored(commune_a, officer_a, leader_a):
    report = approved(commune_a, officer_a, leader_a)
    with pytest.raises(ReportError, match=re.escape(ERROR_LOCKED)):
        report_version_restore(report=report, version=report.versions.first(), by=officer_a)
