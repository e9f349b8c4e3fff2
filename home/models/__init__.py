from .base import BasePage, UnitContactFields
from .pages import CityHomePage, StandardPage, WardHomePage

__all__ = ["BasePage", "UnitContactFields", "CityHomePage", "WardHomePage", "StandardPage"]
