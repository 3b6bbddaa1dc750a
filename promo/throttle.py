"""How often something may happen to one person: counts in fixed windows, kept in the cache.

The cache is shared by every app server (the database, or Redis), so a limit holds however many
servers there are. A count can run a little over its limit when two servers count at the same
instant; that is fine for what it guards, which is how many emails one person receives.
"""

import time

from django.core.cache import cache


def hit(key: str, *, window_seconds: int) -> int:
    """Count one more use of `key` in the current window; returns the count so far, this one
    included."""
    window = int(time.time() // window_seconds)
    slot = f"throttle:{key}:{window}"
    if cache.add(slot, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(slot)
    except ValueError:  # the slot expired between add() and incr()
        cache.set(slot, 1, timeout=window_seconds)
        return 1
