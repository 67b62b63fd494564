"""Tesseract OCR (Vietnamese) of page images, into Lines with column gaps as tabs."""

import shutil

from ..errors import ERROR_NO_TESSERACT, ERROR_NO_TESSERACT_VIE, ERROR_OCR_FAILED, ReaderError
from ..lines import Line

LANG = "vie"
# --psm 3: automatic page segmentation, which keeps the two header columns apart.
CONFIG = "--oem 1 --psm 3 -c preserve_interword_spaces=0"


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def check_tesseract() -> None:
    """Raise the Vietnamese message when Tesseract or its Vietnamese data is missing."""
    if not tesseract_path():
        raise ReaderError(ERROR_NO_TESSERACT)
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        raise ReaderError(ERROR_NO_TESSERACT) from None
    except Exception:  # an old tesseract without --list-langs: let the OCR call decide
        return
    if LANG not in languages:
        raise ReaderError(ERROR_NO_TESSERACT_VIE)


def ocr_image(image, *, page: int) -> list[Line]:
    """OCR one PIL image; words grouped into Tesseract's lines, wide gaps kept as tabs."""
    import pytesseract

    gray = image.convert("L")
    try:
        data = pytesseract.image_to_data(
            gray, lang=LANG, config=CONFIG, output_type=pytesseract.Output.DICT, timeout=120
        )
    except pytesseract.TesseractNotFoundError:
        raise ReaderError(ERROR_NO_TESSERACT) from None
    except (pytesseract.TesseractError, RuntimeError, OSError):
        raise ReaderError(ERROR_OCR_FAILED) from None
    width = gray.width
    groups: dict[tuple[int, int, int], list[tuple[int, int, int, str]]] = {}
    order: list[tuple[int, int, int]] = []
    for index, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((data["left"][index], data["width"][index], data["height"][index], word))
    lines: list[Line] = []
    previous_block = None
    for key in order:
        words = sorted(groups[key])
        height = max(1, sorted(w[2] for w in words)[len(words) // 2])
        parts = [words[0][3]]
        for (left, w, _, _), (next_left, _, _, text) in zip(words, words[1:], strict=False):
            gap = next_left - (left + w)
            parts.append(("\t" if gap > 3 * height else " ") + text)
        x0 = words[0][0]
        x1 = words[-1][0] + words[-1][1]
        middle = (x0 + x1) / 2
        align = "center" if abs(middle - width / 2) < width * 0.06 and x0 > width * 0.2 else None
        lines.append(
            Line(
                text="".join(parts),
                page=page,
                align=align,
                blank_before=key[0] != previous_block,
                extra={"x0": x0 / width, "x1": x1},
            )
        )
        previous_block = key[0]
    right = max((line.extra["x1"] for line in lines), default=1) or 1
    for line in lines:
        line.extra["x1_rel"] = line.extra["x1"] / right
    return lines
