"""The LLM voice: the persona policy decides each turn, an LLM only puts the decision into words.

A turn is ``call.decide`` → prompt (the public card, the persona's style, only the hidden facts the
policy has released, the history, and the scripted line as the content to convey) → streamed
tokens → the guard → ``call.record``. A line the guard rejects is regenerated once, then the
scripted line stands in, so the LLM can never concede more than the policy did. An endpoint that
is down, slow or talking garbage never ends a call either: the scripted line stands in with a
one-line notice for the trainee. A turn that is cancelled records nothing — the call stays as it
was, as if the message had not been sent.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import re
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any, TypeVar

from simulator.call import Call, Reply
from simulator.llm.client import LLMClient, LLMConnectionError, LLMError, LLMTimeoutError, Message
from simulator.llm.config import LLMConfig
from simulator.llm.guard import PROBLEMS, GuardContext, Verdict, check_line
from simulator.persona import Decision
from simulator.persona.facts import template_values

PROMPTS = Path(__file__).parent / "prompts"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
NOTICE = "LLM unavailable — scripted line used"
CORRECTION_PREFIX = "\n↳ "  # what a terminal shows before the final line when it differs from the streamed one
# A released hidden fact is described to the LLM by the persona's own phrasing of the act that tells it.
FACT_ACTS = {"excuse": "excuse", "reason": "reveal_reason", "shortfall": "realize_shortfall",
             "paid_amount": "answer_amount", "paid_date": "answer_date", "paid_channel": "answer_channel"}
T = TypeVar("T")


@lru_cache(maxsize=None)
def load_prompt(name: str) -> str:
    """A prompt file from ``simulator/llm/prompts`` (prompts are data, edited without touching code)."""
    return (PROMPTS / name).read_text(encoding="utf-8").strip()


@lru_cache(maxsize=None)
def _descriptions(section: str) -> dict[str, str]:
    """``- key: text`` lines under ``## section`` in prompts/acts.md."""
    out: dict[str, str] = {}
    current = None
    for line in load_prompt("acts.md").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif current == section and (m := re.match(r"-\s*([a-z_]+):\s*(.+)", line)):
            out[m.group(1)] = m.group(2).strip()
    return out


@dataclass(frozen=True)
class TurnPlan:
    """One persona turn ready for the LLM: the messages, and what the guard checks the answer against."""

    messages: list[Message]
    scripted: str
    guard: GuardContext
    speaker: str
    language_name: str


def plan_turn(call: Call, text: str, decision: Decision) -> TurnPlan:
    """The prompt for this decision: only released facts, the history, and the content to convey."""
    persona, facts = call.persona, call.facts
    lang: Any = call.language  # "en" or "es": the Literal keys of a persona's lines
    commitment = decision.state.commitment
    values = template_values(facts, lang, call.started_at, commitment)
    scripted = call.scripted_line(decision)
    third_party = persona.counterpart == "third_party"
    speaker = (facts.respondent or f"the {facts.relation or 'relative'} of {facts.name}") if third_party else facts.name
    who = f"{facts.name}, the account holder."
    known = []
    fact_labels = _descriptions("Facts")
    for key in sorted(decision.released):
        if key == "commitment" and commitment is not None:
            known.append(f"- {fact_labels.get(key, key)}: {values['due']}")
        elif key in FACT_ACTS and (options := call.lines.get(FACT_ACTS[key], {}).get(lang)):
            known.append(f"- {fact_labels.get(key, key)}: {options[0].format(**values)}")
    language_name = LANGUAGE_NAMES.get(lang, lang)
    # A relative on the line knows nothing of the account, and the card's description is written for the
    # trainee ("find out when to reach him"), so a third party gets neither.
    system = Template(load_prompt("persona_system_third_party.md" if third_party else "persona_system.md")
                      ).safe_substitute(
        speaker=speaker, lender=facts.lender, who=f"{who} {persona.description.get(lang)}", debtor=facts.name,
        relation=facts.relation or "relative", style=persona.temperament.style.get(lang), amount=values["amount"],
        days_overdue=facts.days_overdue, known="\n".join(known), language_name=language_name)
    acts = _descriptions("Acts")
    moves = "; then ".join(acts.get(a, a.replace("_", " ")) for a in decision.acts)
    if commitment is not None and {"commit", "confirm"} & set(decision.acts):
        promise = f"You agree to pay exactly this: {values['due']}. Say this time and amount as given."
    elif commitment is not None:
        promise = f"You have already agreed to pay {values['due']}; do not change it and make no other promise."
    else:
        promise = "Do not agree to pay at any specific time in this reply, whatever the collector proposes."
    turn = Template(load_prompt("persona_turn.md")).safe_substitute(
        trainee_text=text, moves=moves, content=scripted, promise_rule=promise, speaker=speaker,
        language_name=language_name)
    messages: list[Message] = [{"role": "system", "content": system}]
    for t in call.transcript.turns:
        messages.append({"role": "user" if t.role == "trainee" else "assistant", "content": t.text})
    messages.append({"role": "user", "content": turn})
    reference = tuple(option.format(**values) for act in decision.acts for option in call.lines[act][lang])
    guard = GuardContext(
        language=lang, started_at=call.started_at, counterpart=persona.counterpart, decision=decision,
        history=tuple((t.role, t.text) for t in call.transcript.turns), trainee_text=text, scripted=scripted,
        reference=reference, act_names=frozenset(persona.acts()), paid_persona=persona.hidden.paid)
    return TurnPlan(messages, scripted, guard, speaker, language_name)


