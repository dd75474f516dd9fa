"""User accounts: validation, argon2 password hashing, and the user queries behind ``Store``.

Passwords are hashed with argon2-cffi's ``PasswordHasher`` (argon2id, its current parameters).
A hash made with older parameters is upgraded the next time its owner signs in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from simulator.errors import DojoInputError
from simulator.store.schema import ROLES, DbUser

Role = Literal["trainee", "trainer"]

NAME_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,64}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 takes any length; this only stops absurd inputs


@dataclass(frozen=True)
class User:
    """A signed-in or listed user. The password hash never leaves the store."""

    id: int
    name: str
    role: Role
    created_at: datetime

    @property
    def is_trainer(self) -> bool:
        return self.role == "trainer"


def to_user(row: DbUser) -> User:
    return User(id=row.id, name=row.name, role=cast(Role, row.role), created_at=row.created_at)


def validate_name(name: str) -> str:
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise DojoInputError(
            f"user name {name!r}: use 1-64 characters, only letters, digits, '_', '.' or '-'")
    return name


def validate_role(role: str) -> Role:
    if role not in ROLES:
        raise DojoInputError(f"role {role!r}: expected trainee or trainer")
    return cast(Role, role)


def validate_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise DojoInputError(f"password: must be at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise DojoInputError(f"password: must be at most {MAX_PASSWORD} characters")
    return password


def verify_password(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    """True when ``password`` matches; a corrupt hash counts as a mismatch, not a crash."""
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def insert_user(session: Session, name: str, role: Role, password_hash: str) -> User:
    """Insert a validated user in the caller's transaction; a taken name is a ``DojoInputError``.

    The hash is computed before the transaction starts, so a slow argon2 run never holds a lock.
    """
    if session.scalar(select(exists().where(DbUser.name == name))):
        raise DojoInputError(f"user {name!r} already exists")
    row = DbUser(name=name, role=role, password_hash=password_hash,
                 created_at=datetime.now().replace(microsecond=0))
    session.add(row)
    try:
        session.flush()
    except IntegrityError:  # another writer took the name between the check and the insert
        raise DojoInputError(f"user {name!r} already exists") from None
    return to_user(row)


def credentials(session: Session, name: str) -> tuple[User, str] | None:
    """The user named ``name`` and their password hash, for verification outside any transaction."""
    if not isinstance(name, str):
        return None
    row = session.scalar(select(DbUser).where(DbUser.name == name))
    return (to_user(row), row.password_hash) if row else None


def replace_hash(session: Session, user_id: int, old_hash: str, new_hash: str) -> None:
    """Upgrade a hash after a sign-in, unless the password changed meanwhile."""
    session.execute(update(DbUser).where(DbUser.id == user_id, DbUser.password_hash == old_hash)
                    .values(password_hash=new_hash))


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(DbUser.id.is_not(None)))))


def get_user(session: Session, name: str) -> User | None:
    row = session.scalar(select(DbUser).where(DbUser.name == name))
    return to_user(row) if row else None


def list_users(session: Session) -> list[User]:
    return [to_user(row) for row in session.scalars(select(DbUser).order_by(DbUser.name))]
