"""``dojo users add NAME --role trainee|trainer`` and ``dojo users list``.

The password is never an argument (it would land in shell history and ``ps``): it is prompted
twice on a terminal, or read as one line from stdin for scripts. Errors are one line on stderr
and exit code 2, like every other ``dojo`` command.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from sqlalchemy.exc import SQLAlchemyError

from simulator.errors import DojoInputError
from simulator.store.store import Store, default_database_url


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print usage and exit itself
        raise DojoInputError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dojo users", description="Manage trainee and trainer accounts.")
    parser.add_argument("--database", metavar="URL",
                        help="database URL (default: $DOJO_DATABASE_URL or ./dojo-data/dojo.sqlite3)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add = commands.add_parser("add", help="create an account (password from a prompt or stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["trainee", "trainer"])
    add.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                     help="database URL")
    listing = commands.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help="print one JSON list")
    listing.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                         help="database URL")
    return parser


def _read_password() -> str:
    """Twice with getpass on a terminal; otherwise the first line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != first:
            raise DojoInputError("password: the two entries differ")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise DojoInputError("password: expected one line on stdin, got nothing")
    return line.rstrip("\r\n")


def run(argv: Sequence[str]) -> int:
    """Run ``dojo users ARGV``; returns the exit code."""
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    except DojoInputError as exc:
        print(f"dojo users: {exc}", file=sys.stderr)
        return 2
    url = args.database or default_database_url()
    try:
        if args.command == "add":
            password = _read_password()
            with Store(url) as store:
                user = store.add_user(args.name, args.role, password)
            print(f"added {user.role} {user.name}")
        else:
            with Store(url) as store:
                accounts = store.list_users()
            if args.json:
                print(json.dumps([{"name": u.name, "role": u.role,
                                   "created_at": u.created_at.isoformat()} for u in accounts]))
            else:
                for u in accounts:
                    print(f"{u.name}\t{u.role}\t{u.created_at.isoformat(sep=' ')}")
    except DojoInputError as exc:
        print(f"dojo users: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:  # a database that opened but then failed: still one line
        print(f"dojo users: database error: {str(exc.__cause__ or exc).splitlines()[0]}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dojo users: interrupted", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
