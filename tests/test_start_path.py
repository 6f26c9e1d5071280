"""The window's start path carries only what the first paint needs (issue 15).

Opening a session and building the desk with its docks must not import sqlite-utils (with numpy, dateutil,
click and pluggy), python-docx or lxml: they come when the first event is written, or a draft is imported or
a document exported. The first write then goes through sqlite-utils as every write does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from chairdesk.sample import build_sample_session

HEAVY = ("sqlite_utils", "numpy", "dateutil", "click", "pluggy", "docx", "lxml")

START = """
import json, sys
from pathlib import Path
from chairdesk.gui.app import default_docks, make_application, open_window
from chairdesk.gui.settings import DeskSettings
from chairdesk.core.draft.operations import amend_paragraph
app = make_application()
window = open_window(Path(sys.argv[1]), DeskSettings.load(), default_docks())
window.show()
app.processEvents()
heavy = {heavy!r}
before = sorted(m for m in heavy if m in sys.modules)
session = window.session
pid = session.draft.numbering().paragraphs[0]
window.controller.run(amend_paragraph, pid, session.draft.paragraphs[pid].text + " (amended)")
after = sorted(m for m in heavy if m in sys.modules)
events = len(session.events)
window.close()
print(json.dumps({{"before": before, "after": after, "events": events}}))
"""


def test_opening_the_desk_imports_none_of_the_heavy_packages(tmp_path: Path) -> None:
    path = build_sample_session(tmp_path / "sample.chairdesk")
    env_code = START.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", env_code, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["before"] == []
    assert "sqlite_utils" in seen["after"]  # the first write brought it: writes go through sqlite-utils
    assert not {"docx", "lxml"} & set(seen["after"])


def test_the_session_written_after_a_lazy_start_reads_back_and_verifies(tmp_path: Path) -> None:
    from chairdesk.core.log.session import Session

    path = build_sample_session(tmp_path / "sample.chairdesk")
    with Session.open(path) as session:
        count = len(session.events)
    done = subprocess.run(
        [sys.executable, "-c", START.format(heavy=HEAVY), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    with Session.open(path) as session:
        assert len(session.events) == count + 1 == json.loads(done.stdout.strip().splitlines()[-1])["events"]
        assert session.verify().ok
        assert session.events[-1].payload["text"].endswith(" (amended)")


def test_the_warm_up_loads_the_writer_in_the_background() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from chairdesk.gui.start_up import warm_up_writer; assert 'sqlite_utils' not in sys.modules; "
            "t = warm_up_writer(); t.join(60); print(t.name, 'sqlite_utils' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["chairdesk-warm-up", "True"]


SETTLE = """
import gc, json, sys, time
from pathlib import Path
from chairdesk.gui.app import make_application, open_window
from chairdesk.gui.settings import DeskSettings
from chairdesk.gui.start_up import after_first_show
gc.disable()  # as the command line does before the desk starts
app = make_application()
window = open_window(Path(sys.argv[1]), DeskSettings.load(), [])
window.show()
after_first_show(window)
held = gc.isenabled()
started = time.monotonic()
while not gc.isenabled() and time.monotonic() - started < 20:
    app.processEvents()
    time.sleep(0.01)
frozen = gc.get_freeze_count()
window.open_session(Path(sys.argv[2]))  # another session: the first one's objects may be collected again
print(json.dumps({"held": held, "enabled": gc.isenabled(), "frozen": frozen, "after": gc.get_freeze_count()}))
window.close()
"""


def test_the_collector_is_held_until_the_window_is_up_then_the_start_is_frozen_out(tmp_path: Path) -> None:
    first = build_sample_session(tmp_path / "first.chairdesk")
    second = build_sample_session(tmp_path / "second.chairdesk")
    done = subprocess.run(
        [sys.executable, "-c", SETTLE, str(first), str(second)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["held"] is False and seen["enabled"] is True
    assert seen["frozen"] > 10_000  # modules, widgets and the session, out of every later collection
    assert seen["after"] == 0  # the first session went: nothing stays frozen out
