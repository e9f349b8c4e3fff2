"""Remembers, per process, that Elasticsearch was unreachable, so that for a short while searches go
straight to the database backend and publishing does not wait on a dead cluster."""

import time

DOWN_SECONDS = 30
_down_until = 0.0


def mark_down(seconds=DOWN_SECONDS):
    global _down_until
    _down_until = time.monotonic() + seconds


def is_down():
    return time.monotonic() < _down_until


def reset():
    global _down_until
    _down_until = 0.0
