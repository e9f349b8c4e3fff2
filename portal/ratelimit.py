"""Rate limiting of public form posts (guide feedback, merchant sign-up) per client, in the Django
cache (Redis when CACHE_URL is set; per process otherwise).

The client is identified by a salted hash of its IP address: no address is stored and the key
expires with the window. Behind reverse proxies set ``PORTAL_TRUSTED_PROXY_COUNT`` to the number of
proxies that append to X-Forwarded-For; otherwise forwarded headers are ignored (they can be forged).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, scope):
    """Cache key of a client for one scope: a salted hash of its IP (the IP itself is not kept)."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{client_ip(request)}".encode()).hexdigest()
    return f"ratelimit:{scope}:{digest[:40]}"


def hit(request, scope, limit, window):
    """Count one attempt; ``True`` while the client is within ``limit`` attempts per ``window`` seconds.

    Fails open when the cache is unavailable: a citizen is never locked out by an infrastructure fault.
    """
    key = client_key(request, scope)
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    return count is None or count <= limit
