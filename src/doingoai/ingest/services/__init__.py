"""Ingest: files in, reports of their units out; placing, correcting and confirming what was read.

Every operation is a keyword-only function named ``<entity>_<action>``; the
views, the CLI, the API and the background task call the same ones.

The path of one file::

    batch_create(files=[("bc-minh-long.docx", data)], by=lan, period=Period(2025))
      → Document (pending, file in default storage)
    batch_run(batch=...) → document_ingest(document=...)
      → the reader's contract and the document's text
      → document_store(): the report of its unit and period (origin ingested, status READ),
        or a report with no unit for an officer to place (document_place)
    fact_correct / section_recode / document_place  → Correction rows (training data)
    document_confirm → status CONFIRMED: only now do its figures count.

Modules: ``scope`` (who sees what), ``uploads`` (files and archives in, batches), ``reading``
(one document read and stored), ``placing`` (place, correct, confirm), ``review`` (the review
screen's text) and ``corrections`` (training data).

Each file is stored in one transaction: a file that fails leaves nothing
behind but its document row saying why, and the batch goes on.
"""


class IngestError(Exception):
    """A refusal with a Vietnamese message for the officer (``str(error)``)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
