"""The batch runner: many calls between trainee agents and personas, resumable and reproducible.

One code path for every combination: a trainee (scripted or an LLM agent) and a voice (scripted
or LLM) both sit behind small async interfaces, and every call goes through ``run_call``.
``concurrency`` bounds the LLM requests in flight (what an endpoint's slots allow); up to four
times as many calls are open at once, so a call busy between two requests never leaves a slot
idle, and results still come out steadily. ``workers`` shares the calls out to processes when the
runner's own CPU work (prompts, guard, scoring) is the bottleneck. Each finished call is appended to ``results.jsonl``
at once, so an interrupted batch resumes where it stopped; seeds are derived from the batch seed,
so the same seed gives the same calls.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import multiprocessing
import queue
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from simulator.batch.agents import LLMTrainee, ScriptedTrainee, Trainee
from simulator.call import Call, Reply
from simulator.errors import DojoInputError
from simulator.llm.client import LLMClient, LLMError
from simulator.llm.config import LLMConfig
from simulator.llm.guard import read_turns
from simulator.persona import LoadedPersona, load_persona
from simulator.rubric import load_rubric, score_transcript
from simulator.understanding import understand

RESULTS = "results.jsonl"
MANIFEST = "batch.json"
DEFAULT_STARTED_AT = datetime(2026, 11, 23, 10, 0)  # a Monday morning: every time slot of the day is ahead
TRAINEES = ("scripted-good", "scripted-poor", "llm")
VOICES = ("scripted", "llm")


@dataclass(frozen=True)
class CallSpec:
    """One call of the batch; ``key`` identifies its result across restarts."""

    persona: str
    language: str
    difficulty: str
    run: int
    seed: int

    @property
    def key(self) -> str:
        return f"{self.persona}/{self.language}/{self.difficulty}/{self.run}/{self.seed}"


def call_seed(batch_seed: int, persona: str, language: str, difficulty: str, run: int) -> int:
    """A stable per-call seed (not ``hash()``, which changes between processes)."""
    digest = hashlib.sha256(f"{batch_seed}:{persona}:{language}:{difficulty}:{run}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 2**31


def plan_calls(personas: list[LoadedPersona], languages: list[str] | None, difficulties: list[str] | None,
               runs: int, batch_seed: int) -> list[CallSpec]:
    """Every (persona, language, difficulty, run); None means each persona's own languages / difficulty."""
    specs = []
    for p in personas:
        for lang in (languages or p.persona.languages):
            if lang not in p.persona.languages:
                continue
            for diff in (difficulties or [p.persona.difficulty]):
                for run in range(runs):
                    specs.append(CallSpec(p.id, lang, diff, run, call_seed(batch_seed, p.id, lang, diff, run)))
    return specs


@dataclass(frozen=True)
class BatchConfig:
    """How the calls are made; the fields in ``manifest()`` must match to resume into a folder."""

    trainee: str = "scripted-good"
    voice: str = "scripted"
    concurrency: int = 8
    max_turns: int = 24
    started_at: datetime = DEFAULT_STARTED_AT
    rubric: str = "collection-call"
    trainee_prompt: str | None = None  # the LLM agent's system prompt (text)
    llm: LLMConfig | None = None
    stream_voice: bool = False

    def __post_init__(self) -> None:
        if self.trainee not in TRAINEES:
            raise DojoInputError(f"unknown trainee {self.trainee!r} (known: {', '.join(TRAINEES)})")
        if self.voice not in VOICES:
            raise DojoInputError(f"unknown voice {self.voice!r} (known: {', '.join(VOICES)})")
        if self.concurrency < 1 or self.max_turns < 1:
            raise DojoInputError("--concurrency and --max-turns must be at least 1")
        if self.uses_llm and self.llm is None:
            raise DojoInputError("an LLM trainee or voice needs an LLM endpoint (set DOJO_LLM_BASE_URL)")

    @property
    def uses_llm(self) -> bool:
        return self.trainee == "llm" or self.voice == "llm"

    def manifest(self) -> dict[str, Any]:
        prompt = hashlib.sha256(self.trainee_prompt.encode()).hexdigest()[:16] if self.trainee == "llm" and \
            self.trainee_prompt else None
        return {"trainee": self.trainee, "voice": self.voice, "rubric": self.rubric, "max_turns": self.max_turns,
                "started_at": self.started_at.isoformat(timespec="minutes"), "trainee_prompt_sha256": prompt,
                "model": self.llm.model if self.llm and self.uses_llm else None}


class Voice(Protocol):
    async def reply(self, call: Call, text: str) -> Reply: ...


class ScriptedVoice:
    """The persona's own phrasings (``Call.say``), behind the same interface as the LLM voice."""

    async def reply(self, call: Call, text: str) -> Reply:
        return call.say(text)


