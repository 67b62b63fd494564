"""Countries with their Vietnamese names, from Babel's CLDR data."""

import functools

from babel import Locale

from doingoai.lib.text import fold

# CLDR codes that are regions or groupings, not countries.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "VN"}
# Names Vietnamese documents use where CLDR's differ ("Rộng Xanh (Úc)", "WVI (Mỹ)").
_ALIASES = {"uc": "AU", "my": "US", "anh": "GB", "han quoc": "KR", "trieu tien": "KP", "dai loan": "TW"}


@functools.cache
def country_choices() -> tuple[tuple[str, str], ...]:
    """(ISO code, Vietnamese name), sorted by name as a Vietnamese reader expects."""
    names = Locale("vi").territories
    pairs = [
        (code, name) for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return tuple(sorted(pairs, key=lambda pair: fold(pair[1])))


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return dict(country_choices()).get(code, code)


def country_lookup(text: str) -> str | None:
    """A typed name or code to an ISO code: "Hoa Kỳ", "hoa ky", "Úc", "US" → code."""
    if not text:
        return None
    wanted = fold(str(text))
    if wanted in _ALIASES:
        return _ALIASES[wanted]
    for code, name in country_choices():
        if wanted in (fold(name), code.lower()):
            return code
    return None
