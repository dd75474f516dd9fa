"""The LLM client against the real fake server over HTTP: protocol, faults, retries, fallbacks.

Backoff sleeps are recorded instead of slept (``sleeps`` fixture), so retry tests assert the
delays the client chose and count requests at the server, never wall-clock time.
"""

from __future__ import annotations

import asyncio
import email.utils
import gc
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from llm_support import server, sleeps, wait_until  # noqa: F401 (fixtures)

from simulator.errors import DojoInputError
from simulator.llm import (
    LLMAuthError,
    LLMBadRequestError,
    LLMClient,
    LLMConfig,
    LLMConnectionError,
    LLMModelNotFoundError,
    LLMNotFoundError,
    LLMRateLimitError,
    LLMResponseError,
    LLMStreamError,
    LLMTimeoutError,
    LLMUnavailableError,
    SyncLLMClient,
)
from simulator.llm.client import Completion, _retry_after
from simulator.llm.fake_server import ADVERSARIAL_TEXT, Fault, FakeServer, running_fake_server

USER = [{"role": "user", "content": "one two three four"}]
ECHO = "echo: one two three four"
LONG = [{"role": "user", "content": "many words " * 50}]  # at 50 ms a token, still streaming 5 s later
SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}, "word": {"type": "string"}}, "required": ["ok"]}




def config(server: FakeServer, **changes: Any) -> LLMConfig:
    return LLMConfig(server.base_url, model="fake-model", **changes)


def run(coro_fn: Callable[[LLMClient], Any], cfg: LLMConfig) -> Any:
    """Run ``coro_fn(client)`` on a fresh client and event loop."""

    async def main() -> Any:
        async with LLMClient(cfg) as client:
            return await coro_fn(client)

    return asyncio.run(main())


async def collect(client: LLMClient, messages: list[dict[str, Any]] = USER, **params: Any) -> list[str]:
    return [delta async for delta in client.stream_chat(messages, **params)]


# -- configuration -------------------------------------------------------------------------------


def test_config_from_env_with_explicit_override_and_defaults(tmp_path: Path) -> None:
    env = {"DOJO_LLM_BASE_URL": "http://127.0.0.1:8000/v1/", "DOJO_LLM_MODEL": "env-model", "HOME": str(tmp_path)}
    cfg = LLMConfig.load(environ=env, model="cli-model")
    assert cfg.base_url == "http://127.0.0.1:8000/v1"
    assert cfg.model == "cli-model"
    assert cfg.api_key == "sk-no-key"
    assert cfg.source == "DOJO_LLM_BASE_URL"
    timeout = cfg.timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5, 60, 10, 5)
    assert "sk-no-key" not in repr(cfg)


def test_config_file_is_overridden_by_env(tmp_path: Path) -> None:
    path = tmp_path / "llm.toml"
    path.write_text('base_url = "http://file:1/v1"\nmodel = "file-model"\nread_timeout = 90\nmax_retries = 1\n')
    cfg = LLMConfig.load(environ={"DOJO_LLM_CONFIG": str(path), "DOJO_LLM_MODEL": "env-model"})
    assert (cfg.base_url, cfg.model, cfg.read_timeout, cfg.max_retries) == ("http://file:1/v1", "env-model", 90, 1)
    assert cfg.source == str(path)


def test_config_default_file_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".config" / "dojo").mkdir(parents=True)
    (tmp_path / ".config" / "dojo" / "llm.toml").write_text('base_url = "http://home:2/v1"\n')
    monkeypatch.setenv("HOME", str(tmp_path))
    assert LLMConfig.load(environ={}).base_url == "http://home:2/v1"


