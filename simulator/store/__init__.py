"""Storage of calls, verdicts and user accounts (SQLite by default, PostgreSQL for a team).

Use ``Store``; everything it returns is a frozen record, never a live database object.
"""

from simulator.store.store import (
    CallRecord,
    CallRow,
    OverrideRecord,
    Store,
    call_transcript_json,
    default_database_url,
    head_revision,
)
from simulator.store.users import User

__all__ = [
    "CallRecord",
    "CallRow",
    "OverrideRecord",
    "Store",
    "User",
    "call_transcript_json",
    "default_database_url",
    "head_revision",
]