def clean_line(text: str, speaker: str | None = None) -> str:
    """Trim what models wrap a line in: whitespace, the speaker's name as a label, one pair of quotes."""
    line = text.strip()
    if speaker and line.lower().startswith(speaker.lower() + ":"):
        line = line[len(speaker) + 1:].strip()
    if len(line) >= 2 and line[0] + line[-1] in ('""', "«»", "“”", "''"):
        line = line[1:-1].strip()
    return line


_END = object()


class LLMVoice:
    """Speaks a persona's decisions through an OpenAI-compatible endpoint; see the module docstring.

    Async callers use ``stream()`` (token deltas, then the recorded ``Reply``) or ``reply()``; the
    CLI uses the blocking ``say()`` / ``say_streaming()``, which drive the same coroutine on a
    private event-loop thread. ``client`` and ``slots`` let a batch share one connection pool and
    bound the requests in flight; ``stream_tokens=False`` asks for whole replies (nobody watches a
    batch, and one JSON reply costs less than one chunk per token).
    """

    def __init__(self, config: LLMConfig, *, client: LLMClient | None = None,
                 slots: AbstractAsyncContextManager[Any] | None = None, stream_tokens: bool = True,
                 max_tokens: int = 200, turn_timeout_s: float = 30.0, cooloff_s: float = 15.0) -> None:
        self.config = config
        self.stream_tokens = stream_tokens
        self.max_tokens = max_tokens
        self.turn_timeout_s = turn_timeout_s  # the whole turn, retries included: a trainee is waiting
        self.cooloff_s = cooloff_s  # after the endpoint failed to answer, skip it for this long
        self._shared = client
        self._slots = slots
        self._own: LLMClient | None = None
        self._own_loop: asyncio.AbstractEventLoop | None = None
        self._owned: list[LLMClient] = []  # every client this voice made, closed by aclose()
        self._down_until = 0.0
        self._runner: _LoopThread | None = None
        self._finalizer: weakref.finalize | None = None

    @classmethod
    def from_options(cls, opts: dict[str, Any], **kwargs: Any) -> LLMVoice:
        """From CLI options ``base_url``/``model``/``api_key`` (None: ``DOJO_LLM_*``, then the config file)."""
        config = LLMConfig.load(base_url=opts.get("base_url"), model=opts.get("model"), api_key=opts.get("api_key"))
        return cls(config, **kwargs)

    # -- async API -------------------------------------------------------------------------------
    async def stream(self, call: Call, text: str) -> AsyncGenerator[str | Reply, None]:
        """Token deltas of the first attempt as they arrive, then the recorded ``Reply``, last.

        The Reply's text is what was recorded; it may differ from the deltas (a rejected line, a
        broken stream), and then a UI shows the Reply's text instead. Closing this iterator early,
        or cancelling its task, closes the HTTP request and records nothing.
        """
        decision = call.decide(text)  # raises before anything is sent when the call is over
        plan = plan_turn(call, text, decision)
        queue: asyncio.Queue[Any] = asyncio.Queue()
        task = asyncio.get_running_loop().create_task(self._speak(call, plan, queue))
        try:
            while (item := await queue.get()) is not _END:
                yield item
            line, meta = await task
            reply = call.record(text, decision, line, meta)
        finally:
            if not task.done():
                task.cancel()
                await asyncio.wait([task])
        yield reply

    async def reply(self, call: Call, text: str, on_token: Callable[[str], None] | None = None) -> Reply:
        """One turn, recorded; ``on_token`` sees the deltas and then, if it differs, the final line."""
        shown: list[str] = []
        reply: Reply | None = None
        async with contextlib.aclosing(self.stream(call, text)) as items:
            async for item in items:
                if isinstance(item, Reply):
                    reply = item
                else:
                    shown.append(item)
                    if on_token is not None:
                        on_token(item)
        assert reply is not None, "stream() always ends with the Reply"
        if on_token is not None and clean_line("".join(shown)) != reply.text:
            on_token((CORRECTION_PREFIX if "".join(shown).strip() else "") + reply.text)
        return reply

    async def aclose(self) -> None:
        await _close_all(self._owned)
        self._own = None

    # -- blocking facades for the CLI ------------------------------------------------------------
    def say(self, call: Call, text: str) -> Reply:
        return self._run(self.reply(call, text))

    def say_streaming(self, call: Call, text: str, on_token: Callable[[str], None]) -> Reply:
        return self._run(self.reply(call, text, on_token))

    def close(self) -> None:
        """Close the blocking facade's connections and thread (also done at exit, for the CLI)."""
        if self._finalizer is not None:
            self._finalizer()
            self._runner = self._finalizer = None
            self._own = None

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._runner is None:
            self._runner = _LoopThread()
            self._finalizer = weakref.finalize(self, _LoopThread.shutdown, self._runner, self._owned)
        return self._runner.run(coro)

    # -- one turn ----------------------------------------------------------------------------------
    async def _speak(self, call: Call, plan: TurnPlan, queue: asyncio.Queue[Any]) -> tuple[str, dict[str, Any]]:
        """The line to record and its meta; deltas of the first attempt go to ``queue``."""
        attempts = 0
        try:
            if time.monotonic() < self._down_until:
                return plan.scripted, {"voice": "llm", "fallback": "llm_unavailable", "attempts": 0, "notice": NOTICE}
            try:
                async with asyncio.timeout(self.turn_timeout_s):
                    client = self._client()
                    params = self._params(call)
                    attempts = 1
                    line = clean_line(await self._first(client, plan, params, queue), plan.speaker)
                    verdict = check_line(line, plan.guard)
                    self._down_until = 0.0
                    if verdict.ok:
                        return line, {"voice": "llm"}
                    attempts = 2
                    retry = clean_line(await self._again(client, plan, params, line, verdict), plan.speaker)
                    second = check_line(retry, plan.guard)
                    if second.ok:
                        return retry, {"voice": "llm", "attempts": 2, "rejected": verdict.reason}
                    return plan.scripted, {"voice": "llm", "fallback": second.reason, "attempts": 2,
                                           "rejected": verdict.reason}
            except TimeoutError:
                self._down_until = time.monotonic() + self.cooloff_s
                return plan.scripted, {"voice": "llm", "fallback": "llm_error", "attempts": attempts,
                                       "notice": f"{NOTICE} (no answer in {self.turn_timeout_s:g} s)",
                                       "error": f"the LLM took longer than {self.turn_timeout_s:g} s for one turn"}
            except LLMError as exc:
                if isinstance(exc, (LLMConnectionError, LLMTimeoutError)):
                    self._down_until = time.monotonic() + self.cooloff_s
                return plan.scripted, {"voice": "llm", "fallback": "llm_error", "attempts": attempts,
                                       "notice": NOTICE, "error": str(exc)}
        finally:
            queue.put_nowait(_END)

    async def _first(self, client: LLMClient, plan: TurnPlan, params: dict[str, Any], queue: asyncio.Queue[Any]) -> str:
        async with self._slot():
            if not self.stream_tokens:
                return (await client.complete(plan.messages, **params)).text
            parts: list[str] = []
            async with client.stream_chat(plan.messages, **params) as deltas:
                async for delta in deltas:
                    parts.append(delta)
                    queue.put_nowait(delta)
            return "".join(parts)

    async def _again(self, client: LLMClient, plan: TurnPlan, params: dict[str, Any], line: str,
                     verdict: Verdict) -> str:
        """The one regeneration, not streamed: its text replaces what was shown, in one piece."""
        problem = PROBLEMS.get(verdict.reason or "", verdict.reason or "it broke the rules")
        note = Template(load_prompt("persona_retry.md")).safe_substitute(
            problem=problem, speaker=plan.speaker, language_name=plan.language_name)
        messages = list(plan.messages)
        if line:
            messages.append({"role": "assistant", "content": line})
        messages.append({"role": "user", "content": note})
        async with self._slot():
            return (await client.complete(messages, **params)).text

    def _params(self, call: Call) -> dict[str, Any]:
        params: dict[str, Any] = {"seed": (call.seed * 100 + len(call.transcript.turns)) % 2**31}
        if self.config.max_tokens is None:
            params["max_tokens"] = self.max_tokens
        return params

    def _slot(self) -> AbstractAsyncContextManager[Any]:
        return self._slots if self._slots is not None else contextlib.nullcontext()

    def _client(self) -> LLMClient:
        """The shared client, or one of our own for the running loop (a client belongs to one loop)."""
        if self._shared is not None:
            return self._shared
        loop = asyncio.get_running_loop()
        if self._own is None or self._own_loop is not loop:
            self._own, self._own_loop = LLMClient(self.config), loop
            self._owned.append(self._own)
        return self._own


async def _close_all(clients: list[LLMClient]) -> None:
    while clients:
        await clients.pop().aclose()


class _LoopThread:
    """An event loop on a daemon thread, so blocking callers reuse one client and its connections.

    Interrupting the caller (Ctrl-C) cancels the coroutine, which closes its request and records
    nothing.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="dojo-llm-voice", daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result()
        except BaseException:
            if not future.done():
                future.cancel()
                concurrent.futures.wait([future], timeout=10)
            raise

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()

    @staticmethod
    def shutdown(runner: _LoopThread, clients: list[LLMClient]) -> None:
        """Close the clients on their loop, then the loop (a finalizer: it must not hold the voice)."""
        if runner.thread.is_alive():
            runner.run(_close_all(clients))
            runner.stop()
