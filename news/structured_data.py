"""Schema.org JSON-LD of news items: ``NewsArticle`` for news, notices and press releases, ``Event``
for events (with start, end and place)."""

from home.locales import language_of
from home.site_urls import absolute_url
from home.units import ward_for_page


def _iso(value):
    return value.isoformat() if value else None


def _publisher(page, request):
    unit = ward_for_page(page) or page.get_parent().get_parent()
    return {"@type": "GovernmentOrganization", "name": unit.title, "url": unit.get_full_url(request)}


def _image(page, request):
    image = page.featured_image or page.listing_image
    if not image:
        return None
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return absolute_url(request, rendition.url) if request else rendition.url


def news_json_ld(page, request, base):
    data = {key: value for key, value in base.items() if key not in ("@type", "name", "lastReviewed")}
    publisher = _publisher(page, request)
    image = _image(page, request)
    if page.category_id and page.category.kind == "event" and page.event_start:
        data.update(
            {
                "@type": "Event",
                "name": page.title,
                "startDate": _iso(page.event_start),
                "endDate": _iso(page.event_end or page.event_start),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "location": {
                    "@type": "Place",
                    "name": page.event_place or publisher["name"],
                    "address": page.event_place or publisher["name"],
                },
                "organizer": publisher,
            }
        )
    else:
        data.update(
            {
                "@type": "NewsArticle",
                "headline": page.title[:110],
                "datePublished": _iso(page.date),
                "dateModified": _iso(page.last_published_at or page.date),
                "author": {"@type": "Person", "name": page.author} if page.author else publisher,
                "publisher": publisher,
                "mainEntityOfPage": base.get("url"),
            }
        )
        if page.category_id:
            data["articleSection"] = page.category.label(language_of(page))
    if image:
        data["image"] = [image]
    return {key: value for key, value in data.items() if value not in (None, "")}
