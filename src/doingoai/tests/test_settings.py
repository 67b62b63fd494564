"""Settings read from the environment refuse what they cannot read, instead of guessing."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from doingoai.settings import env_bool, env_int

from .test_deployment import run


@pytest.mark.parametrize(("typed", "value"), [("1", True), ("TRUE", True), (" yes ", True), ("on", True),
                                              ("0", False), ("false", False), ("No", False), ("off", False)])  # fmt: skip
def test_a_yes_no_setting_reads_the_usual_spellings(monkeypatch, typed, value):
    monkeypatch.setenv("DOINGOAI_SOMETHING", typed)
    assert env_bool("DOINGOAI_SOMETHING") is value


def test_an_unset_or_blank_yes_no_setting_takes_its_default(monkeypatch):
    monkeypatch.delenv("DOINGOAI_SOMETHING", raising=False)
    assert env_bool("DOINGOAI_SOMETHING", default=True) is True
    monkeypatch.setenv("DOINGOAI_SOMETHING", "  ")
    assert env_bool("DOINGOAI_SOMETHING") is False


@pytest.mark.parametrize("typo", ["ture", "yess", "bật", "2"])
def test_a_yes_no_setting_with_a_typo_is_refused_not_read_as_false(monkeypatch, typo):
    monkeypatch.setenv("DOINGOAI_HTTPS", typo)
    with pytest.raises(ImproperlyConfigured, match="DOINGOAI_HTTPS"):
        env_bool("DOINGOAI_HTTPS")


def test_a_number_setting_with_a_typo_is_refused(monkeypatch):
    monkeypatch.setenv("DOINGOAI_LOGIN_FAILURE_LIMIT", "5o")
    with pytest.raises(ImproperlyConfigured, match="DOINGOAI_LOGIN_FAILURE_LIMIT"):
        env_int("DOINGOAI_LOGIN_FAILURE_LIMIT", 5)


def test_the_server_does_not_start_on_a_mistyped_https_switch(tmp_path):
    result = run(["manage", "check"], DOINGOAI_HTTPS="ture", DOINGOAI_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DOINGOAI_HTTPS='ture'" in result.stderr
