"""Today's administrative units from an address, old or new, via ``vietnamadminunits``.

``vietnamadminunits`` imports the GPL-licensed ``unidecode`` only to build ASCII
keys from Vietnamese names. doingoai is Apache-2.0 and does not install it:
before importing the package we register a small permissive stand-in that does
the same for Vietnamese text (strip diacritics, đ → d).
"""

import functools
import sys
import types
import unicodedata
from dataclasses import dataclass


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


def _ensure_unidecode() -> None:
    try:
        import unidecode  # noqa: F401  (present only if someone installed it themselves)
    except ImportError:
        shim = types.ModuleType("unidecode")
        shim.unidecode = _ascii
        sys.modules["unidecode"] = shim


@dataclass(frozen=True)
class ResolvedUnit:
    province_code: int
    province_name: str  # "Tỉnh Thái Nguyên"
    ward_code: int | None
    ward_name: str | None  # "Xã Trung Hội"


@functools.lru_cache(maxsize=4096)
def resolve_address(address: str, *, legacy: bool) -> ResolvedUnit | None:
    """Resolve an address to today's units.

    ``legacy=True`` reads a pre-2025 address (with a district) and converts it:
    "xã Bộc Nhiêu, huyện Định Hóa, Thái Nguyên" → Xã Trung Hội (5581).
    Returns None when the package cannot place it.
    """
    _ensure_unidecode()
    from vietnamadminunits import convert_address, parse_address

    try:
        unit = convert_address(address) if legacy else parse_address(address)
    except Exception:  # the package raises bare ValueErrors and KeyErrors on unknown names
        return None
    if unit is None or not getattr(unit, "province_code", None):
        return None
    ward_code = getattr(unit, "ward_code", None)
    return ResolvedUnit(
        province_code=int(unit.province_code),
        province_name=unit.province,
        ward_code=int(ward_code) if ward_code else None,
        ward_name=getattr(unit, "ward", None) or None,
    )
