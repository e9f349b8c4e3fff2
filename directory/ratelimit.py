"""Rate limiting of public form posts per client, in the Django cache (Redis when CACHE_URL is set).

The client is identified by a salted hash of its IP address: no address is stored, and the key
expires with the window. Fixed windows: at most ``limit`` posts per ``window`` seconds.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_fingerprint(request):
    """Salted SHA-256 of the client address (``REMOTE_ADDR``; behind a proxy, set
    ``DIRECTORY_TRUSTED_PROXY_HEADER`` to e.g. ``HTTP_X_REAL_IP``)."""
    header = getattr(settings, "DIRECTORY_TRUSTED_PROXY_HEADER", "")
    address = (request.META.get(header) if header else "") or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def hit(request, scope, limit, window):
    """Count one attempt; ``True`` while the client is within ``limit`` attempts per ``window`` s."""
    key = f"ratelimit:{scope}:{client_fingerprint(request)}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    return count is None or count <= limit  # None: cache unavailable (fail open)
