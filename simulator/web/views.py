"""HTML for the web app: persona cards, the call status, the score card and the transcript.

Pure functions returning strings; no gradio here. Every piece of text that came from a user, a
file or a persona line goes through ``esc`` — only markup written in this module is raw. The
same fragments (and ``CSS``) make the self-contained HTML report in ``exports.py``.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any, Iterable, Sequence

STATUS_LABEL = {"met": "Met", "partial": "Partial", "missed": "Missed"}
TASKS = (("ask_payment_today", "Ask for payment today"), ("find_reason", "Find the real reason"),
         ("explain_consequences", "Explain the consequences"), ("secure_promise", "Secure a concrete promise"))
TASK_TITLE = dict(TASKS)
TASK_SHORT = {"ask_payment_today": "Ask today", "find_reason": "Reason", "explain_consequences": "Consequences",
              "secure_promise": "Promise"}

CSS = """
.dojo{font-family:inherit;color:var(--body-text-color,#1f2937);line-height:1.45}
.dojo *{box-sizing:border-box}
.dojo h3{margin:0 0 .4rem;font-size:1.05rem}
.dojo .muted{color:var(--body-text-color-subdued,#6b7280);font-size:.9rem}
.dojo-banner{padding:.55rem .8rem;border-radius:8px;background:#eef2ff;color:#3730a3;font-size:.92rem}
.dojo-banner.warn{background:#fff7ed;color:#9a3412}
.dojo-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:.75rem}
.dojo-pcard{display:flex;flex-direction:column;gap:.35rem;text-align:left;font:inherit;color:inherit;cursor:pointer;
  border:1px solid var(--border-color-primary,#e5e7eb);border-radius:10px;padding:.8rem .9rem;
  background:var(--block-background-fill,#fff);transition:border-color .15s,box-shadow .15s}
.dojo-pcard:hover{border-color:#a5b4fc}
.dojo-pcard.selected{border-color:#4f46e5;box-shadow:0 0 0 2px #c7d2fe}
.dojo-pcard .top{display:flex;justify-content:space-between;gap:.5rem;align-items:baseline}
.dojo-pcard b{font-size:1rem}
.dojo-pcard .desc{font-size:.9rem}
.dojo-pcard .muted{font-size:.8rem}
.tag{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.75rem;font-weight:600;
  background:#f3f4f6;color:#374151;white-space:nowrap}
.tag.easy{background:#e6f4ea;color:#137333}.tag.medium{background:#fef7e0;color:#8a5a00}
.tag.hard{background:#fce8e6;color:#a50e0e}
.dojo-callcard{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:.5rem;
  border:1px solid var(--border-color-primary,#e5e7eb);border-radius:10px;padding:.7rem .9rem}
.dojo-callcard .k{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--body-text-color-subdued,#6b7280)}
.dojo-callcard .v{font-weight:600}
.dojo-callcard .title{grid-column:1/-1;display:flex;justify-content:space-between;align-items:baseline}
.dojo-status{display:flex;gap:1.2rem;align-items:center;font-size:.95rem;padding:.2rem 0}
.dojo-status .dot{display:inline-block;width:.6rem;height:.6rem;border-radius:50%;background:#16a34a;margin-right:.35rem}
.dojo-status .dot.off{background:#9ca3af}
.dojo-status .timer{font-variant-numeric:tabular-nums;font-weight:600}
.dojo-coach ul{list-style:none;margin:.2rem 0;padding:0}
.dojo-coach li{padding:.3rem 0;display:flex;gap:.5rem;align-items:center}
.dojo-coach .box{width:1.2rem;height:1.2rem;border-radius:4px;border:2px solid #9ca3af;display:inline-flex;
  align-items:center;justify-content:center;font-size:.8rem;font-weight:700;flex:none}
.dojo-coach .met .box{background:#16a34a;border-color:#16a34a;color:#fff}
.dojo-coach .partial .box{background:#f59e0b;border-color:#f59e0b;color:#fff}
.dojo-alert{border-left:4px solid #dc2626;background:#fef2f2;color:#991b1b;padding:.5rem .7rem;border-radius:6px;margin:.4rem 0}
.dojo-alert b{display:block}
.dojo-score-head{display:flex;gap:1.2rem;align-items:center;margin:.3rem 0 .6rem}
.dojo-score-num{font-size:2.6rem;font-weight:700;line-height:1}
.dojo-score-num span{font-size:1rem;color:var(--body-text-color-subdued,#6b7280);font-weight:500}
.badge{display:inline-block;padding:.15rem .6rem;border-radius:6px;font-weight:700;font-size:.85rem}
.badge.pass{background:#16a34a;color:#fff}.badge.fail{background:#dc2626;color:#fff}
.dojo-outcome{margin:.3rem 0 0;font-weight:600}
.dojo-criteria{width:100%;border-collapse:collapse;margin:.4rem 0}
.dojo table.dojo-criteria,.dojo .dojo-criteria tr,.dojo .dojo-criteria td{border:none !important;background:transparent}
.dojo .dojo-criteria td{border-top:1px solid var(--border-color-primary,#e5e7eb) !important;padding:.55rem .4rem;vertical-align:top}
.dojo .dojo-criteria td.c{width:24%;font-weight:600}
.dojo .dojo-criteria td.s{width:11%}
.pill{display:inline-block;padding:.1rem .55rem;border-radius:999px;font-size:.8rem;font-weight:700}
.pill.met{background:#e6f4ea;color:#137333}.pill.partial{background:#fef7e0;color:#8a5a00}
.pill.missed{background:#fce8e6;color:#a50e0e}
.dojo-quote{display:block;margin:.25rem 0 0;font-size:.88rem;color:var(--body-text-color-subdued,#4b5563)}
.dojo-quote q{background:#fff3bf;color:#1f2937;padding:0 .15rem;border-radius:3px}
.dojo-override{margin-top:.35rem;padding:.35rem .5rem;border-radius:6px;background:#eff6ff;font-size:.88rem;color:#1e3a8a}
.dojo-transcript{display:flex;flex-direction:column;gap:.45rem;margin-top:.4rem}
.dojo-turn{max-width:85%;padding:.45rem .7rem;border-radius:10px;border:1px solid var(--border-color-primary,#e5e7eb)}
.dojo-turn.trainee{align-self:flex-end;background:#eef2ff;color:#1f2937}
.dojo-turn.persona{align-self:flex-start;background:var(--block-background-fill,#fff)}
.dojo-turn .who{font-size:.72rem;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;display:block}
.dojo-turn p{margin:0;white-space:pre-wrap;word-break:break-word}
mark.ev{background:#fff3bf;color:inherit;padding:0 .1rem;border-radius:3px}
mark.viol{background:#fecaca;color:#7f1d1d;padding:0 .1rem;border-radius:3px;text-decoration:underline wavy #dc2626}
.dojo-stats{display:flex;gap:1.5rem}
.dojo-stats div{display:flex;flex-direction:column}
.dojo-stats .n{font-size:1.5rem;font-weight:700}
.dojo-meta{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.2rem 0 .9rem;font-size:.9rem}
.dojo-chart{border-radius:var(--block-radius,8px);padding:.7rem .9rem;background:var(--block-background-fill,#fff)}
.dojo-chart h3{text-align:center;font-size:.95rem}
.dojo-chart svg{display:block;max-height:260px}
.dojo-empty{padding:2.2rem 0;text-align:center}
.dojo-legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem;margin-bottom:.2rem}
.dojo-legend i{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.35rem;vertical-align:-1px}
.dojo .auto{display:block;font-size:.72rem;color:var(--body-text-color-subdued,#6b7280);margin-top:.15rem}
.dojo-agree{display:inline-grid;grid-template-columns:auto auto auto auto;gap:.3rem 1.6rem;font-size:.9rem;
  margin-top:.3rem}
.dojo-agree .h{font-weight:600;color:var(--body-text-color-subdued,#6b7280)}
"""


def esc(value: Any) -> str:
    """Text as HTML, quotes included: safe in element content and in attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def when(value: datetime | str | None) -> str:
    """A readable local time: 'Tue 4 Mar 2025, 12:00'."""
    if value is None:
        return "—"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return f"{value:%a} {value.day} {value:%b %Y, %H:%M}"


def duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def money(amount: float | None, language: str = "en") -> str:
    if amount is None:
        return "unspecified amount"
    text = f"{amount:,.2f}".removesuffix(".00")
    return f"{text} €" if language == "es" else f"${text}"


# -- scenario and call ---------------------------------------------------------------------------

def persona_cards(personas: Sequence[Any], language: str = "en") -> str:
    """The public card of each persona (title, difficulty, languages, description) — never hidden facts."""
    cards = []
    for loaded in personas:
        p = loaded.persona
        cards.append(
            f'<button type="button" class="dojo-pcard" data-persona="{esc(p.id)}" aria-pressed="false">'
            f'<span class="top"><b>{esc(p.title.get(language))}</b>'
            f'<span class="tag {esc(p.difficulty)}">{esc(p.difficulty)}</span></span>'
            f'<span class="desc">{esc(p.description.get(language))}</span>'
            f'<span class="muted">{esc(" · ".join(lang.upper() for lang in p.languages))}'
            f'{" · a relative answers" if p.counterpart == "third_party" else ""}</span></button>')
    return f'<div class="dojo"><div class="dojo-cards">{"".join(cards)}</div></div>'


def call_card(card: dict[str, Any]) -> str:
    """The drawn public card of one call: who to call, for whom, how much, how late."""
    es = card.get("language") == "es"
    items = (("Debtor", card.get("debtor")), ("Lender", card.get("lender")),
             ("Overdue", card.get("amount_text")), ("Days late", card.get("days_overdue")))
    cells = "".join(f'<div><div class="k">{k}</div><div class="v">{esc(v)}</div></div>' for k, v in items)
    lang = "Spanish" if es else "English"
    return (f'<div class="dojo"><div class="dojo-callcard"><div class="title"><b>{esc(card.get("title"))}</b>'
            f'<span class="muted">{esc(card.get("difficulty"))} · {lang} · seed {esc(card.get("seed"))}</span></div>'
            f'{cells}</div></div>')


def status_bar(*, turns: int, elapsed: float, live: bool, note: str = "") -> str:
    """Timer and turn count. While live, a small script in the page head keeps the timer ticking
    from ``data-elapsed`` (seconds at render time), so the server sends nothing every second."""
    timer = (f'<span class="timer" data-dojo-elapsed="{int(elapsed)}">{duration(elapsed)}</span>' if live
             else f'<span class="timer">{duration(elapsed)}</span>')
    dot = '<span class="dot"></span>On call' if live else '<span class="dot off"></span>Call ended'
    extra = f'<span class="muted">{esc(note)}</span>' if note else ""
    label = "turn" if turns == 1 else "turns"
    return (f'<div class="dojo"><div class="dojo-status" id="dojo-status"><span>{dot}</span>{timer}'
            f'<span><b class="turns">{turns}</b> {label}</span>{extra}</div></div>')


def coach_panel(items: Iterable[tuple[str, str, str]], violations: Iterable[dict[str, Any]] = ()) -> str:
    """The live checklist of the four tasks (id, title, status) and compliance warnings."""
    marks = {"met": "✓", "partial": "~", "missed": ""}
    rows = "".join(f'<li class="{esc(status)}" data-task="{esc(cid)}"><span class="box">{marks.get(status, "")}</span>'
                   f'{esc(title)}</li>' for cid, title, status in items)
    alerts = "".join(f'<div class="dojo-alert"><b>Compliance: {esc(v.get("title") or v.get("id"))}</b>'
                     f'“{esc(v.get("quote"))}” — {esc(v.get("feedback"))}</div>' for v in violations)
    return f'<div class="dojo dojo-coach"><h3>Coach</h3><ul>{rows}</ul>{alerts}</div>'


# -- the score card and transcript -----------------------------------------------------------------

def outcome_line(outcome: dict[str, Any] | None, report: dict[str, Any] | None, language: str = "en") -> str:
    outcome = outcome or {}
    promise = outcome.get("promise") or (report or {}).get("promise")
    parts = []
    if promise:
        parts.append(f"Promise: {money(promise.get('amount'), language)} by {when(promise.get('due'))}")
    else:
        parts.append("No promise to pay")
    if outcome.get("hung_up"):
        parts.append("the debtor hung up")
    return " · ".join(parts)


def _quotes(evidence: Iterable[dict[str, Any]]) -> str:
    evidence = sorted(evidence, key=lambda e: e.get("turn") or 0)
    return "".join(f'<span class="dojo-quote">Turn {esc(e.get("turn", 0) + 1)}: <q>{esc(e.get("quote"))}</q></span>'
                   for e in evidence)


def _override_note(overrides: Sequence[Any], criterion_id: str) -> str:
    notes = []
    for o in overrides:
        if _get(o, "criterion_id") != criterion_id:
            continue
        created = _get(o, "created_at")
        notes.append(f'<div class="dojo-override"><b>Trainer: {esc(STATUS_LABEL.get(_get(o, "status"), _get(o, "status")))}'
                     f'</b> — {esc(_get(o, "comment")) or "<i>no comment</i>"} '
                     f'<span class="muted">({esc(_get(o, "trainer"))}, {esc(when(created))})</span></div>')
    return "".join(notes)


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def score_card(report: dict[str, Any], outcome: dict[str, Any] | None = None, *, language: str = "en",
               overrides: Sequence[Any] = (), heading: str = "") -> str:
    """Score, pass/fail, outcome, blockers, and the four criteria with evidence and feedback.

    Trainer overrides show beside the automatic verdict (labelled 'Automatic'), never instead of it.
    """
    passed = bool(report.get("passed"))
    badge = '<span class="badge pass">Passed</span>' if passed else '<span class="badge fail">Not passed</span>'
    head = (f'<div class="dojo-score-head"><div class="dojo-score-num" data-score="{esc(report.get("score"))}">'
            f'{esc(report.get("score"))}<span>/100</span></div><div>{badge}'
            f'<div class="muted">{esc(report.get("summary"))}</div>'
            f'<div class="dojo-outcome" id="dojo-outcome">{esc(outcome_line(outcome, report, language))}</div></div></div>')
    blockers = "".join(
        f'<div class="dojo-alert blocker"><b>Blocker: {esc(v.get("title") or v.get("id"))} (turn {esc(v.get("turn", 0) + 1)})</b>'
        f'“{esc(v.get("quote"))}” — {esc(v.get("feedback"))}</div>' for v in report.get("violations") or [])
    rows = []
    for c in report.get("criteria") or []:
        status = c.get("status")
        overridden = any(_get(o, "criterion_id") == c.get("id") for o in overrides)
        label = '<span class="auto">Automatic</span>' if overridden else ""
        rows.append(
            f'<tr data-criterion="{esc(c.get("id"))}"><td class="c">{esc(c.get("title") or TASK_TITLE.get(c.get("id"), c.get("id")))}</td>'
            f'<td class="s"><span class="pill {esc(status)}">{esc(STATUS_LABEL.get(status, status))}</span>{label}</td>'
            f'<td>{esc(c.get("feedback"))}{_quotes(c.get("evidence") or [])}{_override_note(overrides, c.get("id"))}</td></tr>')
    title = f"<h3>{esc(heading)}</h3>" if heading else ""
    return (f'<div class="dojo dojo-scorecard" id="dojo-scorecard">{title}{head}{blockers}'
            f'<table class="dojo-criteria">{"".join(rows)}</table></div>')


def _spans(text: str, quotes: Iterable[tuple[str, str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) for each quote found in ``text`` (quotes are exact substrings)."""
    found = []
    for quote, kind, label in quotes:
        if not quote:
            continue
        start = text.find(quote)
        if start < 0:
            start = text.lower().find(quote.lower())
        if start >= 0:
            found.append((start, start + len(quote), kind, label))
    return found


def highlight(text: str, quotes: Iterable[tuple[str, str, str]]) -> str:
    """``text`` escaped, with each (quote, kind, label) wrapped in <mark class=kind title=label>.

    Overlapping quotes are merged character by character; a violation wins over evidence.
    """
    spans = _spans(text, quotes)
    if not spans:
        return esc(text)
    kind_at: list[str | None] = [None] * len(text)
    label_at: list[list[str]] = [[] for _ in text]
    for start, end, kind, label in spans:
        for i in range(start, end):
            if kind_at[i] != "viol":
                kind_at[i] = kind
            if label not in label_at[i]:
                label_at[i].append(label)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and kind_at[j] == kind_at[i] and label_at[j] == label_at[i]:
            j += 1
        piece = esc(text[i:j])
        if kind_at[i]:
            out.append(f'<mark class="{kind_at[i]}" title="{esc(", ".join(label_at[i]))}">{piece}</mark>')
        else:
            out.append(piece)
        i = j
    return "".join(out)


def transcript_html(turns: Sequence[dict[str, Any]], report: dict[str, Any] | None = None, *,
                    persona_label: str = "Debtor") -> str:
    """Every turn, escaped, with the report's evidence (yellow) and violations (red) marked."""
    by_turn: dict[int, list[tuple[str, str, str]]] = {}
    for c in (report or {}).get("criteria") or []:
        for e in c.get("evidence") or []:
            by_turn.setdefault(e.get("turn"), []).append((e.get("quote") or "", "ev", c.get("title") or c.get("id")))
    for v in (report or {}).get("violations") or []:
        by_turn.setdefault(v.get("turn"), []).append((v.get("quote") or "", "viol", f"violation: {v.get('id')}"))
    out = []
    for i, t in enumerate(turns):
        role = t.get("role")
        who = "Trainee" if role == "trainee" else persona_label
        out.append(f'<div class="dojo-turn {esc(role)}" data-turn="{i}"><span class="who">{i + 1} · {esc(who)}</span>'
                   f'<p>{highlight(t.get("text") or "", by_turn.get(i, []))}</p></div>')
    return f'<div class="dojo"><h3>Transcript</h3><div class="dojo-transcript">{"".join(out)}</div></div>'


def banner(text: str, *, warn: bool = False) -> str:
    return f'<div class="dojo"><div class="dojo-banner{" warn" if warn else ""}">{esc(text)}</div></div>'


def stats(calls: int, finished: int, average: float | None, pass_rate: float | None) -> str:
    avg = "—" if average is None else f"{average:.0f}"
    rate = "—" if pass_rate is None else f"{100 * pass_rate:.0f}%"
    return (f'<div class="dojo"><div class="dojo-stats"><div><span class="n">{calls}</span><span class="muted">calls</span></div>'
            f'<div><span class="n">{finished}</span><span class="muted">scored</span></div>'
            f'<div><span class="n">{avg}</span><span class="muted">average score</span></div>'
            f'<div><span class="n">{rate}</span><span class="muted">passed</span></div></div></div>')


def record_meta(record: Any) -> str:
    """The header line of one stored call for a trainer."""
    upload = record.mode == "upload"
    items = [("Call", f"#{record.id}"), ("Uploaded by" if upload else "Trainee", record.trainee or "local"),
             ("Persona", record.persona_id or "—"), ("Difficulty", record.difficulty or "—"),
             ("Date", when(record.started_at)), ("Source", {"upload": "uploaded transcript", "llm": "LLM voice"}.get(record.mode, "practice")),
             ("Status", record.status.replace("_", " "))]
    if record.mode == "upload" and record.title:
        items.append(("Title", record.title))
    return '<div class="dojo"><div class="dojo-meta">' + "".join(
        f'<span><span class="muted">{k}:</span> <b>{esc(v)}</b></span>' for k, v in items) + "</div></div>"


def record_parts(record: Any) -> tuple[str, str]:
    """One stored call for review: (header and score card with overrides, highlighted transcript)."""
    head = record_meta(record)
    if record.report:
        head += score_card(record.report, record.outcome, language=record.language, overrides=record.overrides)
    else:
        head += banner(f"Not scored: the call is {record.status.replace('_', ' ')}.", warn=True)
    return head, transcript_html(record.turns, record.report)


def record_html(record: Any) -> str:
    return "".join(record_parts(record))


def agreement_table(rows: Iterable[tuple[str, int, int]]) -> str:
    """(criterion title, overrides, agreeing) per criterion."""
    rows = list(rows)
    if not rows:
        return banner("No trainer overrides yet: agreement shows once trainers review calls.")
    cells = "".join(f"<span>{esc(title)}</span><span>{total}</span><span>{agree}</span>"
                    f"<b>{100 * agree / total:.0f}%</b>" for title, total, agree in rows)
    return (f'<div class="dojo"><div class="dojo-agree"><span class="h">Criterion</span><span class="h">Overrides</span>'
            f'<span class="h">Agree</span><span class="h">Rate</span>{cells}</div></div>')


# -- charts ------------------------------------------------------------------------------------------

PALETTE = ("#4f46e5", "#0d9488", "#d97706", "#e11d48", "#0284c7", "#7c3aed", "#65a30d", "#475569")


def line_chart(series: dict[str, list[tuple[datetime, float]]], *, title: str, pass_mark: float | None = 70,
               empty: str = "No scored calls yet.") -> str:
    """Scores (0-100) over time as an inline SVG: one line with dots per series, a dashed pass mark.

    Drawn here rather than with gr.LinePlot so that a single call still shows as a dot and calls at
    the same minute are never summed; names are escaped like everything else.
    """
    points = [(t, s) for values in series.values() for t, s in values]
    if not points:
        return f'<div class="dojo dojo-chart"><h3>{esc(title)}</h3><div class="dojo-empty muted">{esc(empty)}</div></div>'
    width, height, left, right, top, bottom = 560, 220, 34, 12, 12, 30
    t0, t1 = min(t for t, _ in points).timestamp(), max(t for t, _ in points).timestamp()
    if t1 - t0 < 60:
        t0, t1 = t0 - 43200, t1 + 43200
    span = t1 - t0

    def x(t: datetime) -> float:
        return left + (width - left - right) * (t.timestamp() - t0) / span

    def y(score: float) -> float:
        return top + (height - top - bottom) * (1 - max(0.0, min(100.0, score)) / 100)

    parts = []
    for level in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}" stroke="#e5e7eb"/>'
                     f'<text x="{left - 6}" y="{y(level) + 4:.1f}" text-anchor="end" font-size="11" fill="#6b7280">{level}</text>')
    if pass_mark is not None:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(pass_mark):.1f}" y2="{y(pass_mark):.1f}" '
                     f'stroke="#16a34a" stroke-dasharray="4 4"/><text x="{width - right}" y="{y(pass_mark) - 4:.1f}" '
                     f'text-anchor="end" font-size="10" fill="#16a34a">pass {pass_mark:g}</text>')
    fmt = "%d %b %H:%M" if span < 3 * 86400 else "%d %b"
    for i in range(4):
        moment = datetime.fromtimestamp(t0 + span * (i + 0.5) / 4)
        parts.append(f'<text x="{x(moment):.1f}" y="{height - 10}" text-anchor="middle" font-size="11" '
                     f'fill="#6b7280">{esc(moment.strftime(fmt))}</text>')
    legend = []
    for n, (name, values) in enumerate(series.items()):
        color = PALETTE[n % len(PALETTE)]
        values = sorted(values)
        if len(values) > 1:
            coords = " ".join(f"{x(t):.1f},{y(s):.1f}" for t, s in values)
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="2"/>')
        for t, s in values:
            parts.append(f'<circle cx="{x(t):.1f}" cy="{y(s):.1f}" r="4" fill="{color}">'
                         f'<title>{esc(name)} · {esc(when(t))} · {s:g}</title></circle>')
        legend.append(f'<span><i style="background:{color}"></i>{esc(name)}</span>')
    legend_html = f'<div class="dojo-legend">{"".join(legend)}</div>' if len(series) > 1 else ""
    return (f'<div class="dojo dojo-chart"><h3>{esc(title)}</h3>{legend_html}'
            f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{esc(title)}">'
            f'{"".join(parts)}</svg></div>')


def judge_html(doc: dict[str, Any]) -> str:
    """The LLM judge's verdicts beside the rubric scorer's, disagreements marked (all escaped)."""
    judge = doc.get("judge") or {}
    scorer = {c["id"]: c for c in doc.get("criteria", [])}
    rows = []
    for c in judge.get("criteria", []):
        auto = scorer.get(c["id"], {})
        flag = "" if c.get("agrees") is not False else " class='dojo-disagree'"
        mark = {True: "agrees", False: "disagrees", None: "no verdict"}[c.get("agrees")]
        rows.append(f"<tr{flag}><td>{esc(auto.get('title') or c['id'])}</td><td>{esc(auto.get('status', ''))}</td>"
                    f"<td>{esc(c.get('judge_status', ''))}</td><td>{mark}</td>"
                    f"<td>{esc(c.get('rationale', ''))}</td></tr>")
    return ("<div id='dojo-judge'><h4>LLM judge — a second opinion</h4>"
            f"<p>{esc(judge.get('summary', ''))}</p><table><thead><tr><th>Criterion</th><th>Rubric</th>"
            "<th>LLM judge</th><th></th><th>Why</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")
