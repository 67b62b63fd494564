import doctest

import pytest

from doingoai.reports import drafting, figures, outlines
from doingoai.reports.services import workflow


@pytest.mark.parametrize("module", [drafting, figures, outlines, workflow], ids=lambda m: m.__name__)
def test_the_examples_in_the_docstrings_hold(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
