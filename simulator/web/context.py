"""What every handler shares: the store, who is asking, the optional LLM voice, and notices.

One ``WebContext`` per running app. It holds nothing user-specific: who the user is comes from
the request on every event (``viewer``), and a user's call lives in their session's gr.State.
"""

from __future__ import annotations

import asyncio
import html
import importlib
import importlib.util
import logging
import os
import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from simulator.errors import DojoInputError
from simulator.store import Store, User

log = logging.getLogger("simulator.web")

LOCAL_MODE_NOTE = ("Local mode: there are no accounts yet, so there is no sign-in and everything here is one "
                   "shared history. Add accounts with 'dojo users add NAME --role trainee|trainer' and restart "
                   "'dojo serve' to require sign-in.")


class WebError(DojoInputError):
    """A one-line problem to show the user (the action did nothing; the call in progress is kept)."""


@dataclass(frozen=True)
class Viewer:
    """Who sent an event: a signed-in user, or None in single-user local mode."""

    user: User | None

    @property
    def local(self) -> bool:
        return self.user is None

    @property
    def name(self) -> str:
        return self.user.name if self.user else "local"

    @property
    def is_trainer(self) -> bool:
        # Local mode is one person on their own machine: they may review their own calls.
        return self.user is None or self.user.is_trainer


def notify(message: str, *, level: str = "warning") -> None:
    """A toast with one line of text (escaped: gradio renders toast messages as HTML)."""
    line = str(message).strip().splitlines()[0] if str(message).strip() else "Something went wrong"
    text = html.escape(line, quote=False)
    if level == "info":
        gr.Info(text)
    else:
        gr.Warning(text)


def problem(exc: BaseException) -> str:
    """The one line a user sees for ``exc``; unexpected errors are logged with their traceback."""
    if isinstance(exc, DojoInputError):
        return str(exc).strip().splitlines()[0] if str(exc).strip() else "That did not work"
    log.exception("web handler failed")
    return "Something went wrong on the server (it is in the log). Your call is safe — try again."


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


@dataclass
class WebContext:
    store: Store
    rubric_id: str = "collection-call"
    word_pause: float = 0.025
    """Seconds between streamed words of a scripted reply (the first word goes out at once)."""
    max_stream_seconds: float = 0.45
    """A long reply streams faster so that it never takes longer than this."""
    max_stream_updates: int = 8
    """A reply streams in at most this many updates: the first word, then even runs of words."""
    llm_options: dict[str, Any] | None = None
    export_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="dojo-web-")))
    _voice: Any = field(default=None, repr=False)
    _write_lock: Any = field(default_factory=threading.Lock, repr=False)
    _async_write_lock: Any = field(default=None, repr=False)

    def async_writing(self) -> asyncio.Lock:
        """For handlers on the event loop: wait for the write turn *before* taking a worker thread,
        so writers queueing on SQLite never hold gradio's shared thread pool (which also runs every
        component's postprocess — starving it stalls every stream)."""
        if self._async_write_lock is None:
            self._async_write_lock = asyncio.Lock()
        return self._async_write_lock

    def writing(self) -> Any:
        """Hold while writing to a SQLite store: this process's writers queue on a lock that hands
        over at once, instead of SQLite's busy handler, which sleeps in growing steps while it waits
        (tens of ms per turn with many trainees). PostgreSQL needs no such help."""
        if self.store.dialect == "sqlite":
            return self._write_lock
        return _NoLock()

    # -- who is asking --------------------------------------------------------------------------
    def viewer(self, request: gr.Request | None) -> Viewer:
        name = getattr(request, "username", None) if request is not None else None
        if name:
            user = self.store.get_user(name)
            if user is None:
                raise WebError(f"The account {name!r} no longer exists — sign in again.")
            return Viewer(user)
        if self.store.has_users():
            raise WebError("Sign-in is required now that accounts exist — restart 'dojo serve' to turn it on.")
        return Viewer(None)

    def trainer(self, request: gr.Request | None) -> Viewer:
        viewer = self.viewer(request)
        if not viewer.is_trainer:
            raise WebError("Only trainers can see this.")
        return viewer

    def authenticate(self, username: str, password: str) -> bool:
        """The gradio ``auth=`` callable."""
        try:
            return self.store.authenticate(username, password) is not None
        except Exception:  # a login attempt must never crash the server
            log.exception("sign-in check failed")
            return False

    # -- the LLM voice (optional) -----------------------------------------------------------------
    @property
    def llm_available(self) -> bool:
        """Offer the LLM voice only when an endpoint is configured and the voice module exists."""
        if not (self.llm_options or {}).get("base_url") and not os.environ.get("DOJO_LLM_BASE_URL"):
            return False
        try:
            return importlib.util.find_spec("simulator.llm.voice") is not None
        except (ImportError, ValueError):
            return False

    def llm_config_options(self) -> dict[str, Any]:
        """The LLM endpoint settings, as the CLI's --llm-* options would give them."""
        return self.llm_options or {"base_url": os.environ.get("DOJO_LLM_BASE_URL"),
                                    "model": os.environ.get("DOJO_LLM_MODEL"),
                                    "api_key": os.environ.get("DOJO_LLM_API_KEY")}

    def voice(self) -> Any:
        """The shared LLM voice, made on first use (it carries configuration, not user state)."""
        if self._voice is None:
            module = importlib.import_module("simulator.llm.voice")
            self._voice = module.LLMVoice.from_options(self.llm_config_options())
        return self._voice

    # -- files handed to the browser ----------------------------------------------------------------
    def export_path(self, filename: str) -> Path:
        """A fresh path for a download; its own folder, so the browser sees ``filename`` as is."""
        folder = self.export_dir / uuid.uuid4().hex
        folder.mkdir(parents=True, exist_ok=True)
        return folder / filename

    def write_export(self, filename: str, text: str) -> str:
        path = self.export_path(filename)
        path.write_text(text, encoding="utf-8")
        return str(path)

    def close(self) -> None:
        shutil.rmtree(self.export_dir, ignore_errors=True)
