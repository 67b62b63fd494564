"""PDF through LibreOffice headless.

Each conversion runs in its own temporary directory with its own LibreOffice
profile (``-env:UserInstallation``): two soffice processes sharing a profile
lock each other out, so two reports can only be converted at once this way.
Where Times New Roman is not installed, LibreOffice substitutes its metric
clone Liberation Serif; only version 2 of it (Debian ``fonts-liberation2``) has
the stacked Vietnamese letters (ệ, ử, ỗ …): with version 1 LibreOffice borrows
those letters from another font and the PDF looks patched. ``font_warning``
says so.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ERROR_MISSING = "Chưa cài LibreOffice (gói libreoffice-writer): không xuất được PDF."
ERROR_FAILED = "LibreOffice không chuyển được văn bản sang PDF: {detail}"
ERROR_TIMEOUT = "LibreOffice quá {seconds} giây chưa chuyển xong văn bản sang PDF."
WARNING_FONT = (
    "Máy chưa có phông Times New Roman hay Liberation Serif đủ dấu tiếng Việt (gói fonts-liberation2): "
    "chữ có dấu chồng trong PDF sẽ lấy từ phông khác."
)
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
    return convert(docx_bytes, target="pdf:writer_pdf_Export", suffix="pdf", timeout=timeout)


def convert(docx_bytes: bytes, *, target: str, suffix: str, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """One LibreOffice conversion of a .docx (``target`` as for ``--convert-to``),
    in its own temporary folder and profile."""
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
            target,
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
        result = folder / "out" / f"report.{suffix}"
        if done.returncode != 0 or not result.exists():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[
                -300:
            ] or f"mã lỗi {done.returncode}"
            raise PdfError(ERROR_FAILED.format(detail=detail))
        return result.read_bytes()


def font_warning() -> str | None:
    """A Vietnamese warning when no Times-metric font covers "ệ" (U+1EC7); None
    when one does or when fontconfig cannot be asked."""
    if not shutil.which("fc-list"):
        return None
    for family in ("Times New Roman", "Liberation Serif"):
        done = subprocess.run(["fc-list", f":family={family}:charset=1ec7", "file"], capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.strip():
            return None
    return WARNING_FONT
