"""The database tables, as SQLAlchemy 2 typed ORM models.

These classes never leave ``simulator.store``: the ``Store`` API turns rows into frozen records,
so no caller holds a live ORM object after its session has closed.

Times are naive wall-clock datetimes, like ``Transcript.started_at``: a promise "tomorrow by
noon" is resolved against the call's local time, so every time column keeps that convention.

A schema change is a new Alembic revision in ``migrations/versions`` (a test compares these
models with the migrated database, so the two cannot drift apart silently).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("trainee", "trainer")
CALL_MODES = ("scripted", "llm", "upload")
CALL_STATUSES = ("in_progress", "finished", "abandoned")
TURN_ROLES = ("trainee", "persona")
STATUSES = ("met", "partial", "missed")
FOUR_CRITERIA = ("ask_payment_today", "find_reason", "explain_consequences", "secure_promise")
"""The CONTRACT's four criteria; each gets its own column so lists can filter and sort on it."""

# Named constraints, so that later batch migrations on SQLite can find and alter them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DbUser(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DbCall(Base):
    """One practice call, or an uploaded real call (``mode='upload'``), with its verdict."""

    __tablename__ = "calls"
    __table_args__ = (
        CheckConstraint(_one_of("mode", CALL_MODES), name="mode"),
        CheckConstraint(_one_of("status", CALL_STATUSES), name="status"),
        *(CheckConstraint(f"{c} IS NULL OR {_one_of(c, STATUSES)}", name=c) for c in FOUR_CRITERIA),
        Index(None, "user_id", "started_at"),
        Index(None, "started_at"),
        Index(None, "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: local mode
    persona_id: Mapped[str | None] = mapped_column(String(128))  # None: an upload without one
    language: Mapped[str] = mapped_column(String(8))
    difficulty: Mapped[str | None] = mapped_column(String(32))
    seed: Mapped[int | None] = mapped_column(Integer)
    counterpart: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))
    turn_count: Mapped[int] = mapped_column(Integer, default=0)
    """The next turn's index; incrementing it first serialises writers to the same call."""
    hung_up: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[int | None] = mapped_column(Integer)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    criteria: Mapped[dict[str, str] | None] = mapped_column(JSON)
    """Automatic status of every criterion of the report, by id (rubrics may add criteria)."""
    ask_payment_today: Mapped[str | None] = mapped_column(String(8))
    find_reason: Mapped[str | None] = mapped_column(String(8))
    explain_consequences: Mapped[str | None] = mapped_column(String(8))
    secure_promise: Mapped[str | None] = mapped_column(String(8))
    violations: Mapped[int | None] = mapped_column(Integer)
    promise_due: Mapped[datetime | None] = mapped_column(DateTime)
    promise_amount: Mapped[float | None] = mapped_column(Float)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    title: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(500))
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Top-level fields of an uploaded transcript beyond the CONTRACT's, kept for export."""

    user: Mapped[DbUser | None] = relationship()


class DbTurn(Base):
    __tablename__ = "turns"
    __table_args__ = (
        UniqueConstraint("call_id", "turn_index"),
        CheckConstraint(_one_of("role", TURN_ROLES), name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column("turn_index", Integer)  # "index" is an SQL keyword
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DbOverride(Base):
    """A trainer's verdict on one criterion, kept beside the automatic one (never replacing it)."""

    __tablename__ = "overrides"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        Index(None, "call_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text, default="")
    trainer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    trainer: Mapped[DbUser] = relationship()