async def run_call(spec: CallSpec, config: BatchConfig, trainee: Trainee, voice: Voice) -> dict[str, Any]:
    """Play one call to its end and score it; an LLM agent that cannot answer makes an "error" record."""
    started = time.perf_counter()
    call = Call(load_persona(spec.persona), seed=spec.seed, language=spec.language, difficulty=spec.difficulty,
                started_at=config.started_at)
    status, ended, error, messages = "done", "max_turns", None, 0
    try:
        while messages < config.max_turns:
            turns = [{"role": t.role, "text": t.text} for t in call.transcript.turns]
            text = await trainee.next_message(turns, call.card())
            if text is None:
                ended = "trainee_done"
                break
            messages += 1
            try:
                reply = await voice.reply(call, text)
            except DojoInputError as exc:  # e.g. an agent message over the length limit: the agent's failure
                ended, error = "invalid_message", str(exc)
                break
            if reply.hung_up:
                ended = "hung_up"
                break
            if trainee.said_goodbye:
                ended = "goodbye"
                break
    except LLMError as exc:
        status, ended, error = "error", "llm_error", str(exc)
    call.end()
    transcript = call.transcript
    report = score_transcript(transcript, load_rubric(config.rubric), read_turns(transcript)).to_json()
    metas = [getattr(t, "meta", None) or {} for t in transcript.turns if t.role == "persona"]
    reasons = Counter(m["fallback"] for m in metas if m.get("fallback"))
    s = call.state
    return {
        "key": spec.key, "persona": spec.persona, "language": spec.language, "difficulty": spec.difficulty,
        "run": spec.run, "seed": spec.seed, "trainee": config.trainee, "voice": config.voice,
        "counterpart": call.persona.counterpart, "status": status, "ended": ended, "error": error,
        "transcript": transcript.to_json(), "report": report, "outcome": call.outcome().to_json(),
        "state": {"reason_revealed": s.reason_revealed, "callback_given": s.callback_given,
                  "disclosed": s.disclosed, "hung_up": s.hung_up},
        "turns": messages, "fallbacks": sum(reasons.values()), "fallback_reasons": dict(reasons),
        "regenerated": sum(1 for m in metas if m.get("attempts") == 2),
        "duration_s": round(time.perf_counter() - started, 4),
    }


def load_results(out_dir: Path) -> dict[str, dict[str, Any]]:
    """The records in ``results.jsonl`` by key (a later record for a key wins).

    A half-written last line — the batch was killed mid-write — is cut off, so appending resumes
    on a clean line; a broken line anywhere else means the file was edited, and is an error.
    """
    path = out_dir / RESULTS
    if not path.exists():
        return {}
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
        path.write_bytes(data)
    records: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DojoInputError(f"{path}:{number}: not a JSON record ({exc.msg}); fix or remove the line") from None
        if not isinstance(record, dict) or "key" not in record:
            raise DojoInputError(f"{path}:{number}: a record without a 'key'")
        records[record["key"]] = record
    return records


def check_manifest(out_dir: Path, config: BatchConfig) -> None:
    """Refuse to mix calls made differently in one folder (it would corrupt the summary)."""
    path = out_dir / MANIFEST
    wanted = config.manifest()
    if path.exists():
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise DojoInputError(f"{path}: unreadable batch manifest ({exc})") from None
        diff = [k for k in wanted if found.get(k) != wanted[k]]
        if diff:
            k = diff[0]
            raise DojoInputError(f"{out_dir} holds a batch with {k}={found.get(k)!r}, not {wanted[k]!r}; "
                                 "use another --out folder to run a different batch")
    else:
        path.write_text(json.dumps(wanted, indent=2) + "\n", encoding="utf-8")


@dataclass
class BatchRun:
    records: list[dict[str, Any]]   # one per spec, in plan order
    ran: int = 0
    skipped: int = 0
    wall_s: float = 0.0
    completions: int = 0            # LLM requests made by this run
    errors: list[str] = field(default_factory=list)


