from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("attachments/<int:pk>/download/", views.attachment_download_view, name="attachment"),
    path("attachments/<int:pk>/delete/", views.attachment_delete_view, name="attachment-delete"),
    path("<slug:type_code>/", views.record_list_view, name="list"),
    path("<slug:type_code>/new/", views.record_create_view, name="create"),
    path("<slug:type_code>/<int:pk>/", views.record_edit_view, name="edit"),
    path("<slug:type_code>/<int:pk>/delete/", views.record_delete_view, name="delete"),
    path("<slug:type_code>/<int:pk>/attachments/", views.attachment_upload_view, name="attach"),
    path("<slug:type_code>/excel/template/", views.spreadsheet_template_view, name="template"),
    path("<slug:type_code>/excel/export/", views.spreadsheet_export_view, name="export"),
    path("<slug:type_code>/excel/import/", views.spreadsheet_import_view, name="import"),
]
