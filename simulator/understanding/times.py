"""Finding and resolving time references ("tomorrow by noon", "el lunes a las 10") in a message.

Everything is resolved against the call's start. A day without a clock time is due at the end of
that day; "morning" means by noon, "afternoon" by 6 pm, "tonight" by 11 pm. Vague references
("next month", "soon", "cuando cobre") are found too, with ``due=None``, so the scorer can tell a
vague promise from a specific one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from simulator.understanding.moves import TimeRef

_HAS_DIGIT = re.compile(r"\d")
_NUM = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "couple of": 2, "few": 3,
        "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
        "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "par de": 2}
_WEEKDAYS = {
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "es": ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"],
}
_MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
}
_MON_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS["en"])}
_NUMWORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|a couple of|a few|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|un par de)"

END_OF_DAY = time(23, 59)
PART_OF_DAY = {"morning": time(12, 0), "noon": time(12, 0), "afternoon": time(18, 0),
               "evening": time(21, 0), "night": time(23, 0), "first": time(10, 0), "eod": time(18, 0)}


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# --- English ---------------------------------------------------------------------------------
_EN_VAGUE = _p(r"\b(?:next (?:week|month|year)|this (?:coming )?month|end of (?:the |this |next )?(?:month|year|week)|"
               r"(?:as )?soon as (?:i|we) (?:can|get|have|could)|(?:as )?soon as (?:i'?m|i am|we'?re|we are) (?:back|able|sorted|on|in|out|working|better)\b[^.,;!?]{0,20}|soon|sometime|some time|later(?: on)?|one of these days|"
               r"when (?:i|we) (?:get|have|receive|am|'m|come|get back|find|can)\b[^.,;!?]{0,30}|"
               r"(?:on |at |after )?(?:my )?pay ?day|after (?:i|we) get paid|in (?:a few|a couple of|several) (?:weeks|months)|"
               r"eventually|in the (?:near )?future|at some point|as soon as possible|asap|"
               r"by (?:the )?end of (?:the )?month|in a few days|in the coming days|these days|whenever)\b")
_EN_NOW = _p(r"\b(?:right now|rn|right away|(?:right )?this (?:minute|second|instant)|immediately|as we speak|"
             r"at this (?:very )?moment|straight away|straightaway|(?<!for )(?<!until )(?<!till )(?<!just )(?<!from )(?<!by )now)\b")
_EN_IN = _p(rf"\bin (?:the next |about |around )?({_NUMWORD}) (minutes?|hours?|days?|weeks?)\b|\bwithin (?:the |an |the next )?(hour|(?:\d+|two|three|24|48) hours)\b")
_EN_DAY = _p(r"\b(?:the )?day after tomorrow\b|\btomorrow\b|\btonight\b|\btoday\b|\b2day\b|\btonite\b|\b2nite\b|\bthis (?:morning|afternoon|evening)\b|"
             r"\bend of (?:the |to)?day\b|\b(?:by )?close of business\b|\beod\b|\blater today\b")
_EN_WEEKDAY = _p(r"\b(?:(this|next|this coming|on|by|before)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_EN_DATE = _p(r"\b(?:on |by |before )?(?:the )?(\d{1,2})(?:st|nd|rd|th)(?: of (\w+))?\b|"
              r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
              r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? (\d{1,2})(?:st|nd|rd|th)?\b|"
              r"\b(\d{1,2}) (january|february|march|april|june|july|august|september|october|november|december)\b")
_EN_CLOCK = _p(r"\b(?:at|by|before|until|around|about|no later than|till)?\s*(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'?clock)(?![a-z])|"
               r"\b(at|by|before|until|around|no later than|till)\s+(\d{1,2})(?::(\d{2}))?\b(?!\s*(?:days?|weeks?|months?|hours?|minutes?|st|nd|rd|th|%|\$|dollars|euros|pesos|of\b))|"
               r"\b(?:by |before |at |around )?(?:12 )?(noon|midday|lunch ?time|lunch)\b|\b(first thing)\b|"
               r"\b(?:in the )?(morning|afternoon|evening|night)\b")

# --- Spanish (accents folded) -------------------------------------------------------------------
_ES_VAGUE = _p(r"\b(?:(?:la )?(?:semana|mes|ano) que viene|(?:la |el )?(?:proxima semana|proximo mes|proximo ano)|"
               r"(?:a |para |hasta )?(?:final|fin|finales) de(?:l)? (?:mes|ano|semana)|pronto|cuanto antes|lo antes posible|"
               r"(?:en )?cuanto (?:pueda|cobre|tenga|me paguen|me pague)|cuando (?:pueda|cobre|tenga|me paguen|me pague|vuelva|regrese|consiga|encuentre|me devuelva|me devuelvan)\b[^.,;!?]{0,30}|"
               r"mas adelante|algun dia|un dia de estos|en unos dias|en (?:unas|unos|algunas|algunos) (?:semanas|dias|meses)|"
               r"dentro de poco|en estos dias|estos dias|despues de cobrar|el dia de cobro|cuando sea)\b")
_ES_NOW = _p(r"\b(?:ahora mismo|ahorita|(?<!por )(?<!hasta )(?<!de )ahora|en este (?:mismo )?momento|de inmediato|inmediatamente|ya mismo|enseguida|en seguida|al instante)\b")
_ES_IN = _p(rf"\b(?:en|dentro de) (?:unos |unas |las proximas )?({_NUMWORD}) (minutos?|horas?|dias?|semanas?)\b|\b(?:en|dentro de) (?:la proxima |una )(hora)\b")
_ES_DAY = _p(r"\bpasado manana\b|\bmanana(?! (?:no\b))|\bhoy(?: mismo)?\b|\besta (?:misma )?(?:noche|tarde|manana)\b|\b(?:antes de )?(?:que )?(?:acabe|termine) el dia\b|\bal final del dia\b")
_ES_WEEKDAY = _p(r"\b(?:(este|el proximo|el|para el|antes del|el dia)\s+)?(lunes|martes|miercoles|jueves|viernes|biernes|sabado|domingo)(\s+que viene|\s+proximo)?\b")
_WEEKDAY_TYPOS = {"biernes": "viernes"}  # chat spellings seen in practice
_ES_DATE = _p(r"\b(?:el|para el|antes del|hasta el) (?:dia )?(\d{1,2})(?: de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre))?\b|"
              r"\b(\d{1,2}) de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b")
_ES_CLOCK = _p(r"\b(?:a|antes de|hasta|para|sobre|como tarde a|no mas tarde de) las (\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?::(\d{2})| y (media|cuarto))?(?: (?:de la|en punto de la|por la) (manana|tarde|noche))?\b|"
               r"\b(?:a la|antes de la|sobre la) (una)(?: de la (manana|tarde|noche))?\b|"
               r"\b(?:antes del |al |a )?(mediodia|medio dia)\b|\b(a primera hora)\b|\b(?:por la|de la) (manana|tarde|noche)\b|\b(temprano)\b")
_ES_HOURWORD = {"una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
                "nueve": 9, "diez": 10, "once": 11, "doce": 12}


def _end(day: date, at: time = END_OF_DAY) -> datetime:
    return datetime.combine(day, at)


def _next_weekday(start: date, weekday: int, modifier: str | None) -> date:
    ahead = (weekday - start.weekday()) % 7
    if ahead == 0:
        ahead = 7 if modifier not in ("this",) else 0
    if modifier and modifier.strip() in ("next", "el proximo") and ahead <= 7:
        ahead += 7 if ahead < 7 and modifier.strip() == "next" else 0
    return start + timedelta(days=ahead)


def _day_of_month(start: date, day: int, month: int | None) -> date | None:
    year = start.year
    month = month or start.month
    for _ in range(13):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate and candidate >= start:
            return candidate
        month += 1
        if month > 12:
            month, year = 1, year + 1
    return None


def _hour24(h: int, minute: int, suffix: str | None) -> time | None:
    if h > 24 or minute > 59:
        return None
    s = (suffix or "").replace(".", "")
    if s.startswith("p") or s in ("tarde", "noche"):
        if h < 12:
            h += 12
    elif s.startswith("a") or s == "manana":
        if h == 12:
            h = 0
    elif h < 8:
        h += 12  # "by 5" on a phone call means 5 pm
    return time(min(h, 23), minute)


# Every time pattern below needs one of these stems (or a digit); a message with none of them has
# no time reference, so most messages skip the full set of patterns. tests/test_times.py checks
# that the gate changes nothing on the labelled utterance sets.
_GATE = {
    "en": re.compile(r"\d|today|tonight|tomorrow|now|immediate|right|straight|minute|second|instant|moment|speak|"
                     r"morning|afternoon|evening|night|noon|midday|lunch|first|day|week|month|year|soon|later|when|"
                     r"eventual|future|point|asap|whenever|hour|end of|close of|eod|\brn\b|mon|tue|wed|thu|fri|sat|sun|"
                     r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|o'clock|\b(?:am|pm)\b|\ba\.?m|\bp\.?m|pay ?day|paid|"
                     r"couple|few|several|coming|time|till|until|before|by |at |tues|thurs|weds|2day|2moro|tmrw|tmr|tom"),
    "es": re.compile(r"\d|hoy|noche|tarde|manana|ahora|ahorita|inmediat|mismo|enseguida|seguida|instante|momento|"
                     r"mediodia|medio dia|primera hora|temprano|dia|semana|mes|ano|pronto|antes|cuando|cuanto|adelante|"
                     r"lunes|martes|miercoles|jueves|viernes|biernes|sabado|domingo|enero|febrero|marzo|abril|mayo|junio|"
                     r"julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|hora|minuto|final|fin de|finales|"
                     r"cobr|paguen|pague|vuelva|regrese|consiga|encuentre|devuelv|poco|estos|sea|las |la una|ya|al tiro|rato"),
}


def find_times(folded: str, language: str, started_at: datetime) -> list[TimeRef]:
    """All time references in a folded message, resolved against ``started_at``."""
    es = language == "es"
    if not _GATE["es" if es else "en"].search(folded):
        return []
    refs: list[TimeRef] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, due: datetime | None, vague: bool = False) -> None:
        if free(s, e):
            taken.append((s, e))
            refs.append(TimeRef(folded[s:e], s, e, due, vague))

    today = started_at.date()
    vague_re, now_re, in_re, day_re = (_ES_VAGUE, _ES_NOW, _ES_IN, _ES_DAY) if es else (_EN_VAGUE, _EN_NOW, _EN_IN, _EN_DAY)
    for m in vague_re.finditer(folded):
        add(m.start(), m.end(), None, True)
    for m in in_re.finditer(folded):
        n_text, unit = (m.group(1), m.group(2)) if m.group(1) else ("1", m.group(3) or "hour")
        n = int(n_text) if n_text.isdigit() else _NUM.get(n_text.replace("a couple of", "couple of").replace("un par de", "par de"), 1)
        if "24" in unit or "48" in unit:
            n, unit = int(unit.split()[0]), "hours"
        u = unit.rstrip("s")
        delta = {"minute": timedelta(minutes=n), "minuto": timedelta(minutes=n), "hour": timedelta(hours=n),
                 "hora": timedelta(hours=n), "day": timedelta(days=n), "dia": timedelta(days=n),
                 "week": timedelta(weeks=n), "semana": timedelta(weeks=n)}.get(u, timedelta(hours=n))
        due = started_at + delta
        if u in ("day", "dia", "week", "semana"):
            due = _end(due.date())
        add(m.start(), m.end(), due)
    for m in now_re.finditer(folded):
        add(m.start(), m.end(), started_at)

    # Days, then clock times that refine the day they share the message with.
    day_refs: list[tuple[int, int, date, time | None]] = []
    for m in day_re.finditer(folded):
        w = m.group(0)
        if "after tomorrow" in w or w.startswith("pasado"):
            d, part = today + timedelta(days=2), None
        elif "tomorrow" in w or (w.startswith("manana") and not _is_morning_word(folded, m.start())):
            d, part = today + timedelta(days=1), None
        elif w.startswith("manana"):
            continue  # "por la mañana": a part of the day, handled with clock times
        elif "tonight" in w or "nite" in w or "noche" in w:
            d, part = today, PART_OF_DAY["night"]
        elif "morning" in w or w.endswith("manana"):
            d, part = today, PART_OF_DAY["morning"]
        elif "afternoon" in w or "tarde" in w:
            d, part = today, PART_OF_DAY["afternoon"]
        elif "evening" in w:
            d, part = today, PART_OF_DAY["evening"]
        elif "end of" in w or "close of" in w or w == "eod" or "dia" in w:
            d, part = today, PART_OF_DAY["eod"]
        else:
            d, part = today, None
        if free(m.start(), m.end()):
            day_refs.append((m.start(), m.end(), d, part))
            taken.append((m.start(), m.end()))
    weekday_re = _ES_WEEKDAY if es else _EN_WEEKDAY
    names = _WEEKDAYS["es" if es else "en"]
    for m in weekday_re.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        mod = (m.group(1) or "").strip()
        if es and (m.group(3) or "").strip() in ("que viene", "proximo"):
            mod = "next"
        if es and mod == "el proximo":
            mod = "next"
        if mod in ("este",):
            mod = "this"
        d = _next_weekday(today, names.index(_WEEKDAY_TYPOS.get(m.group(2), m.group(2))), mod or None)
        day_refs.append((m.start(), m.end(), d, None))
        taken.append((m.start(), m.end()))
    date_re = _ES_DATE if es else _EN_DATE
    months = _MONTHS["es" if es else "en"]
    has_digit = _HAS_DIGIT.search(folded) is not None
    for m in (date_re.finditer(folded) if has_digit else ()):  # every date form has a day number
        if not free(m.start(), m.end()):
            continue
        groups = [g for g in m.groups()]
        day_num, month_name = None, None
        for g in groups:
            if g is None:
                continue
            if g.isdigit():
                day_num = int(g)
            elif g:
                month_name = g
        month = None
        if month_name:
            key = "septiembre" if month_name == "setiembre" else month_name
            if key in months:
                month = months.index(key) + 1
            elif key[:3] in _MON_ABBR and not es:
                month = _MON_ABBR[key[:3]]
            else:
                continue
        if not day_num or not 1 <= day_num <= 31:
            continue
        if es and month is None and _looks_like_amount_or_clock(folded, m.end()):
            continue
        d = _day_of_month(today, day_num, month)
        if d:
            day_refs.append((m.start(), m.end(), d, None))
            taken.append((m.start(), m.end()))

    clock = _find_clock(folded, es, free)
    day_refs.sort()
    if day_refs:
        assigned: dict[int, time] = {}
        for s, e, at in clock:
            def distance(ref: tuple[int, int, date, time | None]) -> int:
                return s - ref[1] if s >= ref[1] else (ref[0] - e) + 1000  # prefer the day before it
            best = min(range(len(day_refs)), key=lambda i: distance(day_refs[i]))
            assigned.setdefault(best, at)
        for i, (s, e, d, part) in enumerate(day_refs):
            at = assigned.get(i, part)
            refs.append(TimeRef(folded[s:e], s, e, _end(d, at or END_OF_DAY)))
    else:
        for s, e, at in clock:
            due = _end(today, at)
            if due < started_at - timedelta(minutes=1) and at != END_OF_DAY:
                due += timedelta(days=1)  # "at 9" said at 10 am means tomorrow at 9
            refs.append(TimeRef(folded[s:e], s, e, due))
    refs.sort(key=lambda r: r.start)
    return refs


def _is_morning_word(folded: str, pos: int) -> bool:
    """'mañana' as 'the morning' ('por la mañana', 'de la mañana', 'esta mañana') or as 'tomorrow'."""
    before = folded[max(0, pos - 7):pos]
    return bool(re.search(r"(?:\b(?:la|esta|las) |\d\s*(?:de la )?)$", before))  # not "ojalá mañana"


def _looks_like_amount_or_clock(folded: str, end: int) -> bool:
    after = folded[end:end + 12]
    return bool(re.match(r"\s*(?:euros?|dolares|pesos|€|\$|%|horas|dias|mil|:)", after))


def _find_clock(folded: str, es: bool, free) -> list[tuple[int, int, time]]:
    out: list[tuple[int, int, time]] = []
    pattern = _ES_CLOCK if es else _EN_CLOCK
    for m in pattern.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        g = m.groups()
        at: time | None = None
        if es:
            if g[0]:
                h = int(g[0]) if g[0].isdigit() else _ES_HOURWORD[g[0]]
                minute = int(g[1]) if g[1] else (30 if g[2] == "media" else 15 if g[2] == "cuarto" else 0)
                at = _hour24(h, minute, g[3])
            elif g[4]:
                at = _hour24(1, 0, g[5] or "tarde")
            elif g[6]:
                at = PART_OF_DAY["noon"]
            elif g[7]:
                at = PART_OF_DAY["first"]
            elif g[8]:
                at = PART_OF_DAY[{"manana": "morning", "tarde": "afternoon", "noche": "night"}[g[8]]]
            elif g[9]:
                at = PART_OF_DAY["first"]
        else:
            if g[0]:
                suffix = g[2] if not g[2].startswith("o") else None
                at = _hour24(int(g[0]), int(g[1] or 0), suffix)
            elif g[4]:
                at = _hour24(int(g[4]), int(g[5] or 0), None)
            elif g[6]:
                at = PART_OF_DAY["noon"]
            elif g[7]:
                at = PART_OF_DAY["first"]
            elif g[8]:
                at = PART_OF_DAY[g[8]]
        if at is not None:
            out.append((m.start(), m.end(), at))
    return out
