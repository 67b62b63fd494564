"""Each catalogue is declared once; these tests fail when a consumer misses an entry."""

from doingoai.lib.catalogues import INDICATORS, ROLES, SECTION_CODES, SECTIONS


def test_codes_are_unique():
    assert len({s.code for s in SECTIONS}) == len(SECTIONS)
    assert len({i.code for i in INDICATORS}) == len(INDICATORS)


def test_every_indicator_belongs_to_a_section_and_has_a_kind():
    for indicator in INDICATORS:
        assert indicator.section in SECTION_CODES
        assert indicator.kind in ("flow", "stock")


def test_the_catalogues_hold_the_domain_notes_codes():
    expected_sections = {
        "situation",
        "assessment",
        "direction",
        "delegations",
        "international_agreements",
        "international_cooperation",
        "international_conferences",
        "ngo_aid",
        "economic_diplomacy",
        "cultural_diplomacy",
        "external_information",
        "consular_affairs",
        "overseas_vietnamese",
        "party_diplomacy",
        "state_diplomacy",
        "people_diplomacy",
        "border_affairs",
        "training",
        "commendations",
        "reporting_compliance",
        "difficulties",
        "causes",
        "plans",
        "recommendations",
        "other",
    }
    assert set(SECTION_CODES) == expected_sections
    assert {i.code for i in INDICATORS} == {
        "delegations_out",
        "delegations_in_foreign",
        "delegations_in_domestic",
        "agreements_signed",
        "conferences_international",
        "ngo_projects",
        "ngo_aid_value_vnd",
        "ngo_beneficiaries",
        "foreigners_resident",
        "fdi_projects",
        "oda_projects",
        "foreign_press_activities",
        "consular_cases",
        "illegal_exit_cases",
        "officials_trained",
        "commendations_received",
    }
    assert {r.code for r in ROLES} == {
        "commune_officer",
        "commune_leader",
        "province_officer",
        "province_leader",
        "administrator",
        "ministry_officer",
    }
    assert {r.level for r in ROLES} == {"commune", "province", "nation"}
