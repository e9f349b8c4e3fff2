"""portal/versioned_cache.py: versioned keys, bumping, the ``keep`` predicate, safe keys."""

from django.core.cache import cache

from portal.versioned_cache import CacheVersion, versioned_cached, versioned_key


def counting(values):
    def compute():
        values.append(len(values) + 1)
        return values[-1]

    return compute


def test_a_value_is_computed_once_per_version():
    cache.clear()
    version, calls = CacheVersion("test:version"), []
    assert versioned_cached("test", [version], ["a"], counting(calls), 60) == 1
    assert versioned_cached("test", [version], ["a"], counting(calls), 60) == 1
    assert versioned_cached("test", [version], ["b"], counting(calls), 60) == 2
    version.bump()
    assert versioned_cached("test", [version], ["a"], counting(calls), 60) == 3


def test_values_refused_by_keep_are_computed_again():
    cache.clear()
    version, calls = CacheVersion("test:version"), []
    assert versioned_cached("test", [version], ["a"], counting(calls), 60, keep=lambda value: False) == 1
    assert versioned_cached("test", [version], ["a"], counting(calls), 60, keep=lambda value: False) == 2


def test_none_is_a_value_too():
    cache.clear()
    calls = []

    def compute():
        calls.append(1)

    version = CacheVersion("test:version")
    versioned_cached("test", [version], ["a"], compute, 60)
    versioned_cached("test", [version], ["a"], compute, 60)
    assert calls == [1]


def test_keys_of_user_text_are_hashed_into_plain_ascii():
    version = CacheVersion("test:version")
    key = versioned_key("test", [version], ["đăng ký khai sinh", "\x00<script>"])
    assert key.isascii() and " " not in key and "\x00" not in key
    assert key != versioned_key("test", [version], ["dang ky khai sinh", "\x00<script>"])
    assert versioned_key("test", [version], ["site", 80]).endswith(":site:80")
