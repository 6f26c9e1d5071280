"""The Procedure dock (Model UN): the roll call, the motions in the chair's order, the caucus and the yields.

Shown only while the session follows the Model UN rules: under the UN working group rules the dock is hidden
and its menu offers only the choice of rules, so the desk stays as it was. Every action has a key and every
change goes through the controller (so it is an event in the session file); a refusal is shown on the
dock's message line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...core.log.eventlog import utc_now
from ...core.procedure.model import MUN, UN, YIELD_CHAIR, YIELD_DELEGATION, YIELD_QUESTIONS
from ...core.procedure.operations import (
    end_caucus,
    move_motion,
    next_caucus_speaker,
    put_motion_to_vote,
    resume_meeting,
    set_rules,
    start_caucus,
    withdraw_caucus_request,
    withdraw_motion,
    yield_time,
)
from ..controller import SessionController
from ..panel import ButtonGrid, PanelDock
from ..qt import (
    QAction,
    QDialog,
    QInputDialog,
    QListView,
    QMenu,
    Qt,
    QWidget,
)
from .dialogs import MotionDialog, MotionVoteDialog
from .model import MotionsModel, resolve_delegation
from .panels import CaucusPanel, RollCallPanel

Clock = Callable[[], datetime]


class ProcedureDock(PanelDock):
    """The chair's rules of procedure for a Model UN committee; every action has a shortcut."""

    watched = frozenset({"procedure", "floor", "roster"})
    clears_on_success = True  # a step that went through clears an old refusal from the message line

    def __init__(
        self, controller: SessionController, parent: QWidget | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__("Procedure", "ProcedureDock", controller, parent)
        self.clock: Clock = clock or utc_now
        self._menu: QMenu | None = None
        self._front: QAction | None = None
        self._rules_shown: bool | None = None  # the rules the dock was last shown or hidden for
        body, layout = self.body, self.column
        self.meeting_line = self.add_line("meetingLine")
        self.message = self.add_line("procedureMessage")

        self.roll = RollCallPanel(controller, self.run, self.say, body)
        layout.addWidget(self.roll, 3)
        self._make_actions()

        self.add_line().setText("<b>Motions</b> — in the order they are put to the vote")
        self.motions_model = MotionsModel(lambda: controller.session.state, body)
        self.motions_view = QListView(body)
        self.motions_view.setObjectName("motionsList")
        self.motions_view.setModel(self.motions_model)
        self.motions_view.setWordWrap(True)
        layout.addWidget(self.motions_view, 2)
        motion_actions = [self.move_action, self.vote_action, self.withdraw_action, self.resume_action]
        layout.addWidget(ButtonGrid(motion_actions, body))

        self.caucus = CaucusPanel(controller, self.clock, self.run, self.say, body)
        layout.addWidget(self.caucus, 2)
        caucus_actions = [
            self.caucus_request_action,
            self.caucus_next_action,
            self.caucus_withdraw_action,
            self.caucus_end_action,
        ]
        layout.addWidget(ButtonGrid(caucus_actions, body))
        self.add_line().setText("<b>Yield</b> the rest of the speaker's time")
        yields = [self.yield_delegation_action, self.yield_questions_action, self.yield_chair_action]
        layout.addWidget(ButtonGrid(yields, body))

        self.watch()

    # ---------------------------------------------------------------- actions
    def _make_actions(self) -> None:
        a = self._action
        self.rules_action = a(
            "Model UN rules of procedure",
            "Ctrl+Alt+P",
            self.toggle_rules,
            "Rules: Model UN (roll call, motions, caucuses, yields) or UN working group",
            "procedureRules",
        )
        self.rules_action.setCheckable(True)
        self.roll_action = a(
            "Roll call",
            "Ctrl+Alt+R",
            self.focus_roll,
            "Go to the roll call: P present, V present and voting, A absent",
            "procedureRoll",
        )
        self.move_action = a(
            "Move a motion…", "Ctrl+Alt+M", self.move_motion, "A delegation moves a motion", "procedureMove"
        )
        self.vote_action = a(
            "Put to the vote…",
            "Ctrl+Alt+V",
            self.put_to_vote,
            "Put the most disruptive motion to a procedural vote",
            "procedureVote",
        )
        self.withdraw_action = a(
            "Withdraw motion",
            "Ctrl+Alt+W",
            self.withdraw_motion,
            "Take the selected motion off the list",
            "procedureWithdraw",
        )
        self.resume_action = a(
            "Resume meeting",
            "Ctrl+Alt+U",
            self.resume,
            "Resume after a suspension or an adjournment",
            "procedureResume",
        )
        self.caucus_request_action = a(
            "Caucus: ask to speak",
            "Ctrl+Alt+L",
            self.focus_caucus_request,
            "Type a delegation for the moderated caucus's list",
            "caucusRequestAction",
        )
        self.caucus_next_action = a(
            "Caucus: next speaker",
            "Shift+F6",
            self.caucus_next,
            "Give the floor to the head of the caucus's list",
            "caucusNext",
        )
        self.caucus_withdraw_action = a(
            "Caucus: withdraw",
            "Ctrl+Alt+D",
            self.caucus_withdraw,
            "Take the selected request off the caucus's list",
            "caucusWithdraw",
        )
        self.caucus_start_action = a(
            "Start caucus",
            "Ctrl+Alt+S",
            self.start_caucus,
            "Open the caucus a carried motion called for (it opens by itself when the vote carries)",
            "caucusStart",
        )
        self.caucus_end_action = a(
            "End caucus", "Ctrl+Alt+E", self.end_caucus, "Close the caucus under way", "caucusEnd"
        )
        self.yield_delegation_action = a(
            "To a delegation…",
            "Ctrl+Alt+Y",
            self.yield_to_delegation,
            "The speaker yields the rest of its time to another delegation",
            "yieldDelegation",
        )
        self.yield_questions_action = a(
            "To questions",
            "Ctrl+Alt+Q",
            lambda: self.yield_to(YIELD_QUESTIONS),
            "The speaker yields the rest of its time to questions",
            "yieldQuestions",
        )
        self.yield_chair_action = a(
            "To the chair",
            "Ctrl+Alt+C",
            lambda: self.yield_to(YIELD_CHAIR),
            "The speaker yields the rest of its time to the chair",
            "yieldChair",
        )

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """The procedure's actions, in menu order (each with its shortcut)."""
        return [
            self.rules_action,
            self.roll_action,
            self.move_action,
            self.vote_action,
            self.withdraw_action,
            self.resume_action,
            self.caucus_request_action,
            self.caucus_next_action,
            self.caucus_withdraw_action,
            self.caucus_start_action,
            self.caucus_end_action,
            self.yield_delegation_action,
            self.yield_questions_action,
            self.yield_chair_action,
        ]

    def attach_menu(self, menu: QMenu, front: QAction) -> None:
        """Take charge of the dock's menu (built by the window): under UN rules it offers only the choice."""
        self._menu, self._front = menu, front
        self._rules_shown = None  # the window has just shown the dock: show or hide it for the rules
        self._show_for_rules()

    # ------------------------------------------------------------ operations
    def toggle_rules(self) -> None:
        """Switch the session between the Model UN rules and the UN working group rules."""
        rules = UN if self.controller.session.state.procedure.mun else MUN
        self.run(set_rules, rules, text="Rules of procedure")

    def move_motion(self) -> None:
        """Ask which motion, moved by whom, with which times; record it."""
        dialog = MotionDialog(self.controller.session.state, self)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if chosen is None:
            return
        kind, code, params = chosen
        if self.run(move_motion, kind, code, text="Motion", **params) is not None:
            self.say(f"Motion {self.controller.session.state.procedure.motions[-1].words()} moved.")

    def put_to_vote(self) -> None:
        """Ask for the procedural vote on the motion the chair's order puts first (or the selected one)."""
        procedure = self.controller.session.state.procedure
        motions = procedure.ordered_motions()
        if not motions:
            self.say("No motion is waiting for a vote.", error=True)
            return
        index = self.motions_view.currentIndex()
        motion = self.motions_model.motion_at(index.row()) if index.isValid() else motions[0]
        dialog = MotionVoteDialog(self.controller.session.state, motion, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        yes, no = dialog.yes.value(), dialog.no.value()
        dialog.deleteLater()
        if not accepted:
            return
        change = self.run(put_motion_to_vote, motion.id, yes, no)
        if change is not None:
            self.say(
                f"The motion {motion.words()} {'carried' if change.event.payload['carried'] else 'failed'}."
            )

    def withdraw_motion(self) -> None:
        """Withdraw the selected motion."""
        index = self.motions_view.currentIndex()
        if not index.isValid():
            self.say("Select a motion on the list first.", error=True)
            return
        self.run(withdraw_motion, self.motions_model.motion_at(index.row()).id, text="Withdraw motion")

    def resume(self) -> None:
        """Resume the meeting after a suspension or an adjournment."""
        self.run(resume_meeting)

    def focus_roll(self) -> None:
        """Bring the panel forward and put the keyboard in the roll call (P, V and A are seen as they are typed)."""
        self.bring_forward()
        self.roll.focus()

    def focus_caucus_request(self) -> None:
        """Bring the panel forward and put the cursor in the caucus's type-ahead field, or say why there is none."""
        self.bring_forward()
        caucus = self.controller.session.state.procedure.caucus
        if caucus is not None and caucus.moderated:
            self.caucus.request_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.caucus.request_edit.selectAll()
            return
        if caucus is None:
            self.say(
                "No moderated caucus is under way: there is no caucus list to put a delegation on.", True
            )
        else:
            self.say("An unmoderated caucus is under way: it has no list of speakers.", True)
        # The name the chair goes on to type must land where it records nothing: not in the roll call (its
        # letters are marks) nor in the Floor panel's request field, wherever the keyboard was before.
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def caucus_next(self) -> None:
        """Give the floor to the head of the moderated caucus's list."""
        self.run(next_caucus_speaker)

    def caucus_withdraw(self) -> None:
        """Take the selected request (or the first) off the caucus's list."""
        request_id = self.caucus.selected_id()
        if request_id is None:
            self.say("The caucus's list is empty.", error=True)
            return
        self.run(withdraw_caucus_request, request_id, text="Withdraw caucus request")

    def start_caucus(self) -> None:
        """Open the caucus a carried motion called for, if it has not opened."""
        self.run(start_caucus)

    def end_caucus(self) -> None:
        """Close the caucus under way."""
        self.run(end_caucus)

    def yield_to(self, to: str, delegation: str | None = None) -> None:
        """The speaker yields the rest of its time (to questions, the chair, or a delegation)."""
        self.run(yield_time, to, delegation)

    def yield_to_delegation(self) -> None:
        """Ask which delegation the speaker yields to (type a few letters), then yield."""
        state = self.controller.session.state
        names = [d.name for d in state.roster.delegations]
        text, ok = QInputDialog.getItem(self, "Yield to a delegation", "Delegation:", names, 0, True)
        if not ok:
            return
        delegation, problem = resolve_delegation(state.roster, text)
        if delegation is None:
            self.say(problem, error=True)
            return
        self.yield_to(YIELD_DELEGATION, delegation.code)

    # --------------------------------------------------------------- display
    def _show_for_rules(self) -> None:
        """Model UN: the dock and every action; UN working group: no dock, only the choice of rules."""
        mun = self.controller.session.state.procedure.mun
        self.rules_action.setChecked(mun)
        extra = [self._front] if self._front is not None else []
        menu_actions = self._menu.actions() if self._menu is not None else []
        for action in [*self.actions(), *extra, *menu_actions]:
            if action is not self.rules_action and not action.isSeparator():
                action.setVisible(mun)
                action.setEnabled(mun)
        if mun == self._rules_shown:
            return  # the chair may have closed the dock; only a change of rules shows or hides it
        self._rules_shown = mun
        if mun:
            self.show()
            self.raise_()
        else:
            self.hide()

    def refresh(self) -> None:
        """Show the roll call, the motions, the caucus and the state of the meeting."""
        procedure = self.controller.session.state.procedure
        self._show_for_rules()
        self.roll.refresh()
        self.motions_model.refresh()
        self.caucus.refresh()
        notes = []
        if procedure.adjourned_at:
            notes.append(f"Meeting ADJOURNED at {procedure.adjourned_at[11:16]} UTC")
        elif procedure.suspended_at:
            notes.append(f"Meeting SUSPENDED at {procedure.suspended_at[11:16]} UTC")
        if procedure.debate_closed:
            notes.append("debate closed")
        if procedure.questions:
            notes.append(
                f"{self.controller.session.state.roster.name_of(procedure.questions)} answers questions"
            )
        self.meeting_line.setText(" · ".join(notes) if notes else "Rules: Model UN")
