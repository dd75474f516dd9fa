"""A throwaway PostgreSQL cluster for tests.

``postgres_server()`` runs ``initdb`` into a temporary folder, starts the server with ``pg_ctl``
on a free port, listening only on a unix socket inside that folder (no TCP, so nothing clashes
with other clusters), and creates a database; it yields a ``postgresql+psycopg://`` URL and
stops and deletes the cluster afterwards. ``fresh_database(url)`` gives each test its own
database on that server.

PostgreSQL refuses to run as root, so as root every server command runs as the ``postgres``
system user (created by Debian's ``postgresql`` package; ``nobody`` when it is missing) via
``runuser``, and the folder is handed to that user.

With ``DOJO_TEST_DATABASE_URL`` set, that database is used instead and nothing is started; each
test then gets it with the store's tables dropped rather than a new database.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ENV_URL = "DOJO_TEST_DATABASE_URL"
SUPERUSER = "dojo"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here (tests skip, or fail under CI)."""


def _has_server(folder: Path) -> bool:
    return (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl live: ``$PG_BINDIR`` only, when set; else Debian's dirs or ``$PATH``."""
    if os.environ.get("PG_BINDIR"):  # explicit, so PG_BINDIR=/nowhere exercises the skip path
        folder = Path(os.environ["PG_BINDIR"])
        return folder if _has_server(folder) else None
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                    key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                    reverse=True)
    on_path = shutil.which("pg_ctl")
    for candidate in [*debian, *([str(Path(on_path).parent)] if on_path else [])]:
        if _has_server(Path(candidate)):
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user() -> str | None:
    """The account to run the server as: None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _run(command: list[str], user: str | None) -> None:
    full = (["runuser", "-u", user, "--", *command]) if user else command
    result = subprocess.run(full, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(full)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")


def _admin_conninfo(url: str) -> str:
    """libpq conninfo for the ``postgres`` maintenance database on the server of ``url``."""
    parsed = make_url(url).set(drivername="postgresql", database="postgres")
    return parsed.render_as_string(hide_password=False)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a URL to a new, empty database on a private throwaway cluster (or ``$DOJO_TEST_DATABASE_URL``)."""
    env_url = os.environ.get(ENV_URL, "").strip()
    if env_url:
        yield env_url
        return
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="dojo-pg-"))
    data, log = root / "data", root / "server.log"
    port = _free_port()
    started = False
    try:
        if user:
            shutil.chown(root, user=user)
        _run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
              "-E", "UTF8", "--no-locale", "--no-sync"], user)
        options = f"-p {port} -k {root} -c listen_addresses='' -c fsync=off"
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w",
              "-t", "60", "start"], user)
        started = True
        url = f"postgresql+psycopg://{SUPERUSER}@/dojo_test?host={root}&port={port}"
        with psycopg.connect(_admin_conninfo(url), autocommit=True) as conn:
            conn.execute("CREATE DATABASE dojo_test")
        yield url
    finally:
        if started:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], user)
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A URL to an empty database for one test: a new database, or (external URL) a cleaned one."""
    if os.environ.get(ENV_URL, "").strip():
        _drop_store_tables(server_url)
        return server_url
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_admin_conninfo(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_store_tables(url: str) -> None:
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS overrides, turns, calls, users, alembic_version CASCADE")
