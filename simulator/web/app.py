"""``dojo serve``: the Gradio app — Practice, My history and (for trainers) Trainer.

``build(ctx)`` wires the components to the handlers in trainee.py, history.py and trainer.py;
``launch(...)`` starts it with the settings every caller needs (auth once accounts exist, no
browser run history, the theme and CSS); ``serve(...)`` is what the CLI calls.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from typing import Any

import gradio as gr

from simulator.errors import DojoInputError
from simulator.persona import all_personas
from simulator.store import Store
from simulator.web import views
from simulator.web.context import LOCAL_MODE_NOTE, WebContext, problem
from simulator.web.history import HISTORY_OUT, History, empty_table as empty_history
from simulator.web.trainee import ACCEPT_OUT, OUT, REPLY_OUT, Practice
from simulator.web.trainer import ANY, OUTCOMES, SORTS, TABLE_OUT, Trainer, empty_table

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
log = logging.getLogger("simulator.web")

if importlib.util.find_spec("matplotlib") is None:
    # gradio tries 'import matplotlib' around every step of every event (to pin its backend); when it
    # is not installed each try searches sys.path again — a measurable cost per streamed word with
    # many trainees. A None entry makes that import fail at once, exactly as it would anyway.
    sys.modules.setdefault("matplotlib", None)  # type: ignore[arg-type]

THEME = gr.themes.Soft(primary_hue="indigo", secondary_hue="slate", neutral_hue="slate")
CHAT_CONCURRENCY = None
"""The chat event runs for every trainee at once: it awaits, it does not hold a thread."""
DEFAULT_CONCURRENCY = 32

APP_CSS = views.CSS + """
.gradio-container{max-width:1180px !important;width:100% !important;margin:0 auto}
#dojo-calls,#dojo-history{--font-mono:var(--font)}
#dojo-calls [role="gridcell"],#dojo-calls [role="columnheader"],#dojo-calls th,#dojo-calls td{font-size:13px}
#dojo-override{margin:.6rem 0}
#dojo-judge table{width:100%;border-collapse:collapse;font-size:.9rem}
#dojo-judge td,#dojo-judge th{padding:.3rem .5rem;border-bottom:1px solid #e5e7eb;text-align:left}
#dojo-judge .dojo-disagree{background:#fef3c7}
#dojo-header{align-items:center}
#dojo-header h2{margin:0}
#dojo-who{text-align:right}
#dojo-who a{margin-left:.6rem}
#dojo-send{min-width:90px}
#dojo-chat .message{font-size:.97rem}
#dojo-callbar{align-items:center}
.dojo-offscreen{position:absolute !important;left:-10000px !important;width:1px !important;height:1px !important;
  overflow:hidden !important}
#dojo-coach-toggle{flex:0 0 auto !important;width:auto !important;min-width:150px !important;
  background:transparent;border:none;box-shadow:none;white-space:nowrap}
