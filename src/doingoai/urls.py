from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from doingoai import views
from doingoai.api.urls import api
from doingoai.people.views import LoginView

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("records/", include("doingoai.records.urls")),
    path("reports/", include("doingoai.reports.urls")),
    path("account/", include("doingoai.people.urls")),
    path("audit/", include("doingoai.audit.urls")),
    path("units/", include("doingoai.units.urls")),
    path("ingest/", include("doingoai.ingest.urls")),
    path("search/", include("doingoai.search.urls")),
    path("consolidation/", include("doingoai.consolidation.urls")),
    path("api/v1/", api.urls),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
