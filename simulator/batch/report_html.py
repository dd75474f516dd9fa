"""``summary.html``: the batch summary as one self-contained page (inline CSS and SVG, no assets).

Transcripts hold whatever a trainee agent or an LLM wrote, so every piece of text goes through
``html.escape`` — a page that can be opened from any folder must not run what a model typed.
"""

from __future__ import annotations

from html import escape
from typing import Any

BAR_WIDTH = 360
ROW = 22
LABEL = 190

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1f2328;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:right}
td:first-child,th:first-child{text-align:left}th{background:#f6f8fa}
.kpi{display:inline-block;margin:0 1.5rem .5rem 0}.kpi b{display:block;font-size:1.4rem}
details{margin:.15rem 0}summary{cursor:pointer}.turn{margin:.1rem 0 .1rem 1rem}.trainee{color:#0b5cad}
.persona{color:#8a3ffc}.meta{color:#6e7781;font-size:12px}.fail{color:#b42318}.ok{color:#1a7f37}
"""


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def bars_svg(title: str, items: list[tuple[str, float | None]]) -> str:
    """A horizontal bar chart of rates in [0, 1], as inline SVG."""
    height = ROW * len(items) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LABEL + BAR_WIDTH + 60}" height="{height}" '
             f'role="img" aria-label="{escape(title)}">',
             f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>']
    for i, (label, value) in enumerate(items):
        y = 24 + i * ROW
        width = round(BAR_WIDTH * (value or 0))
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y + 3}" width="{BAR_WIDTH}" height="{ROW - 8}" fill="#eaeef2"/>')
        parts.append(f'<rect x="{LABEL}" y="{y + 3}" width="{width}" height="{ROW - 8}" fill="#2f81f7"/>')
        parts.append(f'<text x="{LABEL + BAR_WIDTH + 6}" y="{y + 14}" font-size="12">{escape(_pct(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _call(record: dict[str, Any]) -> str:
    report = record["report"]
    verdict = '<span class="ok">passed</span>' if report["passed"] else '<span class="fail">not passed</span>'
    promise = record["outcome"]["promise"]
    head = (f"{escape(record['key'])} · score {escape(str(report['score']))} · {verdict} · "
            f"promise {escape(promise['due']) if promise else 'none'} · ended {escape(str(record['ended']))}"
            + (f" · {escape(str(record['fallbacks']))} fallbacks" if record.get("fallbacks") else ""))
    turns = []
    for i, t in enumerate(record["transcript"]["turns"]):
        meta = t.get("meta") or {}
        note = f' <span class="meta">[{escape(", ".join(f"{k}={v}" for k, v in meta.items()))}]</span>' \
            if set(meta) - {"voice"} else ""
        turns.append(f'<div class="turn {escape(t["role"])}">{i} · <b>{escape(t["role"])}</b>: '
                     f'{escape(t["text"])}{note}</div>')
    criteria = " · ".join(f"{escape(c['id'])}: {escape(c['status'])}" for c in report["criteria"])
    error = f'<div class="fail">{escape(str(record["error"]))}</div>' if record.get("error") else ""
    return f"<details><summary>{head}</summary>{error}<div class=\"meta\">{criteria}</div>{''.join(turns)}</details>"


def render_html(summary: dict[str, Any], records: list[dict[str, Any]], title: str = "Collections Dojo batch") -> str:
    o = summary["overall"]
    kpis = [("calls", f"{o['done']}/{o['calls']}"), ("pass@1", _pct(o["pass_at_1"])),
            (f"pass^{o['k']}", _pct(o["pass_hat_k"])), ("promise rate", _pct(o["promise_rate"])),
            ("mean score", "—" if o["mean_score"] is None else f"{o['mean_score']:g}"),
            ("calls with violations", str(o["calls_with_violations"])), ("LLM fallbacks", str(o["fallbacks"]))]
    persona_rows = [[p["persona"], p["calls"], _pct(p["pass_rate"]), p["mean_score"], _pct(p["promise_rate"]),
                     _pct(p["promise_met_rate"]), _pct(p["violation_rate"]), _pct(p["callback_rate"]),
                     _pct(p["disclosure_rate"]), p["fallbacks"]] for p in summary["personas"]]
    criteria_rows = [[c["id"], c["title"], c["met"], c["partial"], c["missed"], _pct(c["met_rate"])]
                     for c in summary["criteria"]]
    sections = [
        f"<h1>{escape(title)}</h1>",
        "".join(f'<div class="kpi">{escape(k)}<b>{escape(v)}</b></div>' for k, v in kpis),
        "<h2>Pass rate by persona</h2>",
        bars_svg("passed", [(p["persona"], p["pass_rate"]) for p in summary["personas"]]),
        bars_svg("promise obtained", [(p["persona"], p["promise_rate"]) for p in summary["personas"]]),
        _table(["persona", "calls", "passed", "mean score", "promise", "promise met", "violations", "callback",
                "disclosed", "fallbacks"], persona_rows),
        "<h2>By criterion</h2>",
        bars_svg("met", [(c["id"], c["met_rate"]) for c in summary["criteria"]]),
        _table(["criterion", "title", "met", "partial", "missed", "met rate"], criteria_rows),
        "<h2>Violations</h2>",
        _table(["violation", "count"], [[k, v] for k, v in sorted(summary["violations"].items())])
        if summary["violations"] else "<p>none</p>",
        "<h2>Calls</h2>",
        "".join(_call(r) for r in records),
    ]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>{''.join(sections)}</body></html>\n")