@pytest.mark.parametrize(
    ("env", "toml", "message"),
    [
        ({}, None, "DOJO_LLM_BASE_URL"),
        ({"DOJO_LLM_BASE_URL": "127.0.0.1:8000"}, None, "must start with http"),
        ({}, 'base_url = "http://x/v1"\ncolour = "red"\n', "unknown setting 'colour'"),
        ({}, 'base_url = "http://x/v1"\nread_timeout = "slow"\n', "wrong type"),
        ({}, 'base_url = "http://x/v1"\nread_timeout = -1\n', "positive"),
        ({}, "base_url = [", "not valid TOML"),
    ],
)
def test_config_errors_are_one_line_dojo_input_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], toml: str | None, message: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # no default file
    if toml is not None:
        (tmp_path / "llm.toml").write_text(toml)
        env = {**env, "DOJO_LLM_CONFIG": str(tmp_path / "llm.toml")}
    with pytest.raises(DojoInputError, match=message) as caught:
        LLMConfig.load(environ=env)
    assert "\n" not in str(caught.value)


def test_config_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(DojoInputError, match="does not exist"):
        LLMConfig.load(environ={"DOJO_LLM_BASE_URL": "http://x/v1"}, config_path=tmp_path / "missing.toml")


# -- the happy paths -----------------------------------------------------------------------------


def test_complete_returns_text_usage_and_sends_openai_request(server: FakeServer) -> None:
    reply = run(lambda c: c.complete(USER, seed=7), config(server, temperature=0.3, max_tokens=50))
    assert isinstance(reply, Completion)
    assert (reply.text, reply.model, reply.finish_reason) == (ECHO, "fake-model", "stop")
    assert reply.usage is not None and reply.usage.completion_tokens == 5
    assert reply.latency_s > 0
    [request] = server.chat_requests
    assert request.headers["authorization"] == "Bearer sk-no-key"
    assert request.body == {"model": "fake-model", "messages": USER, "temperature": 0.3, "max_tokens": 50, "seed": 7}


def test_stream_yields_deltas_and_usage(server: FakeServer) -> None:
    async def go(client: LLMClient) -> Any:
        stream = client.stream_chat(USER)
        deltas = [delta async for delta in stream]
        return deltas, stream

    deltas, stream = run(go, config(server))
    assert "".join(deltas) == ECHO  # the tokens of one read come as one delta; ``tokens`` counts them all
    assert stream.usage is not None and stream.usage.completion_tokens == 5
    assert (stream.model, stream.finish_reason, stream.tokens) == ("fake-model", "stop", 5)
    assert stream.ttft_s is not None and stream.latency_s is not None
    [request] = server.chat_requests
    assert request.body is not None
    assert request.body["stream"] is True and request.body["stream_options"] == {"include_usage": True}


def test_max_tokens_truncates_with_finish_reason_length(server: FakeServer) -> None:
    reply = run(lambda c: c.complete(USER, max_tokens=2), config(server))
    assert (reply.text, reply.finish_reason) == ("echo: one", "length")


def test_streams_with_token_latency_arrive_token_by_token() -> None:
    with running_fake_server(token_latency=0.05) as fake:
        deltas = run(collect, config(fake))
    assert "".join(deltas) == ECHO
    assert len(deltas) > 1  # tokens sent apart are shown apart, not held back for the whole reply


def test_model_is_looked_up_once_when_not_configured(server: FakeServer) -> None:
    async def go(client: LLMClient) -> list[str]:
        return [(await client.complete(USER)).model for _ in range(3)]

    assert run(go, LLMConfig(server.base_url)) == ["fake-model"] * 3
    assert [r.path for r in server.requests].count("/v1/models") == 1


def test_keep_alive_reuses_one_connection(server: FakeServer) -> None:
    async def go(client: LLMClient) -> None:
        for _ in range(10):
            await client.complete(USER)
            await collect(client)

    run(go, config(server))
    assert server.connections_made == 1
    assert len(server.chat_requests) == 20


def test_stale_pooled_connection_is_replaced(server: FakeServer) -> None:
    async def go(client: LLMClient) -> str:
        await client.complete(USER)
        server.close_connections()
        await asyncio.to_thread(wait_until, lambda: server.open_connections == 0, "server to drop connections")
        return (await client.complete(USER)).text

    assert run(go, config(server, max_retries=0)) == ECHO
    assert server.connections_made == 2


