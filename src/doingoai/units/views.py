from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .services import unit_search


@login_required
def unit_search_view(request):
    """Find a unit and its code by typing its name; htmx swaps in the results as one types."""
    query = request.GET.get("q", "").strip()
    results = unit_search(query=query, limit=30) if query else []
    template = "units/_results.html" if request.htmx else "units/search.html"
    return render(request, template, {"query": query, "results": results})
