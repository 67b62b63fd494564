"""Where the shared reference material lives (seeds, gold files, real office files)."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


def shared_dir() -> Path:
    """``DOINGOAI_SHARED_DIR``, else ``../shared`` next to the repository."""
    return Path(os.environ.get("DOINGOAI_SHARED_DIR") or REPO.parent / "shared")


def seed_gold_files() -> list[Path]:
    return sorted((shared_dir() / "seeds" / "gold").glob("*.json"))
