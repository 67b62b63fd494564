"""Organisations, accounts and API tokens."""

import secrets
import string
from dataclasses import dataclass, field

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from doingoai.lib.catalogues import ROLES_BY_CODE
from doingoai.lib.spreadsheets import cell_text
from doingoai.lib.text import choice_lookup, fold
from doingoai.units.models import Unit

from .models import ApiToken, Organisation, User


def _upper(text: str) -> str:
    return text.upper()


def organisation_defaults(*, unit: Unit, kind: str) -> dict:
    """Names and header lines of an organisation, as Nghị định 30 prints them."""
    province = unit.province_unit
    parent_line = f"UBND {_upper(province.official_name)}"
    if kind == Organisation.Kind.COMMUNE_COMMITTEE:
        return {
            "name": f"Ủy ban nhân dân {unit.level_word} {unit.short_name}",
            "header_parent": "",
            "header_name": f"ỦY BAN NHÂN DÂN\n{_upper(unit.name)}",
            "symbol": "UBND",
        }
    if kind == Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT:
        return {
            "name": f"Sở Ngoại vụ {province.official_name[0].lower()}{province.official_name[1:]}",
            "header_parent": parent_line,
            "header_name": "SỞ NGOẠI VỤ",
            "symbol": "SNgV",
        }
    if kind == Organisation.Kind.PROVINCIAL_OFFICE:
        return {
            "name": f"Văn phòng Ủy ban nhân dân {province.level_word} {province.short_name}",
            "header_parent": parent_line,
            "header_name": "VĂN PHÒNG",
            "symbol": "VP",
        }
    return {
        "name": f"Ủy ban nhân dân {province.level_word} {province.short_name}",
        "header_parent": "",
        "header_name": f"ỦY BAN NHÂN DÂN\n{_upper(province.official_name)}",
        "symbol": "UBND",
    }


def organisation_for_unit(*, unit: Unit, kind: str | None = None) -> Organisation:
    """The organisation of ``kind`` serving ``unit``, created with official names if missing.

    Without a kind: a commune's Ủy ban nhân dân, or the body through which a
    province receives reports (its Sở Ngoại vụ or its Văn phòng UBND).
    """
    if kind is None:
        if unit.is_province:
            kind = (
                Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT
                if unit.receiver == Unit.Receiver.FOREIGN_AFFAIRS_DEPARTMENT
                else Organisation.Kind.PROVINCIAL_OFFICE
            )
        else:
            kind = Organisation.Kind.COMMUNE_COMMITTEE
    organisation, _ = Organisation.objects.get_or_create(
        unit=unit, kind=kind, defaults=organisation_defaults(unit=unit, kind=kind)
    )
    return organisation


def issuing_organisation(*, unit: Unit) -> Organisation:
    """The body whose name heads the unit's own reports: a commune's UBND; for a province, its Sở
    Ngoại vụ, or its UBND where the province has no Sở (its Văn phòng receives but does not report)."""
    if unit.is_province and unit.receiver != Unit.Receiver.FOREIGN_AFFAIRS_DEPARTMENT:
        return organisation_for_unit(unit=unit, kind=Organisation.Kind.PROVINCIAL_COMMITTEE)
    return organisation_for_unit(unit=unit)


def province_set_receiver(*, province: Unit, receiver: str, by: User | None = None) -> Unit:
    """Mark a province as receiving through its Sở Ngoại vụ or its Văn phòng UBND."""
    province.receiver = receiver
    province._history_user = by
    province.save(update_fields=["receiver"])
    return province


def organisation_level(organisation: Organisation) -> str:
    """ "commune", "province" or "nation": the level of the roles its members may hold (lib.catalogues.ROLES)."""
    if organisation.is_ministry:
        return "nation"
    return "commune" if organisation.is_commune else "province"


