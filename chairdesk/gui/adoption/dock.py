"""The adoption dock: take up, adopt, object, reopen and vote on the current section; adopt the report."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ...core import adoption as core
from ...core.adoption.model import (
    ADOPTED_STATES,
    NOT_TAKEN_UP,
    OPEN_STATES,
    REOPENED,
    SECTION_STATES,
    AdoptionProgress,
    section_mark,
)
from ...core.log.change import Change
from ...core.log.state import SessionState
from ..actions import shortcut_action
from ..controller import SessionController
from ..qt import (
    QAction,
    QDockWidget,
    QFont,
    QFrame,
    QGridLayout,
    QGroupBox,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from .objections import ObjectionSteps
from .totals import AdoptionTotals

_WATCHED = {"adoption", "draft", "proposals", "roster"}


class AdoptionDock(QDockWidget):
    """Moves adoption section by section, shows the words to read out and how far adoption has come."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__("Adoption", parent)
        self.setObjectName("adoptionDock")
        self.controller = controller
        self.section_id: str | None = None
        self._running = False
        self._report_readout = False
        self.totals = AdoptionTotals(controller.session.state)  # brackets and proposals left, kept per paragraph
        self._build_actions()
        self.objection_steps = ObjectionSteps(self)  # standing objections, ruled adoption, lapsed proposals
        self.addActions(self.actions())  # the keys work in the dock even before a menu holds them
        self._build()
        controller.changed.connect(self._on_changed)
        controller.current_changed.connect(self._on_current_changed)
        controller.refused.connect(self._on_refused)
        controller.notice.connect(self._on_notice)
        self._follow(controller.current_section)
        self.refresh()

    # ------------------------------------------------------------------ build
    def _build_actions(self) -> None:
        self.take_up_action = shortcut_action(
            self, "&Take up the section", "F9", self.take_up, "Take up the current section", "adoptionTakeUp"
        )
        self.adopt_action = shortcut_action(
            self,
            "&Adopt the section",
            "F10",
            self.adopt,
            "Move the adoption of the current section",
            "adoptionAdopt",
        )
        self.object_action = shortcut_action(
            self,
            "Record an &objection…",
            "F11",
            self.record_objection,
            "Record a delegation's objection",
            "adoptionObject",
        )
        self.reopen_action = shortcut_action(
            self, "&Reopen the section…", "F12", self.reopen, "Reopen the adopted section", "adoptionReopen"
        )
        self.vote_action = shortcut_action(
            self,
            "Put to the &vote…",
            "Ctrl+F9",
            self.vote,
            "Record a vote on a section, proposal or the report",
            "adoptionVote",
        )
        self.adopt_report_action = shortcut_action(
            self,
            "Adopt the &report",
            "Ctrl+F10",
            self.adopt_report,
            "Adopt and endorse the report",
            "adoptionAdoptReport",
        )
        self.reopen_report_action = shortcut_action(
            self,
            "Reopen the r&eport…",
            "Ctrl+F12",
            self.reopen_report,
            "Reopen the adopted report so that its text can change",
            "adoptionReopenReport",
        )

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """The dock's actions with their shortcuts, in menu order, for the window's Adoption menu."""
        return [
            self.take_up_action,
            self.adopt_action,
            self.object_action,
            *self.objection_steps.actions(),
            self.reopen_action,
            self.vote_action,
            self.adopt_report_action,
            self.reopen_report_action,
        ]

    def _button(self, action: QAction, label: str = "") -> QPushButton:
        """A button that triggers the action, names its key and follows its enabled state.

        `label` is a shorter text than the action's (the heading above names the section), so that two
        buttons fit side by side in a dock a 1280×800 window can afford.
        """
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button = QPushButton(f"{label or action.text().replace('&', '')}  [{key}]")
        button.setObjectName(action.objectName() + "Button")
        button.setToolTip(action.toolTip())
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.sections = QListWidget()
        self.sections.setObjectName("adoptionSections")
        self.sections.setAccessibleName("Sections and their adoption state")
        self.sections.setToolTip("  ".join(f"{section_mark(s)} {s}" for s in SECTION_STATES))
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.sections.currentItemChanged.connect(self._on_pick)
        self.sections.itemClicked.connect(self._on_pick)
        layout.addWidget(self.sections)

        self.heading = QLabel()
        self.heading.setObjectName("adoptionHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.status = QLabel()
        self.status.setObjectName("adoptionStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QGridLayout()
        for row, column, span, action, label in (
            (0, 0, 1, self.take_up_action, "Take up"),
            (0, 1, 1, self.adopt_action, "Adopt"),
            (1, 0, 1, self.object_action, "Objection…"),
            (1, 1, 1, self.objection_steps.withdraw_action, "Withdrawn"),
            (2, 0, 2, self.objection_steps.adopt_over_action, "Adopt over the objection…"),  # the long key
            (3, 0, 1, self.reopen_action, "Reopen…"),
            (3, 1, 1, self.vote_action, "Vote…"),
        ):
            buttons.addWidget(self._button(action, label), row, column, 1, span)
        layout.addLayout(buttons)
        layout.addWidget(self.objection_steps.panel)

        readout_box = QGroupBox("To read out")
        readout_layout = QVBoxLayout(readout_box)
        self.readout = QLabel()
        self.readout.setObjectName("adoptionReadout")
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setFrameShape(QFrame.Shape.StyledPanel)
        self.readout.setMargin(8)
        self.readout.setStyleSheet("background: palette(base);")
        readout_font = QFont(self.readout.font())
        readout_font.setPointSizeF(readout_font.pointSizeF() * 1.3)
        self.readout.setFont(readout_font)
        readout_layout.addWidget(self.readout)
        layout.addWidget(readout_box)

        self.message = QLabel()
        self.message.setObjectName("adoptionMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        progress_box = QGroupBox("Progress")
        progress_layout = QVBoxLayout(progress_box)
        self.progress = QProgressBar()
        self.progress.setObjectName("adoptionProgress")
        progress_layout.addWidget(self.progress)
        self.left = QLabel()
        self.left.setObjectName("adoptionLeft")
        self.left.setWordWrap(True)
        progress_layout.addWidget(self.left)
        layout.addWidget(progress_box)

        report_box = QGroupBox("The report")
        report_layout = QVBoxLayout(report_box)
        self.report_status = QLabel()
        self.report_status.setObjectName("adoptionReportStatus")
        self.report_status.setWordWrap(True)
        report_layout.addWidget(self.report_status)
        report_layout.addWidget(self._button(self.adopt_report_action))  # one above the other: a narrow dock
        report_layout.addWidget(self._button(self.reopen_report_action))
        layout.addWidget(report_box)
        layout.addStretch(1)
        scroll = QScrollArea()  # on a short screen the dock scrolls instead of cutting the read-out
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)

    # ------------------------------------------------------------- following
    @property
    def state(self) -> SessionState:
        """The session state as it stands."""
        return self.controller.session.state

    def _follow(self, section_id: str | None) -> None:
        order = self.state.draft.order
        if section_id in order:
            self.section_id = section_id
        elif self.section_id not in order:
            self.section_id = order[0] if order else None

    def _on_current_changed(self, section_id: object, paragraph_id: object) -> None:
        if isinstance(section_id, str) and section_id != self.section_id:
            self._report_readout = False
            self._follow(section_id)
            self.refresh()

    def _on_pick(self, item: QListWidgetItem | None, previous: QListWidgetItem | None = None) -> None:
        """The chair picked a section in the dock: it becomes the section under discussion everywhere."""
        if item is None or self._filling:
            return
        section_id = item.data(Qt.ItemDataRole.UserRole)
        if section_id != self.section_id:
            self.section_id = section_id
            self._show_readout(section_id)
            self.refresh()
        if self.controller.current_section != section_id:
            self.controller.set_current(section_id, None)

    def _on_changed(self, change: Change) -> None:
        self.totals.update(self.state, change)  # every change, so that none goes by unseen
        if change.areas & _WATCHED or change.structure:
            self._follow(self.section_id)
            self.refresh()

    def _on_refused(self, message: str) -> None:
        if self._running:
            self._say(message, error=True)

    def _on_notice(self, message: str) -> None:
        if "reopened" in message:
            self._say(message, error=False)

    def _say(self, message: str, error: bool) -> None:
        colour = "#b00020" if error else "#8a5300"
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # ---------------------------------------------------------------- refresh
    _filling = False

    def refresh(self) -> None:
        """Bring every part of the dock up to date with the session."""
        state = self.state
        draft, adoption = state.draft, state.adoption
        self._filling = True
        if self.sections.count() != len(draft.order):
            self.sections.clear()
            for _ in draft.order:
                self.sections.addItem(QListWidgetItem())
        for row, sid in enumerate(draft.order):  # updated in place: a click on an item may be in progress
            status = adoption.section_status(sid)
            title = f"{draft.label_of(sid)}. {draft.sections[sid].title}"
            text = f"{section_mark(status)}  {title} — {adoption.status_text(sid)}"
            item = self.sections.item(row)
            item.setText(text)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            if sid == self.section_id:
                self.sections.setCurrentItem(item)
        self._filling = False
        rows = min(max(self.sections.count(), 1), 8)
        row_height = self.sections.sizeHintForRow(0) if self.sections.count() else 20
        self.sections.setFixedHeight(rows * row_height + 2 * self.sections.frameWidth() + 6)

        sid = self.section_id
        frozen = adoption.report_adopted
        status = adoption.section_status(sid) if sid else None
        if sid is None:
            self.heading.setText("No sections yet")
            self.status.setText("")
        else:
            self.heading.setText(f"{draft.label_of(sid)}. {draft.sections[sid].title}")
            self.status.setText(f"{section_mark(status)}  {core.capital(adoption.status_text(sid))}")
        self.take_up_action.setEnabled(sid is not None and not frozen and status in (NOT_TAKEN_UP, REOPENED))
        self.adopt_action.setEnabled(sid is not None and not frozen and status in OPEN_STATES)
        self.object_action.setEnabled(sid is not None and not frozen and status in OPEN_STATES)
        self.reopen_action.setEnabled(sid is not None and not frozen and status in ADOPTED_STATES)
        self.vote_action.setEnabled(bool(draft.order) and not frozen)
        self.objection_steps.refresh()

        totals = self.totals.current(state, self.controller.last_change)
        adopted = sum(1 for sid in draft.order if adoption.is_adopted(sid))
        progress = AdoptionProgress(adopted, len(draft.order), totals.open_brackets, totals.pending_proposals)
        # (QProgressBar.setValue repaints at once, outside the window's paint: each adoption painted the bar, the
        # window and its status bar twice; with updates held, the bar is drawn once, with the rest of the window)
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.adopted)
        self.progress.setFormat(f"{progress.adopted} of {progress.total} sections adopted")
        self.progress.setUpdatesEnabled(True)
        brackets = (
            "no open brackets"
            if not progress.open_brackets
            else _count(progress.open_brackets, "open bracket")
        )
        proposals = (
            "no pending proposals"
            if not progress.pending_proposals
            else _count(progress.pending_proposals, "pending proposal")
        )
        self.left.setText(f"Left: {brackets}, {proposals}.")

        everything = progress.total > 0 and progress.adopted == progress.total
        self.adopt_report_action.setEnabled(everything and not frozen)
        self.reopen_report_action.setEnabled(frozen)
        if frozen:
            when = (adoption.report_adopted_at or "")[11:16]
            self.report_status.setText(
                f"✔ Adopted and endorsed at {when} UTC; the text is frozen.\nSHA-256 {adoption.report_hash[:16]}…"
            )
        elif everything:
            self.report_status.setText("Every section is adopted: the report can be moved for adoption.")
        else:
            left = progress.total - progress.adopted
            self.report_status.setText(f"Not adopted: {_count(left, 'section')} still to adopt.")
        self.readout.setText(
            core.readout(state, None if self._report_readout else sid) if draft.order else ""
        )

    def _show_readout(self, section_id: str | None) -> None:
        """Show the words for a section (or, with None, for the report) until the chair acts on a section."""
        self._report_readout = section_id is None
        self.readout.setText(core.readout(self.state, section_id))

    # ---------------------------------------------------------------- actions
    def _run(self, operation: Callable[..., Any], *args: Any, report: bool = False) -> bool:
        """Run a core operation through the controller; show the words to read out, or the refusal."""
        self._running = True
        self._say("", error=False)
        try:
            change = self.controller.run(operation, *args)
        finally:
            self._running = False
        if change is not None:
            self._show_readout(None if report else self.section_id)
            self.refresh()
        return change is not None

    def take_up(self) -> bool:
        """Take up the current section."""
        return self.section_id is not None and self._run(core.take_up, self.section_id)

    def adopt(self) -> bool:
        """Move the adoption of the current section: refused while brackets are open or an objection stands;
        pending proposals lapse only if the chair says so."""
        return self.objection_steps.adopt()

    def record_objection(self) -> bool:
        """Ask which delegation objects and why, then record it."""
        if self.section_id is None:
            return False
        from .dialogs import ObjectionDialog  # on first use: not on the start path (issue 15)

        name = core.section_name(self.state.draft, self.section_id)
        dialog = ObjectionDialog(name, list(self.state.roster.names().items()), self)
        answered = dialog.exec()
        dialog.deleteLater()
        if not answered:
            return False
        return self._run(core.record_objection, self.section_id, dialog.delegation_code(), dialog.text())

    def reopen(self) -> bool:
        """Ask why, then reopen the current (adopted) section."""
        if self.section_id is None:
            return False
        from .dialogs import ReasonDialog  # on first use: not on the start path (issue 15)

        label = self.state.draft.label_of(self.section_id)
        dialog = ReasonDialog("Reopen the section", f"Why is section {label} reopened?", self)
        answered = dialog.exec()
        dialog.deleteLater()
        return bool(answered) and self._run(core.reopen_section, self.section_id, dialog.text())

    def vote(self) -> bool:
        """Open the vote dialog and record the vote."""
        from .dialogs import VoteDialog  # on first use: not on the start path (issue 15)

        dialog = VoteDialog(self.state, self.section_id, self)
        answered = dialog.exec()
        dialog.deleteLater()
        if not answered:
            return False
        kind, subject, rule, ballots, totals = dialog.arguments()
        if kind == "section" and subject != self.section_id:
            self.controller.set_current(subject, None)
        pending = core.pending_proposals(self.state, subject) if kind in ("section", "report") else []
        where = "on the section" if kind == "section" else "in the report"
        if not self.objection_steps.lapse_asked(pending, where, "by a carried vote"):
            return False
        operation = partial(core.record_vote, lapse_proposals=bool(pending))  # they lapse only if it carries
        if not self._run(operation, kind, subject, rule, ballots, totals, report=kind == "report"):
            return False
        self.readout.setText(core.vote_readout(self.state, self.state.adoption.votes[-1]))
        return True

    def adopt_report(self) -> bool:
        """Adopt and endorse the report (pending proposals lapse if the chair says so); the text is frozen."""
        return self.objection_steps.adopt_report()

    def reopen_report(self) -> bool:
        """Ask why, then reopen the adopted report."""
        from .dialogs import ReasonDialog  # on first use: not on the start path (issue 15)

        dialog = ReasonDialog("Reopen the report", "Why is the adopted report reopened?", self)
        answered = dialog.exec()
        dialog.deleteLater()
        return bool(answered) and self._run(core.reopen_report, dialog.text(), report=True)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
