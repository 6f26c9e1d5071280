"""The chairdesk command line: start the window, or work on a session file from a terminal."""

from __future__ import annotations

import argparse
import gc
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from .core.log.errors import ChairdeskError
from .core.log.session import Session
from .display import missing_display
from .version import app_version


def _open(path: Path, read_only: bool = False) -> Session:
    """Open a session (read-only: beside a chairdesk writing it), printing to stderr what the chair must be told
    (a file shorter than it was here, or whose record was altered outside chairdesk; an earlier copy of a session)."""
    session = Session.open(path, read_only=read_only)
    for note in session.notes:
        print(f"chairdesk: note: {visible(note)}", file=sys.stderr)
    for warning in session.warnings:
        print(f"chairdesk: WARNING: {visible(warning)}", file=sys.stderr)
    return session


def visible(text: object) -> str:
    """Text for the terminal with control characters shown as escapes (a title cannot drive the terminal)."""
    out = []
    for char in str(text):
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") and char != "\u200d":
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _cmd_new(args: argparse.Namespace) -> int:
    from .core.floor.operations import set_roster
    from .resources import load_roster

    delegations, source = load_roster(args.roster)  # read first: a bad roster leaves no file behind
    session = Session.create(args.output, args.title, body=args.body, venue=args.venue, dates=args.dates)
    if delegations:
        set_roster(session, delegations, source=source)
    if args.numbering != "live":
        from .core.draft.operations import set_numbering_mode

        set_numbering_mode(session, args.numbering)
    session.close()
    roster = f", roster: {len(delegations)} delegations ({source})" if delegations else ""
    print(f"Created {args.output}{roster}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from .core.draft.importers import new_session_from, read_draft

    imported = read_draft(args.draft, args.revisions)
    session = new_session_from(imported, args.output, title=args.title, numbering=args.numbering)
    draft = session.draft
    sections, paragraphs = len(draft.order), len(draft.numbering().paragraphs)
    session.close()
    print(f"Imported {args.draft}: {sections} sections, {paragraphs} paragraphs; created {args.output}")
    for line in imported.summary_lines():
        print(f"  {line}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    with _open(args.file, read_only=True) as session:
        state = session.state
        draft = state.draft
        print(f"Meeting:   {visible(state.meeting.title)}")
        for label, value in (
            ("Body", state.meeting.body),
            ("Venue", state.meeting.venue),
            ("Dates", state.meeting.dates),
        ):
            if value:
                print(f"{label + ':':<10} {visible(value)}")
        if draft.title:
            print(f"Document:  {visible(draft.title)}")
        numbering = draft.numbering()
        print(
            f"Sections:  {len(draft.order)}; paragraphs: {len(numbering.paragraphs)}; open brackets: {draft.open_brackets()}"
        )
        for sid in draft.order:
            section = draft.sections[sid]
            span = draft.label_range(sid)
            if span and "\u2013" not in span and "," not in span:
                span = f"{span}\u2013{span}"  # one paragraph: "¶ 4–4", as the range always reads
            paragraphs = f"¶ {span}" if span else "no paragraphs"
            status = state.adoption.status_text(sid)
            print(f"  {numbering.label[sid]}. {visible(section.title)} — {paragraphs} — {visible(status)}")
        procedure = state.procedure
        if procedure.mun:  # Model UN rules of procedure
            codes = state.roster.codes()
            roll = procedure.quorum_line(codes) if procedure.roll_called else "no roll call yet"
            print(f"Rules:     Model UN; {roll}; {len(procedure.motions)} motion(s) waiting")
        print(f"Events:    {len(session.events)}")
        print(f"Record:    {session.verify()}")
    return 0


def _cmd_meeting(args: argparse.Namespace) -> int:
    from .core.log.meeting import Meeting
    from .core.log.meeting_operations import set_meeting_details

    details = {k: getattr(args, k) for k in Meeting.FIELDS if getattr(args, k, None) is not None}
    with Session.open(args.file) as session:
        if details:
            set_meeting_details(session, **details)
        for key in Meeting.FIELDS:
            print(f"{key + ':':<14}{getattr(session.state.meeting, key)}")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    with _open(args.file, read_only=True) as session:
        if args.against:
            from .export.seal import verify_against

            ok, lines = verify_against(session, args.against)
            for line in lines:
                print(visible(line))
            return 0 if ok else 1
        result = session.verify()
        anchored = not session.warnings  # the file alone verifies, but this computer wrote more, or else
    print(f"{args.file}: {result}" + ("" if anchored or not result.ok else " — but see the warning above"))
    return 0 if result.ok and anchored else 1


def _cmd_export(args: argparse.Namespace) -> int:
    from .export import export_record, export_redline, export_report
    from .export.base import adoption_of

    if not (args.report or args.redline or args.record):
        print("chairdesk export: say what to write: --report, --redline and/or --record", file=sys.stderr)
        return 2
    with _open(args.file, read_only=True) as session:
        if args.at is not None or args.event is not None:
            from .core.replay.operations import Replay

            replay = Replay(session)
            seq, _ = _replay_seq(args, replay)
            print(
                f"As it stood after event {seq} of {len(replay)} ({replay.time_of(seq):%Y-%m-%d %H:%M:%S} UTC)"
            )
            session = replay.session_at(seq)  # type: ignore[assignment]
        if args.report:
            export_report(session, args.report, force=args.force)
            adopted, _ = adoption_of(session.state)
            print(f"Report: {args.report}" + ("" if adopted else " (marked DRAFT \u2014 not adopted)"))
        if args.redline:
            export_redline(session, args.redline, args.baseline, force=args.force)
            print(f"Redline against the {args.baseline} baseline: {args.redline}")
        if args.record:
            export_record(session, args.record, force=args.force)
            print(f"Record of the session: {args.record}")
    return 0


def _replay_seq(args: argparse.Namespace, replay) -> tuple[int, object]:  # noqa: ANN001
    """The event asked for with --event N or --at TIME (and the moment, for --at)."""
    from .core.log.errors import RefusedError
    from .core.replay.operations import moment_from_text

    if args.at is not None and args.event is not None:
        raise RefusedError("Give either --at or --event, not both.")
    if args.event is not None:
        if not 0 <= args.event <= len(replay):
            raise RefusedError(
                f"{args.file}: there is no event {args.event}; the session has {len(replay)} events."
            )
        return args.event, None
    moment = moment_from_text(args.at, replay)
    return replay.seq_at(moment), moment


def _cmd_replay(args: argparse.Namespace) -> int:
    from .core.replay.operations import Replay
    from .core.replay.printout import printout

    with Session.open(args.file, read_only=True) as session:
        replay = Replay(session)
        if args.at is None and args.event is None:
            args.event = len(replay)
        seq, moment = _replay_seq(args, replay)
        print(printout(replay, seq, moment))  # type: ignore[arg-type]
    return 0


def _cmd_roster(args: argparse.Namespace) -> int:
    from .core.floor.operations import import_roster_csv
    from .core.floor.roster import write_roster_csv

    with _open(args.file) as session:
        if args.import_csv:
            import_roster_csv(session, args.import_csv)
            print(visible(f"Imported {args.import_csv} into {args.file}"))
        roster = session.state.roster
        if args.export_csv:
            write_roster_csv(roster, args.export_csv)
            print(visible(f"Wrote {args.export_csv}"))
        for d in roster.delegations:
            print(
                visible(
                    f"{d.code:<8} {d.name:<28} {d.stakeholder_group:<30} {d.regional_group:<22} {d.attendance}"
                )
            )
        print(visible(f"{len(roster)} delegations"))
    return 0


def _cmd_figures(args: argparse.Namespace) -> int:
    from .core.floor.figures import speaker_figures, write_figures_csv
    from .core.floor.model import format_duration

    with _open(args.file, read_only=True) as session:
        figures = speaker_figures(session.state)
        for d in figures.delegations:
            words = f"  {d.words} words" if d.words is not None else ""
            print(
                visible(
                    f"{d.name:<28} {d.interventions:>3} × {format_duration(d.speaking_seconds):>12}{words}"
                )
            )
        for title, shares in (
            ("Stakeholder groups", figures.stakeholder_groups),
            ("Regional groups", figures.regional_groups),
        ):
            print(visible(f"{title} (share of roster / of interventions / of time):"))
            for g in shares:
                print(
                    f"  {g.group:<32} {g.roster_share:>5.0%} {g.intervention_share:>5.0%} {g.time_share:>5.0%}"
                )
        if args.csv:
            write_figures_csv(figures, args.csv)
            print(visible(f"Wrote {args.csv}"))
    return 0


def _cmd_adoption(args: argparse.Namespace) -> int:
    from .core.adoption.model import section_mark
    from .core.adoption.readout import readout

    with _open(args.file, read_only=True) as session:
        state = session.state
        draft, adoption = state.draft, state.adoption
        for sid in draft.order:
            mark = section_mark(adoption.section_status(sid))
            print(
                f"{mark:<3} {draft.label_of(sid)}. {draft.sections[sid].title} — {adoption.status_text(sid)}"
            )
            for objection in adoption.standing_objections(sid):
                print(f"      standing objection: {objection.name} ({objection.ts[11:19]}): {objection.reason}")
        progress = adoption.progress(draft)
        print(
            f"Adopted:   {progress.adopted} of {progress.total} sections; open brackets left: "
            f"{progress.open_brackets}; pending proposals left: {progress.pending_proposals}"
        )
        if adoption.report_adopted:
            print(
                f"Report:    adopted and endorsed at {adoption.report_adopted_at}; SHA-256 {adoption.report_hash}"
            )
        else:
            print(visible(f"Report:    {readout(state, None)}"))
        for step in adoption.steps:
            label = draft.numbering().label.get(step.section or "", "")
            where = f", section {label}" if label else ""
            detail = f" — {step.detail}" if step.detail else ""
            print(visible(f"  {step.ts[11:19]}  #{step.seq:<5} {step.actor:<6} {step.action}{where}{detail}"))
    return 0


def _moment_arguments(parser: argparse.ArgumentParser, at_help: str) -> None:
    parser.add_argument("--at", metavar="TIME", help=at_help)
    parser.add_argument("--event", type=int, metavar="N", help="right after event N (0: before anything)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every verb."""
    parser = argparse.ArgumentParser(prog="chairdesk", description="The chair's desk for a drafting session.")
    parser.add_argument("--version", action="version", version=f"chairdesk {app_version()}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation: open, edit, export and verify a copy of the sample; open the window",
    )
    sub = parser.add_subparsers(dest="command")

    new = sub.add_parser("new", help="create an empty session for a meeting")
    new.add_argument("title", help="title of the meeting")
    new.add_argument(
        "-o", "--output", required=True, type=Path, help="the session file to create (.chairdesk)"
    )
    new.add_argument("--body", default="", help="the body that meets, e.g. 'Open-ended working group'")
    new.add_argument("--venue", default="")
    new.add_argument("--dates", default="")
    new.add_argument(
        "--roster",
        default="empty",
        metavar="un|FILE",
        help="start with a roster: 'un' (the 193 UN Member States and 2 observer States), or a roster CSV",
    )
    new.add_argument(
        "--numbering",
        choices=("live", "keep"),
        default="live",
        help="renumber after each change (live) or keep the tabled numbers, fixed when the text is tabled",
    )
    new.set_defaults(func=_cmd_new)

    imp = sub.add_parser("import", help="create a session from a draft (DOCX, or text/Markdown)")
    imp.add_argument("draft", type=Path, help="the draft document (.docx, .txt or .md)")
    imp.add_argument(
        "-o", "--output", required=True, type=Path, help="the session file to create (.chairdesk)"
    )
    imp.add_argument("--title", default=None, help="title of the meeting (default: the document's title)")
    imp.add_argument(
        "--revisions",
        choices=("accept", "reject", "record"),
        default=None,
        help="a DOCX's tracked changes: all accepted, all rejected, or recorded as changes to the tabled text "
        "(rejected) credited to their Word authors; required when the file has tracked changes",
    )
    imp.add_argument(
        "--numbering",
        choices=("live", "keep"),
        default="live",
        help="renumber after each change (live, default) or keep the tabled numbers (7 bis) until a "
        "technical renumbering",
    )
    imp.set_defaults(func=_cmd_import)

    meeting = sub.add_parser("meeting", help="show or set the meeting's details (the report's first page)")
    meeting.add_argument("file", type=Path, help="the session file")
    for key, words in (
        ("title", "the meeting's title"),
        ("body", "the body, e.g. General Assembly"),
        ("venue", "where it meets"),
        ("dates", "when it meets"),
        ("symbol", "the report's document symbol, e.g. A/AC.290/2026/L.1"),
        ("distribution", "the distribution, e.g. General or Limited"),
        ("issued", "the date of issue shown on the first page"),
        ("original", "the original language, e.g. English"),
    ):
        meeting.add_argument(f"--{key}", default=None, help=words)
    meeting.add_argument("--paper", choices=("A4", "Letter"), default=None, help="the report's paper (A4)")
    meeting.set_defaults(func=_cmd_meeting)

    info = sub.add_parser("info", help="show a session's meeting, sections, events and record check")
    info.add_argument("file", type=Path)
    info.set_defaults(func=_cmd_info)

    verify = sub.add_parser("verify", help="check the hash chain of a session's record")
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--against",
        type=Path,
        metavar="REPORT.docx|RECORD.md",
        help="check the file against an export: same history up to the export's event, same endorsed text",
    )
    verify.set_defaults(func=_cmd_verify)

    export = sub.add_parser("export", help="write the report, the redline and/or the record of the session")
    export.add_argument("file", type=Path)
    export.add_argument(
        "--report", type=Path, metavar="OUT.docx", help="the report (a marked draft until adopted)"
    )
    export.add_argument("--redline", type=Path, metavar="OUT.docx", help="the text with Word tracked changes")
    export.add_argument(
        "--baseline", choices=("tabled", "last"), default="tabled", help="what the redline compares against"
    )
    export.add_argument("--record", type=Path, metavar="OUT.docx|OUT.md", help="the record of the session")
    export.add_argument(
        "--force",
        action="store_true",
        help="export even a record that fails verification, marked on every page",
    )
    _moment_arguments(export, "export the session as it stood at that moment (UTC), e.g. 11:40")
    export.set_defaults(func=_cmd_export)

    replay = sub.add_parser("replay", help="print the state at a moment: draft, speakers' list, adoption")
    replay.add_argument("file", type=Path)
    _moment_arguments(replay, "the moment (UTC), e.g. 11:40 or 2026-03-02 11:40 (default: the end)")
    replay.set_defaults(func=_cmd_replay)

    roster = sub.add_parser("roster", help="show a session's roster; import or export it as CSV")
    roster.add_argument("file", type=Path)
    roster.add_argument("--import", dest="import_csv", type=Path, help="replace the roster from this CSV")
    roster.add_argument("--export", dest="export_csv", type=Path, help="write the roster to this CSV")
    roster.set_defaults(func=_cmd_roster)

    figures = sub.add_parser("figures", help="speaking figures per delegation and group; CSV export")
    figures.add_argument("file", type=Path)
    figures.add_argument("--csv", type=Path, help="write the figures to this CSV")
    figures.set_defaults(func=_cmd_figures)

    adoption = sub.add_parser(
        "adoption", help="where adoption stands: sections, progress, report, every step"
    )
    adoption.add_argument("file", type=Path)
    adoption.set_defaults(func=_cmd_adoption)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `chairdesk` command."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if (
        not argv
        or argv[0] in ("--sample", "--replay")
        or argv[0].startswith("--sample=")
        or (argv[0] not in parser._subparsers._group_actions[0].choices and not argv[0].startswith("-"))
    ):  # type: ignore[union-attr]
        return _start_gui(argv)
    args = parser.parse_args(argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    if not getattr(args, "func", None):
        return _start_gui([])
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ChairdeskError as error:
        print(f"chairdesk: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a folder or file the system refuses (read-only, missing, full disk)
        where = f"{error.filename}: " if error.filename else ""
        print(f"chairdesk: {where}{error.strerror or error}", file=sys.stderr)
        return 2


def _start_gui(argv: list[str]) -> int:
    no_display = missing_display()
    if no_display:
        print(no_display, file=sys.stderr)
        return 2
    gc.disable()  # no collection while the start makes its lasting objects: the window lets it run (gui/start_up.py)
    try:
        import PySide6.QtWidgets  # noqa: F401 - Qt and the system libraries it loads (libEGL, libxcb, …)
    except ImportError as error:
        print(
            f"chairdesk: the window cannot start: Qt (PySide6) does not load ({error}). "
            "The commands (chairdesk --help) work without it.",
            file=sys.stderr,
        )
        return 2
    from .gui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
