"""The httpx transport the LLM client uses: HTTP/1.1 through h11, keep-alive connections pooled in O(1).

Batch runs keep 64 or more completions in flight against one server, and two off-the-shelf
transports lose wall time there (``benchmarks/llm_client.py``, 64 in flight, 50 ms each):

- httpx's default, httpcore, rescans every pooled connection for every queued request, which made
  the run CPU-bound: 9.6x the ideal wall time.
- aiohttp (through httpx-aiohttp) sends each request from a task of its own on Python 3.11 (it
  starts that task eagerly only from 3.12), so all the requests a burst of replies triggers leave
  together once the whole burst is handled, the server answers them together again, and the
  bursts never spread out: 1.21x the ideal, against 1.07x for the same client on Python 3.12.

This transport writes a request the moment it is asked to and takes or returns a pooled
connection in constant time; h11 does all of the HTTP parsing and framing. Requests through a
proxy go to httpx's own transport instead (see ``for_url``), since speed matters less there.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request
from collections.abc import AsyncIterator
from typing import Any, cast

import h11
import httpx

_DEFAULT_PORTS = {"http": 80, "https": 443}
Origin = tuple[str, str, int]


class ServerDisconnected(httpx.RemoteProtocolError):
    """The server closed the connection before it sent a response."""


def for_url(url: httpx.URL | str, limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    """The transport for requests to ``url``: a proxy from the environment if one applies, else ours.

    httpx mounts environment proxies only when it builds its own transport, so this reads them
    the same way (``HTTP(S)_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) for the one server a client talks to.
    """
    url = httpx.URL(url)
    proxies = urllib.request.getproxies()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    host = f"{url.host}:{url.port}" if url.port else url.host  # NO_PROXY may name host:port
    if proxy and not urllib.request.proxy_bypass(host):
        if "://" not in proxy:
            proxy = f"http://{proxy}"  # HTTP_PROXY=host:port, as curl and httpx read it
        return httpx.AsyncHTTPTransport(proxy=proxy, limits=limits)
    return H11Transport(limits=limits)


class H11Transport(httpx.AsyncBaseTransport):
    """HTTP/1.1 keep-alive pool: at most ``max_connections`` requests in flight, idle ones reused LIFO."""

    def __init__(self, limits: httpx.Limits | None = None, *, ssl_context: ssl.SSLContext | None = None) -> None:
        limits = limits if limits is not None else httpx.Limits()
        self._max_idle = limits.max_keepalive_connections if limits.max_keepalive_connections is not None else 1 << 30
        self._keepalive_expiry = limits.keepalive_expiry
        self._slots = asyncio.Semaphore(limits.max_connections if limits.max_connections is not None else 1 << 30)
        self._idle: dict[Origin, list[_Connection]] = {}
        self._ssl_context = ssl_context  # made on the first https request: loading CA files takes ~15 ms
        self._closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:
            raise RuntimeError("the transport is closed")
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        url = request.url
        origin = (url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme, 80))
        await self._acquire_slot(timeouts.get("pool"))
        try:
            body = b"".join([part async for part in request.stream])  # type: ignore[union-attr]
            head = h11.Request(method=request.method, target=url.raw_path, headers=request.headers.raw)
            while True:
                connection, reused = await self._checkout(origin, timeouts.get("connect"))
                try:
                    connection.send_request(head, body)
                    await connection.drain(timeouts.get("write"))
                    response = await connection.receive_head(timeouts.get("read"))
                    break
                except ServerDisconnected:
                    connection.close()
                    if not reused:
                        raise
                    # a pooled connection the server had just closed; a fresh one gets the request
                except BaseException:
                    connection.close()
                    raise
        except BaseException:
            self._slots.release()
            raise
        return httpx.Response(
            response.status_code,
            headers=response.headers.raw_items(),
            stream=_ResponseBody(self, connection, timeouts.get("read")),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": response.reason},
        )

    async def aclose(self) -> None:
        """Close the idle connections and wait (a second at most) until they are closed: a TLS
        socket closes only after its shutdown exchange, which needs the event loop still running."""
        self._closed = True
        connections = [c for idle in self._idle.values() for c in idle]
        self._idle.clear()
        for connection in connections:
            connection.close()
        waits = [c.gone for c in connections if not c.gone.done()]
        if waits:
            await asyncio.wait(waits, timeout=1.0)

    async def _acquire_slot(self, timeout: float | None) -> None:
        if not self._slots.locked():
            await self._slots.acquire()  # returns at once
            return
        try:
            async with asyncio.timeout(timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout(f"no free connection within {timeout:g} s") from None

    async def _checkout(self, origin: Origin, timeout: float | None) -> tuple[_Connection, bool]:
        """An idle connection to ``origin`` that is still good, else a new one; and whether it was reused."""
        idle = self._idle.get(origin)
        if idle:
            now = asyncio.get_running_loop().time()
            while idle:
                connection = idle.pop()
                if connection.reusable(now, self._keepalive_expiry):
                    return connection, True
                connection.close()
        return await self._connect(origin, timeout), False

    async def _connect(self, origin: Origin, timeout: float | None) -> _Connection:
        scheme, host, port = origin
        context = self._ssl() if scheme == "https" else None
        loop = asyncio.get_running_loop()
        # Try the next address after 250 ms (RFC 8305) rather than after the whole connect timeout,
        # so a host whose first address is unreachable (broken IPv6, say) still connects; asyncio's
        # own loop supports this, uvloop does not.
        staggered = {"happy_eyeballs_delay": 0.25} if isinstance(loop, asyncio.BaseEventLoop) else {}
        try:
            async with asyncio.timeout(timeout):
                _, connection = await loop.create_connection(
                    lambda: _Connection(loop), host, port, ssl=context, server_hostname=host if context else None,
                    **staggered,
                )
        except TimeoutError:
            raise httpx.ConnectTimeout(f"connecting to {host}:{port} timed out") from None
        except OSError as exc:
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from exc
        connection.origin = origin
        return connection

    def _ssl(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            self._ssl_context = httpx.create_ssl_context()
        return self._ssl_context

    def _give_back(self, connection: _Connection, complete: bool) -> None:
        """Return a finished connection to the pool (or close it) and free its request slot."""
        try:
            if complete and not self._closed and connection.start_next_cycle():
                idle = self._idle.setdefault(connection.origin, [])
                idle.append(connection)
                if len(idle) > self._max_idle:
                    idle.pop(0).close()
            else:
                connection.close()
        finally:
            self._slots.release()


class _ResponseBody(httpx.AsyncByteStream):
    """A response's body as h11 delivers it; closing it gives the connection back."""

    def __init__(self, transport: H11Transport, connection: _Connection, read_timeout: float | None) -> None:
        self._transport, self._connection, self._timeout = transport, connection, read_timeout
        self._complete = False
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while not self._complete:
            data, self._complete = await self._connection.receive_body(self._timeout)
            if data:
                yield data

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            self._transport._give_back(self._connection, self._complete)


