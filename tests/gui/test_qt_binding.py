"""The Qt binding must keep Python's reference counts straight (PySide6 6.12.0 on Python 3.11 did not)."""

import sys

from chairdesk.gui.qt import QLabel, QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_none_and_bools_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(2000):
        label.setText("x")
        emitter.fired.emit()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # A binding that drops a reference per call loses about 2,000 here; ordinary noise is a few dozen.
    assert all(a - b > -100 for a, b in zip(after, before, strict=True)), (before, after)
