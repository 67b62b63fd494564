from django.urls import path

from . import views

app_name = "units"
urlpatterns = [path("", views.unit_search_view, name="search")]
