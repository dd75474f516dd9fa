"""The client's own HTTP transport (``simulator/llm/transport.py``) over real sockets.

``test_llm_client.py`` covers the protocol the client speaks; these tests cover what the transport
does underneath it, since it replaces httpx's connection pool: environment proxies, TLS, the
keep-alive and pool limits, servers that close connections or do not speak HTTP, and bodies that
arrive a byte at a time. Where a test needs a server the fake one cannot be, it starts a tiny
asyncio server on the client's own event loop.
"""

from __future__ import annotations

import asyncio
import gc
import json
import re
import socket
import ssl
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from llm_support import server, sleeps, wait_until  # noqa: F401 (fixtures)
import trustme
from support import require

from simulator.llm import LLMClient, LLMConfig, LLMConnectionError, LLMError, LLMTimeoutError
from simulator.llm.fake_server import FakeServer, running_fake_server
from simulator.llm.transport import H11Transport, for_url

USER = [{"role": "user", "content": "one two three four"}]
ECHO = "echo: one two three four"
PROXY = "http://proxy.example:3128"
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@pytest.fixture(autouse=True)
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Proxies set where the tests run must not decide which transport the client gets."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)




@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def https_server(ca: trustme.CA) -> Iterator[FakeServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with running_fake_server(ssl=context) as fake:
        yield fake
        assert fake.errors == []


def trusting(ca: trustme.CA) -> ssl.SSLContext:
    """A client context that trusts the test CA as well as the system's."""
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def config(server: FakeServer, **changes: Any) -> LLMConfig:
    return LLMConfig(server.base_url, model="fake-model", **changes)


def run(coro_fn: Callable[[LLMClient], Any], cfg: LLMConfig, transport: httpx.AsyncBaseTransport | None = None) -> Any:
    """Run ``coro_fn(client)`` on a fresh client (with ``transport`` if given) and event loop."""

    async def main() -> Any:
        async with LLMClient(cfg, transport=transport) as client:
            return await coro_fn(client)

    return asyncio.run(main())


async def joined(client: LLMClient) -> str:
    return "".join([delta async for delta in client.stream_chat(USER)])


@asynccontextmanager
async def tiny_server(handler: Handler) -> AsyncIterator[str]:
    """A raw TCP server on the running loop, for replies the fake server cannot send; yields a base URL.

    On exit it waits for its connections to finish (the client has closed its side by then), so no
    socket outlives the event loop.
    """
    handlers: set[asyncio.Task[None]] = set()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handlers.add(asyncio.current_task())  # type: ignore[arg-type]
        try:
            await handler(reader, writer)
        finally:
            writer.close()
            await writer.wait_closed()

    listener = await asyncio.start_server(serve, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{listener.sockets[0].getsockname()[1]}/v1"
    finally:
        listener.close()
        await listener.wait_closed()
        if handlers:
            await asyncio.wait(handlers, timeout=5)


# -- environment proxies -------------------------------------------------------------------------


# curl, requests and httpx all read a proxy given as "host:port" as http://host:port
@pytest.mark.parametrize("scheme", ["http://", ""], ids=["proxy-url", "proxy-host-port"])
def test_completion_and_stream_go_through_the_environment_proxy(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, scheme: str
) -> None:
    monkeypatch.setenv("HTTP_PROXY", scheme + server.base_url.removeprefix("http://").removesuffix("/v1"))

    async def go(client: LLMClient) -> tuple[str, str]:
        return (await client.complete(USER)).text, await joined(client)

    # llm.invalid cannot resolve, so only the proxy can have answered
    assert run(go, LLMConfig("http://llm.invalid/v1", model="fake-model", max_retries=0)) == (ECHO, ECHO)
    assert [(r.path, r.headers["host"]) for r in server.chat_requests] == [("/v1/chat/completions", "llm.invalid")] * 2


@pytest.mark.parametrize(
    ("env", "url", "expected"),
    [
        pytest.param({}, "http://llm.example/v1", H11Transport, id="no-proxy"),
        pytest.param({"HTTP_PROXY": PROXY}, "http://llm.example/v1", httpx.AsyncHTTPTransport, id="http-proxy"),
        pytest.param(
            {"HTTP_PROXY": PROXY, "NO_PROXY": "localhost,llm.example"}, "http://llm.example/v1", H11Transport,
            id="no_proxy-host",
        ),
        pytest.param(
            {"http_proxy": PROXY, "no_proxy": ".example"}, "http://llm.example/v1", H11Transport, id="no_proxy-domain"
        ),
        pytest.param(
            {"HTTP_PROXY": PROXY, "NO_PROXY": "llm.example:8000"}, "http://llm.example:8000/v1", H11Transport,
            id="no_proxy-host-and-port",
        ),
        pytest.param(
            {"HTTP_PROXY": PROXY, "NO_PROXY": "llm.example:8000"}, "http://llm.example:9000/v1",
            httpx.AsyncHTTPTransport, id="no_proxy-other-port",
        ),
        pytest.param({"HTTP_PROXY": PROXY}, "https://llm.example/v1", H11Transport, id="http-proxy-for-https"),
        pytest.param({"HTTPS_PROXY": PROXY}, "https://llm.example/v1", httpx.AsyncHTTPTransport, id="https-proxy"),
        pytest.param({"ALL_PROXY": PROXY}, "https://llm.example/v1", httpx.AsyncHTTPTransport, id="all-proxy"),
        pytest.param({"ALL_PROXY": PROXY, "NO_PROXY": "*"}, "https://llm.example/v1", H11Transport, id="no_proxy-star"),
    ],
)
def test_for_url_uses_a_proxy_only_when_one_applies_to_the_host(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], url: str, expected: type
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert type(for_url(url, httpx.Limits())) is expected


# -- HTTPS ---------------------------------------------------------------------------------------


def test_https_with_a_trusted_ca_completes_and_streams(https_server: FakeServer, ca: trustme.CA) -> None:
    assert https_server.base_url.startswith("https://127.0.0.1:")

    async def go(client: LLMClient) -> tuple[str, str]:
        return (await client.complete(USER)).text, await joined(client)

    transport = H11Transport(httpx.Limits(max_connections=4), ssl_context=trusting(ca))
    assert run(go, config(https_server, max_retries=0), transport) == (ECHO, ECHO)
    assert https_server.connections_made == 1  # kept alive over TLS too


def test_https_with_an_untrusted_certificate_is_a_one_line_connection_error(https_server: FakeServer) -> None:
    with pytest.raises(LLMConnectionError) as caught:
        run(lambda c: c.complete(USER), config(https_server, max_retries=0))  # the default trust store
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"cannot reach {https_server.base_url}: ") and "CERTIFICATE_VERIFY_FAILED" in message
    assert https_server.chat_requests == []


def test_closing_the_client_closes_its_tls_connections_before_the_loop_ends(
    https_server: FakeServer, ca: trustme.CA
) -> None:
    """``aclose()`` must finish closing its sockets: ``asyncio.run`` closes the loop right after it."""
    gc.collect()  # earlier tests' garbage must not warn in here
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        transport = H11Transport(httpx.Limits(), ssl_context=trusting(ca))
        assert run(lambda c: c.complete(USER), config(https_server), transport).text == ECHO
        gc.collect()  # a socket the loop left open warns when it is collected
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


# -- pool limits ---------------------------------------------------------------------------------


def test_idle_connections_beyond_the_keepalive_limit_are_closed_and_the_rest_reused() -> None:
    with running_fake_server(latency=0.02) as fake:

        async def go(client: LLMClient) -> None:
            in_flight = asyncio.Barrier(8)

            async def one() -> str:
                async with client.stream_chat(USER) as stream:
                    first = await anext(stream)
                    await in_flight.wait()  # all 8 responses open at once, so 8 connections
                    return first + await stream.text()

            assert await asyncio.gather(*(one() for _ in range(8))) == [ECHO] * 8
            assert fake.connections_made == 8
            await asyncio.to_thread(wait_until, lambda: fake.open_connections <= 2, "idle connections over 2 to close")
            assert (await client.complete(USER)).text == ECHO
            assert fake.connections_made == 8 and fake.open_connections <= 2

        transport = H11Transport(httpx.Limits(max_connections=8, max_keepalive_connections=2))
        run(go, config(fake), transport)
        assert fake.errors == []


def test_pool_timeout_names_the_busy_pool_and_the_pool_recovers(server: FakeServer) -> None:
    server.inject("hang")

    async def go(client: LLMClient) -> str:
        hung = asyncio.create_task(client.complete(USER))
        await asyncio.to_thread(wait_until, lambda: len(server.chat_requests) == 1, "the hanging request to arrive")
        with pytest.raises(LLMTimeoutError, match="no free connection") as caught:
            await client.complete(USER)
        assert "\n" not in str(caught.value)
        hung.cancel()
        with pytest.raises(asyncio.CancelledError):
            await hung
        return (await client.complete(USER)).text

    assert run(go, config(server, max_connections=1, pool_timeout=0.2, max_retries=0)) == ECHO
    assert len(server.chat_requests) == 2  # the request that found no connection was never sent


# -- servers that close or misbehave -------------------------------------------------------------


def test_connection_close_from_the_server_gets_a_new_connection_per_request(sleeps: list[float]) -> None:
    with running_fake_server(close_after_response=True) as fake:

        async def go(client: LLMClient) -> list[str]:
            return [(await client.complete(USER)).text, await joined(client), (await client.complete(USER)).text]

        assert run(go, config(fake)) == [ECHO] * 3
        assert fake.connections_made == 3 and len(fake.chat_requests) == 3
        assert sleeps == []  # nothing failed and was retried
        wait_until(lambda: fake.open_connections == 0, "the server to close every connection")
        assert fake.errors == []


@pytest.mark.parametrize("then", ["stay_open", "close"])
def test_a_server_that_does_not_speak_http_gives_a_one_line_error(then: str) -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"not http\r\n\r\n")
        await writer.drain()
        if then == "stay_open":
            await reader.read()  # until the client gives up on the connection

    async def go() -> LLMError:
        async with tiny_server(garbage) as base_url:
            # a read timeout longer than any test, so a client that waited would be caught by pytest-timeout
            cfg = LLMConfig(base_url, model="m", max_retries=0, read_timeout=600)
            async with LLMClient(cfg) as client:
                with pytest.raises(LLMError) as caught:
                    await client.complete(USER)
        return caught.value

    error = asyncio.run(go())
    assert isinstance(error, LLMConnectionError)
    message = str(error)
    assert "\n" not in message and "not http" in message and message.endswith("check the server log")


