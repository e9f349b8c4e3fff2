"""Views behind the directory pages' sub-routes (merchant page, sign-up, open data, poster, QR)."""

import json
import logging

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from directory import exports, listing, qr
from directory.forms import MerchantSignupForm
from directory.models import CashlessDirectoryPage, CashlessStreetPage, Merchant, PaymentMethod
from home.site_urls import absolute_url
from portal import ratelimit
from portal.besteffort import UNAVAILABLE
from portal.security import same_site_post

logger = logging.getLogger(__name__)


def merchant_detail(request, page, merchant_id):
    ward = page.scope_ward
    merchant = Merchant.objects.filter(pk=merchant_id, published=True).select_related("ward", "street").first()
    if merchant is None or (ward is not None and merchant.ward_id != ward.pk):
        raise Http404("Không tìm thấy cửa hàng.")
    root = page if ward is None else page.get_directory_root()
    methods = {m.pk: m for m in PaymentMethod.objects.filter(merchants=merchant)}
    merchant.method_ids = set(methods)
    street = merchant.street if merchant.street and merchant.street.live else None
    listing.decorate(
        [merchant],
        {merchant.ward_id: merchant.ward},
        {street.pk: street} if street else {},
        methods,
        root.get_url(request) if root else page.get_url(request),
    )
    request.directory_merchant = merchant  # CashlessDirectoryPage.get_json_ld describes the merchant
    context = {
        "page": page,
        "self": page,
        "request": request,
        "merchant": merchant,
        "map_data": listing.map_data([merchant], [street] if street else [], request),
    }
    return TemplateResponse(request, "directory/merchant_detail.html", context)


@same_site_post  # a cross-site post is refused before the rate limit counts it (portal/security.py)
def signup(request, page):
    if page.scope_ward is not None:
        root = page.get_directory_root()
        if root is None:
            raise Http404
        return redirect(
            root.get_url(request) + root.reverse_subpage("signup_route") + f"?phuong={page.scope_ward.slug}"
        )
    status = 200
    rate_limited = False
    if request.method == "POST":
        if not ratelimit.hit(
            request, "directory-signup", settings.DIRECTORY_SIGNUP_RATE_LIMIT, settings.DIRECTORY_SIGNUP_RATE_WINDOW
        ):
            form = MerchantSignupForm(request.POST)
            rate_limited, status = True, 429
        else:
            form = MerchantSignupForm(request.POST)
            if form.is_bot:
                # Looks like success to the bot; nothing is stored.
                return redirect(page.get_url(request) + page.reverse_subpage("signup_done_route"))
            if form.is_valid():
                try:
                    with transaction.atomic():
                        save_signup(form.cleaned_data)
                except DatabaseError:
                    logger.warning("Merchant sign-up not stored: the database refused the write", exc_info=True)
                    form.add_error(None, UNAVAILABLE.format(what="đăng ký"))  # keeps what was typed
                    status = 503
                else:
                    return redirect(page.get_url(request) + page.reverse_subpage("signup_done_route"))
            else:
                status = 400
    else:
        form = MerchantSignupForm(initial={"ward": request.GET.get("phuong", "")})
    context = {
        "page": page,
        "self": page,
        "request": request,
        "form": form,
        "rate_limited": rate_limited,
        "noindex": True,
    }
    return TemplateResponse(request, "directory/signup.html", context, status=status)


def save_signup(data):
    """Store a sign-up as an unpublished merchant for the ward's editors to verify."""
    merchant = Merchant.objects.create(
        name=data["name"],
        category=data["category"],
        ward=data["ward"],
        street=data.get("street"),
        address=data["address"],
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        opening_hours=data.get("opening_hours", ""),
        phone=data.get("phone", ""),
        website=data.get("website", ""),
        contact_name=data["contact_name"],
        contact_info=data["contact_info"],
        consent_at=timezone.now(),
        published=False,
        source="signup",
    )
    merchant.payment_methods.set(data["payment_methods"])
    return merchant


def signup_done(request, page):
    return TemplateResponse(request, "directory/signup_done.html", {"page": page, "self": page, "noindex": True})


def _open_data_context(request):
    """The city directory's data with the request's filters (``?phuong=`` etc.), or 404."""
    root = CashlessDirectoryPage.objects.live().filter(depth=3, locale__language_code="vi").order_by("path").first()
    if root is None:
        raise Http404("Chưa có danh bạ thanh toán không dùng tiền mặt.")
    return listing.directory_context(root, request, paginate=False)


def merchants_csv(request):
    context = _open_data_context(request)
    body = exports.merchants_csv(context["results"], lambda path: absolute_url(request, path))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cua-hang-thanh-toan-khong-dung-tien-mat.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _geojson_response(data, filename):
    response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/geo+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def merchants_geojson(request):
    context = _open_data_context(request)
    data = exports.merchants_geojson(context["results"], lambda path: absolute_url(request, path))
    return _geojson_response(data, "cua-hang-thanh-toan-khong-dung-tien-mat.geojson")


def streets_geojson(request):
    context = _open_data_context(request)
    streets = context["streets"]
    if context["filters"].ward:
        streets = [s for s in streets if s.ward_page and s.ward_page.slug == context["filters"].ward]
    data = exports.streets_geojson(streets, lambda street: street.get_full_url(request))
    return _geojson_response(data, "tuyen-duong-thanh-toan-khong-dung-tien-mat.geojson")


def street_poster(request, page):
    size = "a3" if request.GET.get("kho") == "a3" else "a4"
    url = page.get_full_url(request)
    context = {
        "page": page,
        "self": page,
        "request": request,
        "poster_size": size,
        "street_url": url,
        "qr_svg": qr.svg(url, title=f"Mã QR dẫn đến trang {page.title}"),
        "merchant_count": len(listing.page_merchants(page, request)),
        "methods": PaymentMethod.objects.all(),
        "noindex": True,
    }
    return TemplateResponse(request, "directory/street_poster.html", context)


def street_qr(request, page_id, kind):
    page = CashlessStreetPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404("Không tìm thấy tuyến đường.")
    url = page.get_full_url(request)
    if kind == "svg":
        return HttpResponse(qr.svg(url, title=page.title), content_type="image/svg+xml")
    return HttpResponse(qr.png(url), content_type="image/png")
