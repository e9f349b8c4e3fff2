import re

import pytest

from tests.factories import editor_of

pytestmark = pytest.mark.django_db


def test_editors_see_the_admin_in_vietnamese_by_default(client, ward):
    client.force_login(editor_of(ward))
    html = client.get("/admin/").content.decode()
    assert re.search(r'<html[^>]* lang="vi"', html)
    assert "Trang" in html and "Dashboard" not in html
