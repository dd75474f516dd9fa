"""The call transcript of the CONTRACT (section 2), and reading it from JSON or plain text lines.

A transcript is all the scorer needs: it carries no simulator state, so real calls score the same
way as simulated ones.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from simulator.datafiles import read_text
from simulator.errors import DojoInputError

Role = Literal["trainee", "persona"]
Language = Literal["en", "es"]
Counterpart = Literal["debtor", "third_party"]

MAX_TURN_CHARS = 4000
"""A trainee message longer than this is refused with a notice (a wall of text is not a turn)."""


class Turn(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Role
    text: str


class Transcript(BaseModel):
    """One call. Extra fields are kept, so a transcript survives a round trip through the tools."""

    model_config = ConfigDict(extra="allow")

    language: Language = "en"
    started_at: datetime = Field(default_factory=lambda: datetime.now().replace(microsecond=0))
    persona: str | None = None
    counterpart: Counterpart = "debtor"
    turns: list[Turn]

    @field_validator("started_at")
    @classmethod
    def _naive_local(cls, value: datetime) -> datetime:
        # Promise times are wall-clock times of the call's place; keep them naive and comparable.
        return value.replace(tzinfo=None) if value.tzinfo else value

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        data["started_at"] = self.started_at.isoformat(timespec="seconds")
        return data


_SPEAKER = re.compile(r"^\s*(trainee|agent|collector|persona|debtor|customer|cliente|agente|deudor)\s*:\s?(.*)$", re.I)
_ROLE_OF = {"trainee": "trainee", "agent": "trainee", "collector": "trainee", "agente": "trainee",
            "persona": "persona", "debtor": "persona", "customer": "persona", "cliente": "persona",
            "deudor": "persona"}


def parse_text_lines(text: str, source: str = "<text>") -> Transcript:
    """``Trainee: ...`` / ``Debtor: ...`` lines; a line without a speaker continues the last turn."""
    turns: list[Turn] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _SPEAKER.match(line)
        if m:
            turns.append(Turn(role=_ROLE_OF[m.group(1).lower()], text=m.group(2).strip()))
        elif turns:
            turns[-1].text = f"{turns[-1].text} {line.strip()}"
        else:
            raise DojoInputError(
                f"{source}:{number}: expected 'Trainee: ...' or 'Debtor: ...', got {line.strip()[:60]!r}")
    if not turns:
        raise DojoInputError(f"{source}: no turns found (expected 'Trainee: ...' / 'Debtor: ...' lines)")
    return Transcript(turns=turns)


def parse_transcript(text: str, source: str = "<text>") -> Transcript:
    """A transcript from JSON (the CONTRACT's shape) or from speaker-labelled text lines."""
    stripped = text.lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DojoInputError(f"{source}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise DojoInputError(f"{source}: expected a JSON object with 'turns', got {type(data).__name__}")
        try:
            return Transcript.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "(top level)"
            raise DojoInputError(f"{source}: {field}: {err['msg']}") from None
    return parse_text_lines(text, source)


def read_transcript(path: str | Path) -> Transcript:
    return parse_transcript(read_text(path, "a transcript"), str(path))
