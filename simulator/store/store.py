"""The ``Store``: calls, turns, verdicts, overrides and users in SQLite or PostgreSQL.

One ``Store`` owns one engine and opens a short session per method, so a single instance can be
shared by every thread of the web app. Every write commits before the method returns: a turn is on
disk as soon as ``add_turn`` returns, and a crash mid-call loses nothing (the call stays
``in_progress`` and shows up in ``open_calls``).

Access control lives here, not in the adapters: methods that read calls take a ``viewer``. A
trainee sees only their own calls, a trainer sees all of them, and while the database has no user
accounts at all (single-user local mode) ``viewer=None`` sees everything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from argon2 import PasswordHasher
from pydantic import ValidationError
from sqlalchemy import (
    ColumnElement,
    Engine,
    create_engine,
    event,
    false,
    func,
    select,
    true,
    update,
)
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from simulator.errors import DojoInputError
from simulator.report import Outcome, Report
from simulator.store import users
from simulator.store.schema import (
    CALL_STATUSES,
    FOUR_CRITERIA,
    STATUSES,
    TURN_ROLES,
    DbCall,
    DbOverride,
    DbTurn,
    DbUser,
)
from simulator.store.users import User
from simulator.transcript import Transcript

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another one to commit before giving up."""
_PG_MIGRATION_LOCK = 0x646F6A6F  # advisory lock key ("dojo"): one migrator at a time

OutcomeFilter = Literal["promise", "no_promise", "hung_up", "passed", "failed"]
OrderBy = Literal["started_at", "score", "trainee", "persona", "difficulty", "language",
                  "violations", "status", "promise_due", "id"]


def default_database_url() -> str:
    """``$DOJO_DATABASE_URL``, else the SQLite file ``./dojo-data/dojo.sqlite3`` (folder created)."""
    env = os.environ.get("DOJO_DATABASE_URL", "").strip()
    if env:
        return env
    folder = Path.cwd() / "dojo-data"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'dojo.sqlite3'}"  # absolute, so a later chdir changes nothing


def redact_url(url: str) -> str:
    """The URL with its password masked, for messages."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)


def normalize_url(url: str) -> URL:
    """A SQLAlchemy URL for SQLite or PostgreSQL; plain ``postgres(ql)://`` URLs use psycopg 3."""
    text = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            text = "postgresql+psycopg://" + text[len(prefix):]
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise DojoInputError(f"database URL {redact_url(url)!r}: not a database URL "
                             "(expected sqlite:///FILE or postgresql://USER@HOST/DB)") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DojoInputError(f"database URL {redact_url(url)!r}: unsupported database "
                             f"{parsed.get_backend_name()!r} (use sqlite or postgresql)")
    return parsed


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take BEGIN away from the sqlite3 module (it skips it before SELECTs); see _sqlite_on_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer, nor it them
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # A write transaction takes the write lock up front: a deferred one that read first could not
    # upgrade while another writer is active, and would fail instead of waiting busy_timeout.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("dojo_write")
                         else "BEGIN")


def create_store_engine(url: URL) -> Engine:
    """The engine for ``url``: SQLite gets WAL, foreign keys, a busy timeout and real BEGINs."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if not url.database or url.database == ":memory:":
        # One shared connection: fine for tests and demos, not for concurrent use.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        if "uri" not in url.query:
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config that needs no alembic.ini, so migrations run from an installed wheel.

    With ``url``, also usable for ``alembic`` commands by hand, e.g.
    ``command.revision(alembic_config("sqlite:///dev.sqlite3"), autogenerate=True, message=...)``.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url",
                               normalize_url(url).render_as_string(hide_password=False)
                               .replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest migration this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


# -- records handed to callers -------------------------------------------------------------------

@dataclass(frozen=True)
class OverrideRecord:
    """A trainer's verdict on one criterion; the automatic verdict stays in the report."""

    id: int
    call_id: int
    criterion_id: str
    status: str
    comment: str
    trainer: str
    trainer_id: int
    created_at: datetime


