"""The worked examples in the module docstrings stay true."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["annex", "check", "metrics", "outline"])
def test_docstring_examples_hold(module):
    result = doctest.testmod(importlib.import_module(f"doingoai.lib.nd30.{module}"))
    assert result.failed == 0 and result.attempted > 0
