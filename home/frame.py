"""Caching of what every page of a portal shares (its Site, its unit, header, breadcrumbs, footer).

Everything cached here depends only on the page tree, the Sites and the language, so one version
number invalidates it all: any page save, publish, unpublish, move or delete and any Site change bumps
``frame_version()``. Cache keys carry the version, so stale entries are never read again and expire
on their own. With Redis (CACHE_URL) the version is shared by every worker.
"""

from portal.versioned_cache import CacheVersion, versioned_cached, versioned_key

TIMEOUT = 60 * 60
FRAME_VERSION = CacheVersion("portal:frame-version")


def frame_version():
    return FRAME_VERSION.get()


def bump_frame_version(**kwargs):
    FRAME_VERSION.bump()


def frame_cached(name, parts, compute):
    """``compute()`` once per frame version for the key ``name`` + ``parts``."""
    return versioned_cached(f"portal:frame:{name}", [FRAME_VERSION], parts, compute, TIMEOUT)


def frame_key(name, parts):
    """The cache key ``frame_cached`` uses now."""
    return versioned_key(f"portal:frame:{name}", [FRAME_VERSION], parts)


def connect_invalidation():
    """Called from ``HomeConfig.ready``: bump the version whenever the tree or the Sites change."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_frame_version, dispatch_uid=f"frame-{signal!r}")
    for model in (Site, Locale):
        post_save.connect(bump_frame_version, sender=model, dispatch_uid=f"frame-save-{model.__name__}")
        post_delete.connect(bump_frame_version, sender=model, dispatch_uid=f"frame-delete-{model.__name__}")

    def page_changed(sender, instance, **kwargs):
        if isinstance(instance, Page):
            bump_frame_version()

    post_save.connect(page_changed, dispatch_uid="frame-page-save", weak=False)
    post_delete.connect(page_changed, dispatch_uid="frame-page-delete", weak=False)
