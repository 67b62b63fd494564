from django.urls import path

from . import views

app_name = "ingest"

urlpatterns = [
    path("", views.upload_view, name="upload"),
    path("batches/<int:pk>/", views.batch_view, name="batch"),
    path("documents/", views.document_list_view, name="documents"),
    path("documents/unassigned/", views.unassigned_view, name="unassigned"),
    path("documents/<int:pk>/", views.document_view, name="document"),
    path("documents/<int:pk>/file/", views.document_file_view, name="file"),
    path("documents/<int:pk>/units/", views.unit_options_view, name="unit-options"),
    path("documents/<int:pk>/place/", views.document_place_view, name="place"),
    path("documents/<int:pk>/sections/<int:position>/", views.section_code_view, name="section"),
    path("documents/<int:pk>/facts/", views.fact_view, name="fact"),
    path("documents/<int:pk>/confirm/", views.document_confirm_view, name="confirm"),
]
