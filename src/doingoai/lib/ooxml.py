"""WordprocessingML styles, read once for the reader (lib/reader) and the ND30 checker (lib/nd30).

A paragraph or run takes a property from itself, then from its style, then
from the style that one is ``basedOn``, and so on, then from the document
defaults. ``StyleSheet.chain`` gives that order; ``is_on`` reads a toggle.

>>> from lxml import etree
>>> root = etree.fromstring(
...     f'<w:styles xmlns:w="{W_NS}"><w:style w:styleId="A"><w:basedOn w:val="B"/></w:style>'
...     '<w:style w:styleId="B"><w:rPr><w:b/></w:rPr></w:style></w:styles>')
>>> [s.get(W + "styleId") for s in StyleSheet(root).chain("A")]
['A', 'B']
"""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
_OFF = ("false", "0", "off", "none")


def is_on(element) -> bool | None:
    """A toggle such as ``<w:b/>``: on unless its val says otherwise; None where it is not set."""
    if element is None:
        return None
    return element.get(W + "val", "true").lower() not in _OFF


class StyleSheet:
    """The styles part (``word/styles.xml``): styles by id, their basedOn chains, the defaults."""

    def __init__(self, root):
        styles = list(root.iterfind(W + "style")) if root is not None else []
        self.by_id = {s.get(W + "styleId", ""): s for s in styles}
        self.default_paragraph = next(
            (
                s.get(W + "styleId")
                for s in styles
                if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true", "on")
            ),
            None,
        )
        defaults = root.find(W + "docDefaults") if root is not None else None
        self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None

    def chain(self, style_id: str | None) -> list:
        """The style and those it is based on, nearest first (a loop in the chain stops it)."""
        out, seen = [], set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        return out
