"""Test helpers shared by several test modules (kept out of conftest so they import plainly)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

import pg


def require(condition: bool, reason: str) -> None:
    """Skip locally when a system dependency is missing; fail in CI (CI=true): CI must run it."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for a fixture to yield (see tests/pg.py)."""
    server = pg.postgres_server()
    try:
        url = server.__enter__()
    except pg.PostgresUnavailable as exc:
        require(False, f"PostgreSQL unavailable: {exc}")
        raise  # unreachable: require() skipped or failed
    try:
        yield url
    finally:
        server.__exit__(None, None, None)
