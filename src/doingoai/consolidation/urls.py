from django.urls import path

from . import views

app_name = "consolidation"

XLSX = {"xlsx": True}

urlpatterns = [
    path("", views.sums_home_view, name="home"),
    path("country/", views.country_view, name="country"),
    path("country/tong-hop.xlsx", views.country_view, XLSX, name="country-xlsx"),
    path("country/<slug:indicator>/", views.country_view, name="country-indicator"),
    path("<int:code>/", views.province_view, name="province"),
    path("<int:code>/tong-hop.xlsx", views.province_view, XLSX, name="province-xlsx"),
    path("<int:code>/<slug:indicator>/", views.province_view, name="province-indicator"),
    path("requests/<int:pk>/", views.request_view, name="request"),
    path("requests/<int:pk>/tong-hop.xlsx", views.request_view, XLSX, name="request-xlsx"),
    path("requests/<int:pk>/<slug:indicator>/", views.request_view, name="request-indicator"),
]
