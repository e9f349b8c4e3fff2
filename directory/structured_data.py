"""Schema.org data (JSON-LD) of merchants: ``LocalBusiness`` with ``paymentAccepted``."""

from home.site_urls import absolute_url


def payment_accepted(merchant):
    return ", ".join(method.schema_name or method.name for method in merchant.methods)


def local_business(merchant, request=None):
    """``merchant`` must be decorated (``listing.decorate``): ``methods``, ``ward_page``, ``detail_url``."""
    data = {
        "@type": "LocalBusiness",
        "name": str(merchant),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": merchant.address,
            "addressLocality": merchant.ward_page.title if merchant.ward_page else "",
            "addressRegion": "Thành phố Vũng Tàu, tỉnh Bà Rịa – Vũng Tàu",
            "addressCountry": "VN",
        },
        "paymentAccepted": payment_accepted(merchant),
        "currenciesAccepted": "VND",
    }
    if merchant.detail_url:
        data["url"] = absolute_url(request, merchant.detail_url) if request else merchant.detail_url
    if merchant.has_location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(merchant.latitude),
            "longitude": float(merchant.longitude),
        }
    if merchant.phone:
        data["telephone"] = merchant.phone
    if merchant.website:
        data["sameAs"] = merchant.website
    if merchant.opening_hours:
        data["description"] = f"Giờ mở cửa: {merchant.opening_hours}"
    if merchant.is_sample:
        data["disambiguatingDescription"] = "Dữ liệu mẫu – không phải cửa hàng thật."
    return data
