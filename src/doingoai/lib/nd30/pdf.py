"""PDF through LibreOffice headless.

Each conversion runs in its own temporary directory with its own LibreOffice
profile (``-env:UserInstallation``): two soffice processes sharing a profile
lock each other out, so two reports can only be converted at once this way.
Where Times New Roman is not installed, LibreOffice substitutes its metric
clone Liberation Serif.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ERROR_MISSING = "Chưa cài LibreOffice (gói libreoffice-writer): không xuất được PDF."
ERROR_FAILED = "LibreOffice không chuyển được văn bản sang PDF: {detail}"
ERROR_TIMEOUT = "LibreOffice quá {seconds} giây chưa chuyển xong văn bản sang PDF."
TIMEOUT_SECONDS = 120


class PdfError(RuntimeError):
    """A PDF could not be produced; the message is for the user, in Vietnamese."""


def soffice_path() -> str | None:
    """The LibreOffice binary: ``DOINGOAI_SOFFICE``, else ``soffice`` or ``libreoffice`` on PATH."""
    configured = os.environ.get("DOINGOAI_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf(docx_bytes: bytes, *, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """The .docx converted to PDF bytes. Raises PdfError with a Vietnamese message."""
    binary = soffice_path()
    if not binary:
        raise PdfError(ERROR_MISSING)
    with tempfile.TemporaryDirectory(prefix="doingoai-pdf-") as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(docx_bytes)
        command = [
            binary,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=folder)
        except FileNotFoundError:
            raise PdfError(ERROR_MISSING) from None
        except subprocess.TimeoutExpired:
            raise PdfError(ERROR_TIMEOUT.format(seconds=timeout)) from None
        result = folder / "out" / "report.pdf"
        if done.returncode != 0 or not result.exists():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:] or f"mã lỗi {done.returncode}"
            raise PdfError(ERROR_FAILED.format(detail=detail))
        return result.read_bytes()

