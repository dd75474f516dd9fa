"""The Trainer tab: every call in a table, one call's review and overrides, cohort plots,
uploaded transcripts and exports. Every handler checks the trainer role itself: hiding the tab
from trainees is cosmetics, this is the access control (with the store's own viewer checks)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from simulator.persona import all_personas
from simulator.rubric import load_rubric, score_transcript
from simulator.transcript import parse_transcript
from simulator.web import exports, views
from simulator.web.context import Viewer, WebContext, WebError, notify, problem

ANY = "any"
OUTCOMES = [("Any outcome", ANY), ("Promise", "promise"), ("No promise", "no_promise"), ("Hung up", "hung_up"),
            ("Passed", "passed"), ("Failed", "failed")]
SORTS = [("Date", "started_at"), ("Score", "score"), ("Trainee", "trainee"), ("Persona", "persona"),
         ("Difficulty", "difficulty"), ("Violations", "violations")]
TABLE_OUT = ("table", "count", "csv_btn", "jsonl_btn")
MAX_UPLOAD_BYTES = 1_000_000
MAX_COMMENT = 2000


def parse_day(value: Any, what: str) -> date | None:
    """A date from gr.DateTime (string, timestamp or datetime) or typed text; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value).date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text[:10]).date()
    except ValueError:
        raise WebError(f"{what}: {text[:20]!r} is not a date (YYYY-MM-DD).") from None


def empty_table() -> pd.DataFrame:
    return pd.DataFrame(columns=list(exports.DISPLAY.values()))


