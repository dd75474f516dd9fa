"""One async client for any OpenAI-compatible chat endpoint, plus a blocking facade over it.

Servers differ (see the provider notes), so the client probes instead of switching on vendor: when a
server refuses ``response_format`` or ``stream_options`` it falls back once and remembers that for
the life of the client. Retries happen only before the first token, because a stream that has been
shown to a trainee cannot be replayed. Every error is an ``LLMError`` whose one-line message says
what to do, since the CLI and web app show them to users as they are.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import socket
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterator, Mapping, Sequence
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import httpx

from simulator.llm.config import ENV_API_KEY, ENV_BASE_URL, ENV_MODEL, LLMConfig
from simulator.llm.transport import ServerDisconnected, for_url

Message = Mapping[str, Any]
JsonMode = Literal["json_schema", "json_object", "prompt"]
T = TypeVar("T")

_sleep = asyncio.sleep  # module attribute so tests can record backoff delays instead of waiting
_NEXT_JSON_MODE: dict[JsonMode, JsonMode] = {"json_schema": "json_object", "json_object": "prompt"}
# A 400 that names the field means the server refuses it; other 400s (context length, bad
# messages) must not switch a fallback on for the life of the client.
_RESPONSE_FORMAT_WORDS = ("response_format", "json_schema", "json_object", "grammar")
_STREAM_OPTIONS_WORDS = ("stream_options", "include_usage", "extra fields not permitted", "extra inputs are not permitted")
_MESSAGE_LIMIT = 200  # characters of a server's error message kept in ours


class LLMError(Exception):
    """Base of every client error; the message is one line and ends with what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class LLMConnectionError(LLMError):
    """The server could not be reached or dropped the connection before replying."""


class LLMTimeoutError(LLMError):
    """The server accepted the connection but went quiet for longer than the read timeout."""


