"""Fixtures shared with the content apps whose cooperation these tests check."""

from tests.directory.conftest import methods  # noqa: F401
from tests.news.conftest import categories  # noqa: F401
from tests.transparency.conftest import plan  # noqa: F401