class Trainer:
    def __init__(self, ctx: WebContext) -> None:
        self.ctx = ctx

    # -- the calls table ------------------------------------------------------------------------
    def filter_choices(self, request: gr.Request | None = None) -> tuple:
        """Trainee and persona choices for the filters."""
        try:
            self.ctx.trainer(request)
            names = [u.name for u in self.ctx.store.list_users()]
        except Exception:
            return gr.skip(), gr.skip()
        personas = [(p.persona.title.get("en"), p.id) for p in all_personas()]
        return (gr.update(choices=[("All trainees", ANY)] + [(n, n) for n in names], value=ANY),
                gr.update(choices=[("All personas", ANY)] + personas, value=ANY))

    def rows(self, viewer: Viewer, trainee: Any = ANY, persona: Any = ANY, date_from: Any = None,
             date_to: Any = None, outcome: Any = ANY, sort_by: Any = "started_at", descending: bool = True) -> list:
        since, until = parse_day(date_from, "From"), parse_day(date_to, "To")
        if since and until and until < since:
            raise WebError("'To' is before 'From'.")
        return self.ctx.store.list_calls(
            viewer.user, trainee=None if trainee in (None, "", ANY) else str(trainee),
            persona=None if persona in (None, "", ANY) else str(persona),
            since=datetime.combine(since, datetime.min.time()) if since else None,
            until=datetime.combine(until + timedelta(days=1), datetime.min.time()) if until else None,
            outcome=None if outcome in (None, "", ANY) else outcome,
            order_by=sort_by or "started_at", descending=bool(descending))

    def table(self, trainee: Any = ANY, persona: Any = ANY, date_from: Any = None, date_to: Any = None,
              outcome: Any = ANY, sort_by: Any = "started_at", descending: bool = True,
              request: gr.Request | None = None) -> tuple:
        """The filtered, sorted table, and the CSV and JSONL of exactly those rows."""
        try:
            viewer = self.ctx.trainer(request)
            rows = self.rows(viewer, trainee, persona, date_from, date_to, outcome, sort_by, descending)
        except Exception as exc:
            notify(problem(exc))
            return tuple(gr.skip() for _ in TABLE_OUT)
        frame = (pd.DataFrame([exports.display_row(r) for r in rows], columns=list(exports.DISPLAY.values()))
                 if rows else empty_table())
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        csv_path = self.ctx.write_export(f"dojo-calls-{stamp}.csv", exports.to_csv(rows))
        jsonl_path = self.ctx.write_export(f"dojo-calls-{stamp}.jsonl", exports.to_jsonl(rows))
        count = f"{len(rows)} call{'s' if len(rows) != 1 else ''}"
        return frame, count, gr.update(value=csv_path), gr.update(value=jsonl_path)

    # -- one call -------------------------------------------------------------------------------
    def open_call(self, call_id: Any, request: gr.Request | None = None) -> tuple:
        """(review html, transcript html, criterion choices, report download, selected id)."""
        try:
            viewer = self.ctx.trainer(request)
            if call_id in (None, ""):
                raise WebError("Enter a call number.")
            try:
                cid = int(call_id)
            except (TypeError, ValueError):
                raise WebError("Enter a call number.") from None
            record = self.ctx.store.get_call(cid, viewer.user)
            path = self.ctx.write_export(f"dojo-call-{record.id}.html", exports.report_html(record))
        except Exception as exc:
            notify(problem(exc))
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        criteria = [(c.get("title") or c["id"], c["id"]) for c in (record.report or {}).get("criteria", [])]
        head, transcript = views.record_parts(record)
        return (head, transcript,
                gr.update(choices=criteria, value=criteria[0][1] if criteria else None, interactive=bool(criteria)),
                gr.update(value=path, visible=True), record.id)

    def select_row(self, evt: gr.SelectData, request: gr.Request | None = None) -> tuple:
        """A click on a table row opens that call for review."""
        row = getattr(evt, "row_value", None) or []
        call_id = row[0] if row else None
        return (*self.open_call(call_id, request), call_id if call_id is not None else gr.skip(),
                gr.update(selected="review"))

    def override(self, call_id: Any, criterion: Any, status: Any, comment: Any,
                 request: gr.Request | None = None) -> tuple:
        """Store a trainer's verdict beside the automatic one; returns the refreshed review."""
        try:
            viewer = self.ctx.trainer(request)
            if viewer.user is None:
                raise WebError("Overrides need a trainer account: add one with 'dojo users add NAME --role trainer'.")
            if call_id in (None, ""):
                raise WebError("Open a call first.")
            if not criterion:
                raise WebError("Pick a criterion.")
            if status not in ("met", "partial", "missed"):
                raise WebError("Pick met, partial or missed.")
            comment = (comment or "").strip()
            if len(comment) > MAX_COMMENT:
                raise WebError(f"The comment is {len(comment)} characters; keep it under {MAX_COMMENT}.")
            self.ctx.store.add_override(int(call_id), str(criterion), str(status), comment, viewer.user)
        except Exception as exc:
            notify(problem(exc))
            return tuple(gr.skip() for _ in range(6))
        notify("Override saved beside the automatic verdict.", level="info")
        head, transcript, _, report_btn, selected = self.open_call(call_id, request)
        return head, transcript, gr.skip(), report_btn, selected, ""

    def judge(self, call_id: Any, request: gr.Request | None = None) -> str:
        """A second opinion from the LLM judge on the open call, beside the rubric's verdicts.

        Shown, not stored: the rubric's verdict stays the score, and overrides stay the trainer's.
        """
        try:
            viewer = self.ctx.trainer(request)
            if call_id in (None, ""):
                raise WebError("Open a call first.")
            if not self.ctx.llm_available:
                raise WebError("No LLM is configured: set DOJO_LLM_BASE_URL (see 'dojo llm check').")
            record = self.ctx.store.get_call(int(call_id), viewer.user)
            if not record.report:
                raise WebError("This call has no report yet (it is still in progress).")
            from simulator.llm.judge import judge_report_sync
            from simulator.store import call_transcript_json
            from simulator.transcript import Transcript

            transcript = Transcript.model_validate(call_transcript_json(record))
            doc = judge_report_sync(transcript, load_rubric(record.report.get("rubric") or "collection-call"),
                                    record.report, self.ctx.llm_config_options())
        except Exception as exc:
            notify(problem(exc))
            return gr.skip()
        return views.judge_html(doc)

    # -- cohort ---------------------------------------------------------------------------------
    def cohort(self, request: gr.Request | None = None) -> tuple:
        """Four plots: pass rate per criterion, mean score per persona, each trainee over time, and
        agreement of trainer overrides with the automatic scorer per criterion."""
        try:
            viewer = self.ctx.trainer(request)
            rows = [r for r in self.ctx.store.list_calls(viewer.user, status="finished") if r.score is not None]
            overridden = {r.id: self.ctx.store.get_call(r.id, viewer.user) for r in rows if r.overrides}
        except Exception as exc:
            notify(problem(exc))
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return cohort_frames(rows, overridden)

    # -- uploads --------------------------------------------------------------------------------
    def upload(self, file: Any, pasted: str | None, title: str | None, request: gr.Request | None = None) -> tuple:
        """Score a real transcript (JSON or Trainee:/Debtor: lines) and store it with the others."""
        try:
            viewer = self.ctx.trainer(request)
            text, source = self._upload_text(file, pasted)
            transcript = parse_transcript(text, source)
            report = score_transcript(transcript, load_rubric(self.ctx.rubric_id)).to_json()
            name = (title or "").strip() or Path(source).stem or "uploaded call"
            if len(name) > 200:
                raise WebError("The title is too long (200 characters at most).")
            call_id = self.ctx.store.save_uploaded(viewer.user, transcript.to_json(), report, name, source=source[:500])
            record = self.ctx.store.get_call(call_id, viewer.user)
        except Exception as exc:
            notify(problem(exc))
            return gr.skip(), gr.skip()
        notify(f"Scored and added as call #{call_id}.", level="info")
        return views.record_html(record), None

    @staticmethod
    def _upload_text(file: Any, pasted: str | None) -> tuple[str, str]:
        if file:
            path = Path(file if isinstance(file, str) else getattr(file, "name", str(file)))
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise WebError(f"{path.name}: larger than {MAX_UPLOAD_BYTES // 1000} kB.")
            try:
                return path.read_text(encoding="utf-8"), path.name
            except UnicodeDecodeError:
                raise WebError(f"{path.name}: not UTF-8 text.") from None
        if pasted and pasted.strip():
            if len(pasted) > MAX_UPLOAD_BYTES:
                raise WebError("The pasted transcript is too long.")
            return pasted, "pasted transcript"
        raise WebError("Choose a transcript file or paste one.")


