from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import django_auth

from . import consolidation, ingest, records, reports, synthesis, units
from .auth import TokenAuth
from .schemas import MeOut
from .search import router as search_router

api = NinjaAPI(
    title="doingoai API",
    version="1",
    description="Công tác đối ngoại của xã, phường và tỉnh. Xác thực bằng mã cá nhân: `Authorization: Bearer dng_…`.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    message = "Chưa xác thực: gửi mã cá nhân trong tiêu đề Authorization: Bearer dng_…, hoặc đăng nhập."
    return api.create_response(request, {"detail": message}, status=401)


@api.get("/me", response=MeOut, tags=["Tài khoản"])
def me(request):
    return request.user


api.add_router("/units", units.router)
api.add_router("/records", records.router)
api.add_router("/reports", reports.router)
api.add_router("/report-requests", reports.requests_router)
api.add_router("/ingest", ingest.router)
api.add_router("/search", search_router)
api.add_router("/consolidation", consolidation.router)
api.add_router("/synthesis", synthesis.router)
