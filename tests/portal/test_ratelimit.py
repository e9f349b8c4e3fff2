from django.test import override_settings

from portal import ratelimit


def test_the_key_does_not_contain_the_ip_and_differs_per_scope(rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.7")
    key = ratelimit.client_key(request, "guides-feedback")
    assert "203.0.113.7" not in key and key.startswith("ratelimit:guides-feedback:")
    assert key != ratelimit.client_key(request, "directory-signup")


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_client_counts(rf):
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.7")
    assert ratelimit.client_ip(request) == "203.0.113.7"


def test_without_trusted_proxies_forwarded_headers_are_ignored(rf):
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert ratelimit.client_ip(request) == "10.0.0.1"


def test_limit_per_window_per_client(rf):
    first, second = rf.post("/", REMOTE_ADDR="198.51.100.1"), rf.post("/", REMOTE_ADDR="198.51.100.2")
    assert [ratelimit.hit(first, "test", 2, 60) for _ in range(3)] == [True, True, False]
    assert ratelimit.hit(second, "test", 2, 60)
