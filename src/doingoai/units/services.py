"""Units: load them from vietnamadminunits, search them, resolve old names."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone

from doingoai.lib import adminunits
from doingoai.lib.text import fold

from .models import Unit

_WARD_LEVELS = {"xã": Unit.Level.COMMUNE, "phường": Unit.Level.WARD, "đặc khu": Unit.Level.SPECIAL_ZONE}
_LEVEL_WORDS = ("thành phố", "tỉnh", "đặc khu", "phường", "xã")
_SPELLING = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "`": "'"})
# Added to a commune code while codes are moved around, so two communes can swap codes.
_CODE_IN_TRANSIT = 10_000_000


@dataclass(frozen=True)
class SyncResult:
    provinces: int
    communes: int
    created: int
    updated: int
    recoded: int = 0


def _same_name(name: str) -> str:
    """Hoà/Hòa, Thuỷ/Thủy, M’gar/M'gar, en dash/hyphen and case are the same name."""
    return fold(name.translate(_SPELLING))


def _pair_communes(existing, wards, province_code_of) -> tuple[dict, list]:
    """Which existing commune each of the package's wards is, and the existing ones left over.

    Same code and name first; then the same name in the same province under another code (the
    package corrected a code: the row, and the reports and records on it, take the new one);
    then the same code under another name (a renamed commune).
    """
    by_code = {u.code: u for u in existing}
    paired: dict[int, Unit] = {}
    left = {u.pk: u for u in existing}

    def place(unit) -> tuple[int, str]:
        return province_code_of[unit.province_id], _same_name(unit.name)

    for ward in wards:
        unit = by_code.get(ward.code)
        if unit is not None and place(unit) == (ward.province_code, _same_name(ward.name)):
            paired[ward.code] = left.pop(unit.pk)
    by_place = defaultdict(list)
    for unit in left.values():
        by_place[place(unit)].append(unit)
    for ward in wards:
        if ward.code not in paired:
            candidates = by_place.get((ward.province_code, _same_name(ward.name)), [])
            if len(candidates) == 1 and candidates[0].pk in left:
                paired[ward.code] = left.pop(candidates[0].pk)
    for ward in wards:
        unit = by_code.get(ward.code)
        if ward.code not in paired and unit is not None and unit.pk in left:
            paired[ward.code] = left.pop(unit.pk)
    return paired, list(left.values())


def units_sync(*, unit_model=Unit, history_model=None) -> SyncResult:
    """Create or update all 34 provinces and 3,321 communes from ``vietnamadminunits``.

    Idempotent. ``unit_model`` and ``history_model`` let a data migration pass its
    historical models. Units are never deleted, since reports and records point at
    them: a unit the package no longer lists is marked inactive, and one it lists
    under a corrected code keeps its row and takes the code. Every unit created or
    changed gets a history row.
    """
    if history_model is None and unit_model is Unit:
        history_model = Unit.history.model
    reason = f"vietnamadminunits {adminunits.package_version()}"
    now = timezone.now()
    counts = {"created": 0, "updated": 0, "recoded": 0}

    def apply(unit, values, changed_units: list) -> None:
        values["search_name"] = fold(values["name"])
        changed = [f for f, v in values.items() if getattr(unit, f) != v]
        for f in changed:
            setattr(unit, f, values[f])
        if changed:
            changed_units.append(unit)

    def record(units, kind: str) -> None:
        if history_model is None:
            return
        fields = [f.attname for f in unit_model._meta.concrete_fields if f.attname != "search_name"]
        history_model.objects.bulk_create(
            [
                history_model(
                    **{f: getattr(u, f) for f in fields},
                    history_date=now,
                    history_type=kind,
                    history_change_reason=reason,
                )
                for u in units
            ],
            batch_size=500,
        )

    with transaction.atomic():
        existing = {u.code: u for u in unit_model.objects.filter(level="tinh")}
        to_create, to_update = [], []
        for p in adminunits.current_provinces():
            values = {
                "name": p.name,  # "Thành phố Hải Phòng", "Quảng Ngãi": Unit.official_name adds "Tỉnh"
                "short_name": p.short_name,
                "is_city": p.is_city,
                "is_active": True,
            }
            unit = existing.get(p.code)
            if unit is None:
                unit = unit_model(code=p.code, level="tinh", **values, search_name=fold(values["name"]))
                to_create.append(unit)
            else:
                apply(unit, values, to_update)
        unit_model.objects.bulk_create(to_create, batch_size=500)
        unit_model.objects.bulk_update(
            to_update, ["name", "short_name", "is_city", "is_active", "search_name"], batch_size=500
        )
        record(to_create, "+")
        record(to_update, "~")
        counts["created"] += len(to_create)
        counts["updated"] += len(to_update)
        provinces = {u.code: u for u in unit_model.objects.filter(level="tinh")}
        province_code_of = {u.pk: u.code for u in provinces.values()}

        wards = adminunits.current_wards()
        paired, gone = _pair_communes(list(unit_model.objects.exclude(level="tinh")), wards, province_code_of)
        wanted = {w.code for w in wards}
        taken = [u for u in gone if u.code in wanted]
        if taken:
            raise ValueError(
                "Mã đơn vị đã chuyển cho đơn vị khác mà đơn vị cũ không còn trong danh mục: "
                + ", ".join(f"{u.code} ({u.name})" for u in taken)
            )
        to_create, to_update, moving = [], [], []
        for w in wards:
            values = {
                "code": w.code,
                "level": _WARD_LEVELS[w.level_word],
                "name": w.name,
                "short_name": w.short_name,
                "province_id": provinces[w.province_code].pk,
                "is_active": True,
            }
            unit = paired.get(w.code)
            if unit is None:
                to_create.append(unit_model(**values, search_name=fold(w.name)))
                continue
            if unit.code != w.code:
                moving.append(unit)
            apply(unit, values, to_update)
        # Two communes may swap codes: park the moving ones outside the code range first.
        unit_model.objects.filter(pk__in=[u.pk for u in moving]).update(code=models.F("code") + _CODE_IN_TRANSIT)
        unit_model.objects.bulk_update(
            to_update,
            ["code", "name", "short_name", "level", "province_id", "is_active", "search_name"],
            batch_size=500,
        )
        unit_model.objects.bulk_create(to_create, batch_size=500)
        retired = [u for u in gone if u.is_active]
        for unit in retired:
            unit.is_active = False
        unit_model.objects.filter(pk__in=[u.pk for u in retired]).update(is_active=False)
        record(to_create, "+")
        record(to_update + retired, "~")
        counts["created"] += len(to_create)
        counts["updated"] += len(to_update) + len(retired)
        counts["recoded"] = len(moving)
    return SyncResult(
        provinces=len(provinces),
        communes=unit_model.objects.exclude(level="tinh").filter(is_active=True).count(),
        **counts,
    )


