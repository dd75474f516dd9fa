"""Shared bits of the web app tests: a store, requests, running generators, a live app on a free port."""

from __future__ import annotations

import asyncio
import os
import socket
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
warnings.filterwarnings("ignore", message=".*Pandas4Warning.*")
try:  # gradio's queue code trips pandas 3's Pandas4Warning; it is theirs, not ours
    from pandas.errors import Pandas4Warning
    warnings.filterwarnings("ignore", category=Pandas4Warning)
except ImportError:  # pragma: no cover - older pandas
    pass

import gradio as gr  # noqa: E402

from simulator.store import Store  # noqa: E402
from simulator.web.context import WebContext  # noqa: E402
from simulator.web.trainee import ACCEPT_OUT, OUT, REPLY_OUT  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
PASSWORD = "correct-horse-1"
XSS = ('<script>window.__xss = 1; alert(1)</script>', '<img src=x onerror="window.__xss = 2; alert(2)">')


from support import require  # noqa: E402,F401  (re-exported for the web tests)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(username: str | None = None, session: str = "s1") -> gr.Request:
    return gr.Request(username=username, session_hash=session)


def make_ctx(store: Store, **kwargs: Any) -> WebContext:
    """A context that streams without pauses (tests assert content, never timing)."""
    kwargs.setdefault("word_pause", 0.0)
    return WebContext(store, **kwargs)


def collect(agen: Any) -> list[tuple]:
    """Every update an async generator handler yields."""
    async def run() -> list[tuple]:
        return [item async for item in agen]
    return asyncio.run(run())


def collect_one(coroutine: Any) -> Any:
    """The result of an async (non-generator) handler."""
    return asyncio.run(coroutine)


def field(update: tuple, name: str) -> Any:
    """One output of a practice handler's update tuple by name (accept: ACCEPT_OUT, reply: REPLY_OUT,
    the others: OUT)."""
    names = {len(ACCEPT_OUT): ACCEPT_OUT, len(REPLY_OUT): REPLY_OUT, len(OUT): OUT}[len(update)]
    return update[names.index(name)]


def is_skip(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "update" and len(value) == 1


def promise_script(card: dict[str, Any]) -> list[str]:
    """The seven-line call that ends in a promise with the next_month persona."""
    return [f"Hello, am I speaking with {card['debtor']}?",
            f"This is Sam from {card['lender']}. Your payment of {card['amount_text']} is overdue and I need you "
            "to pay it today.",
            "What happened?",
            "Every day late adds a late fee and it will be reported to your credit record.",
            "Could you borrow it from your brother until payday?",
            "Can you pay today before 6 pm or tomorrow morning at the latest?",
            "So to confirm, you will pay tomorrow morning?"]


def content_text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    return " ".join(b.get("text", "") for b in content or [] if isinstance(b, dict))


@contextmanager
def running_app(store: Store, **ctx_kwargs: Any) -> Iterator[str]:
    """The app on 127.0.0.1 on a free port in this process; yields its URL."""
    from simulator.web.app import build, launch

    ctx = make_ctx(store, **ctx_kwargs)
    demo = build(ctx)
    _, url, _ = launch(demo, ctx, port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield url
    finally:
        demo.close()
        ctx.close()


def wait_for_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listens on port {port} after {timeout:.0f} s")
