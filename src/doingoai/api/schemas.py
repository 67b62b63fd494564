from ninja import Schema


class UnitOut(Schema):
    id: int
    code: int
    level: str
    name: str
    short_name: str
    province_code: int | None
    province_name: str | None

    @staticmethod
    def resolve_province_code(unit):
        return unit.province.code if unit.province_id else None

    @staticmethod
    def resolve_province_name(unit):
        return unit.province.name if unit.province_id else None


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class MeOut(Schema):
    username: str
    full_name: str
    role: str
    organisation: str | None
    unit: UnitOut | None

    @staticmethod
    def resolve_organisation(user):
        return user.organisation.name if user.organisation_id else None

    @staticmethod
    def resolve_unit(user):
        return user.unit