class LLMStatusError(LLMError):
    """The server answered with an HTTP error status."""

    def __init__(self, message: str, *, status_code: int, server_message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.server_message = server_message
        self.retry_after = retry_after


class LLMAuthError(LLMStatusError):
    """401/403: the API key was refused."""


class LLMNotFoundError(LLMStatusError):
    """404 for the endpoint itself, usually a base URL without ``/v1``."""


class LLMModelNotFoundError(LLMNotFoundError):
    """The server does not serve the requested model."""


class LLMBadRequestError(LLMStatusError):
    """A 4xx that retrying cannot fix: bad parameters, too long a conversation, unsupported fields."""


class LLMRateLimitError(LLMStatusError):
    """429 even after the retries."""


class LLMUnavailableError(LLMStatusError):
    """5xx (or 408/409/425) even after the retries, e.g. llama.cpp's 503 "Loading model"."""


class LLMStreamError(LLMError):
    """A stream broke or reported an error after it started; the partial reply is unusable."""


class LLMResponseError(LLMError):
    """The server answered 200 with something that is not an OpenAI-style reply."""


@dataclass(frozen=True, slots=True)
class Usage:
    """Token counts as the server reports them (absent on servers that do not)."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int

    @classmethod
    def from_json(cls, data: Any) -> Usage | None:
        if not isinstance(data, dict):
            return None
        prompt, completion = int(data.get("prompt_tokens") or 0), int(data.get("completion_tokens") or 0)
        return cls(prompt, completion, int(data.get("total_tokens") or prompt + completion))


@dataclass(frozen=True, slots=True)
class Completion:
    """A whole non-streamed reply."""

    text: str
    usage: Usage | None
    model: str
    latency_s: float
    finish_reason: str | None = None
    json_mode: JsonMode | None = None  # how JSON was asked for, when it was

    def json(self) -> Any:
        """The reply parsed as JSON (tolerating a Markdown code fence), else ``LLMResponseError``."""
        text = self.text.strip()
        if text.startswith("```"):
            text = text.split("\n", 1)[-1].rsplit("```", 1)[0]
        try:
            return json.loads(text)
        except ValueError as exc:
            raise LLMResponseError(
                f"model {self.model!r} replied with invalid JSON ({exc}): {self.text[:80]!r} — "
                "retry, or use a model or server that supports response_format"
            ) from exc


class ChatStream:
    """The text of one streamed reply as it arrives; ``usage``, ``model`` and timings fill in as it runs.

    Each item is the content of the tokens that came in one network read: one token when the
    server sends them apart, as a model generating them does, several when they arrive together.

    Iterate it with ``async for``. Leaving early (``break``, ``aclose()``, the ``async with`` block,
    or cancelling the task) closes the HTTP request, so the server stops generating.
    """

    def __init__(self, client: LLMClient, messages: Sequence[Message], params: dict[str, Any]) -> None:
        self.usage: Usage | None = None
        self.model: str | None = None
        self.finish_reason: str | None = None
        self.tokens = 0  # content chunks (tokens) received so far
        self.ttft_s: float | None = None  # time to first token
        self.latency_s: float | None = None  # time to the end of the stream
        self._deltas = client._stream_deltas(messages, params, self)

    def __aiter__(self) -> ChatStream:
        return self

    async def __anext__(self) -> str:
        return await self._deltas.__anext__()

    async def aclose(self) -> None:
        await self._deltas.aclose()

    async def text(self) -> str:
        """Consume the rest of the stream and return it joined."""
        return "".join([delta async for delta in self])

    async def __aenter__(self) -> ChatStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class LLMClient:
    """Async client for ``/chat/completions`` and ``/models`` on one OpenAI-compatible server.

    Holds one pooled httpx transport; create one per process (or per event loop) and share it
    between concurrent calls. Close it with ``await client.aclose()`` or ``async with``.
    """

    def __init__(self, config: LLMConfig | None = None, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config if config is not None else LLMConfig.load()
        self.json_mode: JsonMode = "json_schema"  # downgraded when the server refuses it
        self.stream_usage = True  # False once the server refused stream_options
        self._model = self.config.model
        self._model_lock = asyncio.Lock()
        self._chat_url = httpx.URL(self.config.base_url + "/chat/completions")
        self._models_url = httpx.URL(self.config.base_url + "/models")
        limits = httpx.Limits(
            max_connections=self.config.max_connections, max_keepalive_connections=self.config.max_connections
        )
        # Requests go straight to the transport, not through an ``httpx.AsyncClient``: its cookie
        # jar, auth and redirect flows and event hooks were a third of this client's CPU per
        # request, and an OpenAI-style API needs none of them.
        self._transport = transport if transport is not None else for_url(self._chat_url, limits)
        self._headers = httpx.Headers({
            "Authorization": f"Bearer {self.config.api_key}",
            "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream",
            "User-Agent": "collections-dojo",
        })
        self._extensions = {"timeout": self.config.timeout.as_dict()}

    async def __aenter__(self) -> LLMClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def list_models(self) -> list[str]:
        """The model ids the server offers (``GET /models``)."""
        data = await self._request_json("GET", self._models_url, None)
        items = data.get("data")
        if not isinstance(items, list):
            raise LLMResponseError(
                f"{self._models_url} did not return a model list — is {ENV_BASE_URL} an OpenAI-compatible /v1 URL?"
            )
        return [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]

    async def model(self) -> str:
        """The configured model, or else the first one the server lists (looked up once)."""
        if self._model is None:
            async with self._model_lock:
                if self._model is None:
                    models = await self.list_models()
                    if not models:
                        raise LLMError(f"{self.config.base_url} serves no models — load a model, or set {ENV_MODEL}")
                    self._model = models[0]
        return self._model

    def stream_chat(self, messages: Sequence[Message], **params: Any) -> ChatStream:
        """Stream a reply: ``async for delta in client.stream_chat(messages): ...``.

        ``params`` go into the request body (``temperature``, ``max_tokens``, ``seed``, ``model``...).
        """
        return ChatStream(self, messages, params)

    async def complete(
        self, messages: Sequence[Message], *, json_schema: Mapping[str, Any] | None = None, **params: Any
    ) -> Completion:
        """A whole reply, not streamed. With ``json_schema``, ask for JSON the best way the server allows.

        The order is ``response_format`` json_schema, then json_object, then the schema in a system
        message only; a refusal moves this client down the list for good.
        """
        started = time.perf_counter()
        body = await self._body(messages, params)
        while True:
            mode = self.json_mode if json_schema is not None else None
            payload = body if mode is None else _ask_for_json(body, json_schema or {}, mode)
            try:
                data = await self._request_json("POST", self._chat_url, payload)
                break
            except LLMBadRequestError as exc:
                if mode is None or mode == "prompt" or not _mentions(exc.server_message, _RESPONSE_FORMAT_WORDS):
                    raise
                if self.json_mode == mode:  # a concurrent call may have moved on already
                    self.json_mode = _NEXT_JSON_MODE[mode]
        choices = data.get("choices") or []
        choice = choices[0] if choices and isinstance(choices[0], dict) else None
        if choice is None:
            raise LLMResponseError(f"{self.config.base_url} returned no choices: {str(data)[:120]} — check the server log")
        message = choice.get("message") or {}
        return Completion(
            text=message.get("content") or "",
            usage=Usage.from_json(data.get("usage")),
            model=str(data.get("model") or body["model"]),
            latency_s=time.perf_counter() - started,
            finish_reason=choice.get("finish_reason"),
            json_mode=mode,
        )

    async def _body(self, messages: Sequence[Message], params: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = {"model": params.pop("model", None) or await self.model(), "messages": list(messages)}
        if self.config.temperature is not None:
            body["temperature"] = self.config.temperature
        if self.config.max_tokens is not None:
            body["max_tokens"] = self.config.max_tokens
        body.update(params)
        return body

    async def _stream_deltas(
        self, messages: Sequence[Message], params: dict[str, Any], out: ChatStream
    ) -> AsyncIterator[str]:
        """The generator behind ``ChatStream``: content deltas, with the stream_options fallback."""
        started = time.perf_counter()
        body = await self._body(messages, params)
        send_usage = self.stream_usage
        while True:
            payload = {**body, "stream": True}
            if send_usage:
                payload["stream_options"] = {"include_usage": True}
            try:
                async with aclosing(self._exchange("POST", self._chat_url, payload, out)) as batches:
                    async for batch in batches:
                        texts = []
                        for chunk in batch:
                            for choice in chunk.get("choices") or ():
                                if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                                    continue
                                if choice.get("finish_reason"):
                                    out.finish_reason = choice["finish_reason"]
                                delta = choice.get("delta")
                                text = delta.get("content") if isinstance(delta, dict) else None
                                if text:
                                    texts.append(text)
                            if chunk.get("usage"):
                                out.usage = Usage.from_json(chunk["usage"])
                            if out.model is None and chunk.get("model"):
                                out.model = str(chunk["model"])
                        if texts:  # the tokens that came in one read, as one delta
                            if out.tokens == 0:
                                out.ttft_s = time.perf_counter() - started
                            out.tokens += len(texts)
                            yield "".join(texts)
                out.latency_s = time.perf_counter() - started
                return
            except LLMBadRequestError as exc:
                if not send_usage or not _mentions(exc.server_message, _STREAM_OPTIONS_WORDS):
                    raise
                send_usage = self.stream_usage = False  # retry once without it, and remember

    async def _request_json(self, method: str, url: httpx.URL, payload: dict[str, Any] | None) -> dict[str, Any]:
        async with aclosing(self._exchange(method, url, payload, None)) as replies:
            async for data in replies:
                return data
        raise AssertionError("_exchange yields exactly one reply when not streaming")

    async def _exchange(
        self, method: str, url: httpx.URL, payload: dict[str, Any] | None, stream: ChatStream | None
    ) -> AsyncIterator[Any]:
        """Send one request with retries; yield the JSON reply, or when ``stream`` the SSE chunks of
        each read as a list.

        This is the only place that talks HTTP, so streaming and non-streaming share retry rules:
        transport errors, timeouts and retryable statuses are retried until a token has been
        delivered (``stream.tokens``), then they raise ``LLMStreamError``.
        """
        content = None if payload is None else json.dumps(payload).encode()
        attempt = 0
        while True:
            attempt += 1
            retry_after: float | None = None
            try:
                request = httpx.Request(method, url, headers=self._headers, content=content, extensions=self._extensions)
                response = await self._transport.handle_async_request(request)
                response.request = request
                try:
                    if response.status_code >= 400:
                        await response.aread()
                        raise self._status_error(response, payload, attempt)
                    if stream is None:
                        yield _decode_json(await response.aread(), url)
                    elif response.headers.get("content-type", "").startswith("application/json"):
                        yield [_as_chunk(_decode_json(await response.aread(), url), self.config.base_url)]
                    else:
                        async for batch in _sse_batches(response, self.config.base_url):
                            yield batch
                    return
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:  # includes timeouts and streams cut mid-way
                if stream is not None and stream.tokens:
                    raise self._broken_stream(exc, stream.tokens) from exc
                if attempt > self.config.max_retries:
                    raise self._transport_error(exc, attempt) from exc
            except LLMStatusError as exc:
                if not _retryable(exc.status_code) or attempt > self.config.max_retries:
                    raise
                retry_after = exc.retry_after
            await _sleep(self._backoff(attempt, retry_after))

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.config.retry_after_cap)
        ceiling = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempt - 1))
        return ceiling * (0.5 + random.random() / 2)  # jitter so concurrent calls do not retry in step

    def _transport_error(self, exc: httpx.TransportError, attempts: int) -> LLMError:
        base, cfg = self.config.base_url, self.config
        tail = f" (after {attempts} attempts)" if attempts > 1 else ""
        if isinstance(exc, httpx.ConnectError):
            return LLMConnectionError(
                f"cannot reach {base}: {_connect_reason(exc)}{tail} — is the server running? ({ENV_BASE_URL})"
            )
        if isinstance(exc, ServerDisconnected):
            return LLMConnectionError(f"{base} closed the connection before answering{tail} — check the server log")
        if isinstance(exc, httpx.ConnectTimeout):
            return LLMConnectionError(
                f"cannot reach {base}: connect timed out after {cfg.connect_timeout:g} s{tail} — "
                f"is the host right and the server running? ({ENV_BASE_URL})"
            )
        if isinstance(exc, httpx.PoolTimeout):
            return LLMTimeoutError(
                f"no free connection to {base} within {cfg.pool_timeout:g} s — too many concurrent requests; "
                "lower the concurrency or raise max_connections / pool_timeout"
            )
        if isinstance(exc, httpx.TimeoutException):
            return LLMTimeoutError(
                f"{base} sent nothing for {cfg.read_timeout:g} s{tail} (read timeout) — the server is overloaded "
                "or still loading the model; raise read_timeout in the LLM config"
            )
        return LLMConnectionError(f"connection to {base} failed: {exc or type(exc).__name__}{tail} — check the server log")

    def _broken_stream(self, exc: httpx.TransportError, tokens: int) -> LLMStreamError:
        base = self.config.base_url
        if isinstance(exc, httpx.TimeoutException):
            why = f"no data for {self.config.read_timeout:g} s"
        else:
            why = str(exc) or type(exc).__name__
        return LLMStreamError(f"stream from {base} broke after {tokens} tokens: {why} — the reply is incomplete; retry the turn")

    def _status_error(self, response: httpx.Response, payload: dict[str, Any] | None, attempts: int) -> LLMStatusError:
        status, base = response.status_code, self.config.base_url
        message = _server_message(response)
        lower = message.lower()
        detail = f"HTTP {status}: {message}" if message else f"HTTP {status}"
        tail = f" after {attempts} attempts" if attempts > 1 else ""
        model = (payload or {}).get("model")
        kwargs = {"status_code": status, "server_message": message, "retry_after": _retry_after(response)}
        if status in (401, 403):
            return LLMAuthError(f"{base} refused the API key ({detail}) — set {ENV_API_KEY}", **kwargs)
        if model and "model" in lower and (status == 404 or "not found" in lower or "does not exist" in lower):
            return LLMModelNotFoundError(
                f"model '{model}' not found at {base} ({detail}) — run `dojo llm check` to list the served models "
                f"and set {ENV_MODEL}",
                **kwargs,
            )
        if status == 404:
            return LLMNotFoundError(f"{response.request.url} not found ({detail}) — {ENV_BASE_URL} usually ends in /v1", **kwargs)
        if status == 429:
            return LLMRateLimitError(f"{base} is rate-limiting requests ({detail}){tail} — lower the concurrency or wait", **kwargs)
        if _retryable(status):
            hint = "the server is still loading the model; wait and retry" if "loading" in lower else "check the server log"
            return LLMUnavailableError(f"{base} failed ({detail}){tail} — {hint}", **kwargs)
        if "context" in lower or "too long" in lower or "maximum" in lower:
            hint = "the conversation is longer than the model's context; shorten it or raise the server's context size"
        else:
            hint = "check the model name and request parameters"
        return LLMBadRequestError(f"{base} rejected the request ({detail}) — {hint}", **kwargs)


def _retryable(status: int) -> bool:
    return status in (408, 409, 425, 429) or (status >= 500 and status not in (501, 505))


def _mentions(text: str, words: Sequence[str]) -> bool:
    lower = text.lower()
    return any(word in lower for word in words)


def _ask_for_json(body: dict[str, Any], schema: Mapping[str, Any], mode: JsonMode) -> dict[str, Any]:
    """The request body for one way of asking for JSON; the weaker ways put the schema in the prompt."""
    if mode == "json_schema":
        fmt = {"type": "json_schema", "json_schema": {"name": "reply", "schema": schema, "strict": True}}
        return {**body, "response_format": fmt}
    instruction = {
        "role": "system",
        "content": "Reply with one JSON object only, no prose and no code fence, that matches this JSON Schema: "
        + json.dumps(schema),
    }
    payload = {**body, "messages": [*body["messages"], instruction]}
    if mode == "json_object":
        payload["response_format"] = {"type": "json_object"}
    return payload


async def _sse_batches(response: httpx.Response, where: str) -> AsyncIterator[list[dict[str, Any]]]:
    """Parse ``text/event-stream`` bytes into JSON chunks, a list per network read; comments and
    non-data fields are skipped.

    A list per read rather than a chunk at a time, because a server sends one event per token and
    the per-chunk overhead is most of the client's cost at high concurrency. Reading continues
    after ``[DONE]`` so the connection is read to its end and goes back to the pool; a stream
    without ``[DONE]`` simply ends. A bad chunk raises after the good ones before it are yielded.
    """
    buffer = b""
    done = False
    async for part in response.aiter_bytes():
        buffer += part
        if b"\r" in buffer:  # CRLF or CR line endings; keep a trailing CR in case LF follows
            keep = buffer.endswith(b"\r")
            buffer = buffer[:-1].replace(b"\r\n", b"\n").replace(b"\r", b"\n") + (b"\r" if keep else b"")
        *events, buffer = buffer.split(b"\n\n")
        batch: list[dict[str, Any]] = []
        for event in events:
            data = _event_data(event)
            if data is None or done:
                continue
            if data == b"[DONE]":
                done = True
                continue
            try:
                batch.append(_decode_chunk(data, where))
            except LLMStreamError:
                if batch:
                    yield batch
                raise
        if batch:
            yield batch
    data = _event_data(buffer.rstrip(b"\r\n"))
    if data is not None and not done and data != b"[DONE]":
        yield [_decode_chunk(data, where)]


def _event_data(event: bytes) -> bytes | None:
    """The ``data`` of one SSE event (multi-line data joined by newlines), or None if it has none."""
    if event[:6] == b"data: " and b"\n" not in event:
        return event[6:]  # the common case: one "data: {...}" line
    data = []
    for line in event.split(b"\n"):
        if line[:5] == b"data:":
            data.append(line[6:] if line[5:6] == b" " else line[5:])
    return b"\n".join(data) if data else None


def _decode_chunk(event: bytes, where: str) -> dict[str, Any]:
    try:
        chunk = json.loads(event)
    except ValueError as exc:
        shown = event[:60].decode("utf-8", "replace")
        raise LLMStreamError(f"{where} sent a malformed stream chunk {shown!r} ({exc}) — check the server log") from exc
    if not isinstance(chunk, dict):
        shown = event[:60].decode("utf-8", "replace")
        raise LLMStreamError(f"{where} sent a stream chunk that is not an object: {shown!r} — check the server log")
    if "error" in chunk:
        error = chunk["error"]
        message = error.get("message", error) if isinstance(error, dict) else error
        raise LLMStreamError(f"{where} reported an error mid-stream: {str(message)[:_MESSAGE_LIMIT]} — retry the turn")
    return chunk


def _as_chunk(data: dict[str, Any], where: str) -> dict[str, Any]:
    """A whole JSON reply to a streamed request (some servers ignore ``stream``) as one chunk."""
    if "error" in data:
        return _decode_chunk(json.dumps(data).encode(), where)  # raises LLMStreamError
    choices = []
    for choice in data.get("choices") or ():
        if isinstance(choice, dict):
            message = choice.get("message") or {}
            delta = {"content": message.get("content")} if isinstance(message, dict) else {}
            choices.append({"index": choice.get("index", 0), "delta": delta, "finish_reason": choice.get("finish_reason")})
    return {**data, "choices": choices}


def _decode_json(content: bytes, url: httpx.URL) -> dict[str, Any]:
    try:
        data = json.loads(content)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise LLMResponseError(
            f"{url} did not return a JSON object: {content[:60]!r} — is {ENV_BASE_URL} an OpenAI-compatible /v1 URL?"
        )
    return data


def _server_message(response: httpx.Response) -> str:
    """The human part of an error body: OpenAI ``{"error":{"message"}}``, FastAPI ``detail``, or text."""
    try:
        data = response.json()
    except ValueError:
        data = None
    message: Any = response.text
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict):
            message = error.get("message", error)
        elif error:
            message = error
        else:
            message = data.get("detail") or data.get("message") or data
    return " ".join(str(message).split())[:_MESSAGE_LIMIT]


def _retry_after(response: httpx.Response) -> float | None:
    """``Retry-After`` in seconds, from a number or an HTTP date; None when absent or unreadable."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _connect_reason(exc: httpx.TransportError) -> str:
    if isinstance(exc.__cause__, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc.__cause__, socket.gaierror):
        return "host name not found"
    text = " ".join(str(part) for part in (exc, exc.__cause__) if part).lower()
    if "refused" in text or "[errno 111]" in text or "all connection attempts failed" in text:
        return "connection refused"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "host name not found"
    return str(exc) or type(exc).__name__


class SyncLLMClient:
    """Blocking facade for sync callers (CLI, sync Gradio handlers), safe to share between threads.

    It runs one ``LLMClient`` on a private event-loop thread and waits for its coroutines, so there
    is a single implementation of the protocol, retries and fallbacks.
    """

    def __init__(self, config: LLMConfig | None = None, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        config = config if config is not None else LLMConfig.load()  # fail here, before a thread exists
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="dojo-llm-client", daemon=True)
        self._thread.start()
        self.client: LLMClient = self._run(_make_client(config, transport))

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def list_models(self) -> list[str]:
        return self._run(self.client.list_models())

    def complete(
        self, messages: Sequence[Message], *, json_schema: Mapping[str, Any] | None = None, **params: Any
    ) -> Completion:
        return self._run(self.client.complete(messages, json_schema=json_schema, **params))

    def stream_chat(self, messages: Sequence[Message], **params: Any) -> SyncChatStream:
        return SyncChatStream(self, self.client.stream_chat(messages, **params))

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._run(self.client.aclose())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def __enter__(self) -> SyncLLMClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class SyncChatStream:
    """Blocking iterator over a ``ChatStream``; ``close()`` (or leaving a ``with``) ends the request.

    A stream dropped without closing is still closed, later, by the event loop's async-generator
    finalizer, as with ``ChatStream``.
    """

    def __init__(self, owner: SyncLLMClient, stream: ChatStream) -> None:
        self._owner, self.stream = owner, stream
        self._closed = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._closed:
            raise StopIteration
        try:
            return self._owner._run(self.stream.__anext__())
        except StopAsyncIteration:
            self._closed = True
            raise StopIteration from None

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._owner._run(self.stream.aclose())

    def text(self) -> str:
        return "".join(self)

    def __enter__(self) -> SyncChatStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


async def _make_client(config: LLMConfig, transport: httpx.AsyncBaseTransport | None) -> LLMClient:
    return LLMClient(config, transport=transport)  # created on the loop that will use it
