"""Fixtures and helpers the LLM client and transport tests share (import the fixtures by name)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest

from simulator.llm import client as client_module
from simulator.llm.fake_server import FakeServer, running_fake_server


@pytest.fixture
def server() -> Iterator[FakeServer]:
    """A fresh fake server on a free port; a bug in the server itself fails the test."""
    with running_fake_server() as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Backoff delays the client asked for; the sleep itself is skipped."""
    recorded: list[float] = []

    async def record(delay: float) -> None:
        recorded.append(delay)
        await asyncio.sleep(0)

    monkeypatch.setattr(client_module, "_sleep", record)
    return recorded


def wait_until(condition: Callable[[], bool], what: str, limit: float = 5.0) -> None:
    """Poll for something the server does asynchronously (a deadline, not a timing assertion)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)