def test_high_concurrency_streams_all_complete() -> None:
    with running_fake_server(latency=0.02, record=False) as fake:

        async def go(client: LLMClient) -> list[str]:
            return await asyncio.gather(*(_joined(client) for _ in range(128)))

        assert run(go, config(fake)) == [ECHO] * 128
        assert fake.request_count == 128 and fake.connections_made <= 128


async def _joined(client: LLMClient) -> str:
    return "".join(await collect(client))


def test_sync_facade_drives_the_same_client(server: FakeServer) -> None:
    with SyncLLMClient(config(server)) as sync:
        assert sync.list_models() == ["fake-model"]
        assert sync.complete(USER).text == ECHO
        with sync.stream_chat(USER) as stream:
            assert stream.text() == ECHO
        assert stream.stream.usage is not None
        server.token_latency = 0.05
        with sync.stream_chat(LONG) as early:
            next(early)
    wait_until(lambda: server.disconnects == 1, "the abandoned stream to disconnect")


def test_a_server_that_ignores_stream_true_still_works() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        reply = {"model": "m", "choices": [{"index": 0, "message": {"content": "whole"}, "finish_reason": "stop"}]}
        return httpx.Response(200, json=reply)

    async def go() -> list[str]:
        async with LLMClient(LLMConfig("http://mock/v1", model="m"), transport=httpx.MockTransport(handler)) as client:
            return await collect(client)

    assert asyncio.run(go()) == ["whole"]


def test_sse_parser_handles_crlf_split_across_reads() -> None:
    events = b'data: {"choices":[{"delta":{"content":"a"}}]}\r\n\r\ndata:{"choices":[{"delta":{"content":"b"}}]}\r\n\r\ndata: [DONE]\r\n\r\n'

    async def body() -> Any:
        for i in range(0, len(events), 7):  # boundaries fall inside CRLF pairs too
            yield events[i : i + 7]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body())

    async def go() -> list[str]:
        async with LLMClient(LLMConfig("http://mock/v1", model="m"), transport=httpx.MockTransport(handler)) as client:
            return await collect(client)

    assert asyncio.run(go()) == ["a", "b"]


# -- stream quirks -------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["no_done", "usage_empty_choices", "usage_null_choices"])
def test_stream_quirks_still_give_the_whole_reply(server: FakeServer, fault: str) -> None:
    server.inject(fault)

    async def go(client: LLMClient) -> Any:
        stream = client.stream_chat(USER)
        return await stream.text(), stream.usage

    text, usage = run(go, config(server))
    assert text == ECHO
    assert usage is not None and usage.completion_tokens == 5
    assert server.chat_requests[0].fault == fault


def test_adversarial_sse_lines_pass_content_through_verbatim(server: FakeServer) -> None:
    server.inject(Fault("adversarial", after_tokens=2))
    text = "".join(run(collect, config(server)))
    assert text == "echo: one" + ADVERSARIAL_TEXT + " two three four"
    assert "not for choice 0" not in text


def test_marker_in_user_message_selects_a_fault(server: FakeServer) -> None:
    with pytest.raises(LLMStreamError, match="CUDA out of memory"):
        run(lambda c: collect(c, [{"role": "user", "content": "hi [[fault:midstream_error]]"}]), config(server))
    assert server.chat_requests[0].fault == "midstream_error"


@pytest.mark.parametrize(
    ("fault", "message"),
    [("malformed", "malformed stream chunk"), ("midstream_error", "reported an error mid-stream: CUDA out of memory")],
)
def test_bad_chunks_raise_stream_errors_without_retry(server: FakeServer, sleeps: list[float], fault: str, message: str) -> None:
    server.inject(fault)
    with pytest.raises(LLMStreamError, match=message) as caught:
        run(collect, config(server))
    assert "\n" not in str(caught.value)
    assert len(server.chat_requests) == 1 and sleeps == []


