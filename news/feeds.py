"""RSS 2.0 and Atom feeds of a news index, optionally of one category (Django's syndication framework).

Links are absolute and canonical: a ward's items link to the ward's own host even when the feed is
read through the city's path (``/phuong-1/tin-tuc/rss/``).
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language

from home.site_urls import absolute_url

from . import listing


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_page, category_slug=None):
        from news.models import NewsCategory

        category = None
        if category_slug:
            category = NewsCategory.objects.filter(slug=category_slug).first()
            if category is None:
                raise Http404("Không có chuyên mục này.")
        return index_page, category

    def title(self, obj):
        index_page, category = obj
        unit = index_page.get_parent()
        parts = [index_page.title, unit.title]
        if category:
            parts.insert(0, category.label(get_language()))
        return " – ".join(parts)

    def link(self, obj):
        index_page, category = obj
        url = index_page.get_full_url()
        return url + (f"?category={category.slug}" if category else "")

    def feed_url(self, obj):
        return absolute_url(self.request, self.request.get_full_path())  # the Site's host, never the Host header

    def description(self, obj):
        index_page, _ = obj
        return index_page.intro or index_page.summary or index_page.title

    def items(self, obj):
        index_page, category = obj
        return listing.feed_items(index_page, category, limit=index_page.FEED_SIZE)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary

    def item_link(self, item):
        return item.get_full_url()  # canonical (a ward's item: the ward's host), whichever host serves the feed

    def item_guid(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.category.label(get_language())] if item.category_id else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
