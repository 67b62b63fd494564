"""Report panels for the dashboards: the requests a commune received, a province's requests."""

from django import template

from doingoai.consolidation.services.requests import requests_for_commune, requests_visible_to
from doingoai.lib.vn import today

register = template.Library()


@register.inclusion_tag("reports/_panel_commune.html")
def commune_reports_panel(unit):
    return {"requests": requests_for_commune(unit=unit, today=today()) if unit else []}


@register.inclusion_tag("reports/_panel_province.html", takes_context=True)
def province_reports_panel(context):
    user = context["request"].user
    return {"requests": requests_visible_to(user).order_by("-date", "-id")[:5]}
