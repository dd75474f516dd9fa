"""The score report of the CONTRACT (section 3) and the call outcome of ``dojo play --json``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

Status = Literal["met", "partial", "missed"]


class Evidence(BaseModel):
    turn: int
    quote: str


class CriterionResult(BaseModel):
    id: str
    title: str = ""
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)
    feedback: str = ""
    weight: float = 0


class Violation(BaseModel):
    id: str
    turn: int
    quote: str
    feedback: str = ""


class Promise(BaseModel):
    due: datetime
    amount: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"due": self.due.isoformat(timespec="minutes"), "amount": self.amount}


class Report(BaseModel):
    """Fields beyond the CONTRACT's (passed, blocked_by, promise...) are additions, never changes."""

    rubric: str
    score: int
    passed: bool
    blocked_by: list[str] = Field(default_factory=list)
    criteria: list[CriterionResult]
    violations: list[Violation] = Field(default_factory=list)
    promise: Promise | None = None
    summary: str = ""

    def status_of(self, criterion_id: str) -> Status | None:
        return next((c.status for c in self.criteria if c.id == criterion_id), None)

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude={"promise"})
        data["promise"] = self.promise.to_json() if self.promise else None
        return data


class Outcome(BaseModel):
    promise: Promise | None = None
    hung_up: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"promise": self.promise.to_json() if self.promise else None, "hung_up": self.hung_up}
