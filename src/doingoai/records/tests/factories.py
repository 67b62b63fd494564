import datetime as dt

from doingoai.records import models


def delegation(unit, **extra):
    values = dict(
        direction="in",
        origin="foreign",
        partner="Tổ chức Tầm nhìn Thế giới (WVI)",
        country="US",
        start_date=dt.date(2026, 3, 12),
        members_count=4,
        purpose="Khảo sát dự án trường học",
    )
    values.update(extra)
    return models.Delegation.objects.create(unit=unit, **values)


def ngo_project(unit, **extra):
    values = dict(
        name="Chương trình Phát triển vùng",
        donor="WVI",
        donor_country="US",
        start_date=dt.date(2026, 1, 10),
        end_date=dt.date(2026, 12, 31),
        cash_value_vnd=850_000_000,
        in_kind_value_vnd=120_000_000,
        beneficiaries=1250,
    )
    values.update(extra)
    return models.NgoAidProject.objects.create(unit=unit, **values)
