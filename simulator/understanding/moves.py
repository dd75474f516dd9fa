"""The vocabulary of dialogue acts the simulator understands, for both sides of a call.

Trainee moves drive the persona policy and the rubric; persona moves let the scorer read a bare
transcript (did the debtor give a reason, commit to a time, agree to a proposal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class Move(str, Enum):
    # -- trainee (the collector) ------------------------------------------------------------
    CONFIRM_IDENTITY = "confirm_identity"      # "Am I speaking with Ms. Rivera?"
    IDENTIFY_SELF = "identify_self"            # "This is Dana from Northwind Credit"
    STATE_DEBT = "state_debt"                  # "your installment of $420 is five days overdue"
    ASK_PAYMENT_TODAY = "ask_payment_today"    # "I need you to pay it today" / "today or tomorrow?"
    ASK_WHEN = "ask_when"                      # "When can you pay?" (the classic mistake)
    ASK_REASON = "ask_reason"                  # "What happened?" / follow-up on the reason given
    EXPLAIN_CONSEQUENCE = "explain_consequence"  # late fees, credit record, future credit, legal
    SUGGEST_FUNDING = "suggest_funding"        # "could you borrow it", "pay part today"
    PRESS_COMMITMENT = "press_commitment"      # "What time tomorrow?" "Can you commit to 5 pm?"
    CONFIRM_COMMITMENT = "confirm_commitment"  # "So to confirm: $420 tomorrow before noon"
    EMPATHISE = "empathise"                    # "I understand, that's hard"
    VERIFY_PAYMENT = "verify_payment"          # "How much did you pay, when, and how?"
    ASK_CALLBACK = "ask_callback"              # "When can I reach him?" "Ask him to call me back"
    THIRD_PARTY_PAY = "third_party_pay"        # "Could you pay it for him?"
    ABUSE = "abuse"                            # insults, profanity aimed at the person
    THREAT = "threat"                          # violence, arrest, seizure without court, telling others
    # -- persona (whoever answers) -----------------------------------------------------------
    GIVES_REASON = "gives_reason"              # "My car broke down and the repair ate my paycheck"
    COMMITS = "commits"                        # "I'll transfer it tomorrow by noon" / "paying now"
    VAGUE_PROMISE = "vague_promise"            # "I'll pay next month" / "I'll try" / "soon"
    AGREES = "agrees"                          # "Yes, that works" (to a proposal on the table)
    REFUSES = "refuses"                        # "I can't pay today"
    CLAIMS_PAID = "claims_paid"                # "I already paid that"


TRAINEE_MOVES = frozenset({
    Move.CONFIRM_IDENTITY, Move.IDENTIFY_SELF, Move.STATE_DEBT, Move.ASK_PAYMENT_TODAY,
    Move.ASK_WHEN, Move.ASK_REASON, Move.EXPLAIN_CONSEQUENCE, Move.SUGGEST_FUNDING,
    Move.PRESS_COMMITMENT, Move.CONFIRM_COMMITMENT, Move.EMPATHISE, Move.VERIFY_PAYMENT,
    Move.ASK_CALLBACK, Move.THIRD_PARTY_PAY, Move.ABUSE, Move.THREAT,
})
PERSONA_MOVES = frozenset(set(Move) - TRAINEE_MOVES)


class ConsequenceKind(str, Enum):
    LATE_FEES = "late_fees"          # late fees, penalty interest
    CREDIT_RECORD = "credit_record"  # reported to the bureau, credit score damaged
    FUTURE_CREDIT = "future_credit"  # harder or refused future loans
    LEGAL = "legal"                  # escalated, referred to collections / legal proceedings


class PaymentDetail(str, Enum):
    """What a trainee verifies about a payment the debtor says was made."""

    AMOUNT = "amount"
    DATE = "date"
    CHANNEL = "channel"


@dataclass(frozen=True)
class TimeRef:
    """A point in time named in a message, resolved against the call's start.

    ``due`` is None for vague references ("soon", "next month", "when I get paid").
    """

    text: str
    start: int
    end: int
    due: datetime | None
    vague: bool = False


@dataclass(frozen=True)
class Detection:
    """One move found in one message, with the character span that shows it (the evidence)."""

    move: Move
    start: int
    end: int
    quote: str
    kind: str | None = None                 # ConsequenceKind / PaymentDetail value, when it applies
    times: tuple[TimeRef, ...] = field(default=())


@dataclass(frozen=True)
class Understanding:
    """Everything read from one message."""

    text: str
    detections: tuple[Detection, ...]
    times: tuple[TimeRef, ...]
    amounts: tuple[float, ...]
    other_language: bool = False

    @property
    def moves(self) -> frozenset[Move]:
        return frozenset(d.move for d in self.detections)

    def has(self, move: Move) -> bool:
        return any(d.move is move for d in self.detections)

    def first(self, move: Move) -> Detection | None:
        return next((d for d in self.detections if d.move is move), None)

    def kinds(self, move: Move) -> frozenset[str]:
        return frozenset(d.kind for d in self.detections if d.move is move and d.kind)
