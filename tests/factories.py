"""Factories for tests (factory_boy / wagtail-factories)."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.test")
    password = factory.django.Password("mat-khau-thu")

    @factory.post_generation
    def groups(self, create, names):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Trang nội dung {n}")
    summary = "Trang thử nghiệm."


def editor_of(unit, role="Biên tập viên", username=None):
    """A user in the unit's editor (or approver) group: ``editor_of(ward)``, ``editor_of(city, "Lãnh đạo duyệt")``."""
    prefix = {"Biên tập viên": "editor", "Lãnh đạo duyệt": "approver"}[role]
    return UserFactory(username=username or f"{prefix}-{unit.slug}", groups=[f"{role} – {unit.title}"])
