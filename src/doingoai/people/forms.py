from django import forms
from django.contrib.auth.forms import AuthenticationForm

from doingoai.units.models import Unit


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường.",
        "inactive": "Tài khoản đã bị khóa. Hãy liên hệ quản trị của tỉnh.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"


class TokenForm(forms.Form):
    name = forms.CharField(label="Tên gợi nhớ (ví dụ: phần mềm văn phòng)", max_length=80, required=False)


class AccountsImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel danh sách tài khoản (.xlsx)", error_messages={"required": "Hãy chọn tệp Excel."}
    )


class AccountsMoveForm(forms.Form):
    source = forms.IntegerField(
        label="Mã xã, phường cũ (chuyển đi)",
        error_messages={"required": "Hãy nhập mã đơn vị.", "invalid": "Mã đơn vị là một số."},
    )
    target = forms.IntegerField(
        label="Mã xã, phường mới (chuyển đến)",
        error_messages={"required": "Hãy nhập mã đơn vị.", "invalid": "Mã đơn vị là một số."},
    )

    def __init__(self, *args, province: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.province = province

    def _commune(self, name):
        code = self.cleaned_data[name]
        unit = Unit.objects.exclude(level="tinh").filter(code=code).first()
        if unit is None or (self.province is not None and unit.province_id != self.province.pk):
            raise forms.ValidationError(f"Không có xã, phường mã {code} trong tỉnh.")
        return unit

    def clean_source(self):
        return self._commune("source")

    def clean_target(self):
        return self._commune("target")

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            raise forms.ValidationError("Đơn vị chuyển đi và chuyển đến phải khác nhau.")
        return data


class ReceiverForm(forms.Form):
    receiver = forms.ChoiceField(
        label="Cơ quan nhận báo cáo của các xã", choices=Unit.Receiver.choices, widget=forms.RadioSelect
    )
