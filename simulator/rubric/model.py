"""The rubric file format (``rubrics/*.yaml``), validated with pydantic.

A rubric names its criteria and violations, their weights, and the coaching feedback for each
status in each language. The evaluation logic behind each ``rule`` lives in ``scorer.py``; the
text a trainee reads lives here, in the data.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simulator.understanding import Move

CriterionRule = Literal["ask_payment_today", "find_reason", "explain_consequences", "secure_promise", "trainee_move"]
ViolationRule = Literal["abuse", "threat", "third_party_disclosure"]
REQUIRED_CRITERIA = ("ask_payment_today", "find_reason", "explain_consequences", "secure_promise")


class Localized(BaseModel):
    """Text in each language; Spanish falls back to English when missing."""

    model_config = ConfigDict(extra="forbid")
    en: str
    es: str | None = None

    def get(self, language: str) -> str:
        return (self.es if language == "es" and self.es else self.en).strip()


class CriterionFeedback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    met: Localized
    partial: Localized | None = None
    missed: Localized
    missed_asked_when: Localized | None = Field(
        default=None, description="for ask_payment_today: the trainee asked 'when can you pay?' instead")
    third_party: Localized | None = Field(default=None, description="when the counterpart is not the debtor")


class CriterionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Localized
    rule: CriterionRule
    move: Move | None = Field(default=None, description="for rule 'trainee_move': the move that meets it")
    weight: float = Field(gt=0)
    feedback: CriterionFeedback

    @model_validator(mode="after")
    def _move_for_generic_rule(self) -> "CriterionSpec":
        if self.rule == "trainee_move" and self.move is None:
            raise ValueError("rule 'trainee_move' needs a 'move'")
        return self


class ViolationSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Localized
    rule: ViolationRule
    feedback: Localized


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    title: Localized
    pass_score: int = Field(ge=0, le=100)
    partial_credit: float = Field(default=0.5, ge=0, le=1)
    violation_penalty: int = Field(default=25, ge=0, le=100,
                                   description="points taken off per distinct violation id")
    promise_window_days: int = Field(default=2, ge=0, le=14,
                                     description="a promise is 'met' when due by the end of this day after the call")
    criteria: list[CriterionSpec]
    violations: list[ViolationSpec]

    @model_validator(mode="after")
    def _contract_ids(self) -> "Rubric":
        ids = [c.id for c in self.criteria]
        missing = [c for c in REQUIRED_CRITERIA if c not in ids]
        if missing:
            raise ValueError(f"criteria must include {', '.join(missing)} (the CONTRACT's four tasks)")
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate criterion id {sorted(dupes)[0]!r}")
        return self
