"""The terminal adapter: persona cards, an interactive call, and the score card, drawn with rich."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from simulator.call import Call
from simulator.errors import DojoInputError
from simulator.transcript import Transcript

STATUS_STYLE = {"met": "[green]✓ met[/]", "partial": "[yellow]~ partial[/]", "missed": "[red]✗ missed[/]"}


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def print_personas(personas: list, language: str) -> None:
    table = Table(title="Personas", show_lines=False)
    for col in ("id", "difficulty", "languages", "title", "description"):
        table.add_column(col, overflow="fold")
    for p in personas:
        table.add_row(p.id, p.persona.difficulty, ",".join(p.persona.languages), escape(p.persona.title.get(language)),
                      escape(p.persona.description.get(language)))
    _console().print(table)


def print_card(call: Call, console: Console) -> None:
    c = call.card()
    es = call.language == "es"
    who = c["debtor"]
    body = (f"[bold]{escape(c['title'])}[/]  ·  {c['difficulty']}  ·  seed {c['seed']}\n"
            f"{escape(c['description'])}\n\n"
            f"{'Cliente' if es else 'Debtor'}: {escape(who)}   {'Entidad' if es else 'Lender'}: {escape(c['lender'])}\n"
            f"{'Importe vencido' if es else 'Overdue'}: {escape(c['amount_text'])}, {c['days_overdue']} "
            f"{'días' if es else 'days'}   {'Llamada' if es else 'Call'}: {c['started_at'].replace('T', ' ')}")
    console.print(Panel(body, title="Collections Dojo", border_style="cyan"))


def print_report(report: dict[str, Any], transcript: Transcript, console: Console | None = None) -> None:
    console = console or _console()
    verdict = "[green]PASSED[/]" if report.get("passed") else "[red]NOT PASSED[/]"
    table = Table(title=f"Score {report['score']}/100 · {verdict}", show_lines=True, expand=True)
    table.add_column("criterion", ratio=2)
    table.add_column("status", ratio=1)
    table.add_column("evidence · feedback", ratio=5, overflow="fold")
    for c in report["criteria"]:
        ev = "\n".join(f"[dim]turn {e['turn']}:[/] “{escape(e['quote'])}”" for e in c.get("evidence", []))
        text = (ev + "\n" if ev else "") + f"[italic]{escape(c.get('feedback', ''))}[/]"
        table.add_row(escape(c.get("title") or c["id"]), STATUS_STYLE[c["status"]], text)
    console.print(table)
    for v in report.get("violations", []):
        console.print(f"[bold red]BLOCKER[/] {v['id']} at turn {v['turn']}: “{escape(v['quote'])}”\n  {escape(v.get('feedback', ''))}")
    if report.get("promise"):
        p = report["promise"]
        amount = f"{p['amount']:g}" if p.get("amount") is not None else "unspecified amount"
        console.print(f"Promise: {amount} due {p['due'].replace('T', ' ')}")
    console.print(escape(report.get("summary", "")))
    if report.get("judge"):
        j = report["judge"]
        console.print(f"LLM judge: {escape(j.get('summary', ''))}")


def _persona_says(call: Call, voice, text: str, console: Console):
    """One turn, streamed when a voice streams; returns the Reply."""
    if voice is None:
        reply = call.say(text)
        console.print(f"[bold magenta]{escape(call.facts.respondent or call.facts.name)}:[/] {escape(reply.text)}")
        return reply
    console.print(f"[bold magenta]{escape(call.facts.respondent or call.facts.name)}:[/] ", end="")
    reply = voice.say_streaming(call, text, on_token=lambda t: console.print(escape(t), end=""))
    console.print()
    if reply.meta.get("notice"):
        console.print(f"[dim]({escape(reply.meta['notice'])})[/]")
    return reply


def interactive_call(call: Call, voice, rubric_id: str) -> int:
    console = _console()
    print_card(call, console)
    es = call.language == "es"
    console.print("[dim]" + ("Escriba su mensaje y pulse Intro; /end para colgar." if es
                             else "Type your message and press Enter; /end to hang up.") + "[/]")
    while not call.over:
        try:
            text = console.input("[bold cyan]" + ("Usted" if es else "You") + ":[/] ")
        except (EOFError, KeyboardInterrupt):  # Ctrl-D or Ctrl-C at the prompt hangs up; the call is scored
            console.print()
            break
        if text.strip() in ("/end", "/hangup", "/quit"):
            break
        if not text.strip():
            continue
        try:
            reply = _persona_says(call, voice, text, console)
        except DojoInputError as exc:
            console.print(f"[red]{escape(str(exc))}[/]")
            continue
        except KeyboardInterrupt:
            # Ctrl-C while the persona speaks stops the reply: its LLM request is closed and nothing
            # of the turn is recorded, so the trainee can say it again, or hang up.
            console.print()
            console.print("[dim]" + ("(respuesta interrumpida; no se ha guardado nada: repita su mensaje o /end)"
                                     if es else "(reply stopped; nothing was recorded: say it again, or /end)") + "[/]")
            continue
        if reply.hung_up:
            console.print("[bold red]" + ("(ha colgado)" if es else "(the persona hung up)") + "[/]")
    call.end()
    if not call.transcript.turns:
        console.print("No turns — nothing to score.")
        return 0
    print_report(call.score(rubric_id).to_json(), call.transcript, console)
    o = call.outcome()
    console.print(f"[dim]Replay this call: dojo play --persona {call.persona.id} --seed {call.seed} "
                  f"--language {call.language} --difficulty {call.difficulty}[/]")
    del o
    return 0


def scripted_call(call: Call, script: list[str], voice, rubric_id: str, as_json: bool) -> int:
    console = _console(stderr=as_json)
    if not as_json:
        print_card(call, console)
    for text in script:
        if call.over:
            break
        if as_json:
            reply = voice.say(call, text) if voice else call.say(text)
        else:
            console.print(f"[bold cyan]{'Usted' if call.language == 'es' else 'You'}:[/] {escape(text)}")
            reply = _persona_says(call, voice, text, console)
            if reply.hung_up:
                console.print("[bold red](the persona hung up)[/]")
    call.end()
    if as_json:
        sys.stdout.write(json.dumps(call.result_json(rubric_id), ensure_ascii=False, indent=2) + "\n")
        return 0
    print_report(call.score(rubric_id).to_json(), call.transcript, console)
    return 0
