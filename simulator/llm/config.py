"""Where the LLM endpoint settings come from: CLI values, then environment, then a TOML file.

Every OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio, OpenAI) needs only a base URL,
a model name and a key, so that is all a user has to set. Bad settings become a one-line
``DojoInputError`` that names the setting, because the CLI shows them to people, not developers.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from simulator.errors import DojoInputError

ENV_BASE_URL = "DOJO_LLM_BASE_URL"
ENV_MODEL = "DOJO_LLM_MODEL"
ENV_API_KEY = "DOJO_LLM_API_KEY"
ENV_CONFIG = "DOJO_LLM_CONFIG"
DEFAULT_CONFIG_PATH = Path("~/.config/dojo/llm.toml")
DEFAULT_API_KEY = "sk-no-key"  # Ollama and llama.cpp ignore the key but clients must send one


@dataclass(frozen=True)
class LLMConfig:
    """Settings for one OpenAI-compatible endpoint; immutable so clients can share it safely."""

    base_url: str
    model: str | None = None  # None: use the first model the server lists
    api_key: str = field(default=DEFAULT_API_KEY, repr=False)
    connect_timeout: float = 5.0
    read_timeout: float = 60.0  # the longest gap between two chunks, not the whole reply
    write_timeout: float = 10.0
    pool_timeout: float = 5.0
    max_retries: int = 3
    backoff_base: float = 0.5  # first retry waits about this long, doubling each time
    backoff_max: float = 8.0
    retry_after_cap: float = 30.0  # never wait longer than this for a server's Retry-After
    max_connections: int = 256
    temperature: float | None = None
    max_tokens: int | None = None
    source: str = field(default="", compare=False)  # where base_url came from, for messages

    def __post_init__(self) -> None:
        url = self.base_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise DojoInputError(
                f"LLM base URL {self.base_url!r} must start with http:// or https:// "
                f"(e.g. http://127.0.0.1:8000/v1; set {ENV_BASE_URL})"
            )
        object.__setattr__(self, "base_url", url)
        for name in ("connect_timeout", "read_timeout", "write_timeout", "pool_timeout"):
            if getattr(self, name) <= 0:
                raise DojoInputError(f"LLM setting {name} must be a positive number of seconds")
        if self.max_retries < 0:
            raise DojoInputError("LLM setting max_retries must be 0 or more")
        if self.max_connections < 1:
            raise DojoInputError("LLM setting max_connections must be at least 1")

    @property
    def timeout(self) -> httpx.Timeout:
        """The httpx timeout; ``read`` bounds the gap between stream chunks."""
        return httpx.Timeout(
            connect=self.connect_timeout,
            read=self.read_timeout,
            write=self.write_timeout,
            pool=self.pool_timeout,
        )

    def replace(self, **changes: Any) -> LLMConfig:
        """A copy with some settings changed (validated again)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def load(
        cls,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        config_path: str | os.PathLike[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> LLMConfig:
        """Merge explicit values (CLI options) over the environment over the TOML file.

        The file is ``config_path``, else ``$DOJO_LLM_CONFIG``, else ``~/.config/dojo/llm.toml`` if it
        exists. Raises ``DojoInputError`` when no base URL is set anywhere or a value is invalid.
        """
        env = os.environ if environ is None else environ
        values, file_label = _read_file(config_path, env)
        sources = {key: file_label for key in values}
        for key, env_name in (("base_url", ENV_BASE_URL), ("model", ENV_MODEL), ("api_key", ENV_API_KEY)):
            if env.get(env_name):
                values[key], sources[key] = env[env_name], env_name
        for key, value in (("base_url", base_url), ("model", model), ("api_key", api_key)):
            if value:
                values[key], sources[key] = value, f"--{key.replace('_', '-')}"
        if not values.get("base_url"):
            raise DojoInputError(
                f"no LLM endpoint configured: set {ENV_BASE_URL} (e.g. http://127.0.0.1:8000/v1 for vLLM, "
                f"http://127.0.0.1:11434/v1 for Ollama), pass --base-url, or add base_url to {DEFAULT_CONFIG_PATH}"
            )
        return cls(**values, source=sources["base_url"])


_NUMBER = (int, float)
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "base_url": (str,),
    "model": (str,),
    "api_key": (str,),
    "connect_timeout": _NUMBER,
    "read_timeout": _NUMBER,
    "write_timeout": _NUMBER,
    "pool_timeout": _NUMBER,
    "max_retries": (int,),
    "backoff_base": _NUMBER,
    "backoff_max": _NUMBER,
    "retry_after_cap": _NUMBER,
    "max_connections": (int,),
    "temperature": _NUMBER,
    "max_tokens": (int,),
}


def _read_file(config_path: str | os.PathLike[str] | None, env: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    """Read and type-check the TOML file; a missing default file is fine, a missing named one is not."""
    if config_path is not None or env.get(ENV_CONFIG):
        path = Path(config_path if config_path is not None else env[ENV_CONFIG]).expanduser()
        if not path.is_file():
            raise DojoInputError(f"LLM config file {path} does not exist (named by {ENV_CONFIG} or --config)")
    else:
        path = DEFAULT_CONFIG_PATH.expanduser()
        if not path.is_file():
            return {}, ""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DojoInputError(f"cannot read LLM config file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DojoInputError(f"LLM config file {path} is not valid TOML: {exc}") from exc
    for key, value in data.items():
        if key not in _FIELD_TYPES:
            raise DojoInputError(f"LLM config file {path}: unknown setting {key!r}; known: {', '.join(_FIELD_TYPES)}")
        if isinstance(value, bool) or not isinstance(value, _FIELD_TYPES[key]):
            raise DojoInputError(f"LLM config file {path}: {key} = {value!r} has the wrong type")
    return data, str(path)
