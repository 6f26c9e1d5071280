"""The procedure dock's dialogs: moving a motion (kind, mover, its times), and the procedural vote on one.

The motion dialog asks the rules themselves (`motion_refusal`) whether the motion as typed would be recorded:
an absent mover, a meeting adjourned, a topic missing are said in the dialog, with OK disabled.
"""

from __future__ import annotations

from typing import Any

from ...core.floor.roster import Delegation
from ...core.log.state import SessionState
from ...core.procedure.model import (
    MODERATED,
    MOTION_KINDS,
    MOTION_WORDS,
    SPEAKING_TIME,
    SUSPEND,
    UNMODERATED,
    Motion,
    motion_carries,
)
from ...core.procedure.operations import motion_refusal
from ..panel import name_completer, ok_cancel
from ..qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from .model import resolve_delegation


def _spin(low: int, high: int, value: int, suffix: str, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class MotionDialog(QDialog):
    """A delegation moves a motion: which one, who moves it, and its topic and times where it has them."""

    def __init__(self, state: SessionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("motionDialog")
        self.setWindowTitle("Move a motion")
        self._state = state
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in MOTION_KINDS:
            self.kind.addItem(f"Motion {MOTION_WORDS[kind]}", kind)
        self.kind.setCurrentIndex(MOTION_KINDS.index(MODERATED))
        form.addRow("&Motion:", self.kind)
        self.delegation = QLineEdit()
        self.delegation.setObjectName("delegation")
        self.delegation.setPlaceholderText("Type a delegation")
        name_completer(self.delegation, [d.name for d in state.roster.delegations])
        form.addRow("Moved &by:", self.delegation)
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        form.addRow("&Topic:", self.topic)
        self.total = _spin(1, 240, 10, " min", "total")
        form.addRow("T&otal time:", self.total)
        self.speaking = _spin(10, 600, 45, " s", "speaking")
        form.addRow("&Speaking time:", self.speaking)
        self.minutes = _spin(0, 240, 10, " min", "minutes")
        form.addRow("&Length:", self.minutes)
        self.seconds = _spin(10, 3600, 60, " s", "seconds")
        form.addRow("Speaking t&ime:", self.seconds)
        layout.addLayout(form)
        self._form = form
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3001b;")
        layout.addWidget(self.problem)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        for signal in (
            self.kind.currentIndexChanged,
            self.delegation.textChanged,
            self.topic.textChanged,
            self.total.valueChanged,
            self.speaking.valueChanged,
            self.minutes.valueChanged,
            self.seconds.valueChanged,
        ):
            signal.connect(self._update)
        self._update()
        self.delegation.setFocus()

    def params(self) -> dict[str, Any]:
        """The motion's parameters as move_motion takes them."""
        kind = self.kind.currentData()
        if kind == MODERATED:
            return {
                "topic": self.topic.text().strip(),
                "total_seconds": self.total.value() * 60,
                "speaking_seconds": self.speaking.value(),
            }
        if kind in (UNMODERATED, SUSPEND):
            return {"seconds": self.minutes.value() * 60}
        if kind == SPEAKING_TIME:
            return {"seconds": self.seconds.value()}
        return {}

    def chosen(self) -> tuple[str, str, dict[str, Any]] | None:
        """(kind, delegation code, parameters), or None while the rules would refuse the motion."""
        delegation, problem = self._mover()
        if delegation is None or problem:
            return None
        return self.kind.currentData(), delegation.code, self.params()

    def _mover(self) -> tuple[Delegation | None, str]:
        """The delegation moving the motion, and why the motion would be refused ("" if it would not)."""
        delegation, problem = resolve_delegation(self._state.roster, self.delegation.text())
        if delegation is None:
            return None, problem
        return delegation, motion_refusal(
            self._state, self.kind.currentData(), delegation.code, **self.params()
        )

    def _update(self) -> None:
        kind = self.kind.currentData()
        shown = {
            self.topic: kind == MODERATED,
            self.total: kind == MODERATED,
            self.speaking: kind == MODERATED,
            self.minutes: kind in (UNMODERATED, SUSPEND),
            self.seconds: kind == SPEAKING_TIME,
        }
        for widget, visible in shown.items():
            self._form.setRowVisible(widget, visible)
        _, problem = self._mover()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class MotionVoteDialog(QDialog):
    """The committee's procedural vote on a motion: in favour and against (no abstentions)."""

    def __init__(self, state: SessionState, motion: Motion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("motionVoteDialog")
        self.setWindowTitle("Procedural vote")
        self.motion = motion
        codes = state.roster.codes()
        procedure = state.procedure
        present = len(procedure.present_codes(codes)) if procedure.roll_called else len(codes)
        layout = QVBoxLayout(self)
        name = state.roster.name_of(motion.delegation)
        title = QLabel(f"The motion of {name} {motion.words()}.")
        title.setWordWrap(True)
        layout.addWidget(title)
        if procedure.roll_called:
            layout.addWidget(QLabel(f"Roll call: {procedure.quorum_line(codes)}."))
        form = QFormLayout()
        self.yes = _spin(0, max(present, 1), 0, "", "yes")
        self.no = _spin(0, max(present, 1), 0, "", "no")
        form.addRow("In &favour:", self.yes)
        form.addRow("&Against:", self.no)
        layout.addLayout(form)
        self.result = QLabel()
        self.result.setObjectName("result")
        layout.addWidget(self.result)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.yes.valueChanged.connect(self._update)
        self.no.valueChanged.connect(self._update)
        self._update()
        self.yes.setFocus()
        self.yes.selectAll()

    def _update(self) -> None:
        yes, no = self.yes.value(), self.no.value()
        majority = "two-thirds" if self.motion.two_thirds else "simple majority"
        verdict = "Carried" if motion_carries(self.motion, yes, no) else "Fails"
        self.result.setText(f"<b>{verdict}</b>: {yes} in favour, {no} against ({majority}).")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(yes + no > 0)
