"""Standing objections and pending proposals at adoption: the Adoption panel's list of the objections that
stand, and the steps that adopt a section only as the chair decides.

- An objection stands until it is withdrawn (Ctrl+F11), the section is put to the vote, or the chair rules to
  adopt over it (Ctrl+Shift+F10, a distinct step the chair confirms: "adopted, Team Purple objecting").
  F10 alone is refused while one stands, saying so.
- Adopting a section with proposals still pending on it asks the chair: lapse them (the record lists them)
  or cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from ...core import adoption as core
from ...core.adoption.model import OPEN_STATES, and_list, text_hash
from ...core.draft.model import CHAIR, Proposal
from ...core.log.errors import ChairdeskError
from ...core.log.state import SessionState
from ..actions import shortcut_action
from ..controller import SessionController
from ..qt import (
    QAction,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    Qt,
    QVBoxLayout,
    QWidget,
)


class AdoptionPanel(Protocol):
    """What the steps use of the Adoption dock (named here so that this module does not import the dock)."""

    controller: SessionController
    section_id: str | None

    @property
    def state(self) -> SessionState: ...

    def _run(self, operation: Callable[..., Any], *args: Any, report: bool = False) -> bool: ...

    def _say(self, message: str, error: bool) -> None: ...


def ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """A question whose default answer is No (Cancel): the chair must choose to go on."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("adoptionQuestion")
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName("adoptionQuestionYes")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    answered = box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole if box.clickedButton() else False
    box.deleteLater()
    return answered