def ministry_organisation() -> Organisation:
    """The Bộ Ngoại giao: the one organisation with no unit, to which the provinces send their reports up."""
    organisation, _ = Organisation.objects.get_or_create(
        kind=Organisation.Kind.MINISTRY,
        unit=None,
        defaults={"name": "Bộ Ngoại giao", "header_name": "BỘ NGOẠI GIAO", "symbol": "BNG"},
    )
    return organisation


def user_create(
    *,
    username: str,
    password: str | None,
    organisation: Organisation,
    role: str,
    full_name: str = "",
    position: str = "",
    email: str = "",
    by: User | None = None,
    validate: bool = True,
) -> User:
    """Create an account. Its role must fit its organisation's level."""
    if ROLES_BY_CODE[role].level != organisation_level(organisation):
        raise ValidationError(ERROR_ROLE_LEVEL)
    if role in (User.Role.COMMUNE_LEADER, User.Role.PROVINCE_LEADER) and not position:
        raise ValidationError(ERROR_LEADER_POSITION)
    user = User(
        username=username,
        organisation=organisation,
        role=role,
        full_name=full_name,
        position=position,
        email=email,
    )
    if password:
        if validate:
            validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user._history_user = by
    user.full_clean(exclude=["password"])
    user.save()
    return user


ERROR_ROLE_LEVEL = (
    "Vai trò không phù hợp với cơ quan: cán bộ, lãnh đạo xã thuộc UBND xã; cán bộ, lãnh đạo tỉnh và quản trị "
    "thuộc cơ quan cấp tỉnh; cán bộ Bộ Ngoại giao thuộc Bộ."
)
ERROR_LEADER_POSITION = (
    "Lãnh đạo cần có chức vụ (Chủ tịch, Phó Chủ tịch, Giám đốc hoặc Phó Giám đốc) để in vào khối chữ ký."
)
ERROR_UNKNOWN_UNIT = "Không tìm thấy đơn vị có mã {code}."
ERROR_UNKNOWN_ROLE = (
    "Vai trò không hợp lệ: {value}. Dùng: cán bộ xã, lãnh đạo xã, cán bộ tỉnh, lãnh đạo tỉnh, quản trị, "
    "cán bộ Bộ Ngoại giao."
)
ERROR_USERNAME_TAKEN = "Tên đăng nhập {value} đã có."
ERROR_MISSING = "Thiếu {field}."
ERROR_SPREADSHEET = "Tệp không đọc được: hãy dùng tệp Excel .xlsx theo mẫu."

ACCOUNT_COLUMNS = (
    ("username", "Tên đăng nhập"),
    ("full_name", "Họ và tên"),
    ("email", "Email"),
    ("role", "Vai trò"),
    ("unit_code", "Mã đơn vị"),
    ("position", "Chức vụ"),
    ("password", "Mật khẩu"),
)


@dataclass
class AccountRow:
    row: int
    username: str
    password: str  # generated when the sheet left it blank; shown once
    unit: str