# -- bodies --------------------------------------------------------------------------------------


def test_a_response_trickled_one_byte_at_a_time_is_read_whole_in_both_framings() -> None:
    deltas = ["Hé", "llo", " wörld", " 🙂"]  # multi-byte characters get split across reads
    envelope = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "m"}
    choices: list[dict[str, Any]] = [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]
    choices += [{"index": 0, "delta": {"content": d}, "finish_reason": None} for d in deltas]
    choices += [{"index": 0, "delta": {}, "finish_reason": "stop"}]
    usage = {"prompt_tokens": 4, "completion_tokens": 4, "total_tokens": 8}
    events = [{**envelope, "choices": [choice]} for choice in choices] + [{**envelope, "choices": [], "usage": usage}]
    sse = b"".join(b"data: " + json.dumps(e, ensure_ascii=False).encode() + b"\n\n" for e in events)
    sse += b"data: [DONE]\n\n"
    # HTTP chunks of 7 bytes, so chunk boundaries fall inside events, not between them
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(sse[i : i + 7]), sse[i : i + 7]) for i in range(0, len(sse), 7))
    streamed = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
    streamed += chunked + b"0\r\n\r\n"
    reply = {"model": "m", "choices": [{"index": 0, "message": {"content": "".join(deltas)}, "finish_reason": "stop"}]}
    data = json.dumps(reply, ensure_ascii=False).encode()
    whole = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s" % (len(data), data)
    connections = 0

    async def trickle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:  # the client closed its pooled connection
                break
            length = re.search(rb"(?i)content-length: *(\d+)", head)
            assert length is not None, head
            body = json.loads(await reader.readexactly(int(length.group(1))))
            response = streamed if body.get("stream") else whole
            for i in range(len(response)):
                writer.write(response[i : i + 1])
                await writer.drain()
                await asyncio.sleep(0)

    async def go() -> tuple[list[str], Any, str]:
        async with tiny_server(trickle) as base_url, LLMClient(LLMConfig(base_url, model="m", max_retries=0)) as client:
            stream = client.stream_chat(USER)
            received = [delta async for delta in stream]
            return received, stream, (await client.complete(USER)).text

    received, stream, text = asyncio.run(go())
    assert received == deltas
    assert (stream.finish_reason, stream.usage.total_tokens if stream.usage else None) == ("stop", 8)
    assert text == "".join(deltas)
    assert connections == 1  # each body was read to its exact end, so the connection was reused


