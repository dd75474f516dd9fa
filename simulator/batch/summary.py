"""What a batch says about the trainee under test: pass rates per persona and per criterion,
promises, violations, fallbacks, and consistency over repeats.

pass^k is the fraction of (persona, language, difficulty) groups in which ALL k runs passed: an
agent that passes 80% of calls at random has a much lower pass^k than one that reliably passes
the same 80% of situations. pass@1 is the plain fraction of calls passed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _rate(part: float, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summarize(records: list[dict[str, Any]], k: int) -> dict[str, Any]:
    """The summary document (``summary.json``) of a batch's records; ``k`` is the runs per group."""
    done = [r for r in records if r.get("status") == "done"]
    errors = [r for r in records if r.get("status") != "done"]
    by_persona: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in done:
        by_persona[r["persona"]].append(r)
    personas = [_persona_row(pid, rows) for pid, rows in sorted(by_persona.items())]

    criteria: dict[str, Counter[str]] = {}
    titles: dict[str, str] = {}
    for r in done:
        for c in r["report"]["criteria"]:
            criteria.setdefault(c["id"], Counter())[c["status"]] += 1
            titles.setdefault(c["id"], c.get("title") or c["id"])
    criterion_rows = [{"id": cid, "title": titles[cid], "met": n["met"], "partial": n["partial"], "missed": n["missed"],
                       "met_rate": _rate(n["met"], sum(n.values()))} for cid, n in criteria.items()]

    violations = Counter(v["id"] for r in done for v in r["report"].get("violations", []))
    groups: dict[tuple[str, str, str], dict[int, bool]] = defaultdict(dict)
    for r in done:
        groups[(r["persona"], r["language"], r["difficulty"])][r["run"]] = bool(r["report"]["passed"])
    complete = {g: runs for g, runs in groups.items() if all(i in runs for i in range(k))}
    all_pass = sum(1 for runs in complete.values() if all(runs[i] for i in range(k)))
    persona_turns = sum(sum(1 for t in r["transcript"]["turns"] if t["role"] == "persona") for r in done)
    fallbacks = sum(r.get("fallbacks", 0) for r in done)
    reasons: Counter[str] = Counter()
    for r in done:
        reasons.update(r.get("fallback_reasons", {}))
    overall = {
        "calls": len(records), "done": len(done), "errors": len(errors), "k": k,
        "pass_at_1": _rate(sum(bool(r["report"]["passed"]) for r in done), len(done)),
        "pass_hat_k": _rate(all_pass, len(complete)), "groups": len(groups), "complete_groups": len(complete),
        "mean_score": round(sum(r["report"]["score"] for r in done) / len(done), 2) if done else None,
        "promise_rate": _rate(sum(r["outcome"]["promise"] is not None for r in done), len(done)),
        "calls_with_violations": sum(1 for r in done if r["report"].get("violations")),
        "fallbacks": fallbacks, "fallback_rate": _rate(fallbacks, persona_turns), "fallback_reasons": dict(reasons),
        "regenerated": sum(r.get("regenerated", 0) for r in done),
        "mean_turns": round(sum(r["turns"] for r in done) / len(done), 2) if done else None,
    }
    return {"overall": overall, "personas": personas, "criteria": criterion_rows, "violations": dict(violations),
            "errors": [{"key": r["key"], "error": r.get("error")} for r in errors]}


def _persona_row(pid: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    third = any(r.get("counterpart") == "third_party" for r in rows)
    return {
        "persona": pid, "counterpart": "third_party" if third else "debtor", "calls": n,
        "pass_rate": _rate(sum(bool(r["report"]["passed"]) for r in rows), n),
        "mean_score": round(sum(r["report"]["score"] for r in rows) / n, 2),
        "promise_rate": _rate(sum(r["outcome"]["promise"] is not None for r in rows), n),
        "promise_met_rate": _rate(sum(_status(r, "secure_promise") == "met" for r in rows), n),
        "violation_rate": _rate(sum(bool(r["report"].get("violations")) for r in rows), n),
        "callback_rate": _rate(sum(r["state"]["callback_given"] for r in rows), n) if third else None,
        "disclosure_rate": _rate(sum(r["state"]["disclosed"] for r in rows), n) if third else None,
        "hang_up_rate": _rate(sum(r["outcome"]["hung_up"] for r in rows), n),
        "fallbacks": sum(r.get("fallbacks", 0) for r in rows),
    }


def _status(record: dict[str, Any], criterion: str) -> str | None:
    return next((c["status"] for c in record["report"]["criteria"] if c["id"] == criterion), None)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def print_summary(summary: dict[str, Any], console: Console | None = None) -> None:
    """The summary as rich tables (the terminal twin of summary.html)."""
    console = console or Console(highlight=False)
    o = summary["overall"]
    third = any(p["counterpart"] == "third_party" for p in summary["personas"])
    columns = ["persona", "calls", "pass", "score", "promise", "met", "viol", "hangup", "fallb"]
    columns += ["callbk", "discl"] if third else []
    table = Table(title="By persona", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption="promise: obtained · met: within the rubric's "
                  "window · viol: calls with a violation · fallb: LLM lines replaced by scripted ones")
    for col in columns:
        table.add_column(col, justify="left" if col == "persona" else "right", no_wrap=True, min_width=len(col))
    for p in summary["personas"]:
        row = [escape(p["persona"]), str(p["calls"]), _pct(p["pass_rate"]), f"{p['mean_score']:g}",
               _pct(p["promise_rate"]), _pct(p["promise_met_rate"]), _pct(p["violation_rate"]),
               _pct(p["hang_up_rate"]), str(p["fallbacks"])]
        table.add_row(*row, *([_pct(p["callback_rate"]), _pct(p["disclosure_rate"])] if third else []))
    console.print(table)
    crit = Table(title="By criterion", box=box.SIMPLE_HEAD)
    for col in ("criterion", "met", "partial", "missed", "met rate"):
        crit.add_column(col, justify="left" if col == "criterion" else "right")
    for c in summary["criteria"]:
        crit.add_row(escape(c["id"]), str(c["met"]), str(c["partial"]), str(c["missed"]), _pct(c["met_rate"]))
    console.print(crit)
    violations = ", ".join(f"{escape(k)} ×{v}" for k, v in sorted(summary["violations"].items())) or "none"
    console.print(f"calls {o['done']}/{o['calls']} done · pass@1 {_pct(o['pass_at_1'])} · pass^{o['k']} "
                  f"{_pct(o['pass_hat_k'])} over {o['complete_groups']} groups · promise rate {_pct(o['promise_rate'])}"
                  f" · violations: {violations} · LLM fallbacks {o['fallbacks']} ({_pct(o['fallback_rate'])} of turns)")
    if o["errors"]:
        console.print(f"[red]{o['errors']} calls failed[/] (rerun the same command to retry them): "
                      f"{escape(summary['errors'][0]['key'])}: {escape(str(summary['errors'][0]['error']))}")
