"""Who may read which documents and batches, and the units a document may be placed in."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from doingoai.ingest.models import Batch, Document
from doingoai.lib.text import fold, squash
from doingoai.people.models import User
from doingoai.reports.models import Report
from doingoai.units.models import Unit
from doingoai.units.services import unit_resolve, unit_search


def scope_unit(user: User) -> Unit | None:
    """The unit whose documents a person handles: their commune, or their province."""
    if not user.is_authenticated:
        return None
    if user.is_commune_user:
        return user.unit
    if user.is_province_user:
        return user.province
    return None


def user_can_ingest(user: User) -> bool:
    return scope_unit(user) is not None or (user.is_authenticated and user.is_superuser)


def unit_in_scope(*, unit: Unit, scope: Unit | None) -> bool:
    """A commune handles only itself; a province itself and its communes; no scope (the CLI) anything."""
    if scope is None:
        return True
    if scope.is_province:
        return unit.pk == scope.pk or unit.province_id == scope.pk
    return unit.pk == scope.pk


def documents_visible_to(user: User) -> QuerySet:
    """Documents a person may open.

    A commune's officers and leaders: what their commune uploaded and what was
    read as their commune's report. A province officer or administrator: what
    the province uploaded, and a commune's own upload only once the commune has
    confirmed it: until then it is the commune's draft. Never another province's.
    """
    documents = Document.objects.select_related("batch", "owner_unit", "report__unit__province")
    scope = scope_unit(user)
    if scope is None:
        return documents if user.is_authenticated and user.is_superuser else documents.none()
    if scope.is_province:
        confirmed_here = Q(report__status=Report.Status.CONFIRMED) & (
            Q(report__unit=scope) | Q(report__unit__province=scope)
        )
        return documents.filter(Q(owner_unit=scope) | confirmed_here)
    return documents.filter(Q(owner_unit=scope) | Q(report__unit=scope))


def get_document_for_user(user: User, pk: int) -> Document:
    """A document the user may open, or 404: another commune's document does not exist for them."""
    document = documents_visible_to(user).filter(pk=pk).first()
    if document is None:
        raise Http404("Không tìm thấy văn bản.")
    return document


def batches_visible_to(user: User) -> QuerySet:
    batches = Batch.objects.select_related("owner_unit", "uploaded_by")
    scope = scope_unit(user)
    if scope is None:
        return batches if user.is_authenticated and user.is_superuser else batches.none()
    return batches.filter(owner_unit=scope)


def get_batch_for_user(user: User, pk: int) -> Batch:
    batch = batches_visible_to(user).filter(pk=pk).first()
    if batch is None:
        raise Http404("Không tìm thấy lô tệp.")
    return batch


def document_list(*, user: User, state: str = "") -> QuerySet:
    """Documents in the user's scope, by state: "cho-xac-nhan", "chua-gan", "da-xac-nhan", "khong-doc-duoc"."""
    documents = documents_visible_to(user).order_by("-created_at", "-id")
    if state == "cho-xac-nhan":
        return documents.filter(report__status=Report.Status.READ, report__unit__isnull=False).exclude(
            report__period=""
        )
    if state == "chua-gan":
        return documents_unassigned(user=user)
    if state == "da-xac-nhan":
        return documents.filter(report__status=Report.Status.CONFIRMED)
    if state == "khong-doc-duoc":
        return documents.filter(outcome=Document.Outcome.UNREADABLE)
    return documents


def documents_unassigned(*, user: User) -> QuerySet:
    """Read documents still waiting for an officer to say whose report they are, or for which period."""
    return (
        documents_visible_to(user)
        .filter(report__isnull=False, report__status=Report.Status.READ)
        .filter(Q(report__unit__isnull=True) | Q(report__period=""))
        .order_by("-created_at", "-id")
    )


def units_for_placing(*, user: User, document: Document | None = None) -> QuerySet:
    """Units a document may be placed on: within the user's scope and the uploader's."""
    units = Unit.objects.filter(is_active=True).select_related("province")
    for scope in (scope_unit(user), document.owner_unit if document else None):
        if scope is None:
            continue
        units = units.filter(Q(pk=scope.pk) | Q(province=scope)) if scope.is_province else units.filter(pk=scope.pk)
    return units


@dataclass
class Candidate:
    unit: Unit
    note: str = ""  # "tên cũ: Xã Bộc Nhiêu, huyện Định Hóa"
    selected: bool = False


def unit_candidates(*, user: User, document: Document | None, query: str, limit: int = 12) -> list[Candidate]:
    """Units to offer when placing a document: by name, with or without diacritics; old names resolved.

    Without a query: the unit the report already has (chosen), then what the
    document's own header names, when within scope. Only the report's unit, or
    the one unit a commune officer may choose, comes pre-selected.
    """
    allowed = units_for_placing(user=user, document=document)
    allowed_ids = set(allowed.values_list("pk", flat=True)[:5000])
    current = document.report.unit_id if document is not None and document.report is not None else None
    candidates: list[Candidate] = []

    def add(unit: Unit | None, note: str = "") -> None:
        if unit is not None and unit.pk in allowed_ids and all(c.unit.pk != unit.pk for c in candidates):
            candidates.append(Candidate(unit, note, selected=unit.pk == current or len(allowed_ids) == 1))

    if len(allowed_ids) <= 1:
        for unit in allowed:
            add(unit)
        return candidates
    province = _common_province(allowed)
    query = squash(query or "")
    if not query and document is not None:
        if current:
            add(document.report.unit)
        meta = (document.contract or {}).get("meta") or {}
        query = meta.get("unit_name") or ""
    if not query:
        return candidates
    address = query if province is None or fold(province.name) in fold(query) else f"{query}, {province.name}"
    try:
        resolved = unit_resolve(address=address)
    except Exception:  # noqa: BLE001 - a strange address must not break the page
        resolved = None
    if resolved is not None and resolved.is_province and fold(resolved.name) != fold(query):
        resolved = None  # unit_resolve's fallback when it cannot find the commune: not an answer
    if resolved is not None and fold(resolved.short_name) not in fold(query):
        add(resolved, f"tên cũ: {query}")
    else:
        add(resolved)
    for unit in unit_search(query=query, province=province, limit=limit * 3):
        add(unit)
    return candidates[:limit]


def _common_province(units: QuerySet) -> Unit | None:
    first = units.first()
    if first is None:
        return None
    province = first.province_unit
    return province if not units.exclude(Q(pk=province.pk) | Q(province=province)).exists() else None
