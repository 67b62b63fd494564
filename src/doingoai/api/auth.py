from ninja.security import HttpBearer

from doingoai.people.services import token_authenticate


class TokenAuth(HttpBearer):
    """``Authorization: Bearer dng_…`` — a personal token made with `doingoai token create`."""

    def authenticate(self, request, token):
        user = token_authenticate(token)
        if user is not None:
            # Services and the audit log read request.user, as for a signed-in page.
            request.user = user
        return user
