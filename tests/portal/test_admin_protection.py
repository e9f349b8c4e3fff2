"""Admin protection (issue 12, finding 6): password validators, login throttling through the real
Wagtail login view, the documented unlock, and ADMIN_HOSTS."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

STRONG = "Bien-tap-Vung-Tau-2026!"
User = get_user_model()


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("quantri", "quantri@example.vn", STRONG, first_name="Quản",
                                         last_name="Trị")


def _user_form(username, password):
    return {
        "username": username, "email": f"{username}@example.vn", "first_name": "Lan", "last_name": "Nguyễn",
        "password1": password, "password2": password, "is_active": "on",
    }


@pytest.mark.parametrize("weak", ["1", "12345678901234", "password1234", "quantri-moi-1"])
def test_wagtail_user_create_refuses_weak_passwords(client, superuser, weak):
    client.force_login(superuser)
    response = client.post(reverse("wagtailusers_users:add"), _user_form("quantri-moi-1", weak))
    assert response.status_code == 200  # the form again, with the validators' message
    assert not User.objects.filter(username="quantri-moi-1").exists()


def test_wagtail_user_create_accepts_a_strong_password(client, superuser):
    client.force_login(superuser)
    response = client.post(reverse("wagtailusers_users:add"), _user_form("bien-tap-moi", STRONG))
    assert response.status_code == 302
    assert User.objects.get(username="bien-tap-moi").check_password(STRONG)


def test_wagtail_user_edit_refuses_password_1(client, superuser):
    editor = User.objects.create_user("bien-tap", "bt@example.vn", STRONG)
    client.force_login(superuser)
    response = client.post(reverse("wagtailusers_users:edit", args=[editor.pk]), _user_form("bien-tap", "1"))
    assert response.status_code == 200
    editor.refresh_from_db()
    assert editor.check_password(STRONG) and not editor.check_password("1")


def _current_form_values(client, url):
    """What the account page's form would post unchanged (every settings panel is one form)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    values = {}
    for field in soup.select("form [name]"):
        name = field["name"]
        if field.name == "select":
            option = field.select_one("option[selected]") or field.select_one("option")
            values[name] = option.get("value", "") if option else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                values[name] = field.get("value", "on")
        elif field.get("type") != "file":
            values[name] = field.get("value", "")
    return values


def _panel_errors(response):
    """{panel name: [fields with errors]} of the account page's settings panels."""
    errors = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            if form.is_bound and form.errors:
                errors[panel.name] = sorted(form.errors)
    return errors


def test_account_password_change_refuses_password_1(client, superuser):
    client.force_login(superuser)
    url = reverse("wagtailadmin_account")
    weak = {**_current_form_values(client, url),
            "password-old_password": STRONG, "password-new_password1": "1", "password-new_password2": "1"}
    response = client.post(url, weak)
    assert response.status_code == 200 and _panel_errors(response) == {"password": ["new_password2"]}
    superuser.refresh_from_db()
    assert superuser.check_password(STRONG)
    strong = {**weak, "password-new_password1": STRONG + "x", "password-new_password2": STRONG + "x"}
    assert client.post(url, strong).status_code == 302  # the same form accepts a strong one
    superuser.refresh_from_db()
    assert superuser.check_password(STRONG + "x")


def test_bootstrap_generated_admin_password_passes_the_validators(db, monkeypatch):
    from django.contrib.auth.password_validation import validate_password

    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("bootstrap_portal", "--no-demo", stdout=out)
    password = re.search(r"admin / (\S+)", out.getvalue()).group(1)
    admin = User.objects.get(username="admin")
    assert admin.check_password(password)
    validate_password(password, user=admin)  # raises if any validator refuses it


# --- login throttling (django-axes) ---------------------------------------------------------------

def _login(client, password, username="quantri", ip="203.0.113.9", **extra):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password},
                       REMOTE_ADDR=ip, **extra)


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_right_password_logs_in(client, superuser):
    response = _login(client, STRONG)
    assert response.status_code == 302 and _logged_in(client)


def test_fifteen_wrong_passwords_then_the_right_one_is_refused(client, superuser):
    statuses = [_login(client, f"sai-mat-khau-{n}").status_code for n in range(15)]
    assert statuses[:4] == [200] * 4  # the login form again, with its error
    assert set(statuses[5:]) == {429}
    response = _login(client, STRONG)
    assert response.status_code == 429 and not _logged_in(client)
    text = response.content.decode()
    assert "Tạm khóa đăng nhập" in text and "30 phút" in text
    # Another client (IP) can still log in as the same user: the lock is on the user name + client pair.
    other = client_class_copy(client)
    assert _login(other, STRONG, ip="198.51.100.20").status_code == 302 and _logged_in(other)


def client_class_copy(client):
    return type(client)()


def test_documented_unlock_lets_the_user_in_again(client, superuser):
    for n in range(6):
        _login(client, f"sai-{n}")
    assert _login(client, STRONG).status_code == 429
    call_command("axes_reset_username", "quantri", stdout=StringIO())
    assert _login(client, STRONG).status_code == 302 and _logged_in(client)


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_lockout_follows_the_trusted_proxy_client_ip(client, superuser):
    """Behind one trusted proxy, the client is the last X-Forwarded-For entry (portal.ratelimit.client_ip):
    a forged first entry does not give an attacker a fresh counter, and another client is not locked."""
    for n in range(6):
        _login(client, f"sai-{n}", ip="10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.50")
    assert _login(client, STRONG, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.50").status_code == 429
    assert _login(client, STRONG, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.51").status_code == 302


# --- ADMIN_HOSTS ----------------------------------------------------------------------------------

@override_settings(ADMIN_HOSTS=["quantri.localhost"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/password_reset/"])
def test_admin_is_404_outside_admin_hosts(client, superuser, path):
    assert client.get(path, HTTP_HOST="localhost").status_code == 404
    assert client.get(path, HTTP_HOST="phuong-1.localhost").status_code == 404
    assert client.get(path, HTTP_HOST="quantri.localhost").status_code in (200, 302)


@override_settings(ADMIN_HOSTS=["quantri.localhost"])
def test_login_post_outside_admin_hosts_is_404_and_logs_nobody_in(client, superuser):
    response = client.post("/admin/login/", {"username": "quantri", "password": STRONG}, HTTP_HOST="localhost")
    assert response.status_code == 404 and not _logged_in(client)


@override_settings(ADMIN_HOSTS=["quantri.localhost"])
def test_public_pages_still_answer_on_every_host(client, city):
    assert client.get("/", HTTP_HOST="localhost").status_code == 200
    assert client.get("/", HTTP_HOST="phuong-1.localhost").status_code == 200


@override_settings(ADMIN_HOSTS=[])
def test_without_admin_hosts_the_admin_answers_everywhere(client, superuser):
    assert client.get("/admin/login/", HTTP_HOST="phuong-1.localhost").status_code == 200
