"""Reports: the operations on a report, one module per seam.

- ``access``: who may open and change a report, and its audience (the unit's own, or the level above)
- ``contract``: the JSON contract of shared/domain.md in and out
- ``editing``: sections, meta and figures while drafting
- ``versions``: saved states, compare and restore; the sends the level above sees
- ``workflow``: officer → leader → province
- ``outlines``: a province's outlines
- ``figure_checks``: figures in the text against the records

The province's side (requests, board, reminders, sums) lives in ``doingoai.consolidation``.
"""


class ReportError(ValueError):
    """A workflow step refused; the message is for the person, in Vietnamese."""