@dataclass(frozen=True)
class CallRow:
    """One line of a call list: what a trainer's table shows and filters on."""

    id: int
    trainee: str | None  # None: a call made in single-user local mode
    persona: str | None
    difficulty: str | None
    language: str
    mode: str
    title: str | None
    started_at: datetime
    status: str
    turns: int
    score: int | None
    passed: bool | None
    ask_payment_today: str | None
    find_reason: str | None
    explain_consequences: str | None
    secure_promise: str | None
    violations: int | None
    promise_due: datetime | None
    hung_up: bool
    overrides: int


@dataclass(frozen=True)
class CallRecord:
    """A whole call: its settings, turns, stored report and outcome, and trainers' overrides."""

    id: int
    user_id: int | None
    trainee: str | None
    persona_id: str | None
    language: str
    difficulty: str | None
    seed: int | None
    counterpart: str
    mode: str
    title: str | None
    source: str | None
    started_at: datetime
    ended_at: datetime | None
    status: str
    hung_up: bool
    score: int | None
    passed: bool | None
    criteria: dict[str, str]
    violations: int | None
    promise_due: datetime | None
    promise_amount: float | None
    report: dict[str, Any] | None
    outcome: dict[str, Any] | None
    extra: dict[str, Any] | None
    turns: list[dict[str, Any]]  # {"role", "text", "meta"} in turn order
    overrides: list[OverrideRecord]  # oldest first

    def effective_status(self, criterion_id: str) -> str | None:
        """The latest trainer override of a criterion, else its automatic status."""
        for override in reversed(self.overrides):
            if override.criterion_id == criterion_id:
                return override.status
        return self.criteria.get(criterion_id)


def call_transcript_json(record: CallRecord) -> dict[str, Any]:
    """The call as a CONTRACT transcript (section 2), ready for ``dojo score``.

    Fields an uploaded transcript carried beyond the CONTRACT's come back; simulator-internal
    turn metadata (LLM fallbacks and such) does not.
    """
    turns = [{"role": t["role"], "text": t["text"], **((t["meta"] or {}).get("extra") or {})}
             for t in record.turns]
    data: dict[str, Any] = {**(record.extra or {}), "language": record.language,
                            "started_at": record.started_at, "persona": record.persona_id,
                            "counterpart": record.counterpart, "turns": turns}
    return Transcript.model_validate(data).to_json()


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _naive(value: datetime) -> datetime:
    # Same convention as Transcript.started_at: keep the wall-clock time, drop the zone.
    return value.replace(tzinfo=None) if value.tzinfo else value


def _no_such_call(call_id: int) -> DojoInputError:
    return DojoInputError(f"call {call_id}: no such call")


