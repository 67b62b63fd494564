import doctest

from lxml import etree

from doingoai.lib import ooxml
from doingoai.lib.ooxml import W_NS, StyleSheet, W, is_on


def test_the_docstring_example_holds():
    assert doctest.testmod(ooxml).failed == 0


def test_a_toggle_is_on_unless_its_value_says_otherwise():
    def element(xml):
        return etree.fromstring(f'<w:b xmlns:w="{W_NS}" {xml}/>')

    assert is_on(element("")) is True
    assert is_on(element('w:val="1"')) is True
    for off in ("0", "false", "off", "none", "False"):
        assert is_on(element(f'w:val="{off}"')) is False
    assert is_on(None) is None


def test_a_chain_that_loops_stops_and_the_defaults_are_found():
    root = etree.fromstring(
        f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:styleId="B"><w:basedOn w:val="A"/></w:style>'
        "</w:styles>"
    )
    sheet = StyleSheet(root)
    assert [s.get(W + "styleId") for s in sheet.chain("A")] == ["A", "B"]
    assert sheet.chain("missing") == [] and sheet.chain(None) == []
    assert sheet.default_paragraph == "Normal" and sheet.default_rpr.find(W + "b") is not None
    assert StyleSheet(None).by_id == {}
