"""A small cache for the computed dashboard, so a warm dashboard costs no query of its own.

Entries are keyed by a *data version* that changes whenever a measurement, an indicator, a group,
a previous-year result or any page is saved or deleted (signals in ``apps.py``; bulk writes call
``bump`` themselves), by the day in Vietnam (statuses and the reporting period depend on the date),
the language and the page. Entries also expire after ``TTL`` seconds, which bounds how late figures
from registered providers (``sources.py``) or another process's local-memory cache can appear.
"""

from portal.versioned_cache import CacheVersion, versioned_cached

DATA_VERSION = CacheVersion("transparency:data-version")
TTL = 300


def bump(*args, **kwargs):
    """Invalidate every cached dashboard (usable directly as a signal receiver)."""
    DATA_VERSION.bump()


def cached(name, build, *parts):
    return versioned_cached(f"transparency:{name}", [DATA_VERSION], parts, build, TTL)