def cohort_frames(rows: list[Any], overridden: dict[int, Any]) -> tuple:
    """(pass rate per criterion, mean score per persona, each trainee's scores over time (chart html),
    agreement per criterion, agreement table html); trainer overrides count as the verdict for the
    pass rate."""
    titles = dict(views.TASK_SHORT)
    met = defaultdict(int)
    for r in rows:
        record = overridden.get(r.id)
        for cid in titles:
            status = record.effective_status(cid) if record else getattr(r, cid)
            met[cid] += status == "met"
    n = len(rows)
    pass_rate = pd.DataFrame({"criterion": list(titles.values()),
                              "pass rate (%)": [round(100 * met[c] / n, 1) if n else 0.0 for c in titles]})
    by_persona: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        by_persona[r.persona or "(uploaded)"].append(r.score)
    per_persona = pd.DataFrame({"persona": list(by_persona),
                                "average score": [round(sum(v) / len(v), 1) for v in by_persona.values()]})
    series: dict[str, list] = defaultdict(list)
    for r in sorted((r for r in rows if r.trainee), key=lambda r: (r.trainee, r.started_at)):
        series[r.trainee].append((r.started_at, float(r.score)))
    over_time = views.line_chart(dict(series), title="Each trainee's score over time",
                                 empty="No scored calls by trainees yet.")
    agree, total = defaultdict(int), defaultdict(int)
    for record in overridden.values():
        latest = {}
        for o in record.overrides:  # oldest first: the last one per criterion stands
            latest[o.criterion_id] = o.status
        for cid, status in latest.items():
            total[cid] += 1
            agree[cid] += status == record.criteria.get(cid)
    agreement = pd.DataFrame({"criterion": [titles.get(c, c) for c in titles if total[c]],
                              "agreement (%)": [round(100 * agree[c] / total[c], 1) for c in titles if total[c]]})
    note = views.agreement_table((dict(views.TASKS)[c], total[c], agree[c]) for c in titles if total[c])
    return pass_rate, per_persona, over_time, agreement, note

