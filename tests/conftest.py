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


def require(condition: bool, reason: str) -> None:
    """Skip locally when a system dependency is missing; fail in CI."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture
def examples_dir() -> Path:
    require(EXAMPLES.is_dir(), f"{EXAMPLES} not found (the shared/ folder sits beside the checkout)")
    return EXAMPLES