class StandingObjections(QGroupBox):
    """The objections that stand against the section, each with its reason and time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Standing objections", parent)
        self.setObjectName("standingObjections")
        layout = QVBoxLayout(self)
        self.none = QLabel("None.")
        self.list = QListWidget()
        self.list.setObjectName("standingObjectionsList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setStyleSheet("QListWidget { color: #8a1c00; }")
        layout.addWidget(self.none)
        layout.addWidget(self.list)

    def refresh(self, state: SessionState, section_id: str | None) -> None:
        """List the objections standing against a section."""
        objections = state.adoption.standing_objections(section_id) if section_id else []
        chosen = self.selected()
        self.list.clear()
        for objection in objections:
            item = QListWidgetItem(f"{objection.name}: {objection.reason} ({objection.ts[11:16]} UTC)")
            item.setData(Qt.ItemDataRole.UserRole, objection.delegation)
            self.list.addItem(item)
            if objection.delegation == chosen:
                self.list.setCurrentItem(item)
        self.none.setVisible(not objections)
        self.list.setVisible(bool(objections))
        if objections:  # room for two wrapped lines per objection, up to three objections before it scrolls
            line = self.list.fontMetrics().lineSpacing()
            self.list.setFixedHeight(min(len(objections), 3) * (2 * line + 6) + 2 * self.list.frameWidth() + 4)

    def selected(self) -> str | None:
        """The delegation whose objection is picked in the list (the only one when there is one)."""
        item = self.list.currentItem() or (self.list.item(0) if self.list.count() == 1 else None)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class ObjectionSteps:
    """The Adoption panel's steps over objections and pending proposals; the dock holds one."""

    def __init__(self, dock: AdoptionPanel, ask_chair: Callable[[QWidget, str, str, str], bool] = ask) -> None:
        self.dock = dock
        self.ask = ask_chair
        self.panel = StandingObjections()
        self.adopt_over_action = shortcut_action(
            dock,
            "Adopt over the &objection…",
            "Ctrl+Shift+F10",
            self.adopt_over_objection,
            "Rule to adopt the section with the standing objections noted (you are asked to confirm)",
            "adoptionAdoptOver",
        )
        self.withdraw_action = shortcut_action(
            dock,
            "Objection &withdrawn",
            "Ctrl+F11",
            self.withdraw,
            "Record that the delegation picked in Standing objections withdrew its objection",
            "adoptionWithdraw",
        )

    def actions(self) -> list[QAction]:
        """The two steps' actions, for the dock's menu."""
        return [self.adopt_over_action, self.withdraw_action]

    def refresh(self) -> None:
        """List the standing objections; enable the steps that apply."""
        dock = self.dock
        state, sid = dock.state, dock.section_id
        self.panel.refresh(state, sid)
        standing = bool(sid and state.adoption.standing_objections(sid))
        open_now = bool(sid) and state.adoption.section_status(sid) in OPEN_STATES
        frozen = state.adoption.report_adopted
        self.adopt_over_action.setEnabled(standing and open_now and not frozen)
        self.withdraw_action.setEnabled(standing and not frozen)

    # ------------------------------------------------------------------ steps
    def _names(self, section_id: str) -> str:
        objections = self.dock.state.adoption.standing_objections(section_id)
        return and_list(list(dict.fromkeys(o.name for o in objections)))

    def adopt(self) -> bool:
        """F10: adopt, refused while an objection stands; pending proposals lapse only if the chair says so."""
        sid = self.dock.section_id
        if sid is None:
            return False
        if self.dock.state.adoption.standing_objections(sid):
            label = self.dock.state.draft.label_of(sid)
            self._refuse(
                f"Section {label} cannot be adopted while the objection by {self._names(sid)} stands: it is "
                "withdrawn (Ctrl+F11), the section is put to the vote (Ctrl+F9), or you rule to adopt over "
                "the objection (Ctrl+Shift+F10)."
            )
            return False
        return self._adopt(sid, over_objection=False)

    def adopt_over_objection(self) -> bool:
        """Ctrl+Shift+F10: rule to adopt with the standing objections noted, once the chair confirms it."""
        dock = self.dock
        sid = dock.section_id
        if sid is None or not dock.state.adoption.standing_objections(sid):
            self._refuse("No objection stands against this section: F10 adopts it.")
            return False
        name = core.section_name(dock.state.draft, sid)
        names = self._names(sid)
        if not self.ask(
            dock,
            "Adopt over the objection",
            f"Rule that {name} is adopted, {names} objecting?\n\nThe read-out and the record will say "
            f"“adopted, {names} objecting”.",
            "Adopt over the objection",
        ):
            return False
        return self._adopt(sid, over_objection=True)

    def withdraw(self) -> bool:
        """Ctrl+F11: record that the delegation picked in the list withdrew its objection."""
        sid, delegation = self.dock.section_id, self.panel.selected()
        if sid is None or delegation is None:
            self._refuse("Pick the objection that is withdrawn in Standing objections.")
            return False
        return self.dock._run(core.withdraw_objection, sid, delegation)

    def _adopt(self, section_id: str, over_objection: bool) -> bool:
        dock = self.dock
        draft = dock.state.draft
        pending = core.pending_proposals(dock.state, section_id)
        trial = {"section": section_id, "amended": False, "lapsed": [q.id for q in pending]}
        standing = dock.state.adoption.standing_objections(section_id)
        if standing:  # F10 refused above; here the chair rules over them (checked by the core as recorded)
            trial |= {"over_objection": True, "objecting": sorted({o.delegation for o in standing})}
        try:  # brackets still open, not taken up, …: say so before asking anything
            dock.state.check("adoption.adopt", trial, CHAIR)
        except ChairdeskError as error:
            self._refuse(str(error))
            return False
        if not self.lapse_asked(pending, f"on section {draft.label_of(section_id)}", "the section"):
            return False
        operation: Any = partial(
            core.adopt_section, over_objection=over_objection, lapse_proposals=bool(pending)
        )
        return dock._run(operation, section_id)

    def adopt_report(self) -> bool:
        """Ctrl+F10: adopt and endorse the report; proposals still pending lapse only if the chair says so."""
        dock = self.dock
        draft = dock.state.draft
        pending = draft.pending_proposals()
        trial = {"hash": text_hash(draft), "lapsed": [q.id for q in pending]}
        try:  # a section not adopted yet: say so before asking anything
            dock.state.check("adoption.report.adopt", trial, CHAIR)
        except ChairdeskError as error:
            self._refuse(str(error))
            return False
        if not self.lapse_asked(pending, "in the report", "the report"):
            return False
        return dock._run(partial(core.adopt_report, lapse_proposals=bool(pending)), report=True)

    def lapse_asked(self, pending: list[Proposal], where: str, what: str) -> bool:
        """True when nothing is pending, or the chair chose to lapse the proposals listed."""
        if not pending:
            return True
        dock = self.dock
        draft = dock.state.draft
        listed = "\n".join(
            f"• by {dock.state.roster.name_of(q.delegation)} for paragraph {draft.number_of(q.paragraph)}"
            for q in pending
        )
        count = "1 proposal is" if len(pending) == 1 else f"{len(pending)} proposals are"
        return self.ask(
            dock,
            "Pending proposals",
            f"{count} still pending {where}:\n{listed}\n\nAdopting {what} lapses them; the record lists them.",
            "Lapse them and adopt",
        )

    def _refuse(self, message: str) -> None:
        self.dock._say(message, error=True)
        self.dock.controller.refused.emit(message)  # the status bar says it too
