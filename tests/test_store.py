"""The storage layer on both backends: SQLite (a temp file) and PostgreSQL (a throwaway cluster).

Without PostgreSQL server binaries the postgres variants skip, except under ``CI=true``, where
they fail: CI must really exercise PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from simulator.errors import DojoInputError
from simulator.report import CriterionResult, Outcome, Promise, Report, Violation
from simulator.store import CallRecord, Store, User, call_transcript_json, default_database_url
from simulator.store.schema import FOUR_CRITERIA, Base
from simulator.store.store import head_revision, normalize_url
from simulator.transcript import Transcript

try:
    from tests import pg
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    import pg  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # tests only: cheap hashes
T0 = datetime(2026, 11, 23, 10, 0, 0)


# -- fixtures ------------------------------------------------------------------------------------



@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dojo.sqlite3'}"
    return pg.fresh_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url, hasher=FAST_HASHER) as opened:
        yield opened


@pytest.fixture
def people(store: Store) -> dict[str, User]:
    return {"alice": store.add_user("alice", "trainee", "alice-password"),
            "bob": store.add_user("bob", "trainee", "bob-password"),
            "tina": store.add_user("tina", "trainer", "tina-password")}


def raw_scalar(url: str, sql: str, **params: Any) -> Any:
    """Read the database behind the Store's back."""
    engine = create_engine(normalize_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def make_report(score: int = 80, passed: bool = True, statuses: dict[str, str] | None = None,
                violations: int = 0, promise: Promise | None = None,
                extra_criteria: tuple[str, ...] = ()) -> dict[str, Any]:
    statuses = statuses or {}
    criteria = [CriterionResult(id=c, status=statuses.get(c, "met")) for c in (*FOUR_CRITERIA, *extra_criteria)]
    return Report(rubric="collection-call", score=score, passed=passed, criteria=criteria,
                  violations=[Violation(id="threat", turn=0, quote="hi")] * violations,
                  promise=promise).to_json()


def start(store: Store, viewer: User | None, persona: str = "next_month", **kw: Any) -> int:
    kw.setdefault("language", "en")
    kw.setdefault("difficulty", "easy")
    kw.setdefault("seed", 1)
    return store.start_call(viewer=viewer, persona_id=persona, **kw)


def finished_call(store: Store, viewer: User | None, *, persona: str = "next_month",
                  started_at: datetime = T0, score: int = 80, passed: bool = True,
                  statuses: dict[str, str] | None = None, promise: Promise | None = None,
                  hung_up: bool = False, violations: int = 0) -> int:
    call = start(store, viewer, persona, started_at=started_at)
    store.add_turn(call, "trainee", "Please pay today.")
    store.add_turn(call, "persona", "Fine.")
    store.finish_call(call, report=make_report(score, passed, statuses, violations, promise),
                      outcome=Outcome(promise=promise, hung_up=hung_up).to_json())
    return call


def run_python(code: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=120, check=False)


def users_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "simulator.store.users_cli", *args], input=stdin,
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=120, check=False)


# -- URLs and migrations -------------------------------------------------------------------------

def test_url_normalisation() -> None:
    assert normalize_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgresql://u@h:5433/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"
    assert normalize_url("sqlite:///x.sqlite3").drivername == "sqlite"
    with pytest.raises(DojoInputError, match="unsupported database 'mysql'"):
        normalize_url("mysql://root:secret@h/db")
    with pytest.raises(DojoInputError, match="not a database URL") as err:
        Store("not a url at all")
    assert "\n" not in str(err.value)


def test_default_database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOJO_DATABASE_URL", raising=False)
    url = default_database_url()
    assert url == f"sqlite:///{tmp_path / 'dojo-data' / 'dojo.sqlite3'}"
    assert (tmp_path / "dojo-data").is_dir()
    monkeypatch.setenv("DOJO_DATABASE_URL", "postgresql://someone@db/dojo")
    assert default_database_url() == "postgresql://someone@db/dojo"


def test_store_without_url_uses_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOJO_DATABASE_URL", raising=False)
    with Store() as store:
        assert store.dialect == "sqlite"
        assert store.revision() == head_revision()
    assert (tmp_path / "dojo-data" / "dojo.sqlite3").is_file()


