"""Units: load them from vietnam-provinces, search them, resolve old names."""

from dataclasses import dataclass

from django.db import transaction

from doingoai.lib import adminunits
from doingoai.lib.text import fold, squash

from .models import Unit

_WARD_LEVELS = {"xã": Unit.Level.COMMUNE, "phường": Unit.Level.WARD, "đặc khu": Unit.Level.SPECIAL_ZONE}
_LEVEL_WORDS = ("thành phố", "tỉnh", "đặc khu", "phường", "xã")


@dataclass(frozen=True)
class SyncResult:
    provinces: int
    communes: int
    created: int
    updated: int


def units_sync(*, unit_model=Unit) -> SyncResult:
    """Create or update all 34 provinces and 3,321 communes from ``vietnam-provinces``.

    Idempotent. ``unit_model`` lets a data migration pass its historical model.
    Units missing from the package are marked inactive, never deleted: reports
    and records still point at them.
    """
    from vietnam_provinces import Province, Ward

    existing = {(u.level == "tinh", u.code): u for u in unit_model.objects.all()}
    created = updated = 0

    def upsert(key, values):
        nonlocal created, updated
        unit = existing.get(key)
        values["search_name"] = fold(values["name"])
        if unit is None:
            unit = unit_model(**values)
            to_create.append(unit)
            created += 1
            return unit
        changed = [f for f, v in values.items() if getattr(unit, f) != v]
        if changed:
            for f in changed:
                setattr(unit, f, values[f])
            to_update.append(unit)
            updated += 1
        return unit

    with transaction.atomic():
        to_create, to_update = [], []
        for p in Province.iter_all():
            name = squash(p.name)
            is_city = p.division_type.value == "thành phố trung ương"
            upsert(
                (True, int(p.code)),
                {
                    "code": int(p.code),
                    "level": "tinh",
                    "name": name,
                    "short_name": name.removeprefix("Thành phố ").removeprefix("Tỉnh "),
                    "is_city": is_city,
                    "is_active": True,
                },
            )
        unit_model.objects.bulk_create(to_create, batch_size=500)
        unit_model.objects.bulk_update(
            to_update, ["name", "short_name", "is_city", "is_active", "search_name"], batch_size=500
        )
        provinces = {u.code: u for u in unit_model.objects.filter(level="tinh")}

        to_create, to_update = [], []
        seen = set()
        for w in Ward.iter_all():
            level = _WARD_LEVELS[w.division_type.value]
            name = squash(w.name)  # the package has a few names with doubled spaces
            word = w.division_type.value
            short = name[len(word) + 1 :] if name.lower().startswith(word + " ") else name
            seen.add(int(w.code))
            upsert(
                (False, int(w.code)),
                {
                    "code": int(w.code),
                    "level": level,
                    "name": name,
                    "short_name": short,
                    "province_id": provinces[int(w.province_code)].pk,
                    "is_active": True,
                },
            )
        unit_model.objects.bulk_create(to_create, batch_size=500)
        unit_model.objects.bulk_update(
            to_update, ["name", "short_name", "level", "province_id", "is_active", "search_name"], batch_size=500
        )
        gone = unit_model.objects.exclude(level="tinh").exclude(code__in=seen).filter(is_active=True)
        gone.update(is_active=False)
    return SyncResult(
        provinces=len(provinces),
        communes=unit_model.objects.exclude(level="tinh").filter(is_active=True).count(),
        created=created,
        updated=updated,
    )


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
