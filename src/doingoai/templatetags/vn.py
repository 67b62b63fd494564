"""Template filters for Vietnamese display; the logic lives in lib/."""

import datetime as dt

from django import template

from doingoai.lib import vn
from doingoai.lib.countries import country_name
from doingoai.lib.periods import Period

register = template.Library()


@register.filter
def vn_date(value):
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        return (
            timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%d/%m/%Y %H:%M")
        )
    return vn.format_date(value) if isinstance(value, dt.date) else ""


@register.filter
def vn_number(value):
    return vn.format_number(value) if value not in (None, "") else ""


@register.filter
def vnd(value):
    return vn.format_vnd(value) if value not in (None, "") else ""


@register.filter
def country(value):
    return country_name(value)


@register.filter
def period_label(value):
    try:
        return Period.parse(value).label
    except (ValueError, TypeError):
        return ""


@register.filter
def field_display(record, name):
    """A record's field as a person reads it: choices by label, dates dd/mm/yyyy, money in đồng."""
    from doingoai.records.fields import CountryField, MoneyField

    field_ = record._meta.get_field(name)
    value = getattr(record, name)
    if value is None or value == "":
        return "—"
    if field_.choices:
        return getattr(record, f"get_{name}_display")()
    if isinstance(field_, CountryField):
        return country_name(value)
    if isinstance(field_, MoneyField):
        return vn.format_vnd(value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.date):
        return vn.format_date(value)
    if isinstance(value, int):
        return vn.format_number(value)
    return value


@register.filter
def field_label(model_or_record, name):
    return model_or_record._meta.get_field(name).verbose_name.capitalize()
