"""Benchmark the desk on a 2,000-paragraph, 20,000-event session: opening the window, committing an edit.

    python benchmarks/desk_bench.py [--paragraphs 2000] [--events 20000] [--runs 5] [--edits 30]

Prints the median time to open the window (session read, comparison, first paint) and the median time
per committed paragraph edit (event recorded and committed, view refreshed and repainted), with how many
rows were laid out again per edit (1 means only the edited row was re-rendered).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.large_session import make_large_session  # noqa: E402


def main(argv: list[str]) -> int:
    """Run the benchmark and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--session", type=Path, help="reuse this session file (made if missing)")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="chairdesk-bench-"))
    os.environ["CHAIRDESK_CONFIG_DIR"] = str(home / "config")
    os.environ["CHAIRDESK_DATA_DIR"] = str(home / "data")

    from chairdesk.core import drafting
    from chairdesk.gui.app import make_application
    from chairdesk.gui.desk.window import MainWindow
    from chairdesk.gui.settings import DeskSettings

    path = args.session or home / "large.chairdesk"
    if not path.exists():
        started = time.perf_counter()
        make_large_session(path, paragraphs=args.paragraphs, events=args.events)
        print(f"made {path} in {time.perf_counter() - started:.1f} s")
    app = make_application()

    opens = []
    window = None
    for _ in range(args.runs):
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        started = time.perf_counter()
        window = MainWindow(None, DeskSettings(), docks=[])
        window.resize(1600, 1000)
        window.open_session(path)
        window.show()
        app.processEvents()  # first paint of the draft
        opens.append(time.perf_counter() - started)
    assert window is not None and window.controller is not None
    for _ in range(200):  # let the batched layout of the other rows finish before timing edits
        app.processEvents()

    controller = window.controller
    draft = controller.session.draft
    live = draft.numbering().paragraphs
    delegate = window.draft_view.row_delegate
    edits, layouts = [], []
    for k in range(args.edits):
        pid = live[(k * 37) % 25]  # paragraphs near the top, so the edited row is on screen
        window.commands.go_to_paragraph(draft.number_of(pid))
        app.processEvents()
        text = draft.paragraphs[pid].text
        before = delegate.layouts
        started = time.perf_counter()
        controller.run(drafting.amend_paragraph, pid, text + f" (edit {k})")
        window.draft_view.viewport().repaint()
        app.processEvents()
        edits.append(time.perf_counter() - started)
        layouts.append(delegate.layouts - before)
    strikes, strike_layouts = [], []
    for k in range(max(3, args.edits // 3)):
        pid = live[(k * 53) % 20]
        for operation in (drafting.strike_paragraph, drafting.restore_paragraph):
            before = delegate.layouts
            started = time.perf_counter()
            controller.run(operation, pid)
            window.draft_view.viewport().repaint()
            app.processEvents()
            strikes.append(time.perf_counter() - started)
            strike_layouts.append(delegate.layouts - before)
    paragraphs = len(live)
    print(f"session: {paragraphs} paragraphs, {len(controller.session.events)} events")
    print(f"open window: median {statistics.median(opens) * 1000:.0f} ms over {len(opens)} runs")
    print(
        f"commit one paragraph edit: median {statistics.median(edits) * 1000:.1f} ms over {len(edits)} edits; "
        f"rows laid out again per edit: median {statistics.median(layouts):.0f} of {len(window.draft_model.rows.rows)}"
    )
    print(
        f"strike or restore one paragraph (renumbering): median {statistics.median(strikes) * 1000:.0f} ms "
        f"over {len(strikes)}; rows laid out again: median {statistics.median(strike_layouts):.0f}"
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
