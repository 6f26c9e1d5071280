"""Screenshot the desk with the bundled sample session: `python packaging/screenshot.py out.png`.

Runs offscreen by default (or under Xvfb: `xvfb-run -a -s "-screen 0 1600x1000x24" python packaging/screenshot.py
out.png`); a few steps of a reading are done first so the tracked changes show. `--size 1280x800` picks the
window's size (a projector's), `--adoption` raises the Adoption tab with section B under consideration, `--mun`
shows the Model UN sample with a roll call taken and a moderated caucus under way in the Procedure panel.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    """Build the sample in a temporary folder, make a few changes, grab the window to the PNG given."""
    parser = argparse.ArgumentParser(description="Screenshot the desk with the sample session.")
    parser.add_argument("out", nargs="?", default="chairdesk.png", type=Path)
    parser.add_argument("--size", default="1600x1000", help="the window's size, e.g. 1280x800")
    parser.add_argument("--adoption", action="store_true", help="Adoption tab raised, section B taken up")
    parser.add_argument(
        "--mun", action="store_true", help="the Model UN sample, a moderated caucus under way"
    )
    args = parser.parse_args(argv)
    out = args.out.resolve()
    width, height = (int(n) for n in args.size.lower().split("x"))
    home = Path(tempfile.mkdtemp(prefix="chairdesk-shot-"))
    os.environ["CHAIRDESK_CONFIG_DIR"] = str(home / "config")
    os.environ["CHAIRDESK_DATA_DIR"] = str(home / "data")
    from chairdesk.core import adoption, drafting
    from chairdesk.gui.app import default_docks, make_application
    from chairdesk.gui.desk.window import MainWindow
    from chairdesk.gui.qt import QDockWidget
    from chairdesk.gui.settings import DeskSettings
    from chairdesk.sample import build_sample_session

    app = make_application()
    (home / "data").mkdir(parents=True)
    path = build_sample_session(home / "data" / "sample.chairdesk", "mun" if args.mun else "oewg")
    settings = DeskSettings.load()
    window = MainWindow(None, settings, docks=default_docks())
    window.resize(width, height)
    window.open_session(path)
    controller = window.controller
    if args.mun:
        return _model_un(app, window, out)
    draft = controller.session.draft
    first, second, third, last = (draft.order + draft.order * 4)[:4]
    p = draft.live_paragraphs(second)[0]
    controller.run(
        drafting.amend_paragraph,
        p.id,
        p.text.replace("encourage", "strongly encourage", 1)
        + " In particular, capacity-building should be demand-driven.",
    )
    controller.run(drafting.strike_paragraph, draft.live_paragraphs(first)[1].id)
    moving = draft.live_paragraphs(second)[1].id
    controller.run(drafting.move_paragraph, moving, draft.order[-1], None)
    if args.adoption:
        controller.run(adoption.take_up, second)
        next(d for d in window.findChildren(QDockWidget) if d.objectName() == "adoptionDock").raise_()
    window.show()
    window.commands.go_to_paragraph(draft.number_of(p.id))
    from chairdesk.gui.qt import QTimer

    def grab() -> None:
        window.grab().save(str(out))
        window.close()
        app.quit()

    QTimer.singleShot(500, grab)  # the event loop lays out the window and fits its columns first
    app.exec()
    print(out)
    return 0


def _model_un(app: object, window: object, out: Path) -> int:
    """The Model UN sample: a roll call, two motions (one carried: a moderated caucus), a speaker in caucus."""
    from chairdesk.core import procedure
    from chairdesk.gui.qt import QDockWidget, QTimer

    controller = window.controller  # type: ignore[attr-defined]
    roster = controller.session.state.roster.codes()
    for code, status in zip(roster, "PPVPPPVPPPPA", strict=False):
        controller.run(
            procedure.roll_call, code, {"P": "present", "V": "present and voting", "A": "absent"}[status]
        )
    controller.run(procedure.move_motion, "unmoderated caucus", "MEX", seconds=900)
    controller.run(
        procedure.move_motion,
        "moderated caucus",
        "IND",
        topic="Protecting hospitals",
        total_seconds=600,
        speaking_seconds=45,
    )
    controller.run(procedure.put_motion_to_vote, None, 3, 7)
    controller.run(procedure.move_motion, "set speaking time", "BRA", seconds=90)
    controller.run(procedure.put_motion_to_vote, None, 8, 2)
    for code in ("BRA", "EGY", "JPN"):
        controller.run(procedure.request_caucus_floor, code)
    controller.run(procedure.move_motion, "suspend", "TUR", seconds=600)
    controller.run(procedure.next_caucus_speaker)
    window.show()  # type: ignore[attr-defined]
    next(d for d in window.findChildren(QDockWidget) if d.objectName() == "ProcedureDock").raise_()  # type: ignore[attr-defined]

    def grab() -> None:
        window.grab().save(str(out))  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        app.quit()  # type: ignore[attr-defined]

    QTimer.singleShot(500, grab)
    app.exec()  # type: ignore[attr-defined]
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
