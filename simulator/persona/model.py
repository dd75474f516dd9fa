"""The persona file format (``personas/*.yaml``), validated with pydantic.

A persona is data a trainer can write: a public card, hidden facts, a temperament, how many
presses each step needs per difficulty, and several phrasings of every line in each language.
The behaviour that reads these numbers lives in ``policy.py`` — one place for every persona.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from simulator.understanding import ConsequenceKind

Difficulty = Literal["easy", "medium", "hard"]
LanguageCode = Literal["en", "es"]
CommitSlot = Literal["now", "today_evening", "tonight", "tomorrow_morning", "tomorrow_noon",
                     "tomorrow_evening", "day_after"]

# Every act the policy can decide. A persona's lines (merged over personas/_common.yaml) must
# cover the acts its policy can reach; ``Persona`` checks that on load.
DEBTOR_ACTS = (
    "greeting", "who_is_calling", "excuse", "far_date", "deflect_reason", "reveal_reason", "elaborate_reason",
    "cannot_today", "consequence_moved", "consequence_shrug", "funding_considered", "no_money_for_it",
    "why_hurry", "hesitate", "commit", "confirm", "no_agreement", "thanks_empathy", "abuse_warning",
    "hang_up_abuse", "off_topic", "silence", "other_language", "stalling",
)
PAID_ACTS = ("answer_amount", "answer_date", "answer_channel", "insist_paid", "realize_shortfall")
THIRD_PARTY_ACTS = ("not_home", "what_is_it_about", "shocked_disclosure", "angry_hang_up", "give_callback_time",
                    "relative_stalling", "abuse_warning", "hang_up_abuse", "off_topic", "silence", "other_language")

Lines = dict[str, dict[LanguageCode, list[str]]]


class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid")
    en: str
    es: str

    def get(self, language: str) -> str:
        return self.es if language == "es" else self.en


class Card(BaseModel):
    """What is drawn per call and shown to the trainee (never the hidden facts)."""

    model_config = ConfigDict(extra="forbid")
    names: dict[LanguageCode, list[str]]
    lenders: dict[LanguageCode, list[str]]
    amount: tuple[int, int] = Field(description="range of the overdue amount, inclusive")
    days_overdue: tuple[int, int]
    relation: dict[LanguageCode, list[str]] | None = Field(
        default=None, description="third-party personas: who answers (wife, brother...)")
    respondent_names: dict[LanguageCode, list[str]] | None = None

    @field_validator("amount", "days_overdue")
    @classmethod
    def _ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        if value[0] > value[1] or value[0] < 0:
            raise ValueError("expected [low, high] with 0 <= low <= high")
        return value


class Steps(BaseModel):
    """How much pressing each step needs at one difficulty."""

    model_config = ConfigDict(extra="forbid")
    probes: int = Field(ge=1, le=5, description="reason questions before the real reason comes out")
    presses: int = Field(ge=1, le=5, description="presses for a specific time, after the ask for today")
    consequences: int = Field(ge=0, le=4, description="distinct moving consequences needed")
    verify: int = Field(default=3, ge=1, le=3, description="already-paid personas: details to verify")


class ReasonVariant(BaseModel):
    """One version of the hidden truth, drawn per call; its lines override the persona's."""

    model_config = ConfigDict(extra="forbid")
    id: str
    lines: Lines = Field(default_factory=dict)


class FarDate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["vague", "days"]
    days: tuple[int, int] | None = Field(default=None, description="for 'days': how far the excuse's date is")

    @model_validator(mode="after")
    def _days_for_kind(self) -> "FarDate":
        if self.kind == "days" and not self.days:
            raise ValueError("far_date of kind 'days' needs 'days: [low, high]'")
        return self


class Hidden(BaseModel):
    """What the trainee must find out; the LLM voice sees only what the policy has released."""

    model_config = ConfigDict(extra="forbid")
    reasons: list[ReasonVariant] = Field(min_length=1)
    today_share: float = Field(ge=0, le=1, description="share of the amount they can pay today (0: nothing)")
    commit_slots: list[CommitSlot] = Field(min_length=1, description="when they can pay, one drawn per call")
    needs_funding: bool = Field(default=False, description="commits only after the trainee suggests a way to fund it")
    moved_by: list[ConsequenceKind] = Field(default_factory=lambda: list(ConsequenceKind))
    far_date: FarDate = FarDate(kind="vague")
    reveal_needs_empathy: bool = False
    paid: bool = Field(default=False, description="claims to have paid; yields only to verification")


class Temperament(BaseModel):
    model_config = ConfigDict(extra="forbid")
    patience: int = Field(ge=1, le=6, description="abusive or threatening messages before hanging up")
    style: Localized = Field(description="how they speak, for the LLM voice")


class Persona(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Localized
    description: Localized
    difficulty: Difficulty
    counterpart: Literal["debtor", "third_party"] = "debtor"
    languages: list[LanguageCode] = Field(min_length=1)
    card: Card
    hidden: Hidden
    temperament: Temperament
    steps: dict[Difficulty, Steps]
    lines: Lines

    @model_validator(mode="after")
    def _complete(self) -> "Persona":
        for level in ("easy", "medium", "hard"):
            if level not in self.steps:
                raise ValueError(f"steps must define '{level}'")
        for lang in self.languages:
            for field in ("names", "lenders"):
                if not getattr(self.card, field).get(lang):
                    raise ValueError(f"card.{field} has no '{lang}' entries")
        return self

    def acts(self) -> tuple[str, ...]:
        if self.counterpart == "third_party":
            return THIRD_PARTY_ACTS
        return DEBTOR_ACTS + (PAID_ACTS if self.hidden.paid else ())


class CommonLines(BaseModel):
    """personas/_common.yaml: lines every persona shares unless it says them its own way."""

    model_config = ConfigDict(extra="forbid")
    lines: Lines
