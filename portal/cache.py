"""The Redis cache backend of the portal: django-redis with a circuit breaker.

A cache that is down or hangs must cost a request at most one short wait, never the page:

- socket connect and read timeouts (``CACHE_SOCKET_CONNECT_TIMEOUT``, ``CACHE_SOCKET_TIMEOUT``,
  settings in ``portal/settings/base.py``) bound each call;
- ``IGNORE_EXCEPTIONS`` turns a failed call into a cache miss (every cache user already computes on a
  miss: the page frame, versioned caches, search answers; the rate limiter fails open);
- after a failed call the breaker stays open for ``CACHE_BREAKER_SECONDS``: within that time every
  cache call in this process is a miss at once, without touching the network. The first call after
  it tries Redis again (and re-opens the breaker if Redis still fails).

Without the breaker a page that makes a dozen cache calls would wait a dozen timeouts.
"""

import logging
import time

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

logger = logging.getLogger("portal.cache")

_open_until = {}  # cache LOCATION → time.monotonic() until which calls are skipped (per process)
_UNGUARDED = {"close"}


def breaker_seconds():
    return float(getattr(settings, "CACHE_BREAKER_SECONDS", 10))


def reset_breakers():
    _open_until.clear()


def _open_error(server):
    error = ConnectionInterrupted(connection=None)
    error.__cause__ = RedisConnectionError(f"cache {server} skipped: circuit breaker open after a failure")
    return error


class _GuardedClient:
    """Forwards to the django-redis client; skips every call while the breaker is open."""

    def __init__(self, client, server):
        self._client = client
        self._server = server

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name in _UNGUARDED or not callable(attribute):
            return attribute
        server = self._server

        def guarded(*args, **kwargs):
            if _open_until.get(server, 0) > time.monotonic():
                raise _open_error(server)
            try:
                return attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                seconds = breaker_seconds()
                if seconds > 0:
                    _open_until[server] = time.monotonic() + seconds
                logger.warning("Cache %s failed (%s); skipping it for %s s", server, error.__cause__, seconds)
                raise

        return guarded


class BreakerRedisCache(RedisCache):
    """``django_redis.cache.RedisCache`` whose client goes through the circuit breaker."""

    @property
    def client(self):
        return _GuardedClient(super().client, self._server)
