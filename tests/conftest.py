"""Shared test settings. Tests that need chromium or PostgreSQL skip without them, except in CI
(CI=true), where a missing dependency is a failure: CI must really run them."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
warnings.filterwarnings("ignore", message=".*Pandas4Warning.*")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT.parent / "shared" / "spec" / "examples"


from support import postgres_url, require  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole run, started only if a test asks for it."""
    yield from postgres_url()


@pytest.fixture
def examples_dir() -> Path:
    require(EXAMPLES.is_dir(), f"{EXAMPLES} not found (the shared/ folder sits beside the checkout)")
    return EXAMPLES
