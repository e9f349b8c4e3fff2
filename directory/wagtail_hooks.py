"""Admin (merchant and payment-method snippets), home-page sections and demo content of the directory."""

from django.db.models import Count, Q
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.forms import MerchantAdminForm
from directory.models import CashlessDirectoryPage, CashlessStreetPage, Merchant, PaymentMethod
from home.admin_scope import WardScopedViewSetMixin
from home.locales import language_of
from home.models import WardHomePage
from home.sections import HomeSection


class MerchantFilterSet(WagtailFilterSet):
    class Meta:
        model = Merchant
        fields = ["published", "category", "is_sample", "source"]


class MerchantViewSet(WardScopedViewSetMixin, SnippetViewSet):
    model = Merchant
    icon = "pick"
    menu_label = "Cửa hàng"
    list_display = ["name", "ward", "street", "category", "published", "verified_on", "is_sample"]
    list_export = [
        "key",
        "name",
        "category",
        "ward",
        "street",
        "address",
        "latitude",
        "longitude",
        "published",
        "verified_on",
        "is_sample",
    ]
    filterset_class = MerchantFilterSet
    edit_handler = ObjectList(Merchant.panels, base_form_class=MerchantAdminForm)
    # Searched in the database (``icontains``), not through the search backend: the SQLite FTS backend
    # cannot restrict a query to these fields ("no such column: name"), and the backend's autocomplete
    # would only look at the name. ``search_text`` is the name and address folded (typed without accents).
    search_fields = ["name", "address", "search_text"]
    search_backend_name = None
    ordering = ["published", "name"]
    def get_base_queryset(self, request):
        return Merchant.objects.select_related("ward", "street")


class PaymentMethodViewSet(SnippetViewSet):
    model = PaymentMethod
    icon = "tag"
    menu_label = "Phương thức thanh toán"
    list_display = ["name", "code", "kind", "sort_order"]
    ordering = ["sort_order", "name"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (MerchantViewSet, PaymentMethodViewSet)
    menu_icon = "pick"
    menu_label = "Thanh toán không dùng tiền mặt"
    menu_name = "cashless-directory"


register_snippet(DirectoryViewSetGroup)


@hooks.register("portal_home_sections")
def directory_home_section(home_page, request):
    """City home: streets and merchants in figures; ward home: the ward's streets."""
    ward = home_page if isinstance(home_page, WardHomePage) else None
    if language_of(home_page) != "vi":
        return None
    directory = CashlessDirectoryPage.objects.live().child_of(home_page).first()
    city_directory = (
        directory
        if ward is None
        else (CashlessDirectoryPage.objects.live().filter(depth=3, locale_id=home_page.locale_id).first())
    )
    streets = CashlessStreetPage.objects.live().filter(locale_id=home_page.locale_id)
    if ward is not None:
        streets = streets.filter(ward=ward)
    streets = list(
        streets.only(
            "id", "title", "url_path", "path", "depth", "street_name", "status", "is_sample", "ward_id"
        ).order_by("-status", "street_name")
    )
    merchants = Merchant.objects.filter(published=True)
    if ward is not None:
        merchants = merchants.filter(ward=ward)
    figures = merchants.aggregate(total=Count("id"), sample=Count("id", filter=Q(is_sample=True)))
    if city_directory is None and not streets:
        return HomeSection(
            order=40,
            template="components/home_section_empty.html",
            context={
                "slug": "directory",
                "heading": "Thanh toán không dùng tiền mặt",
                "message": "Danh bạ tuyến đường và cửa hàng thanh toán không dùng tiền mặt đang được cập nhật.",
            },
        )
    more_url = None
    if directory is not None:
        more_url = directory.get_url(request)
    elif city_directory is not None:
        more_url = city_directory.get_url(request) + (f"?phuong={ward.slug}" if ward else "")
    return HomeSection(
        order=40,
        template="directory/home_section.html",
        context={
            "ward": ward,
            "streets": streets,
            "active_count": sum(1 for s in streets if s.is_active),
            "merchant_total": figures["total"],
            "has_sample_data": bool(figures["sample"]) or any(s.is_sample for s in streets),
            "more_url": more_url,
            "signup_url": (
                city_directory.get_url(request)
                + city_directory.reverse_subpage("signup_route")
                + (f"?phuong={ward.slug}" if ward else "")
            )
            if city_directory
            else None,
        },
    )


@hooks.register("portal_bootstrap", order=40)
def build_directory_demo(structure, stdout, options):
    from directory.demo import build_demo

    build_demo(structure, stdout, small=options.get("small", False))


@hooks.register("transparency_measurement_sources")
def cashless_streets_per_ward():
    """XHS-15 (a cashless-payment street in every ward): each ward's active streets in the directory.

    Sample (demo) streets never count: the transparency pages publish official figures only. Until the
    directory holds at least one real street it supplies nothing ("chưa có số liệu", not 0/17).
    """
    from directory.progress import street_progress_by_ward

    def figures():
        rows = street_progress_by_ward(include_sample=False).rows
        if not any(row.active or row.planned for row in rows):
            return []
        return [{"ward": row.ward.gso_code, "value": row.active} for row in rows]

    return {"indicator": "XHS-15", "label": "Danh bạ tuyến đường thanh toán không dùng tiền mặt", "figures": figures}
