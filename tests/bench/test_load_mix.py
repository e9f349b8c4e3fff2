"""The load test's URL mix (bench/load_mix.txt, built by bench/load.py) must stay a mix of public URLs
that answer 200 on the demo content: a URL that 404s or redirects would quietly measure nothing.
The load test itself is not part of the suite (bench/README.md)."""

from io import StringIO

import pytest
from django.core.management import call_command

from bench.load import build_mix


@pytest.fixture
def demo(db):
    call_command("bootstrap_portal", "--small", "--no-admin", stdout=StringIO())


def test_the_mix_is_twenty_weighted_urls_with_ward_and_english_hosts():
    mix = build_mix()
    assert len(mix) == 20
    assert len({(host, path) for _weight, host, path in mix}) == 20
    assert all(weight > 0 for weight, _host, _path in mix)
    assert {host for _weight, host, _path in mix} > {"localhost:8000", "phuong-1.localhost:8000"}
    assert any(path.startswith("/en/") for _weight, _host, path in mix)
    assert all(path.isascii() and " " not in path for _weight, _host, path in mix)  # percent-encoded


def test_every_url_of_the_mix_answers_200_on_the_demo_content(demo, client):
    answers = {(host, path): client.get(path, HTTP_HOST=host).status_code for _weight, host, path in build_mix()}
    assert {url: status for url, status in answers.items() if status != 200} == {}
