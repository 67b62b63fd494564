"""Word 97-2003 .doc (and .rtf/.odt): converted to .docx by LibreOffice, then read as .docx.

Each conversion gets its own LibreOffice profile directory, so two uploads
can be converted at once (a shared profile makes the second soffice exit
at once without converting).
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ERROR_CONVERT_TIMEOUT, ERROR_CORRUPT_DOC, ERROR_NO_LIBREOFFICE, ReaderError
from ..lines import RawDocument
from . import docx

SUFFIXES = (".doc", ".rtf", ".odt", ".dot", ".wps")
TIMEOUT_SECONDS = 120


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, *, name: str) -> bytes:
    soffice = soffice_path()
    if not soffice:
        raise ReaderError(ERROR_NO_LIBREOFFICE, source=name)
    suffix = Path(name).suffix.lower() or ".doc"
    with tempfile.TemporaryDirectory(prefix="doingoai-lo-") as work:
        workdir = Path(work)
        source = workdir / f"input{suffix}"
        source.write_bytes(data)
        profile = (workdir / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(workdir / "out"),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT_SECONDS,
                check=False,
                cwd=work,
            )
        except FileNotFoundError:
            raise ReaderError(ERROR_NO_LIBREOFFICE, source=name) from None
        except subprocess.TimeoutExpired:
            raise ReaderError(ERROR_CONVERT_TIMEOUT, source=name) from None
        output = workdir / "out" / "input.docx"
        if not output.exists() or output.stat().st_size == 0:
            raise ReaderError(ERROR_CORRUPT_DOC, source=name)
        return output.read_bytes()


def read(data: bytes, *, name: str) -> RawDocument:
    converted = convert_to_docx(data, name=name)
    try:
        document = docx.read(converted, name=name)
    except ReaderError as error:
        raise ReaderError(ERROR_CORRUPT_DOC, source=name) from error
    document.kind = "doc"
    return document
