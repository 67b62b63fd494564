"""Who may open a page: one decorator for every view kept to some people."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from .models import User


def role_required(allowed: Callable[[User], bool], message: str):
    """Log in first; then a person ``allowed`` does not admit gets 404 with ``message``: for them the page
    does not exist (a 403 would tell another commune that something is there)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not allowed(request.user):
                raise Http404(message)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def commune_user(user: User) -> bool:
    return user.is_commune_user


def province_user(user: User) -> bool:
    return user.is_province_user
