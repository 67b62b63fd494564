"""The search form: what was typed and the filters, turned into the values report_search takes."""

from django import forms

from doingoai.lib.catalogues import SECTIONS
from doingoai.lib.periods import Period

from .services import SearchError, search_filter_choices, search_unit_parse, search_unit_token
from .terms import MAX_CHARS, QueryError, query_parse

HELP_QUERY = 'Có dấu hay không dấu đều được ("vien tro WWF"). Cụm từ đặt trong ngoặc kép: "đoàn ra". Dấu * tìm theo đầu từ: hoi*.'


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Từ cần tìm",
        required=False,
        help_text=HELP_QUERY,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "maxlength": MAX_CHARS}),
    )
    unit = forms.CharField(label="Đơn vị", required=False, widget=forms.Select)
    period = forms.CharField(label="Kỳ báo cáo", required=False, widget=forms.Select)
    section = forms.CharField(
        label="Mục báo cáo",
        required=False,
        widget=forms.Select(choices=[("", "Tất cả các mục"), *((s.code, s.label) for s in SECTIONS)]),
    )
    trang = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        units, periods = search_filter_choices(user=user)
        self.show_unit = not user.is_commune_user  # a commune sees only its own reports
        self.fields["unit"].widget.choices = [("", "Tất cả đơn vị")] + [
            (search_unit_token(unit), unit.official_name) for unit in units
        ]
        self.fields["period"].widget.choices = [("", "Tất cả các kỳ")] + [(p.code, p.label) for p in periods]

    def clean_q(self):
        text = self.cleaned_data["q"]
        try:
            query_parse(text)
        except QueryError as error:
            raise forms.ValidationError(str(error)) from None
        return text

    def clean_unit(self):
        code = self.cleaned_data["unit"]
        if not code:
            return None
        try:
            return search_unit_parse(code=code, user=self.user)
        except SearchError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_period(self):
        code = self.cleaned_data["period"]
        if not code:
            return None
        try:
            return Period.parse(code)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
