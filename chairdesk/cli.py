"""The chairdesk command line: start the window, or work on a session file from a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .core.errors import ChairdeskError
from .core.session import Session


def _cmd_new(args: argparse.Namespace) -> int:
    session = Session.create(args.output, args.title, body=args.body, venue=args.venue, dates=args.dates)
    session.close()
    print(f"Created {args.output}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    with Session.open(args.file) as session:
        state = session.state
        draft = state.draft
        print(f"Meeting:   {state.meeting.title}")
        for label, value in (
            ("Body", state.meeting.body),
            ("Venue", state.meeting.venue),
            ("Dates", state.meeting.dates),
        ):
            if value:
                print(f"{label + ':':<10} {value}")
        if draft.title:
            print(f"Document:  {draft.title}")
        numbering = draft.numbering()
        print(
            f"Sections:  {len(draft.order)}; paragraphs: {len(numbering.paragraphs)}; open brackets: {draft.open_brackets()}"
        )
        for sid in draft.order:
            section = draft.sections[sid]
            span = draft.paragraph_range(sid)
            paragraphs = f"¶ {span[0]}–{span[1]}" if span else "no paragraphs"
            status = section_status_text(state, sid)
            print(f"  {numbering.label[sid]}. {section.title} — {paragraphs} — {status}")
        print(f"Events:    {len(session.events)}")
        print(f"Record:    {session.verify()}")
    return 0


def section_status_text(state: object, section_id: str) -> str:
    """The adoption status of a section in words, when the session knows adoption."""
    adoption = getattr(state, "adoption", None)
    if adoption is None:
        return "not yet taken up"
    return adoption.status_text(section_id)


def _cmd_verify(args: argparse.Namespace) -> int:
    with Session.open(args.file) as session:
        result = session.verify()
    print(f"{args.file}: {result}")
    return 0 if result.ok else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every verb."""
    parser = argparse.ArgumentParser(prog="chairdesk", description="The chair's desk for a drafting session.")
    sub = parser.add_subparsers(dest="command")

    new = sub.add_parser("new", help="create an empty session for a meeting")
    new.add_argument("title", help="title of the meeting")
    new.add_argument(
        "-o", "--output", required=True, type=Path, help="the session file to create (.chairdesk)"
    )
    new.add_argument("--body", default="", help="the body that meets, e.g. 'Open-ended working group'")
    new.add_argument("--venue", default="")
    new.add_argument("--dates", default="")
    new.set_defaults(func=_cmd_new)

    info = sub.add_parser("info", help="show a session's meeting, sections, events and record check")
    info.add_argument("file", type=Path)
    info.set_defaults(func=_cmd_info)

    verify = sub.add_parser("verify", help="check the hash chain of a session's record")
    verify.add_argument("file", type=Path)
    verify.set_defaults(func=_cmd_verify)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `chairdesk` command."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if (
        not argv
        or argv[0] == "--sample"
        or (argv[0] not in parser._subparsers._group_actions[0].choices and not argv[0].startswith("-"))
    ):  # type: ignore[union-attr]
        return _start_gui(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        return _start_gui([])
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ChairdeskError as error:
        print(f"chairdesk: {error}", file=sys.stderr)
        return 2


def _start_gui(argv: list[str]) -> int:
    try:
        from .gui.app import run
    except ImportError as error:
        print(f"chairdesk: the window cannot start ({error})", file=sys.stderr)
        return 2
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
