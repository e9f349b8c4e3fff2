"""Minimal site-scoped search page; issue #4 replaces it with the full citizen search."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Page, Site

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site:
        results = Page.objects.live().public().descendant_of(site.root_page.localized, inclusive=True).search(query)
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": page_obj, "noindex": True},
    )