def test_non_streamed_malformed_json_is_a_response_error(server: FakeServer) -> None:
    server.inject("malformed")
    with pytest.raises(LLMResponseError, match="did not return a JSON object"):
        run(lambda c: c.complete(USER), config(server))
    assert len(server.chat_requests) == 1


# -- retries -------------------------------------------------------------------------------------


def test_429_honours_retry_after_seconds(server: FakeServer, sleeps: list[float]) -> None:
    server.inject(Fault("rate_limit", retry_after="7"))
    assert run(lambda c: c.complete(USER), config(server)).text == ECHO
    assert sleeps == [7.0]
    assert [r.status for r in server.chat_requests] == [429, 200]


def test_retry_after_http_date_and_cap(server: FakeServer, sleeps: list[float]) -> None:
    soon = email.utils.format_datetime(datetime.now(timezone.utc) + timedelta(seconds=3), usegmt=True)
    server.inject(Fault("rate_limit", retry_after=soon), Fault("loading", retry_after="3600"))
    assert "".join(run(collect, config(server, retry_after_cap=20))) == ECHO
    assert 0 < sleeps[0] <= 3 and sleeps[1] == 20
    assert len(server.chat_requests) == 3


def test_retry_after_parsing() -> None:
    def parse(value: str) -> float | None:
        return _retry_after(httpx.Response(429, headers={"retry-after": value}))

    assert parse("1.5") == 1.5
    assert parse("garbage") is None
    assert parse("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past


@pytest.mark.parametrize("fault", ["server_error", "loading", "rate_limit"])
def test_retryable_statuses_are_retried_with_backoff(server: FakeServer, sleeps: list[float], fault: str) -> None:
    server.inject(Fault(fault, retry_after=""), Fault(fault, retry_after=""))
    assert "".join(run(collect, config(server, backoff_base=0.4, backoff_max=10))) == ECHO
    assert len(server.chat_requests) == 3
    assert 0.2 <= sleeps[0] <= 0.4 and 0.4 <= sleeps[1] <= 0.8  # exponential, with jitter


def test_retries_give_up_with_a_one_line_error(server: FakeServer, sleeps: list[float]) -> None:
    server.inject(*["loading"] * 4)
    with pytest.raises(LLMUnavailableError) as caught:
        run(lambda c: c.complete(USER), config(server, max_retries=3))
    message = str(caught.value)
    assert "HTTP 503: Loading model" in message and "after 4 attempts" in message and "loading the model" in message
    assert len(server.chat_requests) == 4 and len(sleeps) == 3


def test_rate_limit_exhausted(server: FakeServer, sleeps: list[float]) -> None:
    server.inject(*[Fault("rate_limit", retry_after="0")] * 2)
    with pytest.raises(LLMRateLimitError, match="lower the concurrency"):
        run(lambda c: c.complete(USER), config(server, max_retries=1))
    assert len(server.chat_requests) == 2


@pytest.mark.parametrize("stream", [False, True])
def test_no_retry_on_400(server: FakeServer, sleeps: list[float], stream: bool) -> None:
    server.inject("bad_request")
    with pytest.raises(LLMBadRequestError, match="context"):
        run(collect if stream else (lambda c: c.complete(USER)), config(server))
    assert len(server.chat_requests) == 1 and sleeps == []


@pytest.mark.parametrize("stream", [False, True])
def test_unknown_model_is_a_404_without_retry(server: FakeServer, sleeps: list[float], stream: bool) -> None:
    with pytest.raises(LLMModelNotFoundError) as caught:
        run(lambda c: collect(c, model="nope") if stream else c.complete(USER, model="nope"), config(server))
    assert str(caught.value).startswith(f"model 'nope' not found at {server.base_url}")
    assert "DOJO_LLM_MODEL" in str(caught.value)
    assert len(server.chat_requests) == 1 and sleeps == []


def test_base_url_without_v1_is_explained(server: FakeServer) -> None:
    with pytest.raises(LLMNotFoundError, match="usually ends in /v1") as caught:
        run(lambda c: c.complete(USER), LLMConfig(server.base_url.removesuffix("/v1"), model="fake-model"))
    assert not isinstance(caught.value, LLMModelNotFoundError)


def test_wrong_api_key_is_a_401_without_retry(sleeps: list[float]) -> None:
    with running_fake_server(api_key="secret") as fake:
        with pytest.raises(LLMAuthError, match="DOJO_LLM_API_KEY"):
            run(lambda c: c.complete(USER), config(fake))
        assert len(fake.chat_requests) == 1 and sleeps == []
        assert run(lambda c: c.complete(USER), config(fake, api_key="secret")).text == ECHO


def test_dead_port_says_what_to_do(sleeps: list[float]) -> None:
    with pytest.raises(LLMConnectionError) as caught:
        run(lambda c: c.complete(USER), LLMConfig("http://127.0.0.1:9/v1", model="m", max_retries=2))
    message = str(caught.value)
    assert message.startswith("cannot reach http://127.0.0.1:9/v1: connection refused")
    assert message.endswith("is the server running? (DOJO_LLM_BASE_URL)")
    assert len(sleeps) == 2


def test_hang_times_out_retries_and_disconnects(server: FakeServer, sleeps: list[float]) -> None:
    server.inject("hang", "hang")
    with pytest.raises(LLMTimeoutError, match="read timeout"):
        run(lambda c: c.complete(USER), config(server, read_timeout=0.2, max_retries=1))
    assert len(server.chat_requests) == 2
    wait_until(lambda: server.disconnects == 2, "both timed-out requests to disconnect")


def test_stall_before_first_token_is_retried(server: FakeServer, sleeps: list[float]) -> None:
    server.inject(Fault("stall", after_tokens=0))
    assert "".join(run(collect, config(server, read_timeout=0.2))) == ECHO
    assert len(server.chat_requests) == 2


@pytest.mark.parametrize("fault", ["stall", "cut"])
def test_no_retry_once_tokens_were_delivered(server: FakeServer, sleeps: list[float], fault: str) -> None:
    server.inject(Fault(fault, after_tokens=2))
    received: list[str] = []

    async def go(client: LLMClient) -> None:
        async for delta in client.stream_chat(USER):
            received.append(delta)

    with pytest.raises(LLMStreamError, match="broke after 2 tokens") as caught:
        run(go, config(server, read_timeout=0.2))
    assert "".join(received) == "echo: one"
    assert "retry the turn" in str(caught.value)
    assert len(server.chat_requests) == 1 and sleeps == []


def test_cut_before_first_token_is_retried(server: FakeServer, sleeps: list[float]) -> None:
    server.inject(Fault("cut", after_tokens=0))
    assert "".join(run(collect, config(server))) == ECHO
    server.inject("cut")  # a non-streamed reply cut in half
    assert run(lambda c: c.complete(USER), config(server)).text == ECHO
    assert len(server.chat_requests) == 4


# -- cancellation --------------------------------------------------------------------------------


def test_closing_a_stream_early_disconnects(server: FakeServer) -> None:
    server.token_latency = 0.05

    async def go(client: LLMClient) -> str:
        async with client.stream_chat(LONG) as stream:
            async for delta in stream:
                return delta
        raise AssertionError("no delta")

    assert run(go, config(server)) == "echo:"
    wait_until(lambda: server.disconnects == 1, "the server to see the client leave")


def test_abandoned_stream_is_closed_by_the_garbage_collector(server: FakeServer) -> None:
    server.token_latency = 0.05

    async def go(client: LLMClient) -> None:
        stream = client.stream_chat(LONG)
        async for _ in stream:
            break
        del stream
        gc.collect()
        await asyncio.to_thread(wait_until, lambda: server.disconnects == 1, "the abandoned stream to close")

    run(go, config(server))


def test_cancelling_the_task_disconnects(server: FakeServer) -> None:
    server.inject("hang")

    async def go(client: LLMClient) -> None:
        task = asyncio.create_task(client.complete(USER))
        await asyncio.to_thread(wait_until, lambda: len(server.chat_requests) == 1, "the request to arrive")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.to_thread(wait_until, lambda: server.disconnects == 1, "the server to see the cancel")
        assert (await client.complete(USER)).text == ECHO  # the pool is still healthy

    run(go, config(server))


# -- fallbacks remembered per client ------------------------------------------------------------


def test_json_schema_mode_when_supported(server: FakeServer) -> None:
    reply = run(lambda c: c.complete(USER, json_schema=SCHEMA), config(server))
    assert reply.json_mode == "json_schema"
    assert reply.json() == {"ok": False, "word": "fake"}
    body = server.chat_requests[0].body
    assert body is not None and body["response_format"]["json_schema"]["schema"] == SCHEMA


@pytest.mark.parametrize(
    ("accepted", "modes"),
    [(("json_object",), ["json_schema", "json_object", "json_object"]), ((), ["json_schema", "json_object", None, None])],
)
def test_json_fallback_is_remembered(accepted: tuple[str, ...], modes: list[str | None]) -> None:
    with running_fake_server(response_formats=accepted) as fake:

        async def go(client: LLMClient) -> list[Completion]:
            return [await client.complete(USER, json_schema=SCHEMA) for _ in range(2)]

        replies = run(go, config(fake))
        sent = [(r.body or {}).get("response_format", {}).get("type") for r in fake.chat_requests]
        assert sent == modes
        assert replies[0].json_mode == replies[1].json_mode == ("json_object" if accepted else "prompt")
        assert isinstance(replies[1].json(), dict)
        if not accepted:
            last = (fake.chat_requests[-1].body or {})["messages"][-1]
            assert last["role"] == "system" and json.dumps(SCHEMA) in last["content"]


def test_per_request_response_format_rejection_moves_down(server: FakeServer) -> None:
    server.inject("reject_response_format")
    assert run(lambda c: c.complete(USER, json_schema=SCHEMA), config(server)).json_mode == "json_object"


def test_unrelated_400_does_not_switch_json_mode(server: FakeServer) -> None:
    server.inject("bad_request")

    async def go(client: LLMClient) -> str:
        with pytest.raises(LLMBadRequestError):
            await client.complete(USER, json_schema=SCHEMA)
        return client.json_mode

    assert run(go, config(server)) == "json_schema"
    assert len(server.chat_requests) == 1


def test_stream_options_refusal_is_retried_once_and_remembered() -> None:
    with running_fake_server(reject_stream_options=True) as fake:

        async def go(client: LLMClient) -> Any:
            first = client.stream_chat(USER)
            text = await first.text()
            second = await _joined(client)
            return text, second, first.usage, client.stream_usage

        text, second, usage, stream_usage = run(go, config(fake))
        assert text == second == ECHO
        assert usage is None and stream_usage is False
        assert ["stream_options" in (r.body or {}) for r in fake.chat_requests] == [True, False, False]


def test_per_request_stream_options_rejection(server: FakeServer) -> None:
    server.inject("reject_stream_options")
    assert "".join(run(collect, config(server))) == ECHO
    assert [r.status for r in server.chat_requests] == [400, 200]


# -- small pieces --------------------------------------------------------------------------------


def test_completion_json_tolerates_a_code_fence_and_reports_bad_json() -> None:
    assert Completion('```json\n{"a": 1}\n```', None, "m", 0.1).json() == {"a": 1}
    with pytest.raises(LLMResponseError, match="invalid JSON"):
        Completion("not json", None, "m", 0.1).json()


def test_fake_server_runs_as_a_demo_command() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "simulator.llm.fake_server", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = next(word for word in line.split() if word.startswith("http://"))
        assert httpx.get(f"{url}/models").json()["data"][0]["id"] == "fake-model"
    finally:
        process.terminate()
        process.wait(timeout=10)
