from django.core.exceptions import ValidationError

ERROR_PASSWORD_MIX = "Mật khẩu phải có cả chữ cái và chữ số hoặc ký tự đặc biệt."


class MixedCharactersValidator:
    """Letters alone or digits alone are too easy to guess for an account that signs reports."""

    def validate(self, password, user=None):
        has_letter = any(ch.isalpha() for ch in password)
        has_other = any(not ch.isalpha() for ch in password)
        if not (has_letter and has_other):
            raise ValidationError(ERROR_PASSWORD_MIX, code="password_not_mixed")

    def get_help_text(self):
        return ERROR_PASSWORD_MIX
