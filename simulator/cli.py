"""The ``dojo`` command line (CONTRACT section 1).

Each subcommand imports only what it needs, so ``dojo score`` starts in a fraction of the time it
takes to import gradio (only ``dojo serve`` loads the web stack). Bad input exits 2 with one line
on stderr; ``--json`` prints exactly one JSON document on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from simulator.errors import DojoInputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors are bad input too: exit 2, one line
        self.exit(2, f"dojo: {message} (see 'dojo {self.prog.split()[-1]} --help')\n" if " " in self.prog
                  else f"dojo: {message} (see 'dojo --help')\n")


def _print_json(doc: Any) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def cmd_personas(args: argparse.Namespace) -> int:
    from simulator.persona import all_personas
    personas = all_personas()
    if args.json:
        _print_json([{"id": p.id, "title": p.persona.title.get(args.language), "languages": p.persona.languages,
                      "difficulty": p.persona.difficulty, "counterpart": p.persona.counterpart,
                      "description": p.persona.description.get(args.language)} for p in personas])
        return 0
    from simulator.terminal import print_personas
    print_personas(personas, args.language)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from simulator.rubric import load_rubric, score_transcript
    from simulator.transcript import read_transcript
    transcript = read_transcript(args.file)
    rubric = load_rubric(args.rubric)
    report = score_transcript(transcript, rubric)
    doc = report.to_json()
    if args.judge == "llm":
        from simulator.llm.judge import judge_report_sync
        doc = judge_report_sync(transcript, rubric, doc, _llm_options(args))
    if args.json:
        _print_json(doc)
        return 0
    from simulator.terminal import print_report
    print_report(doc, transcript)
    return 0


def _read_script(path: str) -> list[str]:
    from simulator.call import check_message
    from simulator.datafiles import read_text
    p = Path(path)
    lines = read_text(p, "--trainee-script").splitlines()
    out = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                out.append(check_message(line))
            except DojoInputError as exc:
                raise DojoInputError(f"{p}:{number}: {exc}") from None
    return out


def cmd_play(args: argparse.Namespace) -> int:
    from simulator.call import Call
    from simulator.persona import load_persona
    persona = load_persona(args.persona)
    script = _read_script(args.trainee_script) if args.trainee_script else None
    call = Call(persona, seed=args.seed, language=args.language, difficulty=args.difficulty)
    voice = None
    if args.voice == "llm":
        from simulator.llm.voice import LLMVoice
        voice = LLMVoice.from_options(_llm_options(args))
    if script is None:
        if args.json:
            raise DojoInputError("--json needs --trainee-script (an interactive call prints to the terminal)")
        from simulator.terminal import interactive_call
        return interactive_call(call, voice, args.rubric)
    from simulator.terminal import scripted_call
    return scripted_call(call, script, voice, args.rubric, as_json=args.json)


def cmd_validate(args: argparse.Namespace) -> int:
    from simulator.validate import validate_files
    return validate_files(args.files)


def cmd_serve(args: argparse.Namespace) -> int:
    from simulator.web.app import serve
    return serve(host=args.host, port=args.port, database_url=args.database)


# Subcommands with parsers of their own: everything after the name goes to ``module.run(argv)``.
# With verbs, the first word must be one of them (``dojo llm check``) and is consumed.
DELEGATED: dict[str, tuple[str, tuple[str, ...], str]] = {
    "users": ("simulator.store.users_cli", (), "manage web app accounts (users add NAME --role ...)"),
    "llm": ("simulator.llm.check", ("check",), "check an OpenAI-compatible endpoint (llm check)"),
    "batch": ("simulator.batch.cli", (), "run trainee agents against personas in batch"),
    "judge-agreement": ("simulator.llm.agreement", (), "agreement of the LLM judge with the rubric"),
}


def run_delegated(name: str, rest: list[str]) -> int:
    import importlib
    module, verbs, _ = DELEGATED[name]
    if verbs:
        if not rest or rest[0] not in verbs:
            raise DojoInputError(f"expected one of: {', '.join(verbs)} (e.g. 'dojo {name} {verbs[0]} --help')")
        rest = rest[1:]
    return importlib.import_module(module).run(rest)


def _llm_options(args: argparse.Namespace) -> dict[str, Any]:
    return {"base_url": getattr(args, "llm_base_url", None), "model": getattr(args, "llm_model", None),
            "api_key": getattr(args, "llm_api_key", None)}


def _add_llm_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--llm-base-url", help="OpenAI-compatible base URL (default: $DOJO_LLM_BASE_URL)")
    p.add_argument("--llm-model", help="model name (default: $DOJO_LLM_MODEL)")
    p.add_argument("--llm-api-key", help="API key (default: $DOJO_LLM_API_KEY)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dojo", description="Collections Dojo — practise debt-collection calls and score them.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("serve", help="start the web app (trainee chat + trainer review)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--database", help="SQLAlchemy URL (default: $DOJO_DATABASE_URL or ./dojo-data/dojo.sqlite3)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("play", help="one practice call against a persona")
    p.add_argument("--persona", required=True, help="persona id (see 'dojo personas')")
    p.add_argument("--seed", type=int, help="replay a call exactly (default: random, shown on the card)")
    p.add_argument("--language", choices=["en", "es"])
    p.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    p.add_argument("--trainee-script", help="one trainee message per non-blank line")
    p.add_argument("--rubric", default="collection-call")
    p.add_argument("--voice", choices=["scripted", "llm"], default="scripted",
                   help="who speaks the persona's lines (the persona logic decides either way)")
    _add_llm_options(p)
    p.add_argument("--json", action="store_true", help="print {transcript, report, outcome} as JSON")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("score", help="score a call transcript (JSON or 'Trainee:'/'Debtor:' lines)")
    p.add_argument("file")
    p.add_argument("--rubric", default="collection-call", help="rubric id or a rubric YAML file")
    p.add_argument("--judge", choices=["rubric", "llm"], default="rubric",
                   help="'llm' adds an LLM judge's second opinion beside the rubric scorer")
    _add_llm_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("personas", help="list the personas")
    p.add_argument("--language", choices=["en", "es"], default="en")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_personas)

    p = sub.add_parser("validate", help="check persona and rubric files (errors name file, field and line)")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_validate)

    for name, (_, _, help_text) in DELEGATED.items():  # listed in --help; main() hands them over
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and argv[0] in DELEGATED:
            return run_delegated(argv[0], argv[1:])
        args = build_parser().parse_args(argv)
        return args.func(args)
    except DojoInputError as exc:
        sys.stderr.write(f"dojo: {exc}\n")
        return 2
    except KeyboardInterrupt:
        resume = " (rerun the same command to resume)" if argv[:1] == ["batch"] else ""
        sys.stderr.write(f"dojo: interrupted{resume}\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
