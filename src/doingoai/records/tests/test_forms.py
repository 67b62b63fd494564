"""Bad input gets a clear Vietnamese error and stores nothing."""

import pytest

from doingoai.lib import vn
from doingoai.lib.formfields import ERROR_COUNTRY
from doingoai.records.forms import record_form_class
from doingoai.records.models import (
    ERROR_COUNTRY_REQUIRED,
    ERROR_DUPLICATE_RESIDENTS,
    ERROR_END_BEFORE_START,
    ERROR_OUT_IS_FOREIGN,
    Delegation,
    ForeignResidentCount,
    NgoAidProject,
)

pytestmark = pytest.mark.django_db

GOOD = {
    "direction": "in",
    "origin": "foreign",
    "partner": "KOICA",
    "country": "KR",
    "start_date": "05/05/2026",
    "end_date": "06/05/2026",
    "members_count": "03",
}


def form_for(code, unit, **data):
    model = record_form_class(code)._meta.model
    return record_form_class(code)(data=data, instance=model(unit=unit))


def test_a_good_delegation_reads_vietnamese_dates_and_counts(commune_a):
    form = form_for("delegations", commune_a, **GOOD)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["members_count"] == 3
    assert str(form.cleaned_data["start_date"]) == "2026-05-05"


def test_a_wrong_date_is_refused(commune_a):
    form = form_for("delegations", commune_a, **{**GOOD, "start_date": "31/02/2026"})
    assert not form.is_valid()
    assert form.errors["start_date"] == [vn.ERROR_DATE]


def test_an_end_before_the_start_is_refused(commune_a):
    form = form_for("delegations", commune_a, **{**GOOD, "end_date": "01/05/2026"})
    assert not form.is_valid()
    assert form.errors["end_date"] == [ERROR_END_BEFORE_START]


def test_a_negative_count_is_refused(commune_a):
    form = form_for("delegations", commune_a, **{**GOOD, "members_count": "-2"})
    assert form.errors["members_count"] == [vn.ERROR_NEGATIVE]


def test_an_amount_with_a_letter_o_for_a_zero_is_refused(commune_a):
    form = form_for(
        "ngo-aid",
        commune_a,
        name="Nước sạch",
        donor="WVI",
        donor_country="US",
        sector="health",
        start_date="01/02/2026",
        cash_value_vnd="1.5OO.000",
    )
    assert form.errors["cash_value_vnd"] == [vn.ERROR_AMOUNT]
    assert not NgoAidProject.objects.exists()


def test_amounts_are_typed_as_officers_write_them(commune_a):
    form = form_for(
        "ngo-aid",
        commune_a,
        name="Nước sạch",
        donor="WVI",
        donor_country="Hoa Kỳ",
        sector="health",
        start_date="01/02/2026",
        cash_value_vnd="1,2 tỷ",
        in_kind_value_vnd="15 triệu",
    )
    assert form.is_valid(), form.errors
    project = form.save()
    assert project.total_value_vnd == 1_215_000_000 and project.donor_country == "US"


def test_a_foreign_delegation_needs_a_country_from_the_list(commune_a):
    assert form_for("delegations", commune_a, **{**GOOD, "country": ""}).errors["country"] == [ERROR_COUNTRY_REQUIRED]
    assert form_for("delegations", commune_a, **{**GOOD, "country": "Atlantis"}).errors["country"] == [ERROR_COUNTRY]


def test_a_delegation_out_goes_abroad(commune_a):
    form = form_for("delegations", commune_a, **{**GOOD, "direction": "out", "origin": "domestic"})
    assert form.errors["origin"] == [ERROR_OUT_IS_FOREIGN]
    assert not Delegation.objects.exists()


def test_the_same_nationality_is_counted_once_per_date(commune_a):
    ForeignResidentCount.objects.create(unit=commune_a, as_of_date="2026-06-01", country="KR", count=12)
    form = form_for("foreign-residents", commune_a, as_of_date="01/06/2026", country="KR", count="14")
    assert not form.is_valid()
    assert ERROR_DUPLICATE_RESIDENTS in str(form.errors)


def test_an_agreement_cannot_expire_before_it_is_signed(commune_a):
    from doingoai.records.models import ERROR_EXPIRY_BEFORE_SIGNING

    form = form_for(
        "agreements",
        commune_a,
        title="Biên bản ghi nhớ",
        partner="Xã Phu Cưa",
        country="LA",
        signed_date="05/11/2025",
        status="in_force",
        expiry_date="01/01/2025",
    )
    assert form.errors["expiry_date"] == [ERROR_EXPIRY_BEFORE_SIGNING]
