def workspace(request):
    """What every page shows in its header: who is signed in, for which unit, in which role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "me_unit": user.unit,
        "me_role": user.get_role_display(),
        "me_organisation": user.organisation,
    }
