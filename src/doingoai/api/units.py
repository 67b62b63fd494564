from django.http import Http404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from doingoai.units import services
from doingoai.units.models import Unit

from .schemas import UnitOut

router = Router(tags=["Đơn vị hành chính"])

LEVELS = {"province": ["tinh"], "commune": list(Unit.COMMUNE_LEVELS), **{level: [level] for level in Unit.Level.values}}


@router.get("", response=list[UnitOut])
@paginate(LimitOffsetPagination)
def unit_list(request, level: str | None = None, province: int | None = None, q: str | None = None):
    """Units of today: ``level`` = province, commune, xa, phuong, dac_khu; ``province`` = a province code; ``q`` searches names with or without diacritics."""
    if q:
        province_unit = services.unit_by_code(code=province, province=True) if province else None
        wanted = "commune" if level == "commune" else level
        return services.unit_search(query=q, province=province_unit, level=wanted, limit=50)
    units = (
        Unit.objects.filter(is_active=True)
        .select_related("province")
        .order_by("level" if not level else "name", "code")
    )
    if level:
        units = units.filter(level__in=LEVELS.get(level, [level]))
    if province:
        units = units.filter(province__code=province, province__level="tinh")
    return units


@router.get("/provinces/{code}", response=UnitOut)
def province_detail(request, code: int):
    unit = services.unit_by_code(code=code, province=True)
    if unit is None:
        raise Http404("Không có tỉnh này.")
    return unit


@router.get("/communes/{code}", response=UnitOut)
def commune_detail(request, code: int):
    unit = services.unit_by_code(code=code)
    if unit is None:
        raise Http404("Không có xã, phường này.")
    return unit


@router.get("/resolve", response={200: UnitOut, 404: dict})
def unit_resolve(request, address: str):
    """Today's unit for an address, including pre-2025 ones ("xã Bộc Nhiêu, huyện Định Hóa, Thái Nguyên")."""
    unit = services.unit_resolve(address=address)
    if unit is None:
        return 404, {"detail": "Không xác định được đơn vị hành chính hiện nay của địa chỉ này."}
    return unit