@dataclass
class AccountsImport:
    created: list[AccountRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _generate_password() -> str:
    alphabet = string.ascii_letters + string.digits
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def account_rows(header: list[str], rows: list[tuple[int, list]]) -> list[tuple[int, dict]]:
    """Sheet rows (by number) to dicts keyed by ACCOUNT_COLUMNS, matching headers without diacritics."""
    by_label = {fold(label): key for key, label in ACCOUNT_COLUMNS}
    keys = [by_label.get(fold(title.rstrip(" *"))) for title in header]
    return [
        (number, {key: cell_text(value) for key, value in zip(keys, values, strict=False) if key})
        for number, values in rows
    ]


def accounts_import(
    *, rows: list[tuple[int, dict]], by: User | None = None, scope: Unit | None = None
) -> AccountsImport:
    """Create accounts from spreadsheet rows, all or none.

    Each row: username, full_name, email, role, unit_code, position, password.
    Commune roles take a commune code, province roles a province code. With
    ``scope`` (an administrator's province) units outside it are refused.
    """
    result = AccountsImport()
    seen: set[str] = set()
    try:
        with transaction.atomic():
            for number, row in rows:
                username = str(row.get("username") or "").strip()
                if not username:
                    result.errors.append((number, ERROR_MISSING.format(field="tên đăng nhập")))
                    continue
                if username in seen or User.objects.filter(username=username).exists():
                    result.errors.append((number, ERROR_USERNAME_TAKEN.format(value=username)))
                    continue
                seen.add(username)
                role = choice_lookup(str(row.get("role") or ""), User.Role.choices)
                if role is None:
                    result.errors.append((number, ERROR_UNKNOWN_ROLE.format(value=row.get("role") or "")))
                    continue
                position = ""
                if row.get("position"):
                    position = choice_lookup(str(row["position"]), User.Position.choices) or ""
                code_text = str(row.get("unit_code") or "").strip().removesuffix(".0")
                level = ROLES_BY_CODE[role].level
                unit = None
                if level == "nation":
                    if scope is not None:  # a province's administrator creates no ministry account
                        result.errors.append((number, ERROR_ROLE_LEVEL))
                        continue
                elif code_text.isdigit():
                    units = Unit.objects.filter(code=int(code_text))
                    unit = (units.filter(level="tinh") if level == "province" else units.exclude(level="tinh")).first()
                if level != "nation" and (unit is None or (scope is not None and unit.province_unit != scope)):
                    result.errors.append((number, ERROR_UNKNOWN_UNIT.format(code=code_text or "(trống)")))
                    continue
                password = str(row.get("password") or "").strip() or _generate_password()
                try:
                    user_create(
                        username=username,
                        password=password,
                        organisation=organisation_for_unit(unit=unit) if unit else ministry_organisation(),
                        role=role,
                        full_name=str(row.get("full_name") or "").strip(),
                        position=position,
                        email=str(row.get("email") or "").strip(),
                        by=by,
                    )
                except ValidationError as error:
                    result.errors.append((number, " ".join(error.messages)))
                    continue
                result.created.append(AccountRow(number, username, password, str(unit) if unit else "Bộ Ngoại giao"))
            if result.errors:
                raise _Rollback
    except _Rollback:
        result.created = []
    return result


class _Rollback(Exception):
    pass


def accounts_move(*, source: Unit, target: Unit, by: User | None = None) -> int:
    """Move every account of a commune to another, as when communes merge.

    Returns how many accounts moved. The source's organisation is closed when
    it has no one left.
    """
    target_organisation = organisation_for_unit(unit=target)
    moved = 0
    with transaction.atomic():
        for organisation in Organisation.objects.filter(unit=source, kind=Organisation.Kind.COMMUNE_COMMITTEE):
            for user in organisation.members.all():
                user.organisation = target_organisation
                user._history_user = by
                user.save(update_fields=["organisation"])
                moved += 1
            organisation.is_active = False
            organisation._history_user = by
            organisation.save(update_fields=["is_active"])
    return moved


def token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new personal API token; the raw token is returned once and never stored."""
    raw = ApiToken.new_raw_key()
    token = ApiToken(user=user, name=name, key_hash=ApiToken.hash(raw), hint=raw[:10])
    token._history_user = user
    token.save()
    return token, raw


def token_authenticate(raw: str) -> User | None:
    if not raw or not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user__organisation__unit__province")
        .filter(key_hash=ApiToken.hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def token_revoke(*, token: ApiToken, by: User) -> None:
    token.revoked_at = timezone.now()
    token._history_user = by
    token.save(update_fields=["revoked_at"])


def accounts_in_scope(*, user: User):
    """Accounts an administrator manages: those of their province and its communes."""
    users = User.objects.select_related("organisation__unit").order_by("organisation__unit__name", "username")
    if user.is_superuser and user.province is None:
        return users
    province = user.province
    if province is None:
        return users.none()
    from django.db.models import Q

    return users.filter(Q(organisation__unit=province) | Q(organisation__unit__province=province))