class _Connection(asyncio.Protocol):
    """One socket and its h11 state; wakes the request waiting on it when bytes or EOF arrive."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._h11 = h11.Connection(h11.CLIENT)
        self._transport: asyncio.Transport | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._writable: asyncio.Future[None] | None = None  # set while the socket buffer is full
        self._lost: Exception | None = None
        self.gone: asyncio.Future[None] = loop.create_future()  # done once the socket is closed
        self.origin: Origin = ("", "", 0)
        self.closed = False
        self.idle_since = 0.0

    # -- asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports (uvicorn, so Gradio, runs on uvloop when it is installed) are not
        # asyncio.Transport subclasses, but they have its methods
        self._transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self._h11.receive_data(data)
        self._wake()

    def eof_received(self) -> bool:
        self._h11.receive_data(b"")
        self.closed = True
        self._wake()
        return False  # let asyncio close the socket

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._lost = exc
        if not self.gone.done():
            self.gone.set_result(None)
        self._h11.receive_data(b"")
        self._wake()
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)

    def pause_writing(self) -> None:
        self._writable = self._loop.create_future()

    def resume_writing(self) -> None:
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)
        self._writable = None

    # -- used by the transport

    def reusable(self, now: float, expiry: float | None) -> bool:
        fresh = expiry is None or now - self.idle_since < expiry
        return fresh and not self.closed and self._h11.our_state is h11.IDLE and self._h11.their_state is h11.IDLE

    def start_next_cycle(self) -> bool:
        """Make a finished exchange's connection ready for the next request; False if it cannot be."""
        if self.closed or self._h11.our_state is not h11.DONE or self._h11.their_state is not h11.DONE:
            return False
        self._h11.start_next_cycle()
        self.idle_since = self._loop.time()
        return True

    def send_request(self, head: h11.Request, body: bytes) -> None:
        if self.closed or self._transport is None or self._transport.is_closing():
            raise ServerDisconnected("Server disconnected without sending a response.")
        try:
            data = self._h11.send(head) or b""
            if body:
                data += self._h11.send(h11.Data(data=body)) or b""
            data += self._h11.send(h11.EndOfMessage()) or b""
        except h11.LocalProtocolError as exc:
            raise httpx.LocalProtocolError(str(exc)) from exc
        self._transport.write(data)

    async def drain(self, timeout: float | None) -> None:
        if self._writable is None:
            return
        try:
            async with asyncio.timeout(timeout):
                await self._writable
        except TimeoutError:
            raise httpx.WriteTimeout(f"the server did not take the request within {timeout:g} s") from None

    async def receive_head(self, timeout: float | None) -> h11.Response:
        while True:
            event = await self.receive(timeout)
            if type(event) is h11.Response:
                return event
            if type(event) is not h11.InformationalResponse:  # 100 Continue and friends are skipped
                raise httpx.RemoteProtocolError(f"unexpected {type(event).__name__} before the response")

    async def receive(self, timeout: float | None) -> Any:
        """The next h11 event, waiting at most ``timeout`` seconds for each read."""
        while True:
            event = self._next_event()
            if event is not h11.NEED_DATA:
                return event
            await self._wait(timeout)

    async def receive_body(self, timeout: float | None) -> tuple[bytes, bool]:
        """All the body bytes that have arrived (waiting for some if none have), and whether it ended.

        One piece per read rather than one per HTTP chunk, as a stream sends one chunk per token.
        """
        parts: list[bytes] = []
        while True:
            event = self._next_event()
            kind = type(event)
            if kind is h11.Data:
                parts.append(event.data)
            elif kind is h11.EndOfMessage:
                return b"".join(parts), True
            elif event is not h11.NEED_DATA:
                raise httpx.RemoteProtocolError(f"unexpected {kind.__name__} in a response body")
            elif parts:
                return b"".join(parts), False
            else:
                await self._wait(timeout)

    def _next_event(self) -> Any:
        try:
            event = self._h11.next_event()
        except h11.RemoteProtocolError as exc:
            raise httpx.RemoteProtocolError(str(exc)) from exc
        if type(event) is h11.ConnectionClosed:
            if self._lost is not None:
                raise httpx.ReadError(str(self._lost) or type(self._lost).__name__) from self._lost
            raise ServerDisconnected("Server disconnected without sending a response.")
        return event

    async def _wait(self, timeout: float | None) -> None:
        waiter = self._waiter = self._loop.create_future()
        timer = None if timeout is None else self._loop.call_later(timeout, _expire, waiter, timeout)
        try:
            await waiter
        finally:
            self._waiter = None
            if timer is not None:
                timer.cancel()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def close(self) -> None:
        self.closed = True
        if self._transport is not None:
            self._transport.close()


def _expire(waiter: asyncio.Future[None], timeout: float) -> None:
    if not waiter.done():
        waiter.set_exception(httpx.ReadTimeout(f"no data for {timeout:g} s"))
