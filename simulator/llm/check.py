"""``dojo llm check``: one screen that says whether the configured LLM endpoint works, and how to fix it.

Each probe uses the real ``LLMClient`` (so it exercises the same fallbacks the app will use) and
prints one ✓/✗ line with a one-line fix. Exit 0 when everything passes, 1 when something fails,
2 when the configuration itself is unusable. It imports neither gradio nor the web app.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape

from simulator.errors import DojoInputError
from simulator.llm.client import LLMClient, LLMConnectionError, LLMError, LLMTimeoutError
from simulator.llm.config import ENV_MODEL, LLMConfig

PROBE_MESSAGES = [{"role": "user", "content": "Reply with the single word OK."}]
PROBE_SCHEMA = {
    "type": "object",
    "properties": {"ok": {"type": "boolean"}, "word": {"type": "string"}},
    "required": ["ok", "word"],
    "additionalProperties": False,
}
SLOW_S = 5.0  # a practice turn slower than this feels broken to a trainee


@dataclass(frozen=True)
class CheckResult:
    """One line of the report; ``ok`` is None for a check that was skipped."""

    name: str
    ok: bool | None
    detail: str
    hint: str = ""


def run(argv: list[str] | None = None) -> int:
    """Entry point for ``dojo llm check [--base-url U] [--model M] [--api-key K] [--config F]``."""
    parser = argparse.ArgumentParser(prog="dojo llm check", description="Check that the LLM endpoint works.")
    parser.add_argument("--base-url", help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
    parser.add_argument("--model", help="model name as the server knows it")
    parser.add_argument("--api-key", help="API key (local servers accept anything)")
    parser.add_argument("--config", help="TOML file with LLM settings (default ~/.config/dojo/llm.toml)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already printed
        return int(exc.code or 0)
    console = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    try:
        config = LLMConfig.load(base_url=args.base_url, model=args.model, api_key=args.api_key, config_path=args.config)
    except DojoInputError as exc:
        console.print(f"[red]✗ configuration[/red]  {escape(str(exc))}")
        return 2
    source = f" (from {config.source})" if config.source else ""
    console.print(f"[bold]LLM endpoint[/bold] {escape(config.base_url)}{escape(source)}, model "
                  f"{escape(config.model or '(first served)')}")
    results = asyncio.run(check(config))
    for result in results:
        console.print(_line(result))
    failed = sum(1 for r in results if r.ok is False)
    if failed:
        console.print(f"[red]{failed} of {len(results)} checks failed.[/red]")
        return 1
    console.print(f"[green]All {len(results)} checks passed.[/green]")
    return 0


async def check(config: LLMConfig) -> list[CheckResult]:
    """Run every probe against ``config``; later probes are skipped when the server is unreachable."""
    probe = config.replace(max_retries=min(config.max_retries, 1))  # answer fast, but ride out one blip
    async with LLMClient(probe) as client:
        reachable, served = await _reachable(client)
        results = [reachable]
        if reachable.ok is False and not served:
            skipped = ["model", "completion", "streaming", "JSON mode", "latency"]
            return results + [CheckResult(name, None, "skipped: server not reachable") for name in skipped]
        results.append(_model(config, served))
        completion = await _guard("completion", _completion, client)
        results.append(completion)
        for name, probe_fn in (("streaming", _streaming), ("JSON mode", _json_mode), ("latency", _latency)):
            if completion.ok is False:  # the same error would repeat on every line
                results.append(CheckResult(name, None, "skipped: a plain completion does not work yet"))
            else:
                results.append(await _guard(name, probe_fn, client))
    return results


async def _reachable(client: LLMClient) -> tuple[CheckResult, list[str] | None]:
    started = time.perf_counter()
    try:
        models = await client.list_models()
    except (LLMConnectionError, LLMTimeoutError) as exc:
        return CheckResult("reachable", False, str(exc)), None
    except LLMError as exc:  # the server answered, just not /models: chat may still work
        return CheckResult("reachable", False, str(exc), "the server answered but has no GET /models"), []
    listed = ", ".join(models[:8]) + (f" and {len(models) - 8} more" if len(models) > 8 else "")
    return CheckResult("reachable", True, f"GET /models answered in {_ms(started)}: {listed or 'no models'}"), models


def _model(config: LLMConfig, served: list[str] | None) -> CheckResult:
    if not served:
        if config.model:
            return CheckResult("model", None, f"'{config.model}' (the server lists no models to compare with)")
        return CheckResult("model", False, "no model configured and the server lists none", f"set {ENV_MODEL}")
    if config.model is None:
        return CheckResult("model", True, f"none configured; using '{served[0]}'", f"set {ENV_MODEL} to choose")
    if config.model in served:
        return CheckResult("model", True, f"'{config.model}' is served")
    return CheckResult(
        "model", False, f"'{config.model}' is not among the served models", f"set {ENV_MODEL} to one of: {', '.join(served[:8])}"
    )


async def _guard(name: str, probe: Callable[[LLMClient], Awaitable[CheckResult]], client: LLMClient) -> CheckResult:
    """Turn a client error into a failed line; anything else is a bug and should propagate."""
    try:
        return await probe(client)
    except LLMError as exc:
        return CheckResult(name, False, str(exc))


async def _completion(client: LLMClient) -> CheckResult:
    reply = await client.complete(PROBE_MESSAGES, max_tokens=16)
    usage = f", {reply.usage.prompt_tokens}+{reply.usage.completion_tokens} tokens" if reply.usage else ", no usage reported"
    if not reply.text.strip():
        return CheckResult("completion", False, f"empty reply from '{reply.model}'", "check the model's chat template")
    return CheckResult("completion", True, f"reply in {reply.latency_s * 1000:.0f} ms{usage}: {reply.text.strip()[:40]!r}")


async def _streaming(client: LLMClient) -> CheckResult:
    stream = client.stream_chat(PROBE_MESSAGES, max_tokens=32)
    async with stream:
        text = await stream.text()
    if not text.strip() or stream.ttft_s is None or stream.latency_s is None:
        return CheckResult("streaming", False, "the stream ended without any text", "check the server log")
    generating = stream.latency_s - stream.ttft_s
    rate = f", {stream.tokens / generating:.0f} chunks/s" if generating > 0 and stream.tokens > 1 else ""
    usage = "usage reported" if stream.usage else (
        "no usage (server refused stream_options)" if not client.stream_usage else "no usage reported"
    )
    return CheckResult("streaming", True, f"first token after {stream.ttft_s * 1000:.0f} ms{rate}, {stream.tokens} chunks, {usage}")


async def _json_mode(client: LLMClient) -> CheckResult:
    reply = await client.complete(
        [{"role": "user", "content": 'Answer in JSON: {"ok": true, "word": "OK"}.'}], json_schema=PROBE_SCHEMA, max_tokens=64
    )
    how = {
        "json_schema": "response_format json_schema works",
        "json_object": "json_schema refused; response_format json_object works (schema by prompt only)",
        "prompt": "response_format refused; JSON is asked for in the prompt only",
    }[client.json_mode]
    try:
        value = reply.json()
    except LLMError:
        return CheckResult("JSON mode", False, f"{how}, but the reply is not JSON: {reply.text[:40]!r}",
                           "use a model or server that supports response_format (vLLM, llama.cpp, Ollama)")
    if not isinstance(value, dict):
        return CheckResult("JSON mode", False, f"{how}, but the reply is not a JSON object", "use a stronger model")
    return CheckResult("JSON mode", True, how)


async def _latency(client: LLMClient) -> CheckResult:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        await client.complete(PROBE_MESSAGES, max_tokens=1)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    detail = f"median {median * 1000:.0f} ms, best {min(times) * 1000:.0f} ms over 3 one-token completions"
    hint = "slow for live practice; use a smaller model or a GPU server" if median > SLOW_S else ""
    return CheckResult("latency", True, detail, hint)


def _line(result: CheckResult) -> str:
    mark = {True: "[green]✓[/green]", False: "[red]✗[/red]", None: "[dim]–[/dim]"}[result.ok]
    hint = f"  [yellow]→ {escape(result.hint)}[/yellow]" if result.hint else ""
    return f"{mark} {result.name:<11} {escape(result.detail)}{hint}"


def _ms(started: float) -> str:
    return f"{(time.perf_counter() - started) * 1000:.0f} ms"
