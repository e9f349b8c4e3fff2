"""A small cache for the computed dashboard, so a warm dashboard costs no query of its own.

Entries are keyed by a *data version* that changes whenever a measurement, an indicator, a group,
a previous-year result or any page is saved or deleted (signals in ``apps.py``; bulk writes call
``bump`` themselves), by the day in Vietnam (statuses and the reporting period depend on the date),
the language and the page. Entries also expire after ``TTL`` seconds, which bounds how late figures
from registered providers (``sources.py``) or another process's local-memory cache can appear.
"""

from uuid import uuid4

from django.core.cache import cache

VERSION_KEY = "transparency:data-version"
TTL = 300


def data_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid4().hex
        cache.set(VERSION_KEY, version, None)
    return version


def bump(*args, **kwargs):
    """Invalidate every cached dashboard (usable directly as a signal receiver)."""
    cache.set(VERSION_KEY, uuid4().hex, None)


def cached(name, build, *parts):
    key = ":".join(["transparency", name, data_version(), *(str(part) for part in parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TTL)
    return value
