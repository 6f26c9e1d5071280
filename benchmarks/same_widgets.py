"""What Qt alone costs for a window as full as the desk: a plain PySide6 window with the desk's widgets.

The cold start's goal (issue 15) compares chairdesk with a bare QMainWindow. This gives the third point
between them: a window with as many widgets of each Qt class as chairdesk's window has on the same session
(counted by `CENSUS`, run once in a child), built and shown in plain PySide6 with no chairdesk code, no
session read and no text laid out but a list of 40 wrapped rows. The difference between it and the bare
window is what the desk's widgets cost Qt; the difference between chairdesk and it is what chairdesk's own
Python costs (modules, the session, the rows, the panels' contents).

    python benchmarks/same_widgets.py SESSION   (prints the census, then one start of each window)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# A child opening the session as `chairdesk FILE` does (gui/app.py open_window), printing its widgets counted
# by the PySide6 class each is or derives from, its actions, and its docks that are hidden.
CENSUS = """
import collections, json, sys
from pathlib import Path
from chairdesk.gui.app import make_application, open_window
from chairdesk.gui.qt import QAction, QDockWidget, QWidget
from chairdesk.gui.settings import DeskSettings
app = make_application()
window = open_window(Path(sys.argv[1]), DeskSettings.load())
window.show()
app.processEvents()
def qt_class(widget):
    return next(k.__name__ for k in type(widget).__mro__ if k.__module__.startswith("PySide6"))
widgets = window.findChildren(QWidget)
print(json.dumps({
    "widgets": dict(collections.Counter(qt_class(w) for w in widgets)),
    "total": len(widgets),
    "actions": len(window.findChildren(QAction)),
    "hidden_docks": sum(not d.isVisible() for d in window.findChildren(QDockWidget)),
}))
"""

# Classes that Qt makes inside other widgets (scroll bars, headers, a dock's buttons, viewports...): the window
# below gets them the same way, from the widgets that own them, not as widgets of their own.
MADE_BY_OTHERS = {
    "QScrollBar", "QHeaderView", "QTabBar", "QSizeGrip", "QSplitterHandle", "QAbstractButton", "QFocusFrame",
    "QRubberBand", "QAbstractItemView", "QAbstractScrollArea", "QMenu", "QMenuBar", "QStatusBar", "QToolBar",
    "QDockWidget", "QMainWindow", "QSplitter",
}

# The plain window: CENSUS's counts come in argv[1] as JSON; it prints "shown N widgets" once exposed.
SAME_WIDGETS = """
import json, sys
from PySide6 import QtWidgets
from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QApplication, QDockWidget, QListView, QMainWindow, QPlainTextEdit, QSplitter,
    QVBoxLayout, QWidget)
census = json.loads(sys.argv[1])
made_by_others = set(json.loads(sys.argv[2]))
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
actions = census["actions"]
menus = max(1, census["widgets"].get("QMenu", 1))
for m in range(menus):
    menu = window.menuBar().addMenu(f"Menu {m + 1}")
    for a in range(actions // menus):
        menu.addAction(QAction(f"Action {m + 1}.{a + 1}", window))
tools = window.addToolBar("Tools")
for a in range(10):
    tools.addAction(QAction(f"Tool {a + 1}", window))
window.statusBar().showMessage("Ready")
split = QSplitter()
rows = QListView()
rows.setWordWrap(True)
rows.setModel(QStringListModel([f"{n + 1}. " + "Words of a paragraph of the draft. " * 12 for n in range(40)]))
split.addWidget(rows)
split.addWidget(QPlainTextEdit())
window.setCentralWidget(split)
docks, bodies = [], []
for d in range(max(1, census["widgets"].get("QDockWidget", 1))):
    dock = QDockWidget(f"Panel {d + 1}")
    body = QWidget()
    QVBoxLayout(body)
    dock.setWidget(body)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    if d > 1:
        window.tabifyDockWidget(docks[1], dock)
    docks.append(dock)
    bodies.append(body)
for dock in docks[len(docks) - census["hidden_docks"]:]:
    dock.hide()
def counts():
    had = {}
    for widget in window.findChildren(QWidget):
        name = next(k.__name__ for k in type(widget).__mro__ if k.__module__.startswith("PySide6"))
        had[name] = had.get(name, 0) + 1
    return had
def top_up(names):
    had, k = counts(), 0
    for name in names:
        for _ in range(census["widgets"][name] - had.get(name, 0)):
            body = bodies[k % len(bodies)]
            body.layout().addWidget(getattr(QtWidgets, name)(body))
            k += 1
top_up(sorted(n for n in census["widgets"] if n not in made_by_others and n != "QWidget" and hasattr(QtWidgets, n)))
top_up(["QWidget"])  # last: the widgets above have viewports and the like of their own
window.show()
def check():
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        print(f"shown {len(window.findChildren(QWidget))} widgets", flush=True)
        app.exit(0)
poll = QTimer()
poll.timeout.connect(check)
poll.start(10)
sys.exit(app.exec())
"""


def take_census(path: Path, env: dict[str, str], cwd: str | Path) -> dict:
    """The widgets of chairdesk's window on the session at path, counted in a child (see CENSUS)."""
    done = subprocess.run(
        [sys.executable, "-c", CENSUS, str(path)], env=env, cwd=cwd, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_widgets_command(census: dict) -> list[str]:
    """The command starting the plain window with the census's widgets (it prints "shown N widgets")."""
    return [sys.executable, "-c", SAME_WIDGETS, json.dumps(census), json.dumps(sorted(MADE_BY_OTHERS))]


def main(argv: list[str]) -> int:
    """Print the census of the window on argv[0] and what the plain window with those widgets has."""
    import os

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    census = take_census(Path(argv[0]), env, root)
    print(json.dumps(census, indent=1))
    done = subprocess.run(same_widgets_command(census), env=env, capture_output=True, text=True, check=True)
    print(f"chairdesk: {census['total']} widgets; the plain window: {done.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
