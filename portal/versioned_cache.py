"""Values cached in the shared cache (Redis with CACHE_URL, else each process's memory) under keys
that carry version numbers: bumping a version makes every key that carried it unreachable at once,
and the stale entries expire on their own. Used by the page frame (home/frame.py), the transparency
dashboard and citizen search."""

import hashlib
import re

from django.core.cache import cache

_MISSING = object()
MAX_PLAIN_KEY = 200
_PLAIN = re.compile(r"[A-Za-z0-9_.:\-]*")  # safe for every cache backend (memcached included)


class CacheVersion:
    """A version number kept in the shared cache."""

    def __init__(self, key):
        self.key = key

    def get(self):
        version = cache.get(self.key)
        if version is None:
            version = 1
            cache.add(self.key, version, timeout=None)
        return version

    def bump(self, *args, **kwargs):
        """Invalidate (usable directly as a signal receiver)."""
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 2, timeout=None)


def versioned_key(prefix, versions, parts):
    """``prefix:<versions>:<parts>``, the parts hashed when long or not plain ASCII (search queries)."""
    plain = ":".join(str(part) for part in parts)
    if len(plain) > MAX_PLAIN_KEY or not _PLAIN.fullmatch(plain):
        plain = hashlib.sha256(plain.encode("utf-8", "surrogatepass")).hexdigest()
    return ":".join([prefix, *(str(version.get()) for version in versions), plain])


def versioned_cached(prefix, versions, parts, compute, timeout, keep=None):
    """``compute()`` once per combination of the ``versions`` and ``parts`` (a value is kept only
    if ``keep(value)``, when given)."""
    key = versioned_key(prefix, versions, parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if keep is None or keep(value):
            cache.set(key, value, timeout)
    return value
