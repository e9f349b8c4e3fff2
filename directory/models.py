"""Cashless-payment directory: payment methods, merchants, the directory page and street pages.

Where things live (so that ward editors can edit their own streets with their page permissions):

    CityHomePage
    ├── CashlessDirectoryPage "Thanh toán không dùng tiền mặt"   ← whole city: map, list, filters,
    │                                                               open data, sign-up form, shop pages
    └── WardHomePage "Phường Thắng Tam"
        └── CashlessDirectoryPage (same model, scoped to the ward)
            └── CashlessStreetPage "Tuyến đường Thùy Vân"       ← map, shops along it, QR poster

Merchants are snippets (not pages) with a ``ward``; the admin limits each ward's editors to their
ward's merchants (``directory.permissions``). Logic lives in plain modules: ``listing`` (filters and
counts), ``exports``, ``importer``, ``progress``, ``geo``, ``qr``, ``signup``.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from directory import geo
from home.blocks import BaseStreamBlock
from home.frame import frame_cached
from home.models import BasePage
from home.units import ward_for_page
from portal.vietnamese import fold


class Category(models.TextChoices):
    FOOD = "an-uong", "Ăn uống"
    GROCERY = "bach-hoa", "Bách hóa, tạp hóa"
    LODGING = "luu-tru", "Lưu trú"
    SERVICES = "dich-vu", "Dịch vụ"
    MARKET = "cho-tieu-thuong", "Chợ, tiểu thương"
    SHOPPING = "mua-sam", "Mua sắm, quà lưu niệm"
    OTHER = "khac", "Khác"


class PaymentMethod(models.Model):
    """One way of paying without cash (an editable list; the city's editors maintain it)."""

    KIND_CHOICES = [("qr", "Chuyển khoản, mã QR"), ("card", "Thẻ ngân hàng"), ("wallet", "Ví điện tử")]

    code = models.SlugField(
        "Mã",
        max_length=32,
        unique=True,
        help_text="Dùng trong địa chỉ lọc, tệp nhập và dữ liệu mở, ví dụ: vietqr, momo.",
    )
    name = models.CharField("Tên hiển thị", max_length=100)
    kind = models.CharField("Loại", max_length=10, choices=KIND_CHOICES, default="wallet")
    schema_name = models.CharField(
        "Tên theo schema.org",
        max_length=100,
        blank=True,
        help_text="Giá trị trong paymentAccepted cho máy tìm kiếm, ví dụ: Credit Card, Bank transfer, MoMo.",
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("kind"),
        FieldPanel("schema_name"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Phương thức thanh toán"
        verbose_name_plural = "Phương thức thanh toán"

    def __str__(self):
        return self.name


def new_merchant_key():
    return f"ch-{uuid.uuid4().hex[:12]}"


class Merchant(index.Indexed, models.Model):
    """A shop that takes cashless payments. Public only when ``published``."""

    SOURCE_CHOICES = [
        ("admin", "Biên tập viên nhập"),
        ("signup", "Cửa hàng tự đăng ký"),
        ("import", "Nhập từ tệp CSV"),
        ("sample", "Dữ liệu mẫu"),
    ]

    key = models.SlugField(
        "Mã cửa hàng",
        max_length=64,
        unique=True,
        blank=True,
        default=new_merchant_key,
        help_text="Mã duy nhất, dùng khi nhập lại tệp CSV (cột “ma”) để cập nhật thay vì tạo trùng. "
        "Để trống: hệ thống tự tạo.",
    )
    name = models.CharField("Tên cửa hàng", max_length=200)
    category = models.CharField("Loại hình", max_length=20, choices=Category.choices, default=Category.FOOD)
    ward = models.ForeignKey(
        "home.WardHomePage",
        verbose_name="Phường, xã",
        on_delete=models.PROTECT,
        related_name="cashless_merchants",
    )
    street = models.ForeignKey(
        "directory.CashlessStreetPage",
        verbose_name="Tuyến đường thanh toán không dùng tiền mặt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merchants",
        help_text="Để trống nếu cửa hàng không nằm trên tuyến đường nào. Tuyến đường phải thuộc cùng phường, xã.",
    )
    address = models.CharField("Địa chỉ", max_length=255)
    latitude = models.DecimalField("Vĩ độ", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("Kinh độ", max_digits=9, decimal_places=6, null=True, blank=True)
    payment_methods = models.ManyToManyField(
        PaymentMethod, verbose_name="Phương thức thanh toán chấp nhận", related_name="merchants"
    )
    opening_hours = models.CharField(
        "Giờ mở cửa", max_length=200, blank=True, help_text="Ví dụ: 6:00 – 22:00 hằng ngày"
    )
    phone = models.CharField("Điện thoại cửa hàng", max_length=32, blank=True)
    website = models.URLField("Trang web hoặc trang mạng xã hội", blank=True)
    verified_on = models.DateField(
        "Ngày xác minh",
        null=True,
        blank=True,
        help_text="Ngày cán bộ phường, xã kiểm tra cửa hàng nhận thanh toán như mô tả.",
    )
    published = models.BooleanField(
        "Công khai",
        default=False,
        help_text="Chỉ cửa hàng đã xác minh mới nên được công khai trên cổng và trong dữ liệu mở.",
    )
    is_sample = models.BooleanField(
        "Dữ liệu mẫu",
        default=False,
        help_text="Bản ghi minh họa, không phải cửa hàng thật; trang công khai ghi rõ “dữ liệu mẫu”.",
    )
    source = models.CharField("Nguồn", max_length=10, choices=SOURCE_CHOICES, default="admin")
    contact_name = models.CharField("Người liên hệ", max_length=120, blank=True)
    contact_info = models.CharField(
        "Liên hệ để xác minh", max_length=200, blank=True, help_text="Điện thoại hoặc thư điện tử; không công khai."
    )
    consent_at = models.DateTimeField("Thời điểm đồng ý công khai", null=True, blank=True)
    note = models.TextField("Ghi chú nội bộ", blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    panels = [
        HelpPanel(
            content="Cán bộ phường, xã chỉ thấy và sửa cửa hàng của phường, xã mình. Cửa hàng tự đăng ký "
            "nằm ở trạng thái chưa công khai: kiểm tra, ghi ngày xác minh rồi chọn “Công khai”."
        ),
        FieldPanel("name"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldPanel("ward"),
                FieldPanel("street"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Vị trí",
            help_text="Tọa độ lấy từ ứng dụng bản đồ (nhấn giữ vào vị trí cửa hàng), "
            "phải nằm trong thành phố Vũng Tàu.",
        ),
        FieldPanel("payment_methods"),
        MultiFieldPanel(
            [FieldPanel("opening_hours"), FieldPanel("phone"), FieldPanel("website")], heading="Thông tin công khai"
        ),
        MultiFieldPanel(
            [FieldPanel("verified_on"), FieldPanel("published"), FieldPanel("is_sample")], heading="Xác minh và công bố"
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_info"),
                FieldPanel("consent_at", read_only=True),
                FieldPanel("source", read_only=True),
                FieldPanel("note"),
                FieldPanel("key"),
            ],
            heading="Quản lý (không công khai)",
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("address"),
        index.SearchField("search_text"),
        index.FilterField("published"),
        index.FilterField("category"),
        index.FilterField("ward_id"),
        index.FilterField("is_sample"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Cửa hàng thanh toán không dùng tiền mặt"
        verbose_name_plural = "Cửa hàng thanh toán không dùng tiền mặt"
        indexes = [models.Index(fields=["published", "ward"])]

    def __str__(self):
        return f"{self.name} (mẫu)" if self.is_sample and "(mẫu)" not in self.name else self.name

    def save(self, *args, **kwargs):
        self.key = self.key or new_merchant_key()
        self.search_text = fold(f"{self.name} {self.address}")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = (
                "Cần nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."
            )
        elif self.latitude is not None and not geo.city_bounds().contains(self.latitude, self.longitude):
            errors["latitude"] = geo.outside_city_message()
        if self.street_id and self.ward_id and self.street.ward_id != self.ward_id:
            errors["street"] = (
                f"Tuyến đường “{self.street.title}” thuộc {self.street.ward.title}, không thuộc phường, xã đã chọn."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def anchor(self):
        return f"cua-hang-{self.pk}"


class DirectoryPageMixin:
    """What the directory and street pages share: the scope of merchants they show, map settings."""

    def get_directory_root(self):
        """The city-level directory page (merchant pages, sign-up form and open data live there)."""
        return frame_cached(
            "directory-root",
            [self.locale_id],
            lambda: CashlessDirectoryPage.objects.live()
            .filter(depth=3, locale_id=self.locale_id)
            .order_by("path")
            .first(),
        )


class CashlessDirectoryPage(DirectoryPageMixin, RoutablePageMixin, BasePage):
    """Directory of cashless streets and merchants: of the city (under the city home page) or of one
    ward (under its home page, holding the ward's street pages)."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link", "ul", "ol"])
    body = StreamField(BaseStreamBlock(), verbose_name="Nội dung thêm", blank=True)

    parent_page_types = ["home.CityHomePage", "home.WardHomePage"]
    subpage_types = ["directory.CashlessStreetPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Danh bạ thanh toán không dùng tiền mặt"
        verbose_name_plural = "Danh bạ thanh toán không dùng tiền mặt"

    @property
    def scope_ward(self):
        """The ward this directory is limited to, or ``None`` for the city directory."""
        if not hasattr(self, "_scope_ward"):
            self._scope_ward = ward_for_page(self)
        return self._scope_ward

    def get_context(self, request, *args, **kwargs):
        from directory import listing

        context = super().get_context(request, *args, **kwargs)
        context.update(listing.directory_context(self, request))
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("cua-hang/<int:merchant_id>/")
    def merchant_route(self, request, merchant_id):
        from directory import views

        return views.merchant_detail(request, self, merchant_id)

    @path("dang-ky/")
    def signup_route(self, request):
        from directory import views

        return views.signup(request, self)

    @path("dang-ky/da-gui/")
    def signup_done_route(self, request):
        from directory import views

        return views.signup_done(request, self)

    def get_json_ld(self, request):
        merchant = getattr(request, "directory_merchant", None)
        if merchant is not None:  # a merchant's own page (sub-route)
            from directory.structured_data import local_business

            return {"@context": "https://schema.org", **local_business(merchant, request)}
        return {**super().get_json_ld(request), "@type": "CollectionPage"}

    def merchant_url(self, merchant_id, request=None):
        return self.get_url(request) + self.reverse_subpage("merchant_route", args=[merchant_id])


class CashlessStreetPage(DirectoryPageMixin, RoutablePageMixin, BasePage):
    """A cashless-payment street (tuyến đường thanh toán không dùng tiền mặt) of one ward."""

    STATUS_CHOICES = [("planned", "Đang xây dựng (kế hoạch)"), ("active", "Đã ra mắt")]

    street_name = models.CharField("Tên đường", max_length=120, help_text="Ví dụ: Thùy Vân")
    ward = models.ForeignKey(
        "home.WardHomePage",
        verbose_name="Phường, xã",
        on_delete=models.PROTECT,
        related_name="cashless_streets",
        editable=False,
        help_text="Tự động theo vị trí trang trong cây trang (trang danh bạ của phường, xã).",
    )
    segment_from = models.CharField("Đoạn từ", max_length=200, blank=True, help_text="Ví dụ: giao lộ Hoàng Hoa Thám")
    segment_to = models.CharField("Đến", max_length=200, blank=True, help_text="Ví dụ: giao lộ Thi Sách")
    launch_date = models.DateField("Ngày ra mắt", null=True, blank=True, help_text="Ngày ra mắt hoặc dự kiến ra mắt.")
    status = models.CharField("Trạng thái", max_length=10, choices=STATUS_CHOICES, default="planned")
    description = StreamField(BaseStreamBlock(), verbose_name="Mô tả", blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh tuyến đường",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        "Mô tả ảnh (alt)",
        max_length=250,
        blank=True,
        help_text="Bắt buộc khi có ảnh: mô tả nội dung ảnh cho người khiếm thị.",
    )
    path_text = models.TextField(
        "Hình dạng tuyến đường (tọa độ)",
        blank=True,
        help_text="Mỗi dòng một điểm “vĩ độ, kinh độ” theo thứ tự dọc tuyến đường (ví dụ 10.3460, 107.0740), "
        "hoặc dán một GeoJSON LineString. Tất cả các điểm phải nằm trong thành phố Vũng Tàu.",
    )
    is_sample = models.BooleanField(
        "Dữ liệu mẫu", default=False, help_text="Tuyến đường minh họa, chưa phải tuyến do thành phố công bố."
    )

    parent_page_types = ["directory.CashlessDirectoryPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("street_name"),
        FieldRowPanel([FieldPanel("segment_from"), FieldPanel("segment_to")], heading="Đoạn đường"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("launch_date")]),
        FieldPanel("path_text"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Ảnh"),
        FieldPanel("description"),
        FieldPanel("is_sample"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("street_name"),
        index.AutocompleteField("street_name"),
        index.SearchField("segment_from"),
        index.SearchField("segment_to"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("ward_id"),
    ]

    class Meta:
        verbose_name = "Tuyến đường thanh toán không dùng tiền mặt"
        verbose_name_plural = "Tuyến đường thanh toán không dùng tiền mặt"

    @classmethod
    def can_create_at(cls, parent):
        """Streets live under a ward's directory page, so the ward's editors can edit them."""
        return super().can_create_at(parent) and ward_for_page(parent) is not None

    @property
    def segment(self):
        if self.segment_from and self.segment_to:
            return f"từ {self.segment_from} đến {self.segment_to}"
        return self.segment_from or self.segment_to

    @property
    def points(self):
        try:
            return geo.parse_path(self.path_text)
        except geo.PathError:
            return []

    def clean(self):
        super().clean()
        errors = {}
        try:
            points = geo.parse_path(self.path_text)
        except geo.PathError as error:
            errors["path_text"] = str(error)
        else:
            self.path_text = geo.format_path(points)
        if self.photo_id and not self.photo_alt.strip():
            errors["photo_alt"] = "Hãy mô tả ảnh cho người khiếm thị."
        if self.status == "active" and not self.launch_date:
            errors["launch_date"] = "Tuyến đường đã ra mắt cần có ngày ra mắt."
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        self._assign_ward()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._assign_ward()
        super().save(*args, **kwargs)

    @property
    def ward_home(self):
        """The street's ward home page, from the frame cache when it is the ward the tree says."""
        ward = ward_for_page(self)
        return ward if ward is not None and ward.pk == self.ward_id else self.ward

    def _assign_ward(self):
        """The ward is the one whose subtree holds the page (recomputed, so a moved page follows)."""
        if not self.path:
            return
        parent = self.get_parent()
        ward = ward_for_page(parent) if parent else None
        if ward is not None and ward.pk != self.ward_id:
            self.ward = ward

    def get_context(self, request, *args, **kwargs):
        from directory import listing

        context = super().get_context(request, *args, **kwargs)
        context.update(listing.street_context(self, request))
        return context

    def get_json_ld(self, request):
        from directory import listing

        data = super().get_json_ld(request)
        data["about"] = {
            "@type": "Place",
            "name": f"Đường {self.street_name}, {self.ward_home.title}, thành phố Vũng Tàu",
        }
        data["mainEntity"] = listing.merchants_item_list(self, request)
        return data

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("ap-phich/")
    def poster_route(self, request):
        from directory import views

        return views.street_poster(request, self)

    @property
    def is_active(self):
        return self.status == "active"
