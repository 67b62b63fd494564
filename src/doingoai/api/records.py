"""Record registers over the API: one set of routes per record type, generated from the registry.

Input goes through the same Django form as the web page, so the API accepts
what an officer types (``1.500.000``, ``15 triệu``, ``05/03/2026`` or ISO dates)
and answers with the same Vietnamese errors.
"""

from typing import Any

from django.forms.models import model_to_dict
from django.http import Http404
from ninja import Router, Schema
from ninja.orm import create_schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import create_model

from doingoai.lib.periods import Period
from doingoai.records import services
from doingoai.records.forms import record_form_class
from doingoai.records.registry import RECORD_TYPES, RecordType

from .schemas import ErrorOut

router = Router(tags=["Ghi chép"])

ERROR_INVALID = "Dữ liệu chưa hợp lệ: xem từng lỗi trong errors."


def _commune_unit(request):
    user = request.user
    if not user.is_commune_user:
        raise Http404("Không có sổ ghi chép cho tài khoản này.")
    return user.unit


def _errors(form) -> dict[str, list[str]]:
    return {name: list(messages) for name, messages in form.errors.items()}


def _save(request, record_type: RecordType, data: dict, instance):
    creating = instance.pk is None
    form = record_form_class(record_type.code)(data=data, instance=instance)
    if not form.is_valid():
        return 422, {"detail": ERROR_INVALID, "errors": _errors(form)}
    record = services.record_save(form=form, unit=instance.unit, by=request.user)
    return (201 if creating else 200), record


def _register(record_type: RecordType) -> None:
    name = "".join(part.capitalize() for part in record_type.code.split("-"))
    out_schema = create_schema(
        record_type.model, name=f"{name}Out", fields=["id", *record_type.fields, "created_at", "updated_at"]
    )
    in_schema = create_model(
        f"{name}In",
        __base__=Schema,
        **{field: (Any, None) for field in record_type.fields},
    )
    base = f"/{record_type.code}"
    tag = [record_type.label]

    @router.get(
        base,
        response=list[out_schema],
        tags=tag,
        operation_id=f"{name}_list",
        summary=f"Danh sách: {record_type.label}",
    )
    @paginate(LimitOffsetPagination)
    def record_list(request, period: str | None = None):
        unit = _commune_unit(request)
        try:
            chosen = Period.parse(period) if period else None
        except ValueError as error:
            raise Http404(str(error)) from None
        return services.record_list(unit=unit, record_type=record_type, period=chosen)

    @router.post(
        base,
        response={201: out_schema, 422: ErrorOut},
        tags=tag,
        operation_id=f"{name}_create",
        summary=f"Ghi mới: {record_type.item_name}",
    )
    def record_create(request, payload: in_schema):
        unit = _commune_unit(request)
        data = {k: v for k, v in payload.dict().items() if v is not None}
        return _save(request, record_type, data, record_type.model(unit=unit))

    @router.get(
        base + "/{pk}",
        response=out_schema,
        tags=tag,
        operation_id=f"{name}_read",
        summary=f"Xem: {record_type.item_name}",
    )
    def record_read(request, pk: int):
        _commune_unit(request)
        return services.get_record_for_user(request.user, record_type, pk)

    @router.put(
        base + "/{pk}",
        response={200: out_schema, 422: ErrorOut},
        tags=tag,
        operation_id=f"{name}_update",
        summary=f"Sửa: {record_type.item_name}",
    )
    def record_update(request, pk: int, payload: in_schema):
        _commune_unit(request)
        record = services.get_record_for_user(request.user, record_type, pk)
        data = {k: v for k, v in payload.dict().items() if v is not None}
        return _save(request, record_type, data, record)

    @router.patch(
        base + "/{pk}",
        response={200: out_schema, 422: ErrorOut},
        tags=tag,
        operation_id=f"{name}_patch",
        summary=f"Sửa một phần: {record_type.item_name}",
    )
    def record_patch(request, pk: int, payload: in_schema):
        _commune_unit(request)
        record = services.get_record_for_user(request.user, record_type, pk)
        data = {k: v for k, v in model_to_dict(record, fields=record_type.fields).items() if v is not None}
        data.update(payload.dict(exclude_unset=True))
        return _save(request, record_type, {k: v for k, v in data.items() if v is not None}, record)

    @router.delete(
        base + "/{pk}",
        response={204: None},
        tags=tag,
        operation_id=f"{name}_delete",
        summary=f"Xóa: {record_type.item_name}",
    )
    def record_delete(request, pk: int):
        _commune_unit(request)
        record = services.get_record_for_user(request.user, record_type, pk)
        services.record_delete(record=record, by=request.user)
        return 204, None


for _record_type in RECORD_TYPES:
    _register(_record_type)
