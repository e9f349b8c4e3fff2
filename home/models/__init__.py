from .base import BasePage, UnitContactFields
from .groups import UnitGroup
from .pages import CityHomePage, StandardPage, WardHomePage

__all__ = ["BasePage", "UnitContactFields", "CityHomePage", "WardHomePage", "StandardPage", "UnitGroup"]
