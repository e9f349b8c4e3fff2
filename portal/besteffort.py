"""Database writes that must never break a page read: search statistics, view counters.

When the database refuses writes (a read-only replica during maintenance, a full disk, a lock held by
an import), a citizen reading a page still gets the page: the side write is skipped and a warning is
logged. Each write runs in its own savepoint, so on PostgreSQL a refused write does not poison the
request's transaction. Public forms that exist to store something (guide feedback, merchant sign-up)
answer 503 with ``UNAVAILABLE`` instead (see ``guides/views.py``, ``directory/views.py``).
"""

import logging
from contextlib import contextmanager

from django.db import DatabaseError, transaction

logger = logging.getLogger("portal.besteffort")

UNAVAILABLE = "Hệ thống đang bảo trì, chưa ghi nhận được {what} của bạn. Xin vui lòng thử lại sau ít phút."


@contextmanager
def best_effort(what):
    """Run the block in a savepoint; a ``DatabaseError`` is logged and swallowed."""
    try:
        with transaction.atomic():
            yield
    except DatabaseError as error:
        logger.warning("Skipped writing %s: the database refused the write (%s)", what, error)


# --- Image renditions ------------------------------------------------------------------------
# The first page view that needs an image size creates its rendition: a file and a database row.
# When the database refuses the row, the file is still made and served (no row is kept; the next
# view on a writable database records it as usual).


def _rendition_without_row(image, filter):
    from io import BytesIO

    with image.open_file() as file:
        source = BytesIO(file.read())
    rendition = image.generate_rendition_instance(filter, source)
    rendition._meta.get_field("file").pre_save(rendition, True)  # stores the file, writes no row
    return rendition


def install():
    """Make image renditions best-effort (called once from ``HomeConfig.ready``); idempotent."""
    from wagtail.images.models import AbstractImage

    if getattr(AbstractImage.create_rendition, "portal_best_effort", False):
        return
    create_rendition, create_renditions = AbstractImage.create_rendition, AbstractImage.create_renditions

    def create_rendition_best_effort(self, filter):
        try:
            with transaction.atomic():
                return create_rendition(self, filter)
        except DatabaseError as error:
            logger.warning("Image rendition served without a database row (%s)", error)
            return _rendition_without_row(self, filter)

    def create_renditions_best_effort(self, *filters):
        try:
            with transaction.atomic():
                return create_renditions(self, *filters)
        except DatabaseError as error:
            logger.warning("Image renditions served without database rows (%s)", error)
            return {filter: _rendition_without_row(self, filter) for filter in filters}

    create_rendition_best_effort.portal_best_effort = True
    AbstractImage.create_rendition = create_rendition_best_effort
    AbstractImage.create_renditions = create_renditions_best_effort
