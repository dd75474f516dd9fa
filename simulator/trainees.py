"""Scripted trainee agents: a good collector and a poor one, in English and Spanish.

They play the trainee side without a human, for batch evaluation and as the personas' regression
suite: the good one must obtain a promise from every debtor persona (and a callback time, without
disclosing anything, from a third party); the poor one — who only asks "when can you pay?" — must
not. The good one adapts to what it hears (a claim of payment gets verified; a relative gets no
details), the way the seeds' model calls do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.understanding import Move, understand

GOOD_LINES = {
    "en": {
        "identity": "Hello, am I speaking with {debtor}?",
        "intro": "This is Sam from {lender}. Your payment of {amount_text} is {days_overdue} days overdue, and I need you to make that payment today.",
        "reason": "I understand. What happened? What's stopping you from paying?",
        "reason_again": "I'm sorry to hear that, and I do want to help. Can you tell me more about what happened?",
        "verify": "Thank you. Let me check that with you: how much did you pay, on what date, and which account did you send it to?",
        "consequences": "I have to be straight with you: every day it stays overdue adds late fees, and it will be reported to your credit record, which makes future loans harder to get.",
        "funding": "Could you borrow it from a relative until payday, or pay part of it today online?",
        "press": "Can you pay today before 6 pm, or tomorrow morning at the latest?",
        "press_again": "I need a specific time. Can you commit to paying it by tomorrow at noon?",
        "confirm": "So to confirm: you will pay as you said. I'll note that on your account. Thank you.",
        "callback": "I see. When would be a good time to reach him? Could you ask him to call me back?",
        "goodbye": "Thank you very much, I'll call back then. Goodbye.",
    },
    "es": {
        "identity": "Buenos días, ¿hablo con {debtor}?",
        "intro": "Soy Sam, de {lender}. Su pago de {amount_text} lleva {days_overdue} días vencido y necesito que lo haga hoy.",
        "reason": "Entiendo. ¿Qué le ha pasado? ¿Qué le impide pagar?",
        "reason_again": "Lo siento mucho, de verdad quiero ayudarle. ¿Me puede contar qué pasó?",
        "verify": "Gracias. Permítame comprobarlo: ¿cuánto pagó, en qué fecha y a qué cuenta lo envió?",
        "consequences": "Tengo que ser sincero: cada día de retraso genera intereses de demora, y se reflejará en su historial crediticio, lo que le hará más difícil conseguir un préstamo en el futuro.",
        "funding": "¿Podría pedírselo prestado a un familiar hasta que cobre, o pagar una parte hoy por la banca online?",
        "press": "¿Puede pagar hoy antes de las 6 de la tarde, o mañana por la mañana como muy tarde?",
        "press_again": "Necesito una hora concreta. ¿Se compromete a pagarlo mañana antes del mediodía?",
        "confirm": "Entonces, para confirmar: pagará como me ha dicho. Lo dejo anotado en su expediente. Gracias.",
        "callback": "Entiendo. ¿A qué hora puedo localizarlo? ¿Podría decirle que me llame?",
        "goodbye": "Muchas gracias, volveré a llamar entonces. Adiós.",
    },
}

POOR_LINES = {
    "en": ["Hi, is this a good time to talk?", "It's about your loan, the payment is late. When do you think you can pay?",
           "Hmm, okay. So when will you be able to pay?", "Alright. Please just let us know when you can.",
           "OK, no problem. Have a good day."],
    "es": ["Hola, ¿es buen momento para hablar?", "Es por su préstamo, el pago va con retraso. ¿Cuándo cree que podrá pagar?",
           "Mmm, vale. ¿Y cuándo podrá pagar entonces?", "Bueno. Avísenos cuando pueda, por favor.",
           "Vale, no hay problema. Que tenga un buen día."],
}


@dataclass
class GoodTrainee:
    """Follows the four tasks of a first call and adapts to the persona's answers."""

    language: str = "en"
    plan: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    done: bool = False
    reason_found: bool = False

    def next_message(self, turns: list[dict[str, Any]], card: dict[str, Any]) -> str | None:
        if self.done:
            return None
        lines = GOOD_LINES[self.language]
        heard = [understand(t["text"], self.language, "persona") for t in turns if t["role"] == "persona"]
        last = heard[-1] if heard else None
        said = set(self.said)

        def say(key: str) -> str:
            self.said.append(key)
            return lines[key].format(**card)

        if card.get("counterpart") == "third_party":
            if "identity" not in said:
                return say("identity")
            if "callback" not in said:
                return say("callback")
            self.done = True
            return say("goodbye")
        committed = any(h.has(Move.COMMITS) for h in heard)
        if committed:
            if "confirm" not in said:
                self.done = True
                return say("confirm")
            self.done = True
            return None
        claims_paid = any(h.has(Move.CLAIMS_PAID) for h in heard)
        # The real reason is what comes back to a question about it, not the opening excuse.
        if self.said and self.said[-1] in ("reason", "reason_again", "verify") and last is not None \
                and (last.has(Move.GIVES_REASON) or self.said[-1] == "verify"):
            self.reason_found = self.reason_found or last.has(Move.GIVES_REASON)
        reason = self.reason_found
        order = ["identity", "intro"]
        if claims_paid:
            order.append("verify")
        order += ["reason"]
        for key in order:
            if key not in said:
                return say(key)
        # Follow up on the reason at least once (the first answer is often still the excuse).
        if said_count(self.said, "reason_again") < (1 if reason else 2):
            return say("reason_again")
        for key in ("consequences", "funding", "press"):
            if key not in said:
                return say(key)
        if last is not None and said_count(self.said, "press_again") < 3:
            return say("press_again")
        self.done = True
        return None


def said_count(said: list[str], key: str) -> int:
    return sum(1 for s in said if s == key)


@dataclass
class PoorTrainee:
    """The classic mistakes: small talk, then only "when can you pay?", then accepting any date."""

    language: str = "en"
    index: int = 0

    def next_message(self, turns: list[dict[str, Any]], card: dict[str, Any]) -> str | None:
        lines = POOR_LINES[self.language]
        if self.index >= len(lines):
            return None
        self.index += 1
        return lines[self.index - 1]


def scripted_trainee(kind: str, language: str) -> GoodTrainee | PoorTrainee:
    if kind == "scripted-good":
        return GoodTrainee(language)
    if kind == "scripted-poor":
        return PoorTrainee(language)
    raise ValueError(f"unknown scripted trainee {kind!r}")


def play_scripted(call: Any, trainee: GoodTrainee | PoorTrainee, on_turn: Any = None) -> Any:
    """Let a scripted trainee talk to ``call`` until either side is done; returns the call.
    ``on_turn(message)`` wraps each ``call.say`` (benchmarks time it)."""
    say = on_turn or call.say
    while not call.over:
        message = trainee.next_message([t.model_dump() for t in call.transcript.turns], call.card())
        if message is None:
            break
        say(message)
    return call