def run_batch(specs: list[CallSpec], config: BatchConfig, out_dir: Path,
              on_record: Callable[[dict[str, Any]], None] | None = None,
              on_plan: Callable[[int, int], None] | None = None, workers: int = 1) -> BatchRun:
    """Run the calls of ``specs`` not already finished in ``out_dir``; return every spec's record.

    ``on_plan(skipped, todo)`` is called once before the calls start, ``on_record`` after each call.
    With ``workers`` > 1 the calls are shared out to that many processes (the concurrency is split
    between them): prompts, the guard and scoring are CPU work that one process cannot overlap.
    Records are written here, by this process only, so the file stays whole.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    check_manifest(out_dir, config)
    previous = load_results(out_dir)
    todo = [s for s in specs if previous.get(s.key, {}).get("status") != "done"]
    if on_plan is not None:
        on_plan(len(specs) - len(todo), len(todo))
    for language in sorted({s.language for s in todo}):  # compile the lexicons once, before any call (and fork)
        understand("", language, "trainee")
    started = time.perf_counter()
    fresh: dict[str, dict[str, Any]] = {}
    with open(out_dir / RESULTS, "a", encoding="utf-8") as out:
        def emit(record: dict[str, Any]) -> None:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            fresh[record["key"]] = record
            if on_record is not None:
                on_record(record)

        workers = max(1, min(workers, len(todo), config.concurrency))
        if workers == 1:
            completions = asyncio.run(run_specs(todo, config, config.concurrency, emit))
        else:
            completions = _run_in_processes(todo, config, workers, emit)
    merged = {**previous, **fresh}
    records = [merged[s.key] for s in specs]
    errors = [f"{r['key']}: {r['error']}" for r in records if r.get("status") == "error"]
    return BatchRun(records, ran=len(todo), skipped=len(specs) - len(todo), wall_s=time.perf_counter() - started,
                    completions=completions, errors=errors)


async def run_specs(specs: list[CallSpec], config: BatchConfig, concurrency: int,
                    emit: Callable[[dict[str, Any]], None]) -> int:
    """Run these calls with at most ``concurrency`` LLM requests in flight; emit each record as it
    finishes; return the number of LLM requests made."""
    slots = _CountingSlots(asyncio.Semaphore(concurrency))
    window = asyncio.Semaphore(concurrency * 4)
    client = _client(config, concurrency)
    voice: Voice = ScriptedVoice()
    if config.voice == "llm":
        from simulator.llm.voice import LLMVoice
        assert config.llm is not None and client is not None
        voice = LLMVoice(config.llm, client=client, slots=slots, stream_tokens=config.stream_voice)
    try:
        async def one(spec: CallSpec) -> None:
            async with window:
                record = await run_call(spec, config, _trainee(spec, config, client, slots), voice)
            emit(record)

        async with asyncio.TaskGroup() as group:
            for spec in specs:
                group.create_task(one(spec))
    finally:
        if client is not None:
            await client.aclose()
    return slots.count


def _run_in_processes(todo: list[CallSpec], config: BatchConfig, workers: int,
                      emit: Callable[[dict[str, Any]], None]) -> int:
    """Shard the calls over worker processes; their records come back here through one queue."""
    methods = multiprocessing.get_all_start_methods()
    ctx: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    results = ctx.Queue()
    shares = [config.concurrency // workers + (i < config.concurrency % workers) for i in range(workers)]
    procs = [ctx.Process(target=_worker, args=(todo[i::workers], config, shares[i], results), daemon=True)
             for i in range(workers)]
    for proc in procs:
        proc.start()
    completions, running = 0, workers
    try:
        while running:
            try:
                kind, payload = results.get(timeout=1.0)
            except queue.Empty:
                dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    raise RuntimeError(f"a batch worker process died (exit code {dead[0]})") from None
                continue
            if kind == "record":
                emit(payload)
            elif kind == "done":
                completions += payload
                running -= 1
            else:
                raise RuntimeError(f"a batch worker failed:\n{payload}")
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join(timeout=10)
    return completions


def _worker(specs: list[CallSpec], config: BatchConfig, concurrency: int, results: Any) -> None:
    try:
        completions = asyncio.run(run_specs(specs, config, concurrency, lambda r: results.put(("record", r))))
    except BaseException:  # a bug: hand the traceback to the parent, which stops the batch
        results.put(("crash", traceback.format_exc()))
        raise
    results.put(("done", completions))


class _CountingSlots:
    """The request semaphore, counting requests (the benchmark reports completions per second)."""

    def __init__(self, slots: asyncio.Semaphore) -> None:
        self.slots, self.count = slots, 0

    async def __aenter__(self) -> None:
        await self.slots.acquire()
        self.count += 1

    async def __aexit__(self, *exc_info: object) -> None:
        self.slots.release()


def _client(config: BatchConfig, concurrency: int) -> LLMClient | None:
    if not config.uses_llm or config.llm is None:
        return None
    llm = config.llm
    if llm.max_connections < concurrency:
        llm = llm.replace(max_connections=concurrency)
    return LLMClient(llm)


def _trainee(spec: CallSpec, config: BatchConfig, client: LLMClient | None, slots: _CountingSlots) -> Trainee:
    if config.trainee != "llm":
        return ScriptedTrainee(config.trainee, spec.language)
    assert client is not None and config.trainee_prompt is not None
    return LLMTrainee(client, config.trainee_prompt, spec.language, seed=spec.seed, slots=slots)
