from __future__ import annotations

from pathlib import Path

import pytest

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.formats import load_catalog
from tests.data_factory import write_small_catalog

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    """Directory of the small data files in the official SalesSim formats."""
    return FIXTURES


@pytest.fixture
def small_catalog_path(tmp_path: Path) -> Path:
    """Path of the small catalog (our format) written into `tmp_path`, images rendered."""
    return write_small_catalog(tmp_path / "catalog")


@pytest.fixture
def small_catalog(small_catalog_path: Path) -> Catalog:
    """The small eight-laptop catalog, loaded with `load_catalog`."""
    return load_catalog(small_catalog_path)
