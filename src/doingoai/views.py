from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from doingoai.lib.periods import HALF, Period, recent_periods
from doingoai.lib.vn import today

from .dashboard import communes_of_province, dashboard_for_commune, provinces_for_ministry, role_of

ERROR_CSRF = (
    "Trang đã quá hạn hoặc bị gửi hai lần. Hãy tải lại trang rồi thử lại: dữ liệu bạn gõ vẫn còn trên trang trước."
)


@login_required
def home(request):
    role = role_of(request.user)
    if role == "commune":
        try:
            period = Period.parse(request.GET["ky"]) if request.GET.get("ky") else None
        except ValueError:
            period = None
        context = {"board": dashboard_for_commune(unit=request.user.unit, period=period)}
        return render(request, "dashboard/commune.html", context)
    if role == "ministry":
        try:
            period = Period.parse(request.GET["ky"]) if request.GET.get("ky") else Period.containing(today(), HALF)
        except ValueError:
            period = Period.containing(today(), HALF)
        rows = provinces_for_ministry(period=period)
        context = {
            "period": period,
            "periods": recent_periods(today()),
            "rows": rows,
            "sent": sum(1 for r in rows if r.report),
        }
        return render(request, "dashboard/ministry.html", context)
    if role in ("province", "administrator") and request.user.province is not None:
        context = {"province": request.user.province, "communes": communes_of_province(province=request.user.province)}
        return render(request, "dashboard/province.html", context)
    return render(request, "dashboard/none.html")


def healthz(request):
    """For a load balancer: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", {"message": ERROR_CSRF}, status=403)
