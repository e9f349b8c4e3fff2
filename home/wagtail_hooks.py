"""Admin hooks of the ward-scoping mechanism (``home.admin_scope``)."""

from wagtail import hooks

from home.admin_scope import ScopedDeleteBulkAction

# After Wagtail's own bulk delete (order 0), so ward-scoped models get this one.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=100)
