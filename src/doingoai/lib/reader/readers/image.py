"""Scanned pages as images (.png, .jpg, .tif): OCR with Tesseract."""

import io

from ..errors import ERROR_CORRUPT_IMAGE, ERROR_NO_TEXT, ReaderError
from ..lines import RawDocument
from . import ocr

SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")
MAX_PIXELS = 120_000_000


def read(data: bytes, *, name: str) -> RawDocument:
    from PIL import Image, UnidentifiedImageError

    ocr.check_tesseract()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.copy())
    except (UnidentifiedImageError, OSError, ValueError, EOFError, Image.DecompressionBombError):
        raise ReaderError(ERROR_CORRUPT_IMAGE, source=name) from None
    lines = []
    for page, frame in enumerate(frames, start=1):
        lines.extend(ocr.ocr_image(frame, page=page))
    if not lines:
        raise ReaderError(ERROR_NO_TEXT, source=name)
    return RawDocument(lines=lines, kind="ocr", pages=len(frames), ocr=True)
