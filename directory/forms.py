"""Forms: the public merchant sign-up form and the admin form that keeps editors in their wards."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from wagtail.admin.forms import WagtailAdminModelForm

from directory import geo
from directory.importer import PHONE_PATTERN
from directory.models import CashlessStreetPage, Category, PaymentMethod
from home.models import WardHomePage
from home.permissions import wards_for_user

HONEYPOT_FIELD = "trang_chu_cong_ty"


def _messages(label, **extra):
    return {
        "required": f"Hãy nhập {label}.",
        "invalid": f"{label[0].upper()}{label[1:]} không hợp lệ.",
        "max_length": f"{label[0].upper()}{label[1:]} dài quá %(limit_value)d ký tự.",
        **extra,
    }


class MerchantSignupForm(forms.Form):
    """A shop asks to be listed; the request lands unpublished for the ward's editors to verify."""

    name = forms.CharField(label="Tên cửa hàng", max_length=200, error_messages=_messages("tên cửa hàng"))
    category = forms.ChoiceField(
        label="Loại hình",
        choices=[("", "— Chọn loại hình —"), *Category.choices],
        error_messages={"required": "Hãy chọn loại hình kinh doanh.", "invalid_choice": "Loại hình không hợp lệ."},
    )
    ward = forms.ModelChoiceField(
        label="Phường, xã",
        queryset=WardHomePage.objects.none(),
        to_field_name="slug",
        empty_label="— Chọn phường, xã —",
        error_messages={
            "required": "Hãy chọn phường, xã nơi cửa hàng hoạt động.",
            "invalid_choice": "Phường, xã không hợp lệ.",
        },
    )
    street = forms.ModelChoiceField(
        label="Tuyến đường thanh toán không dùng tiền mặt (nếu có)",
        queryset=CashlessStreetPage.objects.none(),
        required=False,
        empty_label="— Không nằm trên tuyến đường nào —",
        error_messages={"invalid_choice": "Tuyến đường không hợp lệ."},
    )
    address = forms.CharField(
        label="Địa chỉ", max_length=255, help_text="Số nhà, tên đường.", error_messages=_messages("địa chỉ")
    )
    latitude = forms.CharField(
        label="Vĩ độ (không bắt buộc)",
        required=False,
        max_length=20,
        help_text="Ví dụ 10.3460. Trong ứng dụng bản đồ, nhấn giữ vào vị trí cửa hàng để xem tọa độ.",
        error_messages=_messages("vĩ độ"),
    )
    longitude = forms.CharField(
        label="Kinh độ (không bắt buộc)",
        required=False,
        max_length=20,
        help_text="Ví dụ 107.0740.",
        error_messages=_messages("kinh độ"),
    )
    payment_methods = forms.ModelMultipleChoiceField(
        label="Phương thức thanh toán cửa hàng nhận",
        queryset=PaymentMethod.objects.all(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Hãy chọn ít nhất một phương thức thanh toán.",
            "invalid_choice": "Phương thức thanh toán không hợp lệ.",
            "invalid_pk_value": "Phương thức thanh toán không hợp lệ.",
        },
    )
    opening_hours = forms.CharField(
        label="Giờ mở cửa (không bắt buộc)",
        required=False,
        max_length=200,
        help_text="Ví dụ: 6:00 – 22:00 hằng ngày",
        error_messages=_messages("giờ mở cửa"),
    )
    phone = forms.CharField(
        label="Điện thoại cửa hàng (công khai, không bắt buộc)",
        required=False,
        max_length=32,
        error_messages=_messages("số điện thoại cửa hàng"),
    )
    website = forms.URLField(
        label="Trang web hoặc trang mạng xã hội (không bắt buộc)",
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages=_messages("địa chỉ trang web", invalid="Địa chỉ trang web không hợp lệ, ví dụ: https://…"),
    )
    contact_name = forms.CharField(label="Người liên hệ", max_length=120, error_messages=_messages("tên người liên hệ"))
    contact_info = forms.CharField(
        label="Điện thoại hoặc thư điện tử để cán bộ xác minh",
        max_length=200,
        help_text="Không công khai; chỉ dùng để phường, xã liên hệ xác minh.",
        error_messages=_messages("điện thoại hoặc thư điện tử liên hệ"),
    )
    consent = forms.BooleanField(
        label="Tôi đồng ý để thông tin cửa hàng (trừ thông tin liên hệ) được công khai trên cổng thông tin và "
        "trong dữ liệu mở của thành phố.",
        error_messages={"required": "Cần đồng ý công khai thông tin thì cửa hàng mới được đưa vào danh bạ."},
    )
    # Honeypot: hidden from people (off-screen, aria-hidden, not focusable); bots fill it in.
    trang_chu_cong_ty = forms.CharField(label="Không điền vào ô này", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].queryset = WardHomePage.objects.filter(locale__language_code="vi").order_by("path")
        self.fields["street"].queryset = (
            CashlessStreetPage.objects.live()
            .filter(locale__language_code="vi")
            .select_related("ward")
            .order_by("street_name")
        )
        self.fields["street"].label_from_instance = lambda street: f"{street.street_name} ({street.ward.title})"
        self.fields["trang_chu_cong_ty"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name in ("name", "address", "contact_name"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "name": "organization",
                "address": "street-address",
                "contact_name": "name",
            }[name]
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["latitude"].widget.attrs["inputmode"] = "decimal"
        self.fields["longitude"].widget.attrs["inputmode"] = "decimal"

        self._describe_widgets()

    def _describe_widgets(self):
        """Point each input at its hint and error messages (``aria-describedby``) and mark errors."""
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                continue
            widget_id = self[name].id_for_label
            ids = [f"{widget_id}-hint"] if field.help_text else []
            if self._errors and name in self._errors:
                ids.append(f"{widget_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        self._describe_widgets()

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean_latitude(self):
        return self._coordinate("latitude", "Vĩ độ")

    def clean_longitude(self):
        return self._coordinate("longitude", "Kinh độ")

    def _coordinate(self, name, label):
        text = self.cleaned_data.get(name, "").strip()
        if not text:
            return None
        value = geo.parse_decimal(text)
        if value is None:
            raise ValidationError(f"{label} phải là một số, ví dụ 10.3460.")
        return round(value, geo.COORDINATE_PLACES)

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise ValidationError("Số điện thoại cửa hàng chỉ gồm chữ số, dấu cách, “+”, “.”, “-” (6–32 ký tự).")
        return phone

    def clean_contact_info(self):
        value = self.cleaned_data.get("contact_info", "").strip()
        if "@" in value:
            try:
                EmailValidator()(value)
            except ValidationError:
                raise ValidationError("Địa chỉ thư điện tử liên hệ không hợp lệ.") from None
        elif not PHONE_PATTERN.match(value):
            raise ValidationError("Hãy nhập số điện thoại (ví dụ 0254 3852 123) hoặc địa chỉ thư điện tử hợp lệ.")
        return value

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" not in self.errors and "longitude" not in self.errors:
            if (lat is None) != (lon is None):
                missing = "longitude" if lon is None else "latitude"
                self.add_error(missing, "Hãy nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")
            elif lat is not None and not geo.city_bounds().contains(lat, lon):
                self.add_error("latitude", geo.outside_city_message())
        street, ward = cleaned.get("street"), cleaned.get("ward")
        if street and ward and street.ward_id != ward.pk:
            self.add_error(
                "street", f"Tuyến đường {street.street_name} thuộc {street.ward.title}, không thuộc {ward.title}."
            )
        return cleaned


class MerchantAdminForm(WagtailAdminModelForm):
    """Admin form of merchants: the ward and street choices are limited to the user's wards, and the
    choice is checked again on save (a crafted POST cannot move a merchant into another ward)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_wards = wards_for_user(self.for_user) if self.for_user else WardHomePage.objects.none()
        if "ward" in self.fields:
            self.fields["ward"].queryset = self.allowed_wards.order_by("path")
            if self.allowed_wards.count() == 1 and not self.instance.pk:
                self.fields["ward"].initial = self.allowed_wards.first().pk
        if "street" in self.fields:
            self.fields["street"].queryset = CashlessStreetPage.objects.filter(ward__in=self.allowed_wards).order_by(
                "street_name"
            )
            self.fields["street"].widget = forms.Select(choices=self.fields["street"].choices)
        if "payment_methods" in self.fields:
            self.fields["payment_methods"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["payment_methods"].choices
            )

    def clean_ward(self):
        ward = self.cleaned_data.get("ward")
        if ward is not None and not self.allowed_wards.filter(pk=ward.pk).exists():
            raise ValidationError("Bạn chỉ được quản lý cửa hàng của phường, xã mình phụ trách.")
        return ward
