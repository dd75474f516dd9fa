"""My history: the user's own calls and scores, their trend, and resuming an unfinished call.

A call is resumed by replaying it: the same persona, seed, language, difficulty and start time,
and the stored trainee messages, with the stored persona lines put back word for word.
"""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from simulator.call import Call
from simulator.persona import load_persona
from simulator.web import exports, views
from simulator.web.context import Viewer, WebContext, WebError, notify, problem
from simulator.web.trainee import OUT, Live, Practice, Session, chat_messages, out

HISTORY_OUT = ("table", "trend", "stats", "open_dd", "open_group", "past_dd")
TABLE_HEADERS = ["ID", "Date", "Persona", "Difficulty", "Score", "Result", "Status"]


def empty_table() -> pd.DataFrame:
    return pd.DataFrame(columns=TABLE_HEADERS)


def _label(row: Any) -> str:
    what = row.persona or (f"upload: {row.title}" if row.title else "upload")
    score = f" · {row.score}" if row.score is not None else ""
    return f"#{row.id} · {row.started_at:%Y-%m-%d %H:%M} · {what}{score}"


class History:
    def __init__(self, ctx: WebContext, practice: Practice) -> None:
        self.ctx = ctx
        self.practice = practice

    def _mine(self, viewer: Viewer) -> list[Any]:
        # A trainer's own history is their own calls (the Trainer tab shows everyone's).
        return self.ctx.store.list_calls(viewer.user, trainee=viewer.user.name if viewer.user else None)

    def refresh(self, request: gr.Request | None = None) -> tuple:
        try:
            viewer = self.ctx.viewer(request)
            rows = self._mine(viewer)
            open_rows = self.ctx.store.open_calls(viewer.user)
        except Exception as exc:
            notify(problem(exc))
            return tuple(gr.skip() for _ in HISTORY_OUT)
        table = pd.DataFrame(
            [[r.id, f"{r.started_at:%Y-%m-%d %H:%M}", r.persona or (f"upload: {r.title}" if r.title else "upload"),
              r.difficulty or "—", "—" if r.score is None else r.score,
              "—" if r.passed is None else ("pass" if r.passed else "fail"), r.status.replace("_", " ")]
             for r in rows], columns=TABLE_HEADERS) if rows else empty_table()
        scored = sorted((r for r in rows if r.score is not None), key=lambda r: r.started_at)
        trend = views.line_chart({"score": [(r.started_at, float(r.score)) for r in scored]},
                                 title="My score over time", empty="No scored calls yet — finish a call to see your trend.")
        average = sum(r.score for r in scored) / len(scored) if scored else None
        rate = sum(bool(r.passed) for r in scored) / len(scored) if scored else None
        open_choices = [(_label(r), r.id) for r in open_rows]
        past_choices = [(_label(r), r.id) for r in rows if r.status == "finished"]
        return (table, trend, views.stats(len(rows), len(scored), average, rate),
                gr.update(choices=open_choices, value=open_choices[0][1] if open_choices else None),
                gr.update(visible=bool(open_choices)),
                gr.update(choices=past_choices, value=None))

    def open_past(self, call_id: Any, request: gr.Request | None = None) -> tuple:
        """One of my finished calls: its score card (with any trainer overrides) and transcript."""
        if call_id in (None, ""):
            return "", gr.update(value=None, visible=False)
        try:
            viewer = self.ctx.viewer(request)
            record = self.ctx.store.get_call(int(call_id), viewer.user)
            path = self.ctx.write_export(f"dojo-call-{record.id}.html", exports.report_html(record))
        except Exception as exc:
            notify(problem(exc))
            return gr.skip(), gr.skip()
        return views.record_html(record), gr.update(value=path, visible=True)

    def abandon(self, call_id: Any, state: Session | None, request: gr.Request | None = None) -> tuple:
        """Close an unfinished call without a score."""
        sess = state if isinstance(state, Session) else Session()
        try:
            viewer = self.ctx.viewer(request)
            cid = self._own_open_call(call_id, viewer)
            if sess.live is not None and sess.live.call_id == cid and not sess.live.finished:
                raise WebError("That call is open in Practice — end it there.")
            self.ctx.store.abandon_call(cid)
            notify(f"Call #{cid} closed without a score.", level="info")
        except Exception as exc:
            notify(problem(exc))
        return self.refresh(request)

    def _own_open_call(self, call_id: Any, viewer: Viewer) -> int:
        if call_id in (None, ""):
            raise WebError("Pick an unfinished call first.")
        try:
            cid = int(call_id)
        except (TypeError, ValueError):
            raise WebError("Pick an unfinished call first.") from None
        if cid not in {r.id for r in self.ctx.store.open_calls(viewer.user)}:
            raise WebError(f"Call #{cid} is not one of your unfinished calls.")
        return cid

    def resume(self, call_id: Any, coach_on: bool, state: Session | None,
               request: gr.Request | None = None) -> tuple:
        """Pick up an unfinished call where it stopped; returns ``OUT`` plus the tabs update."""
        sess = state if isinstance(state, Session) else Session()
        try:
            viewer = self.ctx.viewer(request)
            if sess.live is not None and not sess.live.finished:
                if sess.live.call_id == (int(call_id) if str(call_id).isdigit() else None):
                    return (*self.practice._call_view(sess, coach_on), gr.update(selected="practice"))
                raise WebError("A call is already in progress — end it first.")
            cid = self._own_open_call(call_id, viewer)
            record = self.ctx.store.get_call(cid, viewer.user)
            live = self.replay(record, viewer)
        except Exception as exc:
            notify(problem(exc))
            return (*out(state=sess), gr.skip())
        sess.live = live
        sess.last = {"persona_id": live.call.persona.id, "difficulty": live.call.difficulty,
                     "language": live.call.language, "voice": live.mode, "seed": live.call.seed}
        if live.call.over:  # it had ended (the debtor hung up) before the crash: score it now
            if not self.practice._finish(live):
                return (*out(state=sess), gr.skip())
            result = self.practice._score_out(sess, "The debtor hung up.")
        else:
            self.practice._flush(live)
            result = self.practice._call_view(sess, coach_on)
            notify(f"Call #{cid} resumed at turn {live.turns + 1}.", level="info")
        return (*result, gr.update(selected="practice"))

    def replay(self, record: Any, viewer: Viewer) -> Live:
        """The stored call rebuilt in memory (a missing last persona line is said now, and queued)."""
        if not record.persona_id:
            raise WebError(f"Call #{record.id} has no persona; it cannot be resumed.")
        call = Call(load_persona(record.persona_id), seed=record.seed, language=record.language,
                    difficulty=record.difficulty, started_at=record.started_at)
        mode = record.mode if record.mode in ("scripted", "llm") else "scripted"
        if mode == "llm" and not self.ctx.llm_available:
            mode = "scripted"
        live = Live(call=call, call_id=record.id, viewer=viewer, mode=mode, stored=len(record.turns))
        turns = record.turns
        i = 0
        while i < len(turns) and not call.over:
            turn = turns[i]
            if turn["role"] != "trainee":
                raise WebError(f"Call #{record.id}: turn {i + 1} is out of order; close the call instead.")
            decision = call.decide(turn["text"])
            if i + 1 < len(turns):
                persona = turns[i + 1]
                if persona["role"] != "persona":
                    raise WebError(f"Call #{record.id}: turn {i + 2} is out of order; close the call instead.")
                call.record(turn["text"], decision, persona["text"], persona.get("meta"))
                i += 2
            else:  # the server stopped between the trainee's message and the reply
                call.record(turn["text"], decision, call.scripted_line(decision))
                live.unsaved.append(("persona", call.transcript.turns[-1].text, None))
                i += 1
        live.messages = chat_messages(call)
        return live


assert OUT[-1] == "state"
