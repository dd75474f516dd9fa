"""Dialogue understanding: the moves each message makes, with evidence spans, in English and Spanish.

Pure and offline: regular-expression cues over accent-folded text, combined per sentence, with
negation scopes and time expressions resolved against the call's start.
"""

from simulator.understanding.detect import find_amounts, understand
from simulator.understanding.moves import (PERSONA_MOVES, TRAINEE_MOVES, ConsequenceKind, Detection, Move,
                                           PaymentDetail, TimeRef, Understanding)

__all__ = ["understand", "find_amounts", "Move", "Detection", "TimeRef", "Understanding",
           "ConsequenceKind", "PaymentDetail", "TRAINEE_MOVES", "PERSONA_MOVES"]
