"""A province's own outlines."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from doingoai.people.models import User
from doingoai.reports.models import Outline
from doingoai.reports.outlines import outline_validate
from doingoai.reports.services.access import ERROR_NOT_PROVINCE


def outlines_for(user: User) -> QuerySet:
    if user.province is None:
        return Outline.objects.none()
    return Outline.objects.filter(province=user.province).order_by("name")


def outline_save(*, by: User, name: str, items: list[dict], ngo_annex: bool, outline: Outline | None = None) -> Outline:
    """A province's own outline (which sections, their headings and order, the NGO annex table)."""
    if not by.is_province_user:
        raise PermissionDenied(ERROR_NOT_PROVINCE)
    cleaned = outline_validate(items)
    outline = outline or Outline(province=by.province, created_by=by)
    outline.name = name.strip()[:200] or "Đề cương"
    outline.items = cleaned
    outline.ngo_annex = ngo_annex
    outline._history_user = by
    outline.save()
    return outline