def _check_one_of(what: str, value: object, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise DojoInputError(f"{what} {value!r}: expected one of {', '.join(allowed)}")
    return str(value)


def _apply_report(row: DbCall, report: dict[str, Any], outcome: Outcome) -> None:
    """Denormalise a report into the call's filterable columns; the JSON is kept whole too.

    The promise comes from the outcome when it has one, else from the report.
    """
    parsed = Report.model_validate(report)
    row.report = report
    row.score = parsed.score
    row.passed = parsed.passed
    row.criteria = {c.id: c.status for c in parsed.criteria}
    for criterion in FOUR_CRITERIA:
        setattr(row, criterion, parsed.status_of(criterion))
    row.violations = len(parsed.violations)
    promise = outcome.promise or parsed.promise
    row.promise_due = _naive(promise.due) if promise else None
    row.promise_amount = promise.amount if promise else None


class Store:
    """Calls, turns, verdicts and users in one database (see the module docstring)."""

    def __init__(self, url: str | None = None, *, hasher: PasswordHasher | None = None) -> None:
        """Open (and migrate to the newest schema) ``url``, default ``default_database_url()``."""
        raw = url if url is not None else default_database_url()
        self._url = normalize_url(raw)
        self._hasher = hasher or PasswordHasher()
        self._engine = create_store_engine(self._url)
        self._writer = self._engine.execution_options(dojo_write=True)
        try:
            self.migrate()
        except OperationalError as exc:  # unreachable server, bad password, unwritable file...
            self._engine.dispose()
            reason = (str(exc.orig or exc).strip().splitlines() or ["unknown error"])[0]
            raise DojoInputError(f"database {self.url!r}: cannot open it ({reason})") from None

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL, password masked."""
        return self._url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Close pooled connections; the Store must not be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def migrate(self) -> None:
        """Upgrade the schema to the newest revision; a no-op when it already is there.

        Concurrent openers take turns (SQLite's write lock, a PostgreSQL advisory lock), so two
        processes starting on a fresh database do not both create the tables.
        """
        with self._writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def revision(self) -> str | None:
        """The schema revision the database is at (None before the first migration)."""
        with self._engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A session whose transaction commits when the block ends (rolls back on error)."""
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    @cached_property
    def _dummy_hash(self) -> str:
        return self._hasher.hash("not-a-real-password")

    # -- users -------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, password: str) -> User:
        """Create an account; bad name, role or password, or a taken name, is a DojoInputError."""
        users.validate_name(name)
        checked_role = users.validate_role(role)
        users.validate_password(password)
        password_hash = self._hasher.hash(password)
        with self._write() as session:
            return users.insert_user(session, name, checked_role, password_hash)

    def authenticate(self, name: str, password: str) -> User | None:
        """The user when the password matches, else None (unknown names take as long)."""
        if not isinstance(password, str):
            return None
        with self._read() as session:
            found = users.credentials(session, name)
        if found is None:
            users.verify_password(self._hasher, self._dummy_hash, password)
            return None
        user, password_hash = found
        if not users.verify_password(self._hasher, password_hash, password):
            return None
        if self._hasher.check_needs_rehash(password_hash):
            new_hash = self._hasher.hash(password)
            with self._write() as session:
                users.replace_hash(session, user.id, password_hash, new_hash)
        return user

    def has_users(self) -> bool:
        """False while the app runs in single-user local mode."""
        with self._read() as session:
            return users.has_users(session)

    def get_user(self, name: str) -> User | None:
        """The account named ``name``, or None."""
        with self._read() as session:
            return users.get_user(session, name)

    def list_users(self) -> list[User]:
        """All accounts, by name."""
        with self._read() as session:
            return users.list_users(session)

    # -- access control ----------------------------------------------------------------------

    def _viewer_row(self, session: Session, viewer: User) -> DbUser | None:
        # Trust the database, not the caller's copy: the role may have changed since sign-in.
        row = session.get(DbUser, viewer.id)
        return row if row is not None and row.name == viewer.name else None

    def _visible(self, session: Session, viewer: User | None) -> ColumnElement[bool]:
        """The condition on calls that ``viewer`` may see."""
        if viewer is None:
            return false() if users.has_users(session) else true()
        row = self._viewer_row(session, viewer)
        if row is None:
            return false()
        return true() if row.role == "trainer" else DbCall.user_id == row.id

    def _owner_id(self, session: Session, viewer: User | None) -> int | None:
        """The user id a new call belongs to (None in local mode)."""
        if viewer is None:
            if users.has_users(session):
                raise DojoInputError("sign in first: this database has user accounts")
            return None
        row = self._viewer_row(session, viewer)
        if row is None:
            raise DojoInputError(f"user {viewer.name!r}: no such user")
        return row.id

    def _call_for_update(self, session: Session, call_id: int) -> DbCall:
        """The call, row-locked, if it is still in progress."""
        row = session.get(DbCall, call_id, with_for_update=True)
        if row is None or row.status != "in_progress":
            raise self._not_open(session, call_id, row)
        return row

    @staticmethod
    def _not_open(session: Session, call_id: int, row: DbCall | None = None) -> DojoInputError:
        row = row or session.get(DbCall, call_id)
        if row is None:
            return _no_such_call(call_id)
        return DojoInputError(f"call {call_id}: already {row.status}, not in progress")

    # -- calls -------------------------------------------------------------------------------

    def start_call(self, *, viewer: User | None, persona_id: str, language: str, difficulty: str | None,
                   seed: int | None, counterpart: str = "debtor", mode: str = "scripted",
                   started_at: datetime | None = None, title: str | None = None) -> int:
        """Record a new call in progress for ``viewer`` and return its id."""
        if not isinstance(persona_id, str) or not persona_id.strip():
            raise DojoInputError(f"persona {persona_id!r}: expected a persona id")
        _check_one_of("language", language, ("en", "es"))
        _check_one_of("counterpart", counterpart, ("debtor", "third_party"))
        _check_one_of("mode", mode, ("scripted", "llm"))
        with self._write() as session:
            row = DbCall(
                user_id=self._owner_id(session, viewer), persona_id=persona_id, language=language,
                difficulty=None if difficulty is None else str(difficulty), seed=seed,
                counterpart=counterpart, mode=mode,
                started_at=_naive(started_at) if started_at else _now(), status="in_progress",
                turn_count=0, hung_up=False, title=title)
            session.add(row)
            session.flush()
            return row.id

    def add_turn(self, call_id: int, role: str, text: str, meta: dict[str, Any] | None = None) -> int:
        """Append a turn to a call in progress, committed before returning; returns its index.

        Not viewer-checked: the call id comes from ``start_call`` or ``open_calls``, which are.
        """
        _check_one_of("turn role", role, TURN_ROLES)
        if not isinstance(text, str):
            raise DojoInputError(f"turn text: expected a string, got {type(text).__name__}")
        with self._write() as session:
            # Bumping the counter first locks the call row (PostgreSQL) and serialises appenders.
            next_count = session.execute(
                update(DbCall).where(DbCall.id == call_id, DbCall.status == "in_progress")
                .values(turn_count=DbCall.turn_count + 1).returning(DbCall.turn_count)
                .execution_options(synchronize_session=False)).scalar()
            if next_count is None:
                raise self._not_open(session, call_id)
            index = next_count - 1
            session.add(DbTurn(call_id=call_id, index=index, role=role, text=text, meta=meta,
                               created_at=datetime.now()))
        return index

    def finish_call(self, call_id: int, *, report: dict[str, Any], outcome: dict[str, Any]) -> None:
        """Close a call with its score report and outcome (CONTRACT shapes, e.g. ``.to_json()``)."""
        parsed_outcome = Outcome.model_validate(outcome)
        with self._write() as session:
            row = self._call_for_update(session, call_id)
            _apply_report(row, report, parsed_outcome)
            row.outcome = parsed_outcome.to_json()
            row.hung_up = parsed_outcome.hung_up
            row.status = "finished"
            row.ended_at = _now()

    def abandon_call(self, call_id: int) -> None:
        """Close an unfinished call without a verdict; abandoning it twice is harmless."""
        with self._write() as session:
            row = session.get(DbCall, call_id, with_for_update=True)
            if row is not None and row.status == "abandoned":
                return
            row = self._call_for_update(session, call_id)
            row.status = "abandoned"
            row.ended_at = _now()

    def open_calls(self, viewer: User | None) -> list[CallRow]:
        """The viewer's own calls still in progress (to resume or abandon), newest first."""
        with self._read() as session:
            if viewer is None:
                mine = self._visible(session, None)
            else:
                row = self._viewer_row(session, viewer)
                mine = DbCall.user_id == row.id if row is not None else false()
            return self._rows(session, [mine, DbCall.status == "in_progress"],
                              "started_at", True, None, 0)

    def get_call(self, call_id: int, viewer: User | None) -> CallRecord:
        """The whole call, if ``viewer`` may see it; otherwise the same error as an unknown id."""
        with self._read() as session:
            row = session.scalar(select(DbCall).where(DbCall.id == call_id,
                                                      self._visible(session, viewer)))
            if row is None:
                raise _no_such_call(call_id)
            turns = session.scalars(select(DbTurn).where(DbTurn.call_id == call_id)
                                    .order_by(DbTurn.index)).all()
            overrides = session.execute(
                select(DbOverride, DbUser.name).join(DbUser, DbOverride.trainer_id == DbUser.id)
                .where(DbOverride.call_id == call_id)
                .order_by(DbOverride.created_at, DbOverride.id)).all()
            return CallRecord(
                id=row.id, user_id=row.user_id, trainee=row.user.name if row.user else None,
                persona_id=row.persona_id, language=row.language, difficulty=row.difficulty,
                seed=row.seed, counterpart=row.counterpart, mode=row.mode, title=row.title,
                source=row.source, started_at=row.started_at, ended_at=row.ended_at,
                status=row.status, hung_up=row.hung_up, score=row.score, passed=row.passed,
                criteria=dict(row.criteria or {}), violations=row.violations,
                promise_due=row.promise_due, promise_amount=row.promise_amount,
                report=row.report, outcome=row.outcome, extra=row.extra,
                turns=[{"role": t.role, "text": t.text, "meta": t.meta} for t in turns],
                overrides=[_override_record(o, name) for o, name in overrides])

    def list_calls(self, viewer: User | None, *, trainee: str | None = None,
                   persona: str | None = None, since: datetime | None = None,
                   until: datetime | None = None, outcome: OutcomeFilter | None = None,
                   status: str | None = None, order_by: OrderBy = "started_at",
                   descending: bool = True, limit: int | None = None, offset: int = 0) -> list[CallRow]:
        """Calls the viewer may see, filtered and sorted (empty values sort last either way).

        ``since`` is inclusive and ``until`` exclusive, both on ``started_at``. ``outcome``:
        ``promise`` / ``no_promise`` (finished calls with / without a promise), ``hung_up``,
        ``passed``, ``failed``.
        """
        if order_by not in _ORDER_COLUMNS:
            raise DojoInputError(f"order_by {order_by!r}: expected one of {', '.join(_ORDER_COLUMNS)}")
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise DojoInputError(f"limit {limit!r}: expected a positive whole number")
        if not isinstance(offset, int) or offset < 0:
            raise DojoInputError(f"offset {offset!r}: expected a whole number, 0 or more")
        conditions: list[ColumnElement[bool]] = []
        if trainee is not None:
            conditions.append(DbUser.name == trainee)
        if persona is not None:
            conditions.append(DbCall.persona_id == persona)
        if since is not None:
            conditions.append(DbCall.started_at >= _naive(since))
        if until is not None:
            conditions.append(DbCall.started_at < _naive(until))
        if status is not None:
            conditions.append(DbCall.status == _check_one_of("status", status, CALL_STATUSES))
        if outcome is not None:
            if outcome not in _OUTCOME_FILTERS:
                raise DojoInputError(
                    f"outcome {outcome!r}: expected one of {', '.join(_OUTCOME_FILTERS)}")
            conditions.append(_OUTCOME_FILTERS[outcome]())
        with self._read() as session:
            conditions.append(self._visible(session, viewer))
            return self._rows(session, conditions, order_by, descending, limit, offset)

    def _rows(self, session: Session, conditions: list[ColumnElement[bool]], order_by: str,
              descending: bool, limit: int | None, offset: int) -> list[CallRow]:
        override_count = (select(func.count(DbOverride.id)).where(DbOverride.call_id == DbCall.id)
                          .correlate(DbCall).scalar_subquery())
        column = _ORDER_COLUMNS[order_by]
        query = (select(DbCall, DbUser.name, override_count)
                 .outerjoin(DbUser, DbCall.user_id == DbUser.id)
                 .where(*conditions)
                 .order_by(column.is_(None), column.desc() if descending else column.asc(),
                           DbCall.id.desc() if descending else DbCall.id.asc())
                 .offset(offset))
        if limit is not None:
            query = query.limit(limit)
        return [_call_row(row, name, count) for row, name, count in session.execute(query)]

    # -- verdicts ----------------------------------------------------------------------------

    def add_override(self, call_id: int, criterion_id: str, status: str, comment: str,
                     trainer: User) -> OverrideRecord:
        """Record a trainer's verdict on one criterion of a scored call, beside the automatic one."""
        _check_one_of("status", status, STATUSES)
        if not isinstance(comment, str):
            raise DojoInputError(f"comment: expected text, got {type(comment).__name__}")
        with self._write() as session:
            trainer_row = self._viewer_row(session, trainer)
            if trainer_row is None or trainer_row.role != "trainer":
                raise DojoInputError(f"user {trainer.name!r}: only trainers can override a verdict")
            call = session.get(DbCall, call_id)
            if call is None:
                raise _no_such_call(call_id)
            if call.criteria is None:
                raise DojoInputError(f"call {call_id}: not scored yet, nothing to override")
            if criterion_id not in call.criteria:
                raise DojoInputError(f"criterion {criterion_id!r}: not in the report of call "
                                     f"{call_id} (expected one of {', '.join(call.criteria)})")
            override = DbOverride(call_id=call_id, criterion_id=criterion_id, status=status,
                                  comment=comment.strip(), trainer_id=trainer_row.id,
                                  created_at=datetime.now())
            session.add(override)
            session.flush()
            return _override_record(override, trainer_row.name)

    def save_uploaded(self, viewer: User | None, transcript_json: dict[str, Any],
                      report: dict[str, Any], title: str, *, source: str | None = None) -> int:
        """Store a scored real transcript as a finished call with ``mode='upload'``; returns its id."""
        try:
            transcript = Transcript.model_validate(transcript_json)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "(top level)"
            raise DojoInputError(f"uploaded transcript: {where}: {err['msg']}") from None
        title = (title or "").strip() or "uploaded call"
        if len(title) > 200:
            raise DojoInputError("title: must be at most 200 characters")
        if source is not None and len(source) > 500:
            raise DojoInputError("source: must be at most 500 characters")
        with self._write() as session:
            row = DbCall(
                user_id=self._owner_id(session, viewer), persona_id=transcript.persona,
                language=transcript.language, difficulty=None, seed=None,
                counterpart=transcript.counterpart, mode="upload", started_at=transcript.started_at,
                ended_at=None, status="finished", turn_count=len(transcript.turns), hung_up=False,
                title=title, source=source, extra=dict(transcript.model_extra or {}) or None)
            _apply_report(row, report, Outcome())
            session.add(row)
            session.flush()
            created = datetime.now()
            session.add_all(
                DbTurn(call_id=row.id, index=i, role=turn.role, text=turn.text, created_at=created,
                       meta={"extra": dict(turn.model_extra)} if turn.model_extra else None)
                for i, turn in enumerate(transcript.turns))
            return row.id


_ORDER_COLUMNS: dict[str, Any] = {
    "started_at": DbCall.started_at, "score": DbCall.score, "trainee": DbUser.name,
    "persona": DbCall.persona_id, "difficulty": DbCall.difficulty, "language": DbCall.language,
    "violations": DbCall.violations, "status": DbCall.status, "promise_due": DbCall.promise_due,
    "id": DbCall.id,
}

_OUTCOME_FILTERS: dict[str, Any] = {
    "promise": lambda: DbCall.promise_due.is_not(None),
    "no_promise": lambda: (DbCall.promise_due.is_(None)) & (DbCall.status == "finished"),
    "hung_up": lambda: DbCall.hung_up.is_(True),
    "passed": lambda: DbCall.passed.is_(True),
    "failed": lambda: DbCall.passed.is_(False),
}


def _override_record(row: DbOverride, trainer_name: str) -> OverrideRecord:
    return OverrideRecord(id=row.id, call_id=row.call_id, criterion_id=row.criterion_id,
                          status=row.status, comment=row.comment, trainer=trainer_name,
                          trainer_id=row.trainer_id, created_at=row.created_at)


def _call_row(row: DbCall, trainee: str | None, overrides: int) -> CallRow:
    return CallRow(
        id=row.id, trainee=trainee, persona=row.persona_id, difficulty=row.difficulty,
        language=row.language, mode=row.mode, title=row.title, started_at=row.started_at,
        status=row.status, turns=row.turn_count, score=row.score, passed=row.passed,
        ask_payment_today=row.ask_payment_today, find_reason=row.find_reason,
        explain_consequences=row.explain_consequences, secure_promise=row.secure_promise,
        violations=row.violations, promise_due=row.promise_due, hung_up=row.hung_up,
        overrides=overrides)
