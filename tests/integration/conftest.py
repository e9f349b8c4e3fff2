"""Fixtures shared with the content apps whose cooperation these tests check."""

from tests.transparency.conftest import plan  # noqa: F401
