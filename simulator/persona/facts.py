"""Drawing one call's details from a persona (seeded), and saying dates and amounts in words."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from simulator.persona.model import Persona
from simulator.persona.policy import Commitment, Facts, slot_due

SLOT_PHRASES = {
    "en": {"now": "right now", "today_evening": "today before 6 pm", "tonight": "tonight",
           "tomorrow_morning": "tomorrow morning", "tomorrow_noon": "tomorrow before noon",
           "tomorrow_evening": "tomorrow before 6 pm", "day_after": "the day after tomorrow"},
    "es": {"now": "ahora mismo", "today_evening": "hoy antes de las 6 de la tarde", "tonight": "esta noche",
           "tomorrow_morning": "mañana por la mañana", "tomorrow_noon": "mañana antes del mediodía",
           "tomorrow_evening": "mañana antes de las 6 de la tarde", "day_after": "pasado mañana"},
}
_SLOT_ORDER = ["now", "today_evening", "tonight", "tomorrow_morning", "tomorrow_noon", "tomorrow_evening", "day_after"]
CURRENCY = {"en": "$", "es": "€"}


def money(amount: float, language: str) -> str:
    if language == "es":
        return f"{amount:,.0f}".replace(",", ".") + " €"
    return f"${amount:,.0f}"


def ordinal_day(day: datetime, language: str) -> str:
    n = day.day
    if language == "es":
        return f"el día {n}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"on the {n}{suffix}"


def feasible_slot(slot: str, started_at: datetime) -> str:
    """A slot that is still ahead of the call ("today before 6 pm" is no use at 7 pm)."""
    i = _SLOT_ORDER.index(slot)
    while slot != "now" and slot_due(slot, started_at) <= started_at and i + 1 < len(_SLOT_ORDER):
        i += 1
        slot = _SLOT_ORDER[i]
    return slot


def draw_facts(persona: Persona, language: str, seed: int, started_at: datetime) -> Facts:
    rng = random.Random(f"facts:{persona.id}:{seed}")
    card, hidden = persona.card, persona.hidden
    lo, hi = card.amount
    amount = float(round(rng.randint(lo, hi) / 10) * 10 or lo)
    days = rng.randint(*card.days_overdue)
    far = None
    if hidden.far_date.kind == "days" and hidden.far_date.days:
        far_day = started_at.date() + timedelta(days=rng.randint(*hidden.far_date.days))
        far = datetime.combine(far_day, datetime.max.time()).replace(hour=23, minute=59, second=0, microsecond=0)
    relation = rng.choice(card.relation[language]) if card.relation and card.relation.get(language) else None
    respondent = rng.choice(card.respondent_names[language]) if card.respondent_names and card.respondent_names.get(language) else None
    paid_amount = paid_date = None
    if hidden.paid:
        paid_amount = float(round(amount * rng.uniform(0.45, 0.8) / 10) * 10)
        paid_date = started_at - timedelta(days=rng.randint(2, max(3, days)))
    return Facts(
        name=rng.choice(card.names[language]), lender=rng.choice(card.lenders[language]), amount=amount,
        days_overdue=days, reason=rng.choice(hidden.reasons).id,
        slot=feasible_slot(rng.choice(hidden.commit_slots), started_at),  # type: ignore[arg-type]
        far_date=far, currency=CURRENCY[language], relation=relation, respondent=respondent,
        paid_amount=paid_amount, paid_date=paid_date)


def due_phrase(c: Commitment, facts: Facts, language: str, started_at: datetime) -> str:
    """The commitment in words, in a form the dialogue understanding reads back to the same time."""
    phrases = SLOT_PHRASES[language]
    if c.slot == "part_today":
        today = "today_evening" if slot_due("today_evening", started_at) == c.due else "tonight"
        rest = phrases[facts.slot if facts.slot not in ("now", "today_evening", "tonight") else "tomorrow_noon"]
        if language == "es":
            return f"{money(c.amount or 0, language)} {phrases[today]} y el resto {rest}"
        return f"{money(c.amount or 0, language)} {phrases[today]} and the rest {rest}"
    if c.slot is None and c.due:
        return ordinal_day(c.due, language)
    slot = c.slot if c.slot in phrases else facts.slot
    if c.slot not in phrases:
        for name in phrases:
            if slot_due(name, started_at) == c.due:
                slot = name
                break
    if language == "es":
        return f"los {money(c.amount or facts.amount, language)} {phrases[slot]}"
    return f"the full {money(c.amount or facts.amount, language)} {phrases[slot]}"


def template_values(facts: Facts, language: str, started_at: datetime, commitment: Commitment | None) -> dict[str, str]:
    values = {
        "name": facts.name, "lender": facts.lender, "amount": money(facts.amount, language),
        "days": str(facts.days_overdue), "relation": facts.relation or "", "respondent": facts.respondent or "",
        "far_date": ordinal_day(facts.far_date, language) if facts.far_date else "",
        "due": due_phrase(commitment, facts, language, started_at) if commitment else "",
        "paid_amount": money(facts.paid_amount, language) if facts.paid_amount else "",
        "shortfall": money(facts.amount - facts.paid_amount, language) if facts.paid_amount else "",
        "paid_date": ordinal_day(facts.paid_date, language) if facts.paid_date else "",
    }
    return values


TEMPLATE_FIELDS = frozenset({"name", "lender", "amount", "days", "relation", "respondent", "far_date", "due",
                             "paid_amount", "shortfall", "paid_date"})