ERROR_MERGE_SELF = "Không sáp nhập một xã vào chính nó."
ERROR_MERGE_LEVEL = "Chỉ sáp nhập xã, phường, đặc khu vào một xã, phường, đặc khu cùng tỉnh đang hoạt động."


def unit_merge(*, source: Unit, into: Unit, by=None) -> Unit:
    """A commune merged into another: it stops being expected, and its reports count for ``into``.

    Its records and reports stay where they are (its history is its own);
    the sums find them through ``Unit.successor``.
    """
    if source.pk == into.pk:
        raise ValueError(ERROR_MERGE_SELF)
    if source.is_province or into.is_province or not into.is_active or source.province_id != into.province_id:
        raise ValueError(ERROR_MERGE_LEVEL)
    source.successor, source.is_active = into, False
    source._history_user = by
    source.save(update_fields=["successor", "is_active"])
    return source


def merged_into(units: list[Unit]) -> dict[int, int]:
    """{id of a merged commune: id of the unit it became, among ``units``}, following merges of merges."""
    wanted = {u.pk for u in units}
    successors = dict(Unit.objects.filter(successor__isnull=False).values_list("pk", "successor_id"))
    mapping = {}
    for unit_id in successors:
        current, seen = unit_id, set()
        while current in successors and current not in seen:
            seen.add(current)
            current = successors[current]
        if current in wanted:
            mapping[unit_id] = current
    return mapping


def units_ensure_loaded() -> None:
    """Load the units if a (flushed) database has none."""
    if not Unit.objects.exists():
        units_sync()


def unit_search(*, query: str, province: Unit | None = None, level: str | None = None, limit: int = 20) -> list[Unit]:
    """Find units by name, with or without diacritics.

    "duc pho" finds Phường Đức Phổ. Results that match the diacritics the user
    typed come first, then names that start with the query, then the rest.
    """
    folded = fold(query)
    if not folded:
        return []
    units = Unit.objects.filter(search_name__contains=folded, is_active=True).select_related("province")
    if province is not None:
        units = units.filter(province=province)
    if level == "commune":
        units = units.exclude(level=Unit.Level.PROVINCE)
    elif level:
        units = units.filter(level=level)
    typed = query.strip().lower()

    def rank(unit: Unit):
        name = unit.name.lower()
        short = unit.short_name.lower()
        exact_diacritics = typed in name
        starts = short.startswith(typed) or fold(short).startswith(folded)
        whole = fold(short) == folded
        return (not exact_diacritics, not whole, not starts, unit.level != Unit.Level.PROVINCE, unit.name)

    return sorted(units[:500], key=rank)[:limit]


def unit_by_code(*, code: int, province: bool = False) -> Unit | None:
    units = Unit.objects.filter(code=code)
    units = units.filter(level="tinh") if province else units.exclude(level="tinh")
    return units.select_related("province").first()


def unit_resolve(*, address: str, legacy: bool | None = None) -> Unit | None:
    """A written unit, today's or pre-2025, to today's unit.

    "xã Bộc Nhiêu, huyện Định Hóa, Thái Nguyên" → Xã Trung Hội (Thái Nguyên).
    With ``legacy=None`` an address that names a district (huyện, quận, thị xã)
    is read as pre-2025 and anything else as today's.
    """
    if legacy is None:
        legacy = any(word in fold(address) for word in ("huyen ", "quan ", "thi xa "))
    resolved = adminunits.resolve_address(address, legacy=legacy)
    if resolved is None and not legacy:
        resolved = adminunits.resolve_address(address, legacy=True)
    if resolved is None:
        return None
    if resolved.ward_code:
        return unit_by_code(code=resolved.ward_code)
    return unit_by_code(code=resolved.province_code, province=True)


def unit_strip_level(name: str) -> str:
    """ "Phường Đức Phổ" → "Đức Phổ"."""
    lowered = name.lower()
    for word in _LEVEL_WORDS:
        if lowered.startswith(word + " "):
            return name[len(word) + 1 :]
    return name
