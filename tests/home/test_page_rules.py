"""Page-type rules every content family must respect (see docs/architecture.md)."""

from django.apps import apps
from wagtail.models import Page, get_page_models

from home.models import BasePage, CityHomePage, StandardPage, WardHomePage

PROJECT_APPS = {"home", "procedures", "news", "directory", "guides", "transparency", "search"}


def project_page_models():
    return [model for model in get_page_models() if model._meta.app_label in PROJECT_APPS]


def test_every_project_page_declares_its_parents_and_inherits_the_base_page():
    for model in project_page_models():
        assert "parent_page_types" in model.__dict__, f"{model.__name__} must declare parent_page_types"
        assert issubclass(model, BasePage), f"{model.__name__} must inherit home.models.BasePage"


def test_home_page_rules():
    assert CityHomePage.allowed_parent_page_models() == [Page]
    assert WardHomePage.allowed_parent_page_models() == [CityHomePage]
    assert WardHomePage not in StandardPage.allowed_subpage_models()
    assert CityHomePage not in WardHomePage.allowed_subpage_models()


def test_project_apps_are_installed():
    assert PROJECT_APPS <= {config.label for config in apps.get_app_configs()}