#dojo-chat button[aria-label="Clear"]{display:none}
.dojo-bottom{align-items:flex-end}
.dojo-bottom button{margin-bottom:2px}
footer{opacity:.6}
"""

TIMER_JS = """
<script>
(function () {
  function markCards() {
    var checked = document.querySelector('#dojo-persona input[type="radio"]:checked');
    var id = checked ? checked.value : null;
    document.querySelectorAll(".dojo-pcard[data-persona]").forEach(function (card) {
      var on = card.getAttribute("data-persona") === id;
      card.classList.toggle("selected", on);
      card.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  document.addEventListener("click", function (event) {
    var card = event.target.closest ? event.target.closest(".dojo-pcard[data-persona]") : null;
    if (!card) return;
    var value = card.getAttribute("data-persona");
    document.querySelectorAll('#dojo-persona input[type="radio"]').forEach(function (input) {
      if (input.value === value && !input.checked) input.click();
    });
    markCards();
  });
  setInterval(markCards, 300);
})();
(function () {
  var seen = new WeakMap();
  function fmt(s) {
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var mm = String(m).padStart(2, "0"), rr = String(r).padStart(2, "0");
    return h ? h + ":" + mm + ":" + rr : mm + ":" + rr;
  }
  setInterval(function () {
    document.querySelectorAll("[data-dojo-elapsed]").forEach(function (el) {
      if (!seen.has(el)) seen.set(el, Date.now() - 1000 * Number(el.getAttribute("data-dojo-elapsed")));
      el.textContent = fmt(Math.max(0, Math.floor((Date.now() - seen.get(el)) / 1000)));
    });
  }, 1000);
})();
</script>
"""


def whoami(ctx: WebContext, request: gr.Request | None) -> tuple:
    """(header html, mode banner, trainer tab visibility)."""
    try:
        viewer = ctx.viewer(request)
    except Exception as exc:
        return "", views.banner(problem(exc), warn=True), gr.update(visible=False)
    if viewer.local:
        return ('<div class="dojo" id="dojo-whoami"><span class="tag">local mode</span></div>',
                views.banner(LOCAL_MODE_NOTE), gr.update(visible=True))
    user = viewer.user
    assert user is not None
    who = (f'<div class="dojo" id="dojo-whoami">Signed in as <b>{views.esc(user.name)}</b> '
           f'<span class="tag">{views.esc(user.role)}</span><a href="/logout">Sign out</a></div>')
    return who, "", gr.update(visible=user.is_trainer)


def build(ctx: WebContext) -> gr.Blocks:
    practice, history, trainer = Practice(ctx), History(ctx, None), Trainer(ctx)  # type: ignore[arg-type]
    history.practice = practice
    personas = all_personas()
    first = personas[0].persona if personas else None
    llm = ctx.llm_available

    with gr.Blocks(title="Collections Dojo") as demo:
        state = gr.State(None)  # a Session, made by the first handler that needs one
        with gr.Row(elem_id="dojo-header", equal_height=True):
            gr.Markdown("## Collections Dojo")
            who = gr.HTML(elem_id="dojo-who")
        banner = gr.HTML()

        with gr.Tabs(selected="practice") as tabs:
            # -- Practice --------------------------------------------------------------------------
            with gr.Tab("Practice", id="practice"):
                with gr.Column(visible=True, elem_id="dojo-setup") as setup_col:
                    gr.HTML(views.persona_cards(personas), elem_id="dojo-cards")
                    # The cards pick the scenario (a script in the page clicks this radio for them).
                    persona = gr.Radio(practice.persona_choices(), value=first.id if first else None,
                                       label="Scenario", elem_id="dojo-persona", elem_classes=["dojo-offscreen"])
                    with gr.Row(elem_classes=["dojo-bottom"]):
                        difficulty = gr.Radio(["easy", "medium", "hard"], value=first.difficulty if first else "easy",
                                              label="Difficulty", elem_id="dojo-difficulty", scale=2)
                        language = gr.Radio([("English", "en"), ("Spanish", "es")], value="en", label="Language",
                                            elem_id="dojo-language", scale=2)
                        voice = gr.Radio([("Scripted", "scripted"), ("LLM voice", "llm")], value="scripted",
                                         label="Persona voice", visible=llm, elem_id="dojo-voice", scale=2)
                        seed = gr.Textbox(label="Seed", placeholder="random", max_lines=1, elem_id="dojo-seed",
                                          info="The same seed replays the same call.", scale=1, min_width=180)
                    start_btn = gr.Button("Start call", variant="primary", elem_id="dojo-start")

                with gr.Column(visible=False, elem_id="dojo-call") as call_col:
                    card_html = gr.HTML(elem_id="dojo-card")
                    with gr.Row(elem_id="dojo-callbar"):
                        status_html = gr.HTML(elem_id="dojo-status-box", scale=5)
                        coach_on = gr.Checkbox(label="Coach mode", value=False, elem_id="dojo-coach-toggle",
                                               container=False, scale=0, min_width=150)
                        end_btn = gr.Button("End call", variant="stop", size="md", elem_id="dojo-end", scale=0,
                                            min_width=120)
                    with gr.Row():
                        with gr.Column(scale=3):
                            chatbot = gr.Chatbot(elem_id="dojo-chat", height=420, show_label=False,
                                                 render_markdown=False, sanitize_html=True, buttons=[],
                                                 layout="bubble", feedback_options=None,
                                                 placeholder="Start with a greeting — you are the collector.")
                            with gr.Row(equal_height=True):
                                msg = gr.Textbox(show_label=False, placeholder="Type what you say and press Enter",
                                                 elem_id="dojo-msg", scale=6, max_lines=6, autofocus=True)
                                send_btn = gr.Button("Send", variant="primary", elem_id="dojo-send", scale=1)
                                stop_btn = gr.Button("Stop", elem_id="dojo-stop", scale=0, min_width=80)
                        with gr.Column(scale=1, visible=False, min_width=240) as coach_col:
                            coach_html = gr.HTML(elem_id="dojo-coach")

                with gr.Column(visible=False, elem_id="dojo-score") as score_col:
                    with gr.Row():
                        retry_btn = gr.Button("Retry the same call", variant="primary", elem_id="dojo-retry")
                        new_btn = gr.Button("New call", elem_id="dojo-new")
                        report_btn = gr.DownloadButton("Download report", elem_id="dojo-report")
                    score_html = gr.HTML(elem_id="dojo-scorecard-box")

            # -- My history --------------------------------------------------------------------------
            with gr.Tab("My history", id="history") as history_tab:
                stats = gr.HTML()
                with gr.Row(visible=False, elem_id="dojo-open-row", elem_classes=["dojo-bottom"]) as open_group:
                    open_dd = gr.Dropdown(label="Unfinished call", choices=[], elem_id="dojo-open", scale=4)
                    resume_btn = gr.Button("Resume", variant="primary", size="md", elem_id="dojo-resume", scale=1)
                    abandon_btn = gr.Button("Close it", size="md", elem_id="dojo-abandon", scale=1)
                trend = gr.HTML(elem_id="dojo-trend")
                history_table = gr.Dataframe(empty_history(), interactive=False, elem_id="dojo-history",
                                             max_height=320, label="My calls")
                past_dd = gr.Dropdown(label="Open a call", choices=[], elem_id="dojo-past")
                past_html = gr.HTML()
                past_report = gr.DownloadButton("Download report", visible=False)

            # -- Trainer ------------------------------------------------------------------------------
            with gr.Tab("Trainer", id="trainer", visible=False) as trainer_tab:
                with gr.Tabs(selected="calls") as trainer_tabs:
                    with gr.Tab("Calls", id="calls") as calls_tab:
                        with gr.Row():
                            f_trainee = gr.Dropdown([("All trainees", ANY)], value=ANY, label="Trainee",
                                                    elem_id="dojo-f-trainee")
                            f_persona = gr.Dropdown([("All personas", ANY)], value=ANY, label="Persona",
                                                    elem_id="dojo-f-persona")
                            f_from = gr.DateTime(label="From", include_time=False, type="string", elem_id="dojo-f-from")
                            f_to = gr.DateTime(label="To", include_time=False, type="string", elem_id="dojo-f-to")
                            f_outcome = gr.Dropdown(OUTCOMES, value=ANY, label="Outcome", elem_id="dojo-f-outcome")
                        with gr.Row(elem_classes=["dojo-bottom"]):
                            f_sort = gr.Dropdown(SORTS, value="started_at", label="Sort by", scale=2,
                                                 elem_id="dojo-f-sort")
                            f_desc = gr.Checkbox(value=True, label="Newest / highest first", scale=2,
                                                 elem_id="dojo-f-desc")
                            apply_btn = gr.Button("Apply", variant="primary", size="md", scale=1, elem_id="dojo-apply")
                            csv_btn = gr.DownloadButton("Export CSV", size="md", scale=1, elem_id="dojo-csv")
                            jsonl_btn = gr.DownloadButton("Export JSONL", size="md", scale=1, elem_id="dojo-jsonl")
                        count = gr.Markdown()
                        calls_table = gr.Dataframe(empty_table(), interactive=False, elem_id="dojo-calls",
                                                   max_height=480, show_label=False, wrap=False)
                    with gr.Tab("Review", id="review"):
                        review_id = gr.State(None)
                        with gr.Row(elem_classes=["dojo-bottom"]):
                            call_no = gr.Number(label="Call #", precision=0, elem_id="dojo-call-no", scale=1,
                                                min_width=120)
                            open_btn = gr.Button("Open", size="md", elem_id="dojo-open-call", scale=1)
                            review_report = gr.DownloadButton("HTML report", visible=False, size="md",
                                                              elem_id="dojo-html-report", scale=1)
                            judge_btn = gr.Button("Ask the LLM judge", size="md", elem_id="dojo-judge-btn", scale=1,
                                                  visible=ctx.llm_available)
                            gr.HTML(scale=2)
                        review_html = gr.HTML(elem_id="dojo-review")
                        judge_html = gr.HTML(elem_id="dojo-judge-out")
                        with gr.Row(elem_id="dojo-override", elem_classes=["dojo-bottom"]):
                            o_criterion = gr.Dropdown([], label="Override a criterion", elem_id="dojo-o-criterion",
                                                      scale=3, min_width=200)
                            o_status = gr.Radio(["met", "partial", "missed"], label="Trainer's verdict",
                                                elem_id="dojo-o-status", scale=3, min_width=320)
                            o_comment = gr.Textbox(label="Comment", lines=1, max_lines=4, elem_id="dojo-o-comment",
                                                   scale=5)
                            o_save = gr.Button("Save override", variant="primary", size="md", elem_id="dojo-o-save",
                                               scale=1, min_width=140)
                        review_transcript = gr.HTML(elem_id="dojo-review-transcript")
                    with gr.Tab("Cohort", id="cohort") as cohort_tab:
                        with gr.Row():
                            p_pass = gr.BarPlot(x="criterion", y="pass rate (%)", title="Pass rate per criterion",
                                                y_lim=[0, 100], height=260, elem_id="dojo-p-pass",
                                                sort=list(views.TASK_SHORT.values()))
                            p_persona = gr.BarPlot(x="persona", y="average score", title="Average score per persona",
                                                   y_lim=[0, 100], height=260, elem_id="dojo-p-persona")
                        with gr.Row():
                            p_time = gr.HTML(elem_id="dojo-p-time", container=True)
                            p_agree = gr.BarPlot(x="criterion", y="agreement (%)",
                                                 title="Trainer overrides agreeing with the scorer", y_lim=[0, 100],
                                                 height=260, elem_id="dojo-p-agree",
                                                 sort=list(views.TASK_SHORT.values()))
                        agree_note = gr.HTML(elem_id="dojo-agree")
                    with gr.Tab("Upload", id="upload"):
                        gr.Markdown("Score a real call transcript: JSON (the transcript format) or lines that start "
                                    "with `Trainee:` / `Debtor:`. It joins the calls table.")
                        with gr.Row():
                            up_file = gr.File(label="Transcript file", file_types=[".json", ".txt"], type="filepath",
                                              elem_id="dojo-up-file")
                            up_text = gr.Textbox(label="…or paste it", lines=6, max_lines=14, elem_id="dojo-up-text")
                        up_title = gr.Textbox(label="Title", placeholder="e.g. Monday queue, call 3",
                                              elem_id="dojo-up-title")
                        up_btn = gr.Button("Score transcript", variant="primary", elem_id="dojo-up-score")
                        up_html = gr.HTML(elem_id="dojo-up-result")

        components = {"setup_col": setup_col, "call_col": call_col, "score_col": score_col, "card_html": card_html,
                      "chatbot": chatbot, "status_html": status_html, "coach_html": coach_html, "msg": msg,
                      "score_html": score_html, "report_btn": report_btn, "state": state}
        outs = [components[name] for name in OUT]
        hist_outs = [{"table": history_table, "trend": trend, "stats": stats, "open_dd": open_dd,
                      "open_group": open_group, "past_dd": past_dd}[n] for n in HISTORY_OUT]
        table_outs = [{"table": calls_table, "count": count, "csv_btn": csv_btn, "jsonl_btn": jsonl_btn}[n]
                      for n in TABLE_OUT]
        filters = [f_trainee, f_persona, f_from, f_to, f_outcome, f_sort, f_desc]

        # -- events ----------------------------------------------------------------------------------
        def on_load(request: gr.Request) -> tuple:
            return whoami(ctx, request)

        demo.load(on_load, None, [who, banner, trainer_tab], api_name="whoami")
        persona.change(practice.pick_persona, persona, [difficulty, language], api_name="pick_persona")
        start_btn.click(practice.start, [persona, difficulty, language, voice, seed, coach_on, state], outs,
                        api_name="start")
        replying = gr.on([msg.submit, send_btn.click], practice.accept, [msg, coach_on, state],
                         [components[n] for n in ACCEPT_OUT], api_name="accept", queue=False,
                         show_progress="hidden", trigger_mode="once").then(
            practice.reply, [coach_on, state], [components[n] for n in REPLY_OUT], api_name="reply",
            concurrency_limit=CHAT_CONCURRENCY, show_progress="hidden")
        replying.then(practice.after_send, [coach_on, state], outs, api_name="after_send",
                      concurrency_limit=CHAT_CONCURRENCY, show_progress="hidden")
        # Stop cancels the streaming reply (and so its LLM request), then shows the call as it stands.
        # The cancel is registered first: the browser runs a click's events in order, and waits for
        # each backend one to finish before the next, so a cancel after `stop` would come too late.
        stop_btn.click(None, None, None, cancels=[replying])
        stop_btn.click(practice.stop, [coach_on, state], outs, api_name="stop", concurrency_limit=CHAT_CONCURRENCY,
                       show_progress="hidden")
        # One call per turn for programs (gradio_client): accept + reply without the browser's chain.
        say_btn = gr.Button(visible=False)
        say_btn.click(practice.say, [msg, coach_on, state], [components[n] for n in REPLY_OUT], api_name="say",
                      concurrency_limit=CHAT_CONCURRENCY, show_progress="hidden")
        end_btn.click(practice.end, [state], outs, api_name="end")
        retry_btn.click(practice.retry, [coach_on, state], outs, api_name="retry")
        new_btn.click(practice.new_call, [state], outs, api_name="new_call")
        coach_on.change(practice.toggle_coach, [coach_on, state], [coach_col, coach_html], api_name="coach")

        history_tab.select(history.refresh, None, hist_outs, api_name="history")
        resume_btn.click(history.resume, [open_dd, coach_on, state], outs + [tabs], api_name="resume")
        abandon_btn.click(history.abandon, [open_dd, state], hist_outs, api_name="abandon")
        past_dd.change(history.open_past, past_dd, [past_html, past_report], api_name="open_past")

        trainer_tab.select(trainer.filter_choices, None, [f_trainee, f_persona], api_name="filters").then(
            trainer.table, filters, table_outs, api_name="calls_on_open")
        apply_btn.click(trainer.table, filters, table_outs, api_name="calls")
        review_outs = [review_html, review_transcript, o_criterion, review_report, review_id]
        calls_table.select(trainer.select_row, None, review_outs + [call_no, trainer_tabs], api_name="select_call")
        open_btn.click(trainer.open_call, call_no, review_outs, api_name="open_call")
        call_no.submit(trainer.open_call, call_no, review_outs, api_name="open_call_enter")
        judge_btn.click(trainer.judge, review_id, judge_html, api_name="judge", concurrency_limit=8)
        review_id.change(lambda _: "", review_id, judge_html, queue=False, api_visibility="private")  # a new call: clear
        o_save.click(trainer.override, [review_id, o_criterion, o_status, o_comment], review_outs + [o_comment],
                     api_name="override")
        cohort_tab.select(trainer.cohort, None, [p_pass, p_persona, p_time, p_agree, agree_note], api_name="cohort")
        up_btn.click(trainer.upload, [up_file, up_text, up_title], [up_html, up_file], api_name="upload").then(
            trainer.table, filters, table_outs, api_name="calls_after_upload")
        calls_tab.select(trainer.table, filters, table_outs, api_name="calls_on_tab")

    demo.queue(default_concurrency_limit=DEFAULT_CONCURRENCY, max_size=None)
    return demo


def launch(demo: gr.Blocks, ctx: WebContext, *, host: str = "127.0.0.1", port: int | None = None,
           require_login: bool | None = None, **kwargs: Any) -> tuple:
    """Start ``demo``: login once the store has accounts, no browser run history, theme and CSS."""
    needs_login = ctx.store.has_users() if require_login is None else require_login
    return demo.launch(
        server_name=host, server_port=port, auth=ctx.authenticate if needs_login else None,
        auth_message="Sign in with your Collections Dojo account." if needs_login else None,
        run_history=False, footer_links=["settings"], theme=THEME, css=APP_CSS, head=TIMER_JS,
        show_error=False, **kwargs)


def serve(host: str, port: int, database_url: str | None) -> int:
    """``dojo serve``: open the store (SQLite by default, $DOJO_DATABASE_URL) and run the app."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    store = Store(database_url)
    ctx = WebContext(store)
    mode = "sign-in required" if store.has_users() else "local mode (no accounts)"
    sys.stderr.write(f"dojo: serving on http://{host}:{port} · database {store.url} · {mode}\n")
    try:
        demo = build(ctx)
        try:
            launch(demo, ctx, host=host, port=port, quiet=True)
        except OSError as exc:
            raise DojoInputError(f"cannot listen on {host}:{port} ({exc})") from None
    finally:
        ctx.close()
        store.close()
    return 0
