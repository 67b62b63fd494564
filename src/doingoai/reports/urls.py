from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list_view, name="list"),
    path("compose/", views.report_compose_view, name="compose"),
    path("synthesis/", views.synthesis_compose_view, name="synthesis"),
    path("<int:pk>/", views.report_detail_view, name="detail"),
    path("<int:pk>/sections/<int:section_pk>/", views.section_save_view, name="section"),
    path("<int:pk>/sections/<int:section_pk>/choose/", views.section_choose_view, name="section-choose"),
    path("<int:pk>/meta/", views.report_meta_view, name="meta"),
    path("<int:pk>/indicators/", views.indicator_correct_view, name="indicator"),
    path("<int:pk>/submit/", views.report_submit_view, name="submit"),
    path("<int:pk>/return/", views.report_return_view, name="return"),
    path("<int:pk>/approve/", views.report_approve_view, name="approve"),
    path("<int:pk>/send/", views.report_send_view, name="send"),
    path("<int:pk>/accept/", views.report_accept_view, name="accept"),
    path("<int:pk>/reject/", views.report_reject_view, name="reject"),
    path("<int:pk>/versions/", views.report_versions_view, name="versions"),
    path("<int:pk>/versions/<int:number>/", views.report_version_compare_view, name="version"),
    path("<int:pk>/versions/<int:number>/restore/", views.report_version_restore_view, name="version-restore"),
    path("<int:pk>/bao-cao.docx", views.report_docx_view, name="docx"),
    path("<int:pk>/bao-cao.pdf", views.report_pdf_view, name="pdf"),
    path("requests/", views.request_list_view, name="requests"),
    path("requests/new/", views.request_create_view, name="request-new"),
    path("requests/<int:pk>/", views.request_detail_view, name="request"),
    path("requests/<int:pk>/accept/", views.request_accept_view, name="request-accept"),
    path("requests/<int:pk>/remind/", views.request_remind_view, name="request-remind"),
    path("requests/<int:pk>/render/", views.request_render_view, name="request-render"),
    path("renders/<int:pk>/", views.render_job_view, name="render-job"),
    path("renders/<int:pk>/download/", views.render_job_download_view, name="render-download"),
    path("outlines/", views.outline_list_view, name="outlines"),
    path("outlines/new/", views.outline_edit_view, name="outline-new"),
    path("outlines/<int:pk>/", views.outline_edit_view, name="outline"),
]
