"""Model fields that carry a meaning the forms need: money, a country."""

from django.core.validators import MinValueValidator
from django.db import models


class MoneyField(models.BigIntegerField):
    """An amount in đồng, never negative."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [MinValueValidator(0)])
        super().__init__(*args, **kwargs)


class CountryField(models.CharField):
    """An ISO 3166 code; the form offers the Vietnamese names (lib.countries)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 2)
        super().__init__(*args, **kwargs)


class CountField(models.PositiveIntegerField):
    """A number of people, delegations, articles... typed as 1.234 or 02."""
