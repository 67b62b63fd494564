"""Which unit wrote the document: today's province and commune code, old names included.

Today's units, and the conversion of a pre-2025 commune or province (one that
has since been merged), both come from ``vietnamadminunits`` (via
:mod:`doingoai.lib.adminunits`), whose data also lists the old provinces and
districts the text may name.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..adminunits import DATA_DIR, current_provinces, current_wards, resolve_address
from .normalise import key, unify_tones

CENTRAL_CITIES = ("ha noi", "hai phong", "hue", "da nang", "ho chi minh", "can tho")
_PREFIX = re.compile(r"^(?:thanh pho|tinh)\s+")


@dataclass(frozen=True)
class Place:
    province_code: int
    province_name: str  # "Thành phố Hải Phòng", "Quảng Ngãi" (adminunits.Province.name)


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, int]  # key of short name -> code (today)
    province_names: dict[int, str]
    legacy_provinces: dict[str, int]  # key of an old province's short name -> today's code
    legacy_province_full: dict[str, str]  # key of short name -> old full name ("Tỉnh Bình Dương")
    wards: dict[str, list[tuple[int, int, str]]]  # key of short name -> [(ward code, province code, type)]
    districts: dict[str, list[tuple[str, str]]]  # key of short name -> [(old full district, old full province)]


def _short(name: str) -> str:
    return _PREFIX.sub("", key(name)).strip()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    provinces: dict[str, int] = {}
    names: dict[int, str] = {}
    for province in current_provinces():
        provinces[_short(province.name)] = province.code
        names[province.code] = province.name
    wards: dict[str, list[tuple[int, int, str]]] = {}
    for ward in current_wards():
        wards.setdefault(key(ward.short_name), []).append((ward.code, ward.province_code, ward.level_word))
    legacy = json.loads((DATA_DIR / "parser_legacy.json").read_text(encoding="utf-8"))
    converter = json.loads((DATA_DIR / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    new_parser = json.loads((DATA_DIR / "parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    old_to_new: dict[str, int] = {}
    for new_key, old_keys in converter.items():
        code = int(new_parser[new_key]["provinceCode"])
        for old_key in old_keys:
            old_to_new[old_key] = code
    legacy_provinces: dict[str, int] = {}
    legacy_full: dict[str, str] = {}
    for old_key, info in legacy["DICT_PROVINCE"].items():
        if old_key in old_to_new:
            short = key(info["provinceShort"])
            legacy_provinces[short] = old_to_new[old_key]
            legacy_full[short] = info["province"]
    districts: dict[str, list[tuple[str, str]]] = {}
    for old_key, items in legacy["DICT_PROVINCE_DISTRICT"].items():
        province_full = legacy["DICT_PROVINCE"][old_key]["province"]
        for info in items.values():
            districts.setdefault(key(info["districtShort"]), []).append((info["district"], province_full))
    return Gazetteer(provinces, names, legacy_provinces, legacy_full, wards, districts)


_PROVINCE_MENTION = re.compile(r"\b(tinh|thanh pho|tp\.?)\s+((?:[a-z]+\s?){1,4})")
_DISTRICT_MENTION = re.compile(r"\b(huyen|quan|thi xa|thanh pho)\s+((?:[a-z]+\s?){1,3})")


def province_hints(texts: list[str]) -> Counter:
    """Today's province codes named in the texts ("Sở Ngoại vụ tỉnh Quảng Ngãi"), counted."""
    g = gazetteer()
    hints: Counter = Counter()
    for text in texts:
        k = key(text)
        for match in _PROVINCE_MENTION.finditer(k):
            words = match.group(2).split()
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                code = g.provinces.get(name) or g.legacy_provinces.get(name)
                if code:
                    hints[code] += 1
                    break
    return hints


def district_hints(texts: list[str]) -> Counter:
    """Old districts named in the texts, as (district, province) full names, counted."""
    g = gazetteer()
    hints: Counter = Counter()
    for text in texts:
        k = key(text)
        for match in _DISTRICT_MENTION.finditer(k):
            words = match.group(2).split()
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                if name in g.districts:
                    for district, province in g.districts[name]:
                        if key(district).startswith(match.group(1)):
                            hints[(district, province)] += 1
                    break
    return hints


def province_by_name(name: str) -> Place | None:
    """A province as a document names it, today's or a merged one's successor."""
    g = gazetteer()
    short = _short(name)
    code = g.provinces.get(short) or g.legacy_provinces.get(short)
    if not code:
        return None
    return Place(code, g.province_names[code])


def resolve_commune(
    *, level_word: str, name: str, texts: list[str], legacy_first: bool
) -> tuple[int | None, Place | None]:
    """(ward code, province) of a commune named in a document; (None, None) when unknown.

    ``legacy_first``: the document predates the 2025 reorganisation, so an old
    name is converted before today's list is consulted.
    """
    g = gazetteer()
    provinces = province_hints(texts)
    short = key(unify_tones(name))
    current = g.wards.get(short, [])
    division = {"xa": "xã", "phuong": "phường", "dac khu": "đặc khu", "thi tran": "xã"}.get(key(level_word))
    typed = [w for w in current if division is None or w[2] == division] or current

    def pick(candidates: list[tuple[int, int, str]]) -> tuple[int | None, Place | None]:
        if len(candidates) == 1:
            code, province, _ = candidates[0]
            return code, Place(province, g.province_names[province])
        hinted = [c for c in candidates if provinces.get(c[1])]
        if hinted:
            best = max(hinted, key=lambda c: provinces[c[1]])
            return best[0], Place(best[1], g.province_names[best[1]])
        return None, None

    def legacy() -> tuple[int | None, Place | None]:
        districts = district_hints(texts)
        province_names = [g.province_names[c] for c, _ in provinces.most_common()]
        tries: list[str] = []
        for (district, province), _ in districts.most_common(3):
            tries.append(f"{level_word} {name}, {district}, {province}")
        for province in province_names[:2]:
            tries.append(f"{level_word} {name}, {province}")
        for address in tries:
            unit = resolve_address(address, legacy=True)
            if unit and unit.ward_code:
                return unit.ward_code, Place(
                    unit.province_code, g.province_names.get(unit.province_code, unit.province_name)
                )
        return None, None

    if legacy_first:
        found = legacy()
        if found[0]:
            return found
    found = pick(typed)
    if found[0]:
        return found
    if not legacy_first:
        found = legacy()
        if found[0]:
            return found
    if provinces:
        code = provinces.most_common(1)[0][0]
        return None, Place(code, g.province_names[code])
    return None, None


def resolve_province(*, name: str, texts: list[str]) -> Place | None:
    """A province-level or district-level unit's province today."""
    place = province_by_name(name)
    if place:
        return place
    for (_district, province), _ in district_hints([f"huyện {name}", f"thành phố {name}", *texts]).most_common(1):
        return province_by_name(province)
    hints = province_hints(texts)
    if hints:
        code = hints.most_common(1)[0][0]
        return Place(code, gazetteer().province_names[code])
    return None


def is_central_city(name: str) -> bool:
    return _short(name) in CENTRAL_CITIES
