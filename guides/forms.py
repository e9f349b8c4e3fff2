"""Admin forms of the guides app."""

from wagtail.admin.forms import WagtailAdminModelForm

from home.permissions import wards_for_user


class WardScopedAdminForm(WagtailAdminModelForm):
    """Offers only the wards the editor acts for (all of them for city editors and superusers)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("ward")
        if field is not None:
            wards = wards_for_user(for_user) if for_user is not None else field.queryset.filter(
                locale__language_code="vi"
            )
            field.queryset = wards.order_by("path")
