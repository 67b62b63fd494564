from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .forms import SearchForm
from .services import SearchError, report_search

PAGE_SIZE = 20


@login_required
def search_view(request):
    """Search every report the person may open; htmx swaps in the results as one types, plain GET without JS."""
    form = SearchForm(request.GET if "q" in request.GET else None, user=request.user)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            results = report_search(
                user=request.user,
                query=data["q"],
                unit=data.get("unit"),
                period=data["period"],
                section=data["section"],
                limit=PAGE_SIZE,
                offset=((data["trang"] or 1) - 1) * PAGE_SIZE,
            )
        except SearchError as error:
            form.add_error(None, str(error))
    template = "search/_results.html" if request.htmx else "search/search.html"
    return render(request, template, {"form": form, "results": results})
