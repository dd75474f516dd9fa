"""The trainee's practice call: start, stream the persona's replies, end, score, retry.

Handlers are plain functions of their inputs and a ``gr.Request``; most return the tuple ``OUT``
names (gr.skip() for what they leave alone), so tests call them directly. One message is three
chained events in the browser: ``accept`` (shown at once), ``reply`` (streamed; only the chat
changes) and ``after_send`` (turn count, coach panel, score card when the call is over); ``say`` is
the first two in one call for programs. A call lives in the session's ``Session`` (gr.State) and
every turn is committed to the store as it happens, so a crash loses nothing and the call can be
resumed.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

import anyio
import gradio as gr

from simulator.call import Call, check_message
from simulator.errors import DojoInputError
from simulator.persona import all_personas, load_persona
from simulator.web import coach, exports, views
from simulator.web.context import Viewer, WebContext, WebError, notify, problem

log = logging.getLogger("simulator.web")

OUT = ("setup_col", "call_col", "score_col", "card_html", "chatbot", "status_html", "coach_html", "msg",
       "score_html", "report_btn", "state")
"""The outputs of every practice handler, in order."""


@dataclass
class Live:
    """One call in progress (or just finished) in one browser session."""

    call: Call
    call_id: int
    viewer: Viewer
    mode: str = "scripted"
    messages: list[dict[str, str]] = field(default_factory=list)   # what the chat shows
    unsaved: list[tuple[str, str, dict | None]] = field(default_factory=list)  # turns not yet committed
    busy: bool = False
    finished: bool = False
    report: dict[str, Any] | None = None
    outcome: dict[str, Any] | None = None
    shown: bool = False          # the score card has been put on screen
    pending: str | None = None   # the accepted message the persona has not answered yet
    stored: int = 0              # turns of the call committed to the store

    @property
    def elapsed(self) -> float:
        return max(0.0, time.time() - self.call.started_at.timestamp())

    @property
    def turns(self) -> int:
        return sum(1 for t in self.call.transcript.turns if t.role == "trainee")


@dataclass
class Session:
    """Per-session state (gr.State): the live call and the settings to retry it with."""

    live: Live | None = None
    last: dict[str, Any] | None = None


ACCEPT_OUT = ("msg", "chatbot", "state")
"""The outputs of ``accept``: the box cleared, the message shown."""
REPLY_OUT = ("chatbot", "state")
"""The outputs of ``reply``: only the chat, the one thing that changes while a reply streams."""


def accept_out(**values: Any) -> tuple:
    return tuple(values.get(name, gr.skip()) for name in ACCEPT_OUT)


def reply_out(**values: Any) -> tuple:
    return tuple(values.get(name, gr.skip()) for name in REPLY_OUT)


def out(**values: Any) -> tuple:
    unknown = set(values) - set(OUT)
    assert not unknown, unknown
    return tuple(values.get(name, gr.skip()) for name in OUT)


def show(view: str) -> dict[str, Any]:
    """Visibility of the three practice views: 'setup', 'call' or 'score'."""
    return {"setup_col": gr.update(visible=view == "setup"), "call_col": gr.update(visible=view == "call"),
            "score_col": gr.update(visible=view == "score")}


def shown(text: str) -> str:
    """A turn as the chat shows it: escaped, because the chat renders HTML (sanitised, but a typed
    '<img ...>' must read as typed, not turn into a broken image)."""
    return html.escape(text, quote=False)


def chat_messages(call: Call) -> list[dict[str, str]]:
    return [{"role": "user" if t.role == "trainee" else "assistant", "content": shown(t.text)}
            for t in call.transcript.turns]


_WORDS = re.compile(r"\S+\s*")


def chunks(text: str) -> list[str]:
    """The reply cut into words (each with its trailing space) for streaming."""
    leading = text[: len(text) - len(text.lstrip())]
    words = _WORDS.findall(text)
    if words and leading:
        words[0] = leading + words[0]
    return words or [text]


def group(words: list[str], most: int) -> list[list[str]]:
    """The first word alone (it goes out at once), then the rest in at most ``most - 1`` even runs:
    a long reply still streams in word order, in fewer updates (each update costs the server the
    same whatever its size, so with many trainees fewer, fuller updates keep everyone fast)."""
    if not words:
        return []
    rest = words[1:]
    runs = max(1, most - 1)
    size = max(1, -(-len(rest) // runs))
    return [words[:1]] + [rest[i:i + size] for i in range(0, len(rest), size)]


class Practice:
    """The Practice tab's handlers."""

    def __init__(self, ctx: WebContext) -> None:
        self.ctx = ctx

    # -- scenario -------------------------------------------------------------------------------
    def persona_choices(self, language: str = "en") -> list[tuple[str, str]]:
        return [(p.persona.title.get(language), p.id) for p in all_personas()]

    def pick_persona(self, persona_id: str | None) -> tuple:
        """Difficulty defaults to the persona's; language offers what the persona speaks."""
        if not persona_id:
            return gr.skip(), gr.skip()
        try:
            p = load_persona(persona_id).persona
        except DojoInputError as exc:
            notify(problem(exc))
            return gr.skip(), gr.skip()
        names = {"en": "English", "es": "Spanish"}
        return (gr.update(value=p.difficulty),
                gr.update(choices=[(names.get(code, code), code) for code in p.languages], value=p.languages[0]))

    # -- start / retry / new ---------------------------------------------------------------------
    def start(self, persona_id: str | None, difficulty: str | None, language: str | None, voice: str | None,
              seed: Any, coach_on: bool, state: Session | None, request: gr.Request | None = None) -> tuple:
        sess = state if isinstance(state, Session) else Session()
        try:
            viewer = self.ctx.viewer(request)
            if sess.live is not None and not sess.live.finished:
                raise WebError("A call is already in progress — end it first.")
            if not persona_id:
                raise WebError("Pick a scenario first.")
            seed_value = self._seed(seed)
            mode = "llm" if voice == "llm" and self.ctx.llm_available else "scripted"
            call = Call(load_persona(persona_id), seed=seed_value, language=language or None,
                        difficulty=difficulty or None)
            with self.ctx.writing():
                call_id = self.ctx.store.start_call(
                    viewer=viewer.user, persona_id=call.persona.id, language=call.language,
                    difficulty=call.difficulty, seed=call.seed, counterpart=call.persona.counterpart, mode=mode,
                    started_at=call.started_at)
        except Exception as exc:
            notify(problem(exc))
            return out(state=sess)
        sess.live = Live(call=call, call_id=call_id, viewer=viewer, mode=mode)
        sess.last = {"persona_id": call.persona.id, "difficulty": call.difficulty, "language": call.language,
                     "voice": mode, "seed": call.seed}
        return self._call_view(sess, coach_on)

    @staticmethod
    def _seed(seed: Any) -> int | None:
        if seed is None or (isinstance(seed, str) and not seed.strip()):
            return None
        try:
            value = int(float(seed))
        except (TypeError, ValueError):
            raise WebError(f"Seed {str(seed)[:20]!r} is not a whole number.") from None
        if not 0 <= value < 2**31:
            raise WebError("The seed must be between 0 and 2147483647.")
        return value

    def _call_view(self, sess: Session, coach_on: bool) -> tuple:
        live = sess.live
        assert live is not None
        live.messages = chat_messages(live.call)
        return out(**show("call"), card_html=views.call_card(live.call.card()), chatbot=list(live.messages),
                   status_html=self._status(live), coach_html=self._coach(live) if coach_on else gr.skip(),
                   msg=gr.update(value="", interactive=True), score_html="", state=sess)

    def retry(self, coach_on: bool, state: Session | None, request: gr.Request | None = None) -> tuple:
        """The same scenario again: same persona, difficulty, language and seed."""
        sess = state if isinstance(state, Session) else Session()
        if not sess.last:
            notify("There is no call to retry yet.")
            return out(state=sess)
        if sess.live is not None and not sess.live.finished:
            notify("End the current call first.")
            return out(state=sess)
        last = sess.last
        return self.start(last["persona_id"], last["difficulty"], last["language"], last["voice"], last["seed"],
                          coach_on, sess, request)

    def new_call(self, state: Session | None) -> tuple:
        sess = state if isinstance(state, Session) else Session()
        if sess.live is not None and not sess.live.finished:
            notify("End the current call first.")
            return out(state=sess)
        sess.live = None
        return out(**show("setup"), chatbot=[], msg="", score_html="", state=sess)

    # -- one turn: accept the message, stream the reply, then update the rest ------------------------
    async def accept(self, message: str | None, coach_on: bool, state: Session | None,
                     request: gr.Request | None = None) -> tuple:
        """The trainee's message: checked, shown at once, and queued for ``reply`` (``ACCEPT_OUT``).

        An empty message does nothing; a too-long one is refused with a notice and stays in the
        box to be shortened. In coach mode a compliance warning shows the moment it is sent.
        """
        sess = state if isinstance(state, Session) else Session()
        text = (message or "").strip()
        live = sess.live
        if not text:
            return accept_out(state=sess)
        if live is None or live.finished or live.call.over:
            notify("Start a call first.")
            return accept_out(state=sess)
        try:
            text = check_message(text)
        except DojoInputError as exc:
            notify(problem(exc))
            return accept_out(state=sess)
        if live.busy or live.pending is not None:
            notify("Wait for the reply before you speak again.", level="info")
            return accept_out(state=sess)
        call = live.call
        if coach_on:
            for title in coach.crossed_line(text, call.language, call.persona.counterpart, call.started_at,
                                            self.ctx.rubric_id):
                notify(f"Compliance: {title}. That line is a blocker on the score card.")
        live.pending = text
        return "", live.messages + [{"role": "user", "content": shown(text)}], sess

    async def reply(self, coach_on: bool, state: Session | None,
                    request: gr.Request | None = None) -> AsyncIterator[tuple]:
        """The persona's reply to the accepted message, streamed word by word (``REPLY_OUT``).

        The trainee's turn is committed before the first word goes out, the persona's while it
        streams (before the last word). Each update is the chat alone,
        as a plain value: gradio postprocesses every output of every update in a worker thread
        (and rebuilds a component for each gr.update/gr.skip), which is what slows many trainees.
        """
        sess = state if isinstance(state, Session) else Session()
        live = sess.live
        if live is None or live.pending is None or live.busy:
            yield reply_out(state=sess)
            return
        text, live.pending = live.pending, None
        live.busy = True
        try:
            turn = self._llm_turn(live, text) if live.mode == "llm" else self._scripted_turn(live, text)
            async with contextlib.aclosing(turn):  # closed at once if the browser goes away
                async for chat in turn:
                    yield chat, sess
        finally:
            live.busy = False

    async def send(self, message: str | None, coach_on: bool, state: Session | None,
                   request: gr.Request | None = None) -> AsyncIterator[tuple]:
        """``accept`` then ``reply`` in one generator (``ACCEPT_OUT`` first, then ``REPLY_OUT``s) — what
        the browser does in two chained events, for tests and the in-process benchmark."""
        accepted = await self.accept(message, coach_on, state, request)
        yield accepted
        async for update in self.reply(coach_on, accepted[-1], request):
            yield update

    async def say(self, message: str | None, coach_on: bool, state: Session | None,
                  request: gr.Request | None = None) -> AsyncIterator[tuple]:
        """One API call per turn (``REPLY_OUT``): ``accept`` and the streamed ``reply``, for
        programs driving the app with gradio_client; the browser chains the two events instead."""
        accepted = await self.accept(message, coach_on, state, request)
        sess = accepted[-1]
        async for update in self.reply(coach_on, sess, request):
            yield update

    async def _scripted_turn(self, live: Live, text: str) -> AsyncIterator[list]:
        call = live.call
        try:
            decision = call.decide(text)
            line = call.scripted_line(decision)
        except Exception as exc:
            notify(problem(exc))
            return
        reply = call.record(text, decision, line)
        self._track(live)  # both turns queued for the store, in order, before anything can cancel us
        await self._flush_async(live, limit=1)  # what the trainee said is on disk before any reply shows
        # The persona's line is saved while it streams: it is the policy's deterministic answer to
        # a stored message, so even a crash before this commit loses nothing (resume says it again).
        saving = asyncio.ensure_future(self._flush_async(live))
        live.messages = chat_messages(call)
        before = live.messages[:-1]
        words = chunks(reply.text)
        pause = min(self.ctx.word_pause, self.ctx.max_stream_seconds / max(1, len(words)))
        pieces = group(words, self.ctx.max_stream_updates)
        partial = ""
        for i, piece in enumerate(pieces):
            if i:
                await asyncio.sleep(pause * len(pieces[i - 1]))
            partial += "".join(piece)
            yield before + [{"role": "assistant", "content": shown(partial)}]
        await saving
        if reply.hung_up:
            await anyio.to_thread.run_sync(self._finish, live)

    async def _llm_turn(self, live: Live, text: str) -> AsyncIterator[list]:
        call = live.call
        turns_before = len(call.transcript.turns)
        before = chat_messages(call) + [{"role": "user", "content": shown(text)}]
        partial, reply, notice = "", None, ""
        live.unsaved.append(("trainee", text, None))  # on disk first; the voice records both at the end
        try:
            await self._flush_async(live)
            yield before + [{"role": "assistant", "content": "…"}]
            try:
                async for item in self.ctx.voice().stream(call, text):
                    if isinstance(item, str):
                        partial += item
                        yield before + [{"role": "assistant", "content": shown(partial)}]
                    else:
                        reply = item
            except Exception:
                log.exception("LLM voice failed")
                reply = None
        finally:
            # Cancelled (the tab closed) or failed before the voice recorded the turn: the stored
            # trainee message still gets its answer — the scripted line — so call and store agree.
            if len(call.transcript.turns) == turns_before:
                decision = call.decide(text)
                reply = call.record(text, decision, call.scripted_line(decision), {"notice": "llm_failed"})
                notice = "The LLM voice did not answer; the scripted line stood in."
            self._track(live)
            live.messages = chat_messages(call)
        assert reply is not None
        notice = notice or str(reply.meta.get("notice") or "")
        await self._flush_async(live)
        if notice:
            notify(notice, level="info")
        yield list(live.messages)
        if reply.hung_up:
            await anyio.to_thread.run_sync(self._finish, live)

    def after_send(self, coach_on: bool, state: Session | None, request: gr.Request | None = None) -> tuple:
        """After each reply: the turn count and coach panel, and the score card once the call is over."""
        sess = state if isinstance(state, Session) else Session()
        live = sess.live
        if live is None or live.shown:
            return out()
        coach_html = self._coach(live) if coach_on else gr.skip()
        if not live.call.over:
            return out(status_html=self._status(live), coach_html=coach_html)
        if not live.finished and not self._finish(live):
            return out(status_html=self._status(live), coach_html=coach_html, state=sess)
        return self._score_out(sess, "The debtor hung up." if live.call.state.hung_up else "")

    async def stop(self, coach_on: bool, state: Session | None, request: gr.Request | None = None) -> tuple:
        """The Stop button. Its event cancels the streaming reply (``cancels=``), which closes the LLM
        request; the reply's cleanup records the scripted line in its place, as when a tab closes,
        so call and store stay in step. This waits for that, saves it and shows the chat as the
        call now stands. A reply stopped before it began leaves its message in the box, unsent;
        with no reply under way it changes nothing. (The button stays on screen during a call:
        showing and hiding it would add an output to every message, which costs at load.)"""
        sess = state if isinstance(state, Session) else Session()
        live = sess.live
        if live is None:
            return out()
        stopped = live.busy
        deadline = time.monotonic() + 5
        while live.busy and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        if stopped and live.mode == "llm":
            notify("Reply stopped: the scripted line stands in for it.", level="info")
        unsent, live.pending = (live.pending, None) if not live.busy else (None, live.pending)
        await self._flush_async(live)
        values = dict(zip(OUT, self.after_send(coach_on, sess, request)))
        if not live.shown:
            values["chatbot"] = list(live.messages)
        if unsent is not None:
            values["msg"] = unsent
        return tuple(values[name] for name in OUT)

    # -- saving ---------------------------------------------------------------------------------
    @staticmethod
    def _track(live: Live) -> None:
        """Queue every turn of the call that is neither stored nor queued yet (in call order)."""
        for turn in live.call.transcript.turns[live.stored + len(live.unsaved):]:
            live.unsaved.append((turn.role, turn.text, getattr(turn, "meta", None) or None))

    def _flush(self, live: Live, limit: int | None = None) -> bool:
        """Commit the queued turns (at most ``limit``), in order; on failure keep them for later."""
        with self.ctx.writing():
            done = 0
            while live.unsaved and (limit is None or done < limit):
                role, text, meta = live.unsaved[0]
                try:
                    self.ctx.store.add_turn(live.call_id, role, text, meta)
                except Exception as exc:
                    log.warning("could not store a turn of call %s: %s", live.call_id, exc)
                    notify("Could not save the last turn; it is kept and will be saved with your next message.")
                    return False
                live.unsaved.pop(0)
                live.stored += 1
                done += 1
        return True

    async def _flush_async(self, live: Live, limit: int | None = None) -> bool:
        async with self.ctx.async_writing():
            return await anyio.to_thread.run_sync(self._flush, live, limit)

    # -- ending ---------------------------------------------------------------------------------
    def end(self, state: Session | None, request: gr.Request | None = None) -> tuple:
        """End the call and show its score card (again, if it is already over)."""
        sess = state if isinstance(state, Session) else Session()
        live = sess.live
        if live is None:
            return out(state=sess)
        if live.busy:
            notify("Wait for the reply to finish, then end the call.", level="info")
            return out(state=sess)
        if not live.finished:
            live.call.end()
            if not self._finish(live):
                return out(status_html=self._status(live), state=sess)
        return self._score_out(sess, "The debtor hung up." if live.call.state.hung_up else "")

    def _finish(self, live: Live) -> bool:
        """Score the call and close it in the store; False (with a notice) when that failed."""
        if live.finished:
            return True
        try:
            if not self._flush(live):
                raise WebError("The call could not be saved yet — press End call again in a moment.")
            report = live.call.score(self.ctx.rubric_id).to_json()
            outcome = live.call.outcome().to_json()
            with self.ctx.writing():
                self.ctx.store.finish_call(live.call_id, report=report, outcome=outcome)
        except Exception as exc:
            notify(problem(exc))
            return False
        live.finished, live.report, live.outcome = True, report, outcome
        return True

    def _score_out(self, sess: Session, note: str) -> tuple:
        live = sess.live
        assert live is not None and live.finished
        live.shown = True
        return out(**show("score"), chatbot=list(live.messages), msg="",
                   status_html=self._status(live, note=note), score_html=self.score_view(live, note),
                   report_btn=self._report_file(live.call_id, live.viewer), state=sess)

    def score_view(self, live: Live, note: str = "") -> str:
        assert live.report is not None
        heading = f"{live.call.card()['title']} — {note}" if note else str(live.call.card()["title"])
        return (views.score_card(live.report, live.outcome, language=live.call.language, heading=heading)
                + views.transcript_html([t.model_dump() for t in live.call.transcript.turns], live.report))

    def _report_file(self, call_id: int, viewer: Viewer) -> Any:
        try:
            record = self.ctx.store.get_call(call_id, viewer.user)
            return self.ctx.write_export(f"dojo-call-{call_id}.html", exports.report_html(record))
        except Exception as exc:  # the score card is on screen already; the download is a bonus
            log.warning("no report file for call %s: %s", call_id, exc)
            return gr.skip()

    # -- bits of the call view -------------------------------------------------------------------
    def _status(self, live: Live, extra_turn: int = 0, note: str = "") -> str:
        return views.status_bar(turns=live.turns + extra_turn, elapsed=live.elapsed,
                                live=not (live.finished or live.call.over), note=note)

    def _coach(self, live: Live) -> str:
        view = coach.checklist(live.call.transcript, self.ctx.rubric_id)
        return views.coach_panel(view.items, view.violations)

    def toggle_coach(self, coach_on: bool, state: Session | None) -> tuple:
        """Show or hide the coach panel; when shown, it is up to date at once."""
        sess = state if isinstance(state, Session) else Session()
        html = self._coach(sess.live) if coach_on and sess.live else views.coach_panel(
            (cid, title, "missed") for cid, title in views.TASKS)
        return gr.update(visible=bool(coach_on)), html
