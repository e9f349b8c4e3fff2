"""Keep the denormalised ``unit_code`` of news pages right when a page or a subtree moves."""

from wagtail.signals import post_page_move


def update_unit_codes(sender, instance, **kwargs):
    from news.models import NewsIndexPage, NewsPage, unit_code_for

    for model in (NewsIndexPage, NewsPage):
        for page in model.objects.filter(path__startswith=instance.path).only("id", "path", "depth", "unit_code"):
            code = unit_code_for(page)
            if code != page.unit_code:
                model.objects.filter(pk=page.pk).update(unit_code=code)


def connect():
    post_page_move.connect(update_unit_codes, dispatch_uid="news-unit-codes")
