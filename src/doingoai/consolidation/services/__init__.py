"""The province's side, one module per seam: ``requests`` (issued, or typed by a commune), ``board``
(where each commune stands) and ``reminders``."""
