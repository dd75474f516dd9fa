"""The trainee side of a batch call: the scripted trainees, and an LLM agent under test.

Both answer ``await next_message(turns, card) -> str | None`` so the runner has one code path.
The LLM agent plays the collector with its own system prompt (a data file a user can replace with
``--trainee-prompt``); it ends the call by saying goodbye.
"""

from __future__ import annotations

import contextlib
import re
from contextlib import AbstractAsyncContextManager
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any, Protocol

from simulator.datafiles import read_text
from simulator.errors import DojoInputError
from simulator.llm.client import LLMClient, Message
from simulator.trainees import scripted_trainee
from simulator.understanding.text import fold

PROMPTS = Path(__file__).resolve().parent.parent / "llm" / "prompts"
DEFAULT_PROMPT = PROMPTS / "agent_trainee.md"
START_PROMPT = PROMPTS / "agent_start.md"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
GOODBYE = {"en": re.compile(r"\b(?:goodbye|good-bye|bye)\b"), "es": re.compile(r"\badios\b|\bhasta luego\b")}


class Trainee(Protocol):
    said_goodbye: bool

    async def next_message(self, turns: list[dict[str, Any]], card: dict[str, Any]) -> str | None: ...


class ScriptedTrainee:
    """``scripted-good`` / ``scripted-poor`` (simulator.trainees) behind the async interface."""

    said_goodbye = False

    def __init__(self, kind: str, language: str) -> None:
        self._agent = scripted_trainee(kind, language)

    async def next_message(self, turns: list[dict[str, Any]], card: dict[str, Any]) -> str | None:
        return self._agent.next_message(turns, card)


def read_prompt(path: str | Path | None) -> str:
    """The agent's system prompt template: ``--trainee-prompt FILE`` or the shipped default."""
    p = Path(path) if path else DEFAULT_PROMPT
    text = read_text(p, "--trainee-prompt").strip()
    if not text:
        raise DojoInputError(f"{p}: the trainee prompt is empty")
    return text


@lru_cache(maxsize=None)
def _start_text() -> str:
    return START_PROMPT.read_text(encoding="utf-8").strip()


class LLMTrainee:
    """The AI agent under test, playing the collector: one completion per message.

    The card fills ``$debtor``, ``$lender``, ``$amount_text``, ``$days_overdue`` and
    ``$language_name`` in the prompt; anything else in it is left as written.
    """

    def __init__(self, client: LLMClient, prompt: str, language: str, *, seed: int,
                 slots: AbstractAsyncContextManager[Any] | None = None, max_tokens: int = 200) -> None:
        self.client, self.prompt, self.language, self.seed = client, prompt, language, seed
        self.slots, self.max_tokens = slots, max_tokens
        self.said_goodbye = False

    def messages(self, turns: list[dict[str, Any]], card: dict[str, Any]) -> list[Message]:
        values = {k: str(v) for k, v in card.items()}
        values["language_name"] = LANGUAGE_NAMES.get(self.language, self.language)
        out: list[Message] = [{"role": "system", "content": Template(self.prompt).safe_substitute(values)},
                              {"role": "user", "content": _start_text()}]
        for t in turns:  # the agent is the assistant; whoever answers the phone is the user
            out.append({"role": "assistant" if t["role"] == "trainee" else "user", "content": t["text"]})
        return out

    async def next_message(self, turns: list[dict[str, Any]], card: dict[str, Any]) -> str | None:
        if self.said_goodbye:
            return None
        params: dict[str, Any] = {"seed": (self.seed * 100 + len(turns)) % 2**31}
        if self.client.config.max_tokens is None:
            params["max_tokens"] = self.max_tokens
        async with self.slots if self.slots is not None else contextlib.nullcontext():
            completion = await self.client.complete(self.messages(turns, card), **params)
        text = completion.text.strip()
        self.said_goodbye = bool(GOODBYE.get(self.language, GOODBYE["en"]).search(fold(text)))
        return text or None