def test_unreachable_database_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(DojoInputError, match="cannot open it") as err:
        Store(f"postgresql://nobody:secret@/nodb?host={tmp_path}&port=1")
    assert "\n" not in str(err.value) and "secret" not in str(err.value)


def test_fresh_database_is_migrated_to_head(store: Store, db_url: str) -> None:
    assert store.revision() == head_revision() == "0001"
    store.migrate()
    store.migrate()
    assert store.revision() == head_revision()
    assert raw_scalar(db_url, "SELECT version_num FROM alembic_version") == head_revision()
    with Store(db_url) as again:  # reopening migrates again, harmlessly
        assert again.revision() == head_revision()


def test_migrations_match_the_models(store: Store, db_url: str) -> None:
    engine = create_engine(normalize_url(db_url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'p.sqlite3'}") as store:
        with store._engine.connect() as conn:  # noqa: SLF001 - checking the connect hook itself
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


@pytest.mark.postgres
def test_plain_postgresql_url_is_accepted(pg_server: str) -> None:
    db_url = normalize_url(pg.fresh_database(pg_server)).render_as_string(hide_password=False)
    with Store(db_url.replace("postgresql+psycopg://", "postgresql://", 1)) as store:
        assert store.dialect == "postgresql"
        assert store.revision() == head_revision()


# -- users ---------------------------------------------------------------------------------------

def test_users_and_passwords(store: Store, db_url: str) -> None:
    assert not store.has_users()
    alice = store.add_user("alice", "trainee", "correct horse")
    tina = store.add_user("tina.t-1_X", "trainer", "battery staple")
    assert store.has_users()
    assert (alice.name, alice.role, tina.role) == ("alice", "trainee", "trainer")
    assert not hasattr(alice, "password_hash")
    stored = raw_scalar(db_url, "SELECT password_hash FROM users WHERE name = 'alice'")
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert store.authenticate("alice", "correct horse") == alice
    assert store.authenticate("alice", "correct horsE") is None
    assert store.authenticate("alice", "") is None
    assert store.authenticate("nobody", "correct horse") is None
    assert store.get_user("alice") == alice
    assert store.get_user("nobody") is None
    assert [u.name for u in store.list_users()] == ["alice", "tina.t-1_X"]


@pytest.mark.parametrize(("name", "role", "password", "message"), [
    ("", "trainee", "long enough", "user name ''"),
    ("a" * 65, "trainee", "long enough", "1-64 characters"),
    ("bad name", "trainee", "long enough", "user name 'bad name'"),
    ("émile", "trainee", "long enough", "only letters"),
    ("ok", "admin", "long enough", "role 'admin': expected trainee or trainer"),
    ("ok", "trainee", "short", "at least 8 characters"),
])
def test_add_user_validation(store: Store, name: str, role: str, password: str, message: str) -> None:
    with pytest.raises(DojoInputError, match=message):
        store.add_user(name, role, password)
    assert not store.has_users()


def test_duplicate_user(store: Store) -> None:
    store.add_user("alice", "trainee", "password-1")
    with pytest.raises(DojoInputError, match="user 'alice' already exists"):
        store.add_user("alice", "trainer", "password-2")
    assert store.authenticate("alice", "password-1") is not None


def test_outdated_hash_is_upgraded_on_sign_in(store: Store, db_url: str) -> None:
    store.add_user("alice", "trainee", "password-1")  # FAST_HASHER: weaker than the default
    old = raw_scalar(db_url, "SELECT password_hash FROM users")
    with Store(db_url) as default_store:
        assert default_store.authenticate("alice", "wrong-password") is None
        assert raw_scalar(db_url, "SELECT password_hash FROM users") == old
        assert default_store.authenticate("alice", "password-1") is not None
    new = raw_scalar(db_url, "SELECT password_hash FROM users")
    assert new != old and not PasswordHasher().check_needs_rehash(new)
    assert store.authenticate("alice", "password-1") is not None


# -- access control ------------------------------------------------------------------------------

def test_trainees_see_only_their_own_calls(store: Store, people: dict[str, User]) -> None:
    alice, bob, tina = people["alice"], people["bob"], people["tina"]
    a = start(store, alice)
    b = start(store, bob)
    assert store.get_call(a, alice).trainee == "alice"
    with pytest.raises(DojoInputError) as hidden:
        store.get_call(b, alice)
    with pytest.raises(DojoInputError) as unknown:
        store.get_call(b + 1000, alice)
    assert str(hidden.value) == f"call {b}: no such call"
    assert str(unknown.value) == f"call {b + 1000}: no such call"
    assert [r.id for r in store.list_calls(alice)] == [a]
    assert [r.id for r in store.list_calls(bob)] == [b]
    assert store.list_calls(alice, trainee="bob") == []
    assert {r.id for r in store.list_calls(tina)} == {a, b}
    assert store.get_call(b, tina).trainee == "bob"
    assert [r.id for r in store.open_calls(alice)] == [a]
    assert store.open_calls(tina) == []  # open_calls is "my calls to resume", even for trainers


def test_signed_out_viewer_sees_nothing_once_accounts_exist(store: Store, people: dict[str, User]) -> None:
    call = start(store, people["alice"])
    assert store.list_calls(None) == []
    assert store.open_calls(None) == []
    with pytest.raises(DojoInputError, match=f"call {call}: no such call"):
        store.get_call(call, None)
    with pytest.raises(DojoInputError, match="sign in first"):
        start(store, None)
    forged = User(id=people["alice"].id, name="mallory", role="trainer", created_at=T0)
    assert store.list_calls(forged) == []
    with pytest.raises(DojoInputError, match="no such call"):
        store.get_call(call, forged)
    with pytest.raises(DojoInputError, match="only trainers"):
        store.add_override(call, "find_reason", "met", "", forged)


def test_local_mode_sees_everything(store: Store) -> None:
    call = start(store, None)
    assert store.get_call(call, None).trainee is None
    assert [r.id for r in store.list_calls(None)] == [call]
    assert [r.id for r in store.open_calls(None)] == [call]


# -- turns, durability, lifecycle ----------------------------------------------------------------

def test_each_turn_is_committed_as_it_happens(store: Store, db_url: str) -> None:
    call = start(store, None, persona="hostile", difficulty="hard", seed=42, counterpart="third_party",
                 mode="llm", started_at=T0)
    assert store.add_turn(call, "trainee", "Hello?") == 0
    with Store(db_url, hasher=FAST_HASHER) as other:
        assert [t["text"] for t in other.get_call(call, None).turns] == ["Hello?"]
        assert store.add_turn(call, "persona", "Who is this?", {"llm": {"fallback": True}}) == 1
        record = other.get_call(call, None)
        assert record.turns == [{"role": "trainee", "text": "Hello?", "meta": None},
                                {"role": "persona", "text": "Who is this?",
                                 "meta": {"llm": {"fallback": True}}}]
        assert (record.persona_id, record.difficulty, record.seed, record.counterpart, record.mode,
                record.started_at, record.status) == ("hostile", "hard", 42, "third_party", "llm",
                                                      T0, "in_progress")
        assert [r.id for r in other.open_calls(None)] == [call]


def test_crashed_process_loses_no_turns(store: Store, db_url: str, people: dict[str, User]) -> None:
    code = (
        "import os, sys\n"
        "from simulator.store import Store\n"
        "store = Store(sys.argv[1])\n"
        "alice = store.get_user('alice')\n"
        "call = store.start_call(viewer=alice, persona_id='hostile', language='es', difficulty='hard', seed=7)\n"
        "for i in range(5):\n"
        "    store.add_turn(call, 'trainee' if i % 2 == 0 else 'persona', f'turn {i}')\n"
        "print(call, flush=True)\n"
        "os._exit(1)\n"
    )
    result = run_python(code, db_url)
    assert result.returncode == 1, result.stderr
    call = int(result.stdout.strip())
    with Store(db_url, hasher=FAST_HASHER) as reopened:
        assert [t["text"] for t in reopened.get_call(call, people["alice"]).turns] == \
            [f"turn {i}" for i in range(5)]
        open_rows = reopened.open_calls(people["alice"])
        assert [(r.id, r.status, r.turns) for r in open_rows] == [(call, "in_progress", 5)]
        reopened.abandon_call(call)
        assert reopened.open_calls(people["alice"]) == []
        assert reopened.get_call(call, people["alice"]).status == "abandoned"


def test_turn_validation(store: Store) -> None:
    call = start(store, None)
    with pytest.raises(DojoInputError, match="turn role 'debtor'"):
        store.add_turn(call, "debtor", "hi")
    with pytest.raises(DojoInputError, match="call 999999: no such call"):
        store.add_turn(999999, "trainee", "hi")
    assert store.get_call(call, None).turns == []


@pytest.mark.parametrize(("field", "value", "message"), [
    ("language", "fr", "language 'fr'"), ("counterpart", "boss", "counterpart 'boss'"),
    ("mode", "upload", "mode 'upload'"), ("persona_id", "", "persona ''"),
])
def test_start_call_validation(store: Store, field: str, value: str, message: str) -> None:
    kwargs: dict[str, Any] = {"viewer": None, "persona_id": "next_month", "language": "en",
                              "difficulty": "easy", "seed": 1, field: value}
    with pytest.raises(DojoInputError, match=message):
        store.start_call(**kwargs)
    assert store.list_calls(None) == []


def test_finish_call_stores_the_verdict(store: Store, people: dict[str, User]) -> None:
    alice = people["alice"]
    due = datetime(2026, 11, 24, 12, 0)
    call = start(store, alice, started_at=T0)
    store.add_turn(call, "trainee", "Pay today please.")
    store.add_turn(call, "persona", "Tomorrow by noon.")
    report = make_report(72, False, {"find_reason": "partial", "explain_consequences": "missed"},
                         violations=2, extra_criteria=("confirm_identity",))
    outcome = Outcome(promise=Promise(due=due, amount=420.0), hung_up=True).to_json()
    store.finish_call(call, report=report, outcome=outcome)
    record = store.get_call(call, alice)
    assert (record.status, record.score, record.passed, record.violations, record.hung_up) == \
        ("finished", 72, False, 2, True)
    assert record.criteria == {"ask_payment_today": "met", "find_reason": "partial",
                               "explain_consequences": "missed", "secure_promise": "met",
                               "confirm_identity": "met"}
    assert (record.promise_due, record.promise_amount) == (due, 420.0)
    assert record.report == report and record.outcome == outcome
    assert record.ended_at is not None and record.ended_at >= T0
    [row] = store.list_calls(alice)
    assert (row.find_reason, row.explain_consequences, row.secure_promise, row.violations,
            row.promise_due, row.score, row.passed) == ("partial", "missed", "met", 2, due, 72, False)
    with pytest.raises(DojoInputError, match=f"call {call}: already finished"):
        store.add_turn(call, "trainee", "one more thing")
    with pytest.raises(DojoInputError, match="already finished"):
        store.finish_call(call, report=report, outcome=outcome)
    with pytest.raises(DojoInputError, match="already finished"):
        store.abandon_call(call)
    assert len(store.get_call(call, alice).turns) == 2


def test_abandon_call(store: Store) -> None:
    call = start(store, None)
    store.add_turn(call, "trainee", "Hello")
    store.abandon_call(call)
    store.abandon_call(call)  # a double click is harmless
    record = store.get_call(call, None)
    assert (record.status, record.score, len(record.turns)) == ("abandoned", None, 1)
    assert store.open_calls(None) == []
    with pytest.raises(DojoInputError, match="already abandoned"):
        store.add_turn(call, "trainee", "still there?")
    with pytest.raises(DojoInputError, match="already abandoned"):
        store.finish_call(call, report=make_report(), outcome=Outcome().to_json())
    with pytest.raises(DojoInputError, match="call 424242: no such call"):
        store.abandon_call(424242)


# -- overrides -----------------------------------------------------------------------------------

def test_override_sits_beside_the_automatic_verdict(store: Store, people: dict[str, User]) -> None:
    alice, tina = people["alice"], people["tina"]
    call = finished_call(store, alice, statuses={"find_reason": "missed"})
    before = store.get_call(call, tina)
    first = store.add_override(call, "find_reason", "partial", "  asked, but vaguely ", tina)
    second = store.add_override(call, "find_reason", "met", "on second listen it was fine", tina)
    assert (first.status, first.comment, first.trainer, first.call_id) == \
        ("partial", "asked, but vaguely", "tina", call)
    after = store.get_call(call, alice)  # the trainee sees the trainer's verdict too
    assert after.criteria == before.criteria and after.criteria["find_reason"] == "missed"
    assert after.report == before.report
    assert [o.id for o in after.overrides] == [first.id, second.id]
    assert after.effective_status("find_reason") == "met"
    assert after.effective_status("ask_payment_today") == "met"
    [row] = store.list_calls(tina)
    assert (row.find_reason, row.overrides) == ("missed", 2)


def test_override_validation(store: Store, people: dict[str, User]) -> None:
    alice, tina = people["alice"], people["tina"]
    scored = finished_call(store, alice)
    unscored = start(store, alice)
    with pytest.raises(DojoInputError, match="user 'alice': only trainers"):
        store.add_override(scored, "find_reason", "met", "", alice)
    with pytest.raises(DojoInputError, match="status 'great'"):
        store.add_override(scored, "find_reason", "great", "", tina)
    with pytest.raises(DojoInputError, match="criterion 'charm': not in the report"):
        store.add_override(scored, "charm", "met", "", tina)
    with pytest.raises(DojoInputError, match=f"call {unscored}: not scored yet"):
        store.add_override(unscored, "find_reason", "met", "", tina)
    with pytest.raises(DojoInputError, match="call 777777: no such call"):
        store.add_override(777777, "find_reason", "met", "", tina)
    assert store.get_call(scored, tina).overrides == []


# -- listing -------------------------------------------------------------------------------------

def test_filters_and_sorting(store: Store, people: dict[str, User]) -> None:
    alice, bob, tina = people["alice"], people["bob"], people["tina"]
    promise = Promise(due=datetime(2026, 11, 24, 17, 0), amount=None)
    c1 = finished_call(store, alice, persona="next_month", started_at=T0, score=90, promise=promise)
    c2 = finished_call(store, alice, persona="hostile", started_at=T0 + timedelta(days=1), score=40,
                       passed=False, hung_up=True, violations=1)
    c3 = finished_call(store, bob, persona="next_month", started_at=T0 + timedelta(days=2), score=65,
                       passed=False)
    c4 = start(store, bob, "already_paid", started_at=T0 + timedelta(days=3))  # unscored

    def ids(**kw: Any) -> list[int]:
        return [r.id for r in store.list_calls(tina, **kw)]

    assert ids() == [c4, c3, c2, c1]
    assert ids(descending=False) == [c1, c2, c3, c4]
    assert ids(order_by="score") == [c1, c3, c2, c4]  # unscored last either way
    assert ids(order_by="score", descending=False) == [c2, c3, c1, c4]
    assert ids(order_by="trainee", descending=False)[:2] == [c1, c2]
    assert ids(limit=2) == [c4, c3]
    assert ids(limit=2, offset=2) == [c2, c1]
    assert ids(trainee="alice") == [c2, c1]
    assert ids(persona="next_month") == [c3, c1]
    assert ids(since=T0 + timedelta(days=1)) == [c4, c3, c2]
    assert ids(until=T0 + timedelta(days=1)) == [c1]
    assert ids(since=T0 + timedelta(days=1), until=T0 + timedelta(days=3)) == [c3, c2]
    assert ids(outcome="promise") == [c1]
    assert ids(outcome="no_promise") == [c3, c2]
    assert ids(outcome="hung_up") == [c2]
    assert ids(outcome="passed") == [c1]
    assert ids(outcome="failed") == [c3, c2]
    assert ids(status="in_progress") == [c4]
    assert ids(trainee="alice", outcome="failed") == [c2]
    assert [r.id for r in store.list_calls(alice, outcome="failed")] == [c2]
    rows = {r.id: r for r in store.list_calls(tina)}
    assert (rows[c1].trainee, rows[c1].persona, rows[c1].difficulty, rows[c1].language,
            rows[c1].promise_due, rows[c1].ask_payment_today) == \
        ("alice", "next_month", "easy", "en", promise.due, "met")
    assert (rows[c4].score, rows[c4].passed, rows[c4].secure_promise, rows[c4].status) == \
        (None, None, None, "in_progress")
    assert rows[c2].violations == 1 and rows[c2].hung_up
    with pytest.raises(DojoInputError, match="order_by 'shoe_size'"):
        store.list_calls(tina, order_by="shoe_size")  # type: ignore[arg-type]
    with pytest.raises(DojoInputError, match="outcome 'maybe'"):
        store.list_calls(tina, outcome="maybe")  # type: ignore[arg-type]
    with pytest.raises(DojoInputError, match="limit 0"):
        store.list_calls(tina, limit=0)


# -- uploads and export --------------------------------------------------------------------------

UPLOADED = {
    "language": "es",
    "started_at": "2026-11-24T11:00:00",
    "persona": "relative_answers",
    "counterpart": "third_party",
    "channel": "phone",  # beyond the CONTRACT: must survive the round trip
    "turns": [
        {"role": "trainee", "text": "Buenos días, ¿está el señor Gómez?", "speaker": "Laura"},
        {"role": "persona", "text": "No está, soy su esposa."},
    ],
}


def test_uploads_share_the_calls_table(store: Store, people: dict[str, User]) -> None:
    alice, bob, tina = people["alice"], people["bob"], people["tina"]
    report = make_report(30, False, {"secure_promise": "missed"}, violations=1)
    call = store.save_uploaded(alice, UPLOADED, report, "  Real call, Monday  ", source="monday.json")
    record = store.get_call(call, alice)
    assert (record.mode, record.status, record.title, record.source, record.persona_id,
            record.language, record.counterpart, record.started_at, record.score) == \
        ("upload", "finished", "Real call, Monday", "monday.json", "relative_answers", "es",
         "third_party", datetime(2026, 11, 24, 11, 0), 30)
    assert [t["text"] for t in record.turns] == [t["text"] for t in UPLOADED["turns"]]
    assert record.report == report and record.outcome is None
    assert call_transcript_json(record) == Transcript.model_validate(UPLOADED).to_json()
    [row] = store.list_calls(tina, outcome="failed")
    assert (row.id, row.mode, row.trainee, row.secure_promise, row.turns) == \
        (call, "upload", "alice", "missed", 2)
    with pytest.raises(DojoInputError, match="no such call"):
        store.get_call(call, bob)
    with pytest.raises(DojoInputError, match="uploaded transcript: turns.0.role"):
        store.save_uploaded(alice, {"turns": [{"role": "narrator", "text": "x"}]}, report, "bad")
    with pytest.raises(DojoInputError, match="uploaded transcript: turns"):
        store.save_uploaded(alice, {"language": "en"}, report, "bad")
    assert len(store.list_calls(tina)) == 1


def test_simulated_call_exports_as_a_contract_transcript(store: Store) -> None:
    call = start(store, None, persona="business_trip", started_at=T0, counterpart="debtor")
    store.add_turn(call, "trainee", "Hello, is this Mr. Zhang?")
    store.add_turn(call, "persona", "Yes, speaking.", {"llm": {"fallback": "scripted"}})
    exported = call_transcript_json(store.get_call(call, None))
    assert exported == {"language": "en", "started_at": "2026-11-23T10:00:00",
                        "persona": "business_trip", "counterpart": "debtor",
                        "turns": [{"role": "trainee", "text": "Hello, is this Mr. Zhang?"},
                                  {"role": "persona", "text": "Yes, speaking."}]}
    assert Transcript.model_validate(json.loads(json.dumps(exported))).turns[1].text == "Yes, speaking."


def test_records_are_frozen(store: Store) -> None:
    call = start(store, None)
    record: CallRecord = store.get_call(call, None)
    with pytest.raises(AttributeError):
        record.status = "finished"  # type: ignore[misc]


# -- concurrency ---------------------------------------------------------------------------------

def test_concurrent_writers_neither_lose_nor_cross_turns(store: Store, db_url: str) -> None:
    second = Store(db_url, hasher=FAST_HASHER)  # as if another process: its own engine
    threads_n, turns_n = 8, 25
    calls = [start(store, None, seed=i) for i in range(threads_n)]
    barrier = threading.Barrier(threads_n)

    def writer(n: int) -> None:
        target = store if n % 2 == 0 else second
        barrier.wait()
        for i in range(turns_n):
            target.add_turn(calls[n], "trainee" if i % 2 == 0 else "persona", f"call{n}-turn{i}")

    try:
        run_in_threads(writer, threads_n)
    finally:
        second.close()
    for n, call in enumerate(calls):
        assert [t["text"] for t in store.get_call(call, None).turns] == \
            [f"call{n}-turn{i}" for i in range(turns_n)]


def test_concurrent_writers_to_one_call_get_distinct_indexes(store: Store) -> None:
    call = start(store, None)
    threads_n, turns_n = 6, 15
    indexes: list[int] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        for i in range(turns_n):
            index = store.add_turn(call, "trainee", f"w{n}-{i}")
            with lock:
                indexes.append(index)

    run_in_threads(writer, threads_n)
    assert sorted(indexes) == list(range(threads_n * turns_n))
    texts = [t["text"] for t in store.get_call(call, None).turns]
    assert sorted(texts) == sorted(f"w{n}-{i}" for n in range(threads_n) for i in range(turns_n))
    for n in range(threads_n):  # each writer's turns stay in its own order
        assert [t for t in texts if t.startswith(f"w{n}-")] == [f"w{n}-{i}" for i in range(turns_n)]


def test_concurrent_whole_calls_and_sign_ups(store: Store, db_url: str) -> None:
    """Writes that read first (finish_call, add_user) must wait for each other, not fail."""
    second = Store(db_url, hasher=FAST_HASHER)
    threads_n = 8
    done: dict[int, int] = {}
    barrier = threading.Barrier(threads_n)

    def session(n: int) -> None:
        target = store if n % 2 == 0 else second
        barrier.wait()
        user = target.add_user(f"user{n}", "trainee", "password-123")
        call = start(target, user, seed=n)
        for i in range(4):
            target.add_turn(call, "trainee", f"{n}:{i}")
        target.finish_call(call, report=make_report(score=n), outcome=Outcome().to_json())
        done[n] = call

    try:
        run_in_threads(session, threads_n)
    finally:
        second.close()
    assert len(store.list_users()) == threads_n
    for n, call in done.items():
        record = store.get_call(call, store.get_user(f"user{n}"))
        assert (record.score, record.trainee, [t["text"] for t in record.turns]) == \
            (n, f"user{n}", [f"{n}:{i}" for i in range(4)])


# -- dojo users ----------------------------------------------------------------------------------

def test_users_cli(db_url: str) -> None:
    added = users_cli("add", "tina", "--role", "trainer", "--database", db_url, stdin="s3cret-pass\n")
    assert added.returncode == 0, added.stderr
    assert "tina" in added.stdout
    assert users_cli("--database", db_url, "add", "tom", "--role", "trainee",
                     stdin="another-pass\n").returncode == 0
    with Store(db_url) as store:
        tina = store.authenticate("tina", "s3cret-pass")
        assert tina is not None and tina.role == "trainer"
        assert store.authenticate("tina", "s3cret-pass\n") is None

    listed = users_cli("list", "--database", db_url)
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[:2] for line in listed.stdout.splitlines()] == \
        [["tina", "trainer"], ["tom", "trainee"]]
    as_json = users_cli("list", "--json", "--database", db_url)
    assert [(u["name"], u["role"]) for u in json.loads(as_json.stdout)] == \
        [("tina", "trainer"), ("tom", "trainee")]

    for args, stdin, message in [
        (("add", "tina", "--role", "trainee"), "whatever-pass\n", "already exists"),
        (("add", "short", "--role", "trainee"), "short\n", "at least 8 characters"),
        (("add", "nopass", "--role", "trainee"), "", "expected one line on stdin"),
        (("add", "bad name", "--role", "trainee"), "long-enough\n", "user name 'bad name'"),
        (("add", "x", "--role", "boss"), "long-enough\n", "invalid choice: 'boss'"),
        (("frobnicate",), "", "invalid choice: 'frobnicate'"),
    ]:
        result = users_cli(*args, "--database", db_url, stdin=stdin)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_users_cli_bad_database_url() -> None:
    result = users_cli("list", "--database", "mysql://root:hunter2@localhost/x")
    assert result.returncode == 2
    assert "unsupported database" in result.stderr and "hunter2" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def run_in_threads(work, count: int) -> None:
    """Run ``work(n)`` for n in range(count) on as many threads; re-raise nothing, assert no error."""
    errors: list[BaseException] = []

    def guarded(n: int) -> None:
        try:
            work(n)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
