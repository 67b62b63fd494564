from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from .services import audit_entries


@login_required
def audit_log_view(request):
    if not request.user.can_read_audit:
        raise Http404("Chỉ lãnh đạo đơn vị và quản trị xem được nhật ký.")
    return render(request, "audit/log.html", {"entries": audit_entries(user=request.user, limit=200)})
