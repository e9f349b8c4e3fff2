"""Open-data downloads (stable URLs, outside the page tree and the language prefix)."""

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.site_urls import absolute_url
from transparency import opendata


def _indicator_url_factory(request):
    from transparency.models import TransparencyPage

    page = TransparencyPage.objects.live().filter(locale__language_code="vi").first()
    if page is None:
        return None
    base_url = absolute_url(request, page.get_url(request))
    return lambda indicator: page.indicator_url(indicator, base_url=base_url)


@require_GET
@cache_control(public=True, max_age=300)
def open_data(request, dataset, fmt):
    if dataset not in opendata.DATASETS or fmt not in opendata.FORMATS:
        raise Http404("Không có bộ dữ liệu này")
    if dataset == "chi-tieu":
        rows = list(opendata.indicator_rows(_indicator_url_factory(request)))
    else:
        rows = list(opendata.figure_rows())
    columns = opendata.DATASET_INFO[dataset]["columns"]
    if fmt == "csv":
        body = opendata.to_csv([column.name for column in columns], rows)
    else:
        body = opendata.to_json(dataset, rows)
    response = HttpResponse(body, content_type=opendata.FORMATS[fmt])
    response["Content-Disposition"] = f'inline; filename="minh-bach-{dataset}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
