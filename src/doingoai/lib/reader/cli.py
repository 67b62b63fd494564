"""``doingoai ingest FILE... --json`` semantics, as a plain function the click command calls.

One JSON object per readable file per line on ``out``; for a file that cannot
be read, a clear Vietnamese message on ``err`` and a non-zero exit code,
while the other files still print.
"""

import json
import os
from collections.abc import Iterable
from typing import TextIO

from . import ReaderError, ingest_paths

EXIT_OK = 0
EXIT_SOME_FAILED = 1
ERROR_LINE = "Lỗi: {name}: {message}"


def ingest_json_lines(paths: Iterable[str | os.PathLike], out: TextIO, err: TextIO) -> int:
    """Read every path; print one contract per line; return 0, or 1 when any file failed."""
    code = EXIT_OK
    for path, result in ingest_paths(paths):
        if isinstance(result, ReaderError):
            err.write(ERROR_LINE.format(name=path, message=result.message) + "\n")
            err.flush()
            code = EXIT_SOME_FAILED
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return code


def main(argv: list[str] | None = None) -> int:  # python -m doingoai.lib.reader.cli FILE...
    import sys

    return ingest_json_lines(argv if argv is not None else sys.argv[1:], sys.stdout, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
