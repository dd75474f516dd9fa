"""Initial schema: users, calls, turns, overrides.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUSES = "('met', 'partial', 'missed')"
_FOUR = ("ask_payment_today", "find_reason", "explain_consequences", "secure_promise")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('trainee', 'trainer')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("persona_id", sa.String(length=128), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("difficulty", sa.String(length=32), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=True),
        sa.Column("counterpart", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("turn_count", sa.Integer(), nullable=False),
        sa.Column("hung_up", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=True),
        *(sa.Column(c, sa.String(length=8), nullable=True) for c in _FOUR),
        sa.Column("violations", sa.Integer(), nullable=True),
        sa.Column("promise_due", sa.DateTime(), nullable=True),
        sa.Column("promise_amount", sa.Float(), nullable=True),
        sa.Column("report", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.JSON(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.CheckConstraint("mode IN ('scripted', 'llm', 'upload')", name=op.f("ck_calls_mode")),
        sa.CheckConstraint("status IN ('in_progress', 'finished', 'abandoned')",
                           name=op.f("ck_calls_status")),
        *(sa.CheckConstraint(f"{c} IS NULL OR {c} IN {_STATUSES}", name=op.f(f"ck_calls_{c}"))
          for c in _FOUR),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_calls_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
    )
    op.create_index(op.f("ix_calls_started_at"), "calls", ["started_at"])
    op.create_index(op.f("ix_calls_status"), "calls", ["status"])
    op.create_index(op.f("ix_calls_user_id_started_at"), "calls", ["user_id", "started_at"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('trainee', 'persona')", name=op.f("ck_turns_role")),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name=op.f("fk_turns_call_id_calls"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turns")),
        sa.UniqueConstraint("call_id", "turn_index", name=op.f("uq_turns_call_id_turn_index")),
    )
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("trainer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"status IN {_STATUSES}", name=op.f("ck_overrides_status")),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name=op.f("fk_overrides_call_id_calls"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["trainer_id"], ["users.id"],
                                name=op.f("fk_overrides_trainer_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overrides")),
    )
    op.create_index(op.f("ix_overrides_call_id"), "overrides", ["call_id"])


def downgrade() -> None:
    op.drop_table("overrides")
    op.drop_table("turns")
    op.drop_table("calls")
    op.drop_table("users")
