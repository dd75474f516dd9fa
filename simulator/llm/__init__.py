"""LLM access for personas, judges and agents under test, over any OpenAI-compatible server.

One async ``LLMClient`` (with a blocking ``SyncLLMClient`` facade) handles streaming, retries and
per-server fallbacks; ``LLMConfig.load()`` reads the settings. The fake server lives in
``simulator.llm.fake_server`` and is not imported here, so production code does not load it.
"""

from simulator.llm.client import (
    ChatStream,
    Completion,
    JsonMode,
    LLMAuthError,
    LLMBadRequestError,
    LLMClient,
    LLMConnectionError,
    LLMError,
    LLMModelNotFoundError,
    LLMNotFoundError,
    LLMRateLimitError,
    LLMResponseError,
    LLMStatusError,
    LLMStreamError,
    LLMTimeoutError,
    LLMUnavailableError,
    Message,
    SyncChatStream,
    SyncLLMClient,
    Usage,
)
from simulator.llm.config import LLMConfig

__all__ = [
    "ChatStream",
    "Completion",
    "JsonMode",
    "LLMAuthError",
    "LLMBadRequestError",
    "LLMClient",
    "LLMConfig",
    "LLMConnectionError",
    "LLMError",
    "LLMModelNotFoundError",
    "LLMNotFoundError",
    "LLMRateLimitError",
    "LLMResponseError",
    "LLMStatusError",
    "LLMStreamError",
    "LLMTimeoutError",
    "LLMUnavailableError",
    "Message",
    "SyncChatStream",
    "SyncLLMClient",
    "Usage",
]
