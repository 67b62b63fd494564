"""The officers' corrections, exported as training data for the reader."""

import json
from typing import TextIO

from django.db.models import QuerySet

from doingoai.ingest.models import Correction


def correction_to_dict(correction: Correction) -> dict:
    report = correction.report
    return {
        "id": correction.pk,
        "at": correction.at.isoformat(),
        "by": correction.by.username if correction.by_id else None,
        "source": correction.source_name,
        "sha256": correction.document.sha256 if correction.document_id else None,
        "unit_code": report.unit.code if report is not None and report.unit_id else None,
        "period": (report.period or None) if report is not None else None,
        "field": correction.field,
        "target": correction.target,
        "old": correction.old_value,
        "new": correction.new_value,
        "evidence": correction.evidence,
    }


def corrections_export(*, out: TextIO, corrections: QuerySet | None = None) -> int:
    """Write corrections as JSON lines (one object per line, oldest first); return how many."""
    rows = (
        (corrections if corrections is not None else Correction.objects.all())
        .select_related("by", "document", "report__unit")
        .order_by("at", "id")
    )
    count = 0
    for correction in rows.iterator(chunk_size=500):
        out.write(json.dumps(correction_to_dict(correction), ensure_ascii=False) + "\n")
        count += 1
    return count