def test_the_client_runs_on_uvloop(server: FakeServer) -> None:
    """uvicorn, and so the Gradio app, runs on uvloop when it is installed; its transports are not
    asyncio's classes, and the client must work on them too."""
    try:
        import uvloop
    except ImportError:
        uvloop = None
    require(uvloop is not None, "uvloop is not installed (pip install -e '.[test]')")

    async def go() -> tuple[str, str]:
        async with LLMClient(config(server, max_retries=0)) as client:
            return (await client.complete(USER)).text, await joined(client)

    assert uvloop.run(go()) == (ECHO, ECHO)
    assert server.connections_made == 1


def test_an_unreachable_first_address_does_not_use_up_the_connect_timeout(server: FakeServer) -> None:
    """A host whose first address drops the connection attempt (as broken IPv6 does) still connects
    through its next address, well within the connect timeout."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(0)
    fillers = []  # fill the accept queue: the kernel then drops further SYNs, and connects hang
    for _ in range(8):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(hole.getsockname())
        fillers.append(filler)
    answers = [hole.getsockname(), ("127.0.0.1", server.port)]

    class TwoAddressLoop(asyncio.SelectorEventLoop):
        async def getaddrinfo(self, host: Any, port: Any, **kwargs: Any) -> Any:
            if host != "llm.test":
                return await super().getaddrinfo(host, port, **kwargs)
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", address) for address in answers]

    async def go() -> str:
        cfg = LLMConfig(f"http://llm.test:{server.port}/v1", model="fake-model", max_retries=0, connect_timeout=3.0)
        async with LLMClient(cfg) as client:
            return (await client.complete(USER)).text

    try:
        with asyncio.Runner(loop_factory=TwoAddressLoop) as runner:
            assert runner.run(go()) == ECHO
    finally:
        for sock in [hole, *fillers]:
            sock.close()
    assert len(server.chat_requests) == 1
