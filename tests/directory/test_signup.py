"""Public sign-up form: Vietnamese validation, honeypot, rate limit, moderation by the ward's editors."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse

from directory.models import Merchant
from tests.factories import editor_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def signup_url(city_directory):
    return f"{city_directory.url}dang-ky/"


def valid_data(unit, **changes):
    data = {
        "name": "Quán Cô Ba",
        "category": "an-uong",
        "ward": unit.slug,
        "street": "",
        "address": "Số 59 Nguyễn Trường Tộ",
        "latitude": "10,3420",
        "longitude": "107.0760",
        "payment_methods": ["vietqr", "momo"],
        "opening_hours": "6:00 – 21:00",
        "phone": "0254 3 123 456",
        "website": "",
        "contact_name": "Nguyễn Thị Ba",
        "contact_info": "0909 123 456",
        "consent": "on",
        "trang_chu_cong_ty": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def field_errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    errors = {}
    for box in soup.select(".form-field--error"):
        control = box.select_one("input, select")
        errors[control["name"]] = box.select_one(".form-field__error").get_text(" ", strip=True)
    return errors


def test_form_renders_accessibly_with_the_ward_preselected(client, signup_url, ward):
    response = client.get(signup_url + f"?phuong={ward.slug}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_ward option[selected]")["value"] == ward.slug
    assert soup.select_one(".hp-field")["aria-hidden"] == "true"
    assert soup.select_one("#id_trang_chu_cong_ty")["tabindex"] == "-1"
    for control in soup.select("form.signup-form input:not([type=hidden]), form.signup-form select"):
        assert soup.find("label", attrs={"for": control["id"]}), control


def test_valid_signup_lands_unpublished_with_consent_time(client, signup_url, ward):
    response = client.post(signup_url, valid_data(ward))
    assert response.status_code == 302 and response["Location"].endswith("/dang-ky/da-gui/")
    merchant = Merchant.objects.get(name="Quán Cô Ba")
    assert not merchant.published and merchant.source == "signup" and merchant.consent_at
    assert merchant.ward_id == ward.pk
    assert str(merchant.latitude) == "10.342000"
    assert {m.code for m in merchant.payment_methods.all()} == {"vietqr", "momo"}
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Hãy nhập tên cửa hàng."),
        ({"name": "x" * 201}, "name", "Tên cửa hàng dài quá 200 ký tự."),
        ({"category": ""}, "category", "Hãy chọn loại hình kinh doanh."),
        ({"category": "casino"}, "category", "Loại hình không hợp lệ."),
        ({"ward": ""}, "ward", "Hãy chọn phường, xã nơi cửa hàng hoạt động."),
        ({"ward": "phuong-6"}, "ward", "Phường, xã không hợp lệ."),
        ({"address": ""}, "address", "Hãy nhập địa chỉ."),
        ({"latitude": "mười"}, "latitude", "Vĩ độ phải là một số, ví dụ 10.3460."),
        ({"longitude": "abc"}, "longitude", "Kinh độ phải là một số, ví dụ 10.3460."),
        ({"longitude": ""}, "longitude", "Hãy nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."),
        ({"latitude": "10.7769", "longitude": "106.7009"}, "latitude", "Tọa độ nằm ngoài địa bàn thành phố Vũng Tàu"),
        ({"phone": "gọi tôi"}, "phone", "Số điện thoại cửa hàng chỉ gồm chữ số"),
        ({"website": "không phải web"}, "website", "Địa chỉ trang web không hợp lệ"),
        ({"opening_hours": "x" * 201}, "opening_hours", "Giờ mở cửa dài quá 200 ký tự."),
        ({"contact_name": ""}, "contact_name", "Hãy nhập tên người liên hệ."),
        ({"contact_info": ""}, "contact_info", "Hãy nhập điện thoại hoặc thư điện tử liên hệ."),
        ({"contact_info": "ba@"}, "contact_info", "Địa chỉ thư điện tử liên hệ không hợp lệ."),
        ({"contact_info": "sáng mai"}, "contact_info", "Hãy nhập số điện thoại"),
    ],
)
def test_every_field_has_a_clear_vietnamese_error(client, signup_url, ward, changes, field, message):
    response = client.post(signup_url, valid_data(ward, **changes))
    assert response.status_code == 400
    errors = field_errors(response)
    assert message in errors[field], errors
    assert not Merchant.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    control = soup.find(attrs={"name": field})
    assert control["aria-invalid"] == "true"
    assert f"{control['id']}-error" in control["aria-describedby"]
    assert soup.select_one(".error-summary a[href='#" + control["id"] + "']")


def test_methods_consent_and_street_errors(client, signup_url, ward, other_street):
    response = client.post(signup_url, valid_data(ward, payment_methods=[], consent=None))
    assert "Hãy chọn ít nhất một phương thức thanh toán." in response.text
    assert "Cần đồng ý công khai thông tin" in response.text
    response = client.post(signup_url, valid_data(ward, payment_methods=["bitcoin"]))
    assert "Phương thức thanh toán không hợp lệ." in response.text
    response = client.post(signup_url, valid_data(ward, street=str(other_street.pk)))
    assert "Tuyến đường Thùy Vân thuộc Phường Thắng Tam, không thuộc Phường 1." in response.text
    assert not Merchant.objects.exists()


def test_honeypot_looks_successful_but_stores_nothing(client, signup_url, ward):
    response = client.post(signup_url, valid_data(ward, trang_chu_cong_ty="http://spam.example"))
    assert response.status_code == 302 and response["Location"].endswith("/dang-ky/da-gui/")
    assert not Merchant.objects.exists()


@override_settings(DIRECTORY_SIGNUP_RATE_LIMIT=3)
def test_rate_limit_per_client_without_storing_the_address(client, signup_url, ward):
    for number in range(3):
        assert client.post(signup_url, valid_data(ward, name=f"Quán {number}")).status_code == 302
    blocked = client.post(signup_url, valid_data(ward, name="Quán 4"))
    assert blocked.status_code == 429
    assert "Bạn đã gửi quá nhiều lần" in blocked.text
    assert Merchant.objects.count() == 3
    assert "127.0.0.1" not in "".join(Merchant.objects.values_list("note", "contact_info").first())
    other_client = client.post(signup_url, valid_data(ward, name="Quán khác"), REMOTE_ADDR="10.0.0.9")
    assert other_client.status_code == 302


def test_moderation_path_from_signup_to_published(client, signup_url, city_directory, ward, other_ward):
    client.post(signup_url, valid_data(ward))
    merchant = Merchant.objects.get(name="Quán Cô Ba")
    assert "Quán Cô Ba" not in client.get(city_directory.url).text

    other_editor = editor_of(other_ward)
    client.force_login(other_editor)
    listing = client.get(reverse("wagtailsnippets_directory_merchant:list") + "?published=false")
    assert "Quán Cô Ba" not in listing.text

    client.force_login(editor_of(ward))
    listing = client.get(reverse("wagtailsnippets_directory_merchant:list") + "?published=false")
    assert "Quán Cô Ba" in listing.text
    edit_url = reverse("wagtailsnippets_directory_merchant:edit", args=[merchant.pk])
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"published": "on", "verified_on": "2024-05-20"})
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    client.logout()
    assert "Quán Cô Ba" in client.get(city_directory.url).text
    merchant.refresh_from_db()
    assert merchant.published and str(merchant.verified_on) == "2024-05-20" and merchant.contact_name == "Nguyễn Thị Ba"


# --- cross-site posts (issue 12, finding 10) -------------------------------------------------------

def test_a_cross_site_signup_is_refused_and_stores_nothing(client, signup_url, ward):
    response = client.post(signup_url, valid_data(ward), REMOTE_ADDR="203.0.113.8",
                           HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://attacker.example")
    assert response.status_code == 403
    assert not Merchant.objects.filter(name="Quán Cô Ba").exists()


def test_a_same_origin_signup_is_accepted(client, signup_url, ward):
    response = client.post(signup_url, valid_data(ward), REMOTE_ADDR="203.0.113.8", HTTP_HOST="localhost",
                           HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://localhost")
    assert response.status_code == 302
    assert Merchant.objects.filter(name="Quán Cô Ba", published=False).exists()


def test_without_fetch_headers_the_csrf_token_is_still_required(signup_url, ward):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(signup_url, valid_data(ward), REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 403
    assert not Merchant.objects.filter(name="Quán Cô Ba").exists()
