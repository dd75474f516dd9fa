"""Exports: the calls table as CSV and JSONL, and one call as a self-contained HTML report.

No gradio here. The HTML report carries its CSS inline and references nothing outside itself
(no scripts, fonts, images or links), and every piece of stored text in it is escaped.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any, Iterable

from simulator.web import views

COLUMNS = ("id", "date", "trainee", "persona", "difficulty", "language", "source", "status", "turns", "score",
           "passed", "ask_payment_today", "find_reason", "explain_consequences", "secure_promise", "violations",
           "promise_due", "hung_up", "overrides", "title")
"""Export columns (machine names); ``DISPLAY`` gives the table's short headers."""

DISPLAY = {"id": "ID", "date": "Date", "trainee": "Trainee", "persona": "Persona", "difficulty": "Difficulty",
           "score": "Score", "passed": "Result", "ask_payment_today": "Ask today", "find_reason": "Reason",
           "explain_consequences": "Consequences", "secure_promise": "Promise", "violations": "Violations",
           "status": "Status", "overrides": "Overrides"}
"""Columns of the on-screen table, in order."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_dict(row: Any) -> dict[str, Any]:
    """One ``CallRow`` as plain JSON-able values."""
    return {
        "id": row.id, "date": row.started_at.isoformat(timespec="minutes"), "trainee": row.trainee or "local",
        "persona": row.persona or "", "difficulty": row.difficulty or "", "language": row.language,
        "source": {"upload": "upload", "llm": "llm"}.get(row.mode, "practice"), "status": row.status,
        "turns": row.turns, "score": row.score, "passed": row.passed,
        "ask_payment_today": row.ask_payment_today, "find_reason": row.find_reason,
        "explain_consequences": row.explain_consequences, "secure_promise": row.secure_promise,
        "violations": row.violations,
        "promise_due": row.promise_due.isoformat(timespec="minutes") if row.promise_due else None,
        "hung_up": row.hung_up, "overrides": row.overrides, "title": row.title or "",
    }


def display_row(row: Any) -> list[Any]:
    """One ``CallRow`` as a line of the on-screen table (short labels, '—' for nothing)."""
    d = row_dict(row)
    persona = d["persona"] or (f"upload: {d['title']}" if d["title"] else "upload")
    if len(persona) > 28:  # the review shows the whole title; the table stays one readable width
        persona = persona[:27] + "…"
    result = "—" if row.passed is None else ("pass" if row.passed else "fail")
    out = {**d, "date": row.started_at.strftime("%Y-%m-%d %H:%M"), "persona": persona, "passed": result,
           "score": "—" if row.score is None else row.score, "difficulty": d["difficulty"] or "—",
           "violations": "—" if row.violations is None else row.violations, "status": row.status.replace("_", " ")}
    for c in ("ask_payment_today", "find_reason", "explain_consequences", "secure_promise"):
        out[c] = out[c] or "—"
    return [out[k] for k in DISPLAY]


def _cell(value: Any) -> Any:
    # A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection).
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: Iterable[Any]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        d = row_dict(row)
        writer.writerow([_cell(d[c]) for c in COLUMNS])
    return buf.getvalue()


def to_jsonl(rows: Iterable[Any]) -> str:
    return "".join(json.dumps(row_dict(row), ensure_ascii=False) + "\n" for row in rows)


def report_html(record: Any, *, generated: datetime | None = None) -> str:
    """A standalone HTML page for one stored call: meta, score card (with overrides), transcript."""
    generated = generated or datetime.now()
    title = f"Collections Dojo — call #{record.id}"
    body = views.record_html(record)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{views.esc(title)}</title><style>"
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:900px;margin:2rem auto;"
            "padding:0 1rem;color:#1f2937;background:#fff}h1{font-size:1.4rem;margin:0 0 .3rem}"
            f"{views.CSS}</style></head><body><h1>{views.esc(title)}</h1>"
            f"<p class=\"muted\" style=\"color:#6b7280;margin:0 0 1rem\">Generated {views.esc(views.when(generated))}</p>"
            f"{body}</body></html>\n")
