"""Vietnam's administrative units, from ``vietnamadminunits`` (MIT, vendored in ``doingoai._vendor``).

Two things come from it: the list of today's 34 provinces and 3,321 communes with
their national codes (:func:`current_provinces`, :func:`current_wards`, read from
the table ``admin_units`` of its ``data/dataset.db``), and the reading of an
address, old or new, into today's unit (:func:`resolve_address`).

``vietnamadminunits`` imports the GPL-licensed ``unidecode`` only to build ASCII
keys from Vietnamese names. doingoai is Apache-2.0 and does not install it:
before importing the package we register a small permissive stand-in that does
the same for Vietnamese text (strip diacritics, đ → d). Import the package only
through this module.
"""

import functools
import sqlite3
import sys
import types
from dataclasses import dataclass
from pathlib import Path

from doingoai.lib.text import squash, strip_marks

# The package's data, read without importing it (its import loads the address parsers, ~0.7 s).
DATA_DIR = Path(__file__).resolve().parent.parent / "_vendor" / "vietnamadminunits" / "data"
_LEVEL_WORDS = ("Xã", "Phường", "Đặc khu")


def _ascii(text: str) -> str:
    """What ``unidecode`` gives for Vietnamese text: the letters without their marks, in ASCII."""
    return strip_marks(text).encode("ascii", "ignore").decode()


def _ensure_unidecode() -> None:
    try:
        import unidecode  # noqa: F401  (present only if someone installed it themselves)
    except ImportError:
        shim = types.ModuleType("unidecode")
        shim.unidecode = _ascii
        sys.modules["unidecode"] = shim


@dataclass(frozen=True)
class Province:
    code: int  # 1, 4, ... 96
    official_name: str  # "Thành phố Hải Phòng", "Tỉnh Quảng Ngãi"
    short_name: str  # "Hải Phòng", "Quảng Ngãi"

    @property
    def is_city(self) -> bool:
        """A centrally-run city (thành phố trực thuộc trung ương)."""
        return self.official_name.startswith("Thành phố ")

    @property
    def name(self) -> str:
        """The name doingoai stores and reports: "Thành phố Hải Phòng", "Quảng Ngãi" (a city keeps its word)."""
        return self.official_name if self.is_city else self.short_name


@dataclass(frozen=True)
class Ward:
    """A commune-level unit: xã, phường or đặc khu."""

    code: int  # 5581, not "05581"
    name: str  # "Xã Trung Hội"
    short_name: str  # "Trung Hội"
    level_word: str  # "xã", "phường", "đặc khu"
    province_code: int


@functools.cache
def package_version() -> str:
    """The vendored package's version, from its wheel metadata: "1.0.4"."""
    (metadata,) = DATA_DIR.parent.parent.glob("vietnamadminunits-*.dist-info/METADATA")
    return next(
        line.split(":", 1)[1].strip()
        for line in metadata.read_text("utf-8").splitlines()
        if line.startswith("Version:")
    )


def _admin_units(sql: str) -> list[sqlite3.Row]:
    # Opened read-only: the file sits inside an installed package, often not writable.
    with sqlite3.connect(f"{(DATA_DIR / 'dataset.db').as_uri()}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute(sql).fetchall()


@functools.cache
def current_provinces() -> tuple[Province, ...]:
    """Today's 34 provinces and centrally-run cities, by code."""
    rows = _admin_units("SELECT DISTINCT provinceCode, province, provinceShort FROM admin_units")
    provinces = (Province(int(r["provinceCode"]), squash(r["province"]), squash(r["provinceShort"])) for r in rows)
    return tuple(sorted(provinces, key=lambda p: p.code))


@functools.cache
def current_wards() -> tuple[Ward, ...]:
    """Today's 3,321 communes, in the package's order (by province, as the official list runs).

    The level is read from the official name ("Phường Việt Hòa"): the package's
    ``wardType`` column contradicts the name for four units (Việt Hòa, Vĩnh Hòa
    in Hải Phòng; Tân Lộc, Phong Điền in Cần Thơ).
    """
    wards = []
    for row in _admin_units("SELECT wardCode, ward, provinceCode FROM admin_units ORDER BY rowid"):
        name = squash(row["ward"])
        word = next(w for w in _LEVEL_WORDS if name.startswith(w + " "))
        wards.append(Ward(int(row["wardCode"]), name, name[len(word) + 1 :], word.lower(), int(row["provinceCode"])))
    return tuple(wards)


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
    from doingoai._vendor.vietnamadminunits import convert_address, parse_address

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
