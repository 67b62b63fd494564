from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.profile_view, name="profile"),
    path("tokens/<int:pk>/revoke/", views.token_revoke_view, name="token-revoke"),
    path("accounts/", views.accounts_view, name="accounts"),
    path("accounts/template.xlsx", views.accounts_template_view, name="accounts-template"),
    path("accounts/import/", views.accounts_import_view, name="accounts-import"),
    path("accounts/move/", views.accounts_move_view, name="accounts-move"),
    path("province/receiver/", views.receiver_view, name="receiver"),
]
