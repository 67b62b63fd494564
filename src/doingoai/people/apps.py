from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "doingoai.people"
    verbose_name = "Người dùng và cơ quan"
