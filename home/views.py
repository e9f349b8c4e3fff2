from django.http import HttpResponse

from home.site_urls import site_root_url


def robots_txt(request):
    root_url = site_root_url(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        "Disallow: /en/search/",
        f"Sitemap: {root_url}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
