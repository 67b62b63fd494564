from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from doingoai.lib.spreadsheets import SpreadsheetError, read_rows, write_workbook

from . import services
from .forms import AccountsImportForm, AccountsMoveForm, LoginForm, ReceiverForm, TokenForm
from .models import ApiToken

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def administrator_only(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_administrator:
            raise Http404("Chỉ quản trị mới dùng được trang này.")
        return view(request, *args, **kwargs)

    return wrapper


@login_required
def profile_view(request):
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = services.token_create(user=request.user, name=form.cleaned_data["name"])
    tokens = request.user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at")
    return render(request, "people/profile.html", {"form": form, "tokens": tokens, "new_token": new_token})


@login_required
@require_POST
def token_revoke_view(request, pk):
    token = ApiToken.objects.filter(pk=pk, user=request.user, revoked_at__isnull=True).first()
    if token is None:
        raise Http404("Không tìm thấy mã truy cập.")
    services.token_revoke(token=token, by=request.user)
    messages.success(request, "Đã thu hồi mã truy cập.")
    return redirect("people:profile")


@administrator_only
def accounts_view(request):
    province = request.user.province
    members = services.accounts_in_scope(user=request.user)
    context = {
        "members": members,
        "import_form": AccountsImportForm(),
        "move_form": AccountsMoveForm(province=province),
        "receiver_form": ReceiverForm(initial={"receiver": province.receiver}) if province else None,
        "province": province,
    }
    return render(request, "people/accounts.html", context)


@administrator_only
def accounts_template_view(request):
    header = [label for _, label in services.ACCOUNT_COLUMNS]
    example = ["canbo.minhlong", "Nguyễn Thị Hoa", "hoa@example.vn", "Cán bộ xã", 21361, "", ""]
    response = HttpResponse(write_workbook([("Tài khoản", header, [example])]), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-tai-khoan.xlsx"'
    return response


@administrator_only
def accounts_import_view(request):
    form = AccountsImportForm(request.POST or None, request.FILES or None)
    result = errors = None
    if request.method == "POST" and form.is_valid():
        try:
            header, rows = read_rows(form.cleaned_data["file"].read())
        except SpreadsheetError as error:
            errors = [(None, str(error))]
        else:
            result = services.accounts_import(
                rows=services.account_rows(header, rows), by=request.user, scope=request.user.province
            )
            errors = result.errors
    return render(request, "people/accounts_import.html", {"form": form, "result": result, "errors": errors})


@administrator_only
@require_POST
def accounts_move_view(request):
    form = AccountsMoveForm(request.POST, province=request.user.province)
    if form.is_valid():
        moved = services.accounts_move(
            source=form.cleaned_data["source"], target=form.cleaned_data["target"], by=request.user
        )
        messages.success(
            request,
            f"Đã chuyển {moved} tài khoản từ {form.cleaned_data['source'].name} sang {form.cleaned_data['target'].name}.",
        )
    else:
        for error in form.errors.values():
            messages.error(request, " ".join(error))
    return redirect("people:accounts")


@administrator_only
@require_POST
def receiver_view(request):
    form = ReceiverForm(request.POST)
    if form.is_valid() and request.user.province is not None:
        services.province_set_receiver(
            province=request.user.province, receiver=form.cleaned_data["receiver"], by=request.user
        )
        messages.success(request, "Đã cập nhật cơ quan nhận báo cáo.")
    return redirect("people:accounts")
