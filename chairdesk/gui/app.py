"""Start the window: `chairdesk` (the last session, or the sample the first time), `chairdesk FILE`,
`chairdesk --sample [oewg|mun]` (the chair's copy of a bundled sample session: the working group, or the
Model UN committee), `chairdesk --replay FILE`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..sample import SAMPLES, ensure_sample_copy
from .about import app_icon
from .adoption.dock import AdoptionDock
from .desk.side_docks import DockSpec
from .desk.window import MainWindow
from .first_show import exit_when_shown_requested, quit_when_shown
from .floor.dock import FloorDock
from .procedure.dock import ProcedureDock
from .qt import QApplication, QFont
from .settings import DeskSettings, data_dir
from .start_up import after_first_show, quick_exit, settle_collector
from .workshop.dock import WorkshopDock


def sample_copy(which: str = "oewg") -> Path:
    """The writable copy of a bundled sample session ("oewg" or "mun") in the data folder."""
    return ensure_sample_copy(data_dir(), SAMPLES[which])


def starting_session(file: Path | None, sample: bool | str | None, settings: DeskSettings) -> Path:
    """What to open: the file given, the sample when asked (True or its short name), else the last session,
    else the working group's sample."""
    if file is not None:
        return file
    if sample:
        return sample_copy(sample if isinstance(sample, str) else "oewg")
    if settings.last_session and Path(settings.last_session).exists():
        return Path(settings.last_session)
    return sample_copy()


def default_docks() -> list[DockSpec]:
    """The right-hand docks: the floor, adoption, procedure (shown only under Model UN rules), then workshop
    (shown when the session has a running order or written interventions, or from its menu)."""
    return [FloorDock, AdoptionDock, ProcedureDock, WorkshopDock]


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, with a font that projects well."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "chairdesk", *argv])
    app.setApplicationName("chairdesk")
    app.setOrganizationName("chairdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("chairdesk")  # Wayland and the task bar match the window to chairdesk.desktop
    app.setWindowIcon(app_icon())
    font = QFont(app.font())
    if font.pointSize() < 11:
        font.setPointSize(11)
        app.setFont(font)
    return app  # type: ignore[return-value]


def open_window(
    path: Path | None, settings: DeskSettings, docks: Sequence[DockSpec] | None = None
) -> MainWindow:
    """A window showing the session at path (or empty, with the reason in the status bar)."""
    window = MainWindow(None, settings, docks=default_docks() if docks is None else docks)
    if path is None:
        window.statusBar().showMessage("Open a session (Ctrl+O) or start a new one (Ctrl+N).")
    elif not window.open_session(path) and settings.last_session == str(Path(path).resolve()):
        settings.forget(path)
    return window


def run(argv: list[str]) -> int:
    """Entry point of the window (called by the `chairdesk` command)."""
    parser = argparse.ArgumentParser(prog="chairdesk", description="The chair's desk for a drafting session.")
    parser.add_argument("file", nargs="?", type=Path, help="a session file (.chairdesk) to open")
    parser.add_argument(
        "--sample",
        nargs="?",
        const="oewg",
        choices=sorted(SAMPLES),
        help="open your copy of a bundled sample session: oewg (a working group, the default) or mun (Model UN)",
    )
    parser.add_argument("--replay", type=Path, metavar="FILE", help="replay a session, read-only")
    args = parser.parse_args(argv)
    if args.replay is not None:
        settle_collector()  # held by the command line for the desk's start (start_up.py)
        return run_replay(args.replay)
    if args.file is not None and not args.file.exists():
        print(f"chairdesk: {args.file}: no such file", file=sys.stderr)
        return 2
    app = make_application()
    settings = DeskSettings.load()
    window = open_window(starting_session(args.file, args.sample, settings), settings)
    if window.last_error:
        print(f"chairdesk: {window.last_error}", file=sys.stderr)
    window.show()
    if exit_when_shown_requested():
        quit_when_shown(app, window)
    after_first_show(window)  # the collector runs again, the writer is warmed up
    status = app.exec()
    quick_exit()
    return status


def run_replay(path: Path) -> int:
    """Open a session in the replay window (read-only), or say why it cannot be opened."""
    from ..core.log.errors import ChairdeskError
    from .replay.window import ReplayWindow

    app = make_application()
    try:
        window = ReplayWindow(path)
    except ChairdeskError as error:
        print(f"chairdesk: {error}", file=sys.stderr)
        return 2
    window.show()
    return app.exec()
