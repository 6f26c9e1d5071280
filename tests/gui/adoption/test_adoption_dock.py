"""The adoption dock walks the sample session from first reading to endorsement, as a chair would."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.adoption.model import ADOPTED_AS_AMENDED, REOPENED, UNDER_CONSIDERATION, pending_proposals
from chairdesk.core.log.session import Session
from chairdesk.gui.adoption.dock import AdoptionDock
from chairdesk.gui.controller import SessionController
from chairdesk.gui.qt import QDialog, QDialogButtonBox, QKeySequence, Qt, QTimer
from chairdesk.sample import build_sample_session

from .test_undo_and_adoption import lapse_when_asked


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """The bundled sample: four sections, brackets in each, the tabled draft as baseline, two proposals."""
    path = build_sample_session(tmp_path / "sample.chairdesk")
    s = Session.open(path)
    yield s
    s.close()


@pytest.fixture
def dock(qtbot, session: Session) -> AdoptionDock:  # noqa: ANN001
    controller = SessionController(session)
    widget = AdoptionDock(controller)
    qtbot.addWidget(widget)
    widget.resize(440, 820)
    widget.show()
    return widget


def answer(qtbot, dock: AdoptionDock, name: str, fill: Callable[[QDialog], None]) -> None:  # noqa: ANN001
    """When the dialog called `name` opens, fill it in and press its OK button (which must be enabled)."""

    def respond() -> None:
        dialog = [d for d in dock.findChildren(QDialog, name) if d.isVisible()][-1]
        fill(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, respond)


def confirm(qtbot, dock: AdoptionDock, button: str) -> None:  # noqa: ANN001
    """When the panel's question opens, check it offers `button`, and press it."""
    from chairdesk.gui.qt import QApplication, QMessageBox

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, respond)  # not open yet
            return
        assert box.objectName() == "adoptionQuestion"
        found = [b for b in box.buttons() if b.text().replace("&", "") == button]
        if not found:
            box.reject()  # never leave the test waiting on it
        assert found, [b.text() for b in box.buttons()]
        qtbot.mouseClick(found[0], Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, respond)


def click(qtbot, dock: AdoptionDock, action_name: str) -> None:  # noqa: ANN001
    """Press the dock's button for an action."""
    from chairdesk.gui.qt import QPushButton

    button = dock.findChild(QPushButton, action_name + "Button")
    assert button.isEnabled(), f"{action_name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(qtbot, dock: AdoptionDock, label: str) -> str:  # noqa: ANN001
    """Click a section in the dock's list by its letter; returns its id."""
    for row in range(dock.sections.count()):
        item = dock.sections.item(row)
        if item.text().split("  ", 1)[1].startswith(f"{label}."):
            section_id = item.data(Qt.ItemDataRole.UserRole)
            rect = dock.sections.visualItemRect(item)
            qtbot.mouseClick(dock.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert dock.controller.current_section == section_id
            return section_id
    raise AssertionError(f"no section {label} in the list")


def resolve_brackets(dock: AdoptionDock, section_id: str) -> None:
    """The chair agrees the bracketed words, one bracket at a time, through the controller."""
    session = dock.controller.session
    for para in session.draft.live_paragraphs(section_id):
        while "[" in session.draft.paragraph(para.id).text:
            text = session.draft.paragraph(para.id).text
            assert dock.controller.run(drafting.unbracket_text, para.id, text.index("[")) is not None
        for sub in para.live_subparagraphs():
            while "[" in para.subparagraph(sub.id).text:
                text = para.subparagraph(sub.id).text
                assert (
                    dock.controller.run(drafting.unbracket_text, para.id, text.index("["), sub.id) is not None
                )


def name_of(session: Session, code: str) -> str:
    return session.state.roster.name_of(code)


def test_actions_have_one_key_each(dock: AdoptionDock) -> None:
    keys = {a.objectName(): a.shortcut().toString() for a in dock.actions()}
    assert keys == {
        "adoptionTakeUp": "F9",
        "adoptionAdopt": "F10",
        "adoptionAdoptOver": "Ctrl+Shift+F10",
        "adoptionWithdraw": "Ctrl+F11",
        "adoptionObject": "F11",
        "adoptionReopen": "F12",
        "adoptionVote": "Ctrl+F9",
        "adoptionAdoptReport": "Ctrl+F10",
        "adoptionReopenReport": "Ctrl+F12",
    }
    assert all(not a.shortcut().isEmpty() for a in dock.actions())
    assert QKeySequence("F9") == dock.take_up_action.shortcut()


def test_from_first_reading_to_endorsement(
    qtbot, dock: AdoptionDock, session: Session, tmp_path: Path
) -> None:  # noqa: ANN001
    controller = dock.controller
    # the first reading: nothing adopted, brackets and proposals outstanding
    assert [dock.sections.item(r).text()[:1] for r in range(4)] == ["○"] * 4
    assert dock.progress.text() == "0 of 4 sections adopted"
    assert dock.left.text() == "Left: 6 open brackets, 2 pending proposals."
    assert not dock.adopt_report_action.isEnabled() and not dock.reopen_report_action.isEnabled()

    # section A: the chair takes it up and moves adoption too early -- refused, with the places
    a = pick(qtbot, dock, "A")
    assert controller.current_section == a
    click(qtbot, dock, "adoptionTakeUp")
    assert dock.status.text() == "▶  Under consideration"
    before = len(session.events)
    click(qtbot, dock, "adoptionAdopt")
    assert dock.message.isVisible()
    assert dock.message.text() == (
        "Section A, Overview, cannot be adopted: open square brackets remain in paragraph 3 and paragraph 4. "
        "Resolve them first."
    )
    assert len(session.events) == before
    resolve_brackets(dock, a)
    dock.adopt_action.trigger()
    assert dock.readout.text() == "Section A, overview, is adopted as amended."
    assert dock.sections.item(0).text() == "✔*  A. Overview — adopted as amended"
    assert not dock.message.isVisible()

    # section B: an objection by Blue keeps it open
    b = pick(qtbot, dock, "B")
    click(qtbot, dock, "adoptionTakeUp")

    def object_(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.delegation.lineEdit(), "BLU")
        qtbot.keyClicks(dialog.reason, "Legally binding language is premature.")

    answer(qtbot, dock, "objectionDialog", object_)
    click(qtbot, dock, "adoptionObject")
    blue = name_of(session, "BLU")
    assert session.state.adoption.section_status(b) == UNDER_CONSIDERATION
    assert dock.status.text() == f"▶  Under consideration — objection by {blue}"
    assert dock.readout.text() == (
        f"There is an objection by {blue}. Section B, rules, norms and principles of responsible State "
        "behaviour, remains open."
    )
    resolve_brackets(dock, b)
    before = len(session.events)
    click(qtbot, dock, "adoptionAdopt")  # refused: Blue's objection stands
    assert session.state.adoption.section_status(b) == UNDER_CONSIDERATION and len(session.events) == before
    assert f"objection by {blue} stands" in dock.message.text()
    click(qtbot, dock, "adoptionWithdraw")  # Blue withdraws it (recorded)
    assert session.events[-1].kind == "adoption.objection.withdraw"
    confirm(qtbot, dock, "Lapse them and adopt")  # Yellow's proposal on paragraph 8 is still pending
    click(qtbot, dock, "adoptionAdopt")
    assert session.state.adoption.section_status(b) == ADOPTED_AS_AMENDED
    assert session.events[-1].payload["lapsed"] and not session.draft.pending_proposals()[:0]

    # section C follows the current section chosen elsewhere in the window (the outline, the draft)
    c = session.draft.order[2]
    controller.set_current(c, None)
    assert dock.heading.text() == "C. Confidence-building measures"
    resolve_brackets(dock, c)
    click(qtbot, dock, "adoptionTakeUp")
    click(qtbot, dock, "adoptionAdopt")
    assert dock.readout.text() == "Section C, confidence-building measures, is adopted as amended."

    # section D: no consensus, so the chair puts it to a recorded vote
    d = pick(qtbot, dock, "D")
    resolve_brackets(dock, d)
    click(qtbot, dock, "adoptionTakeUp")

    def vote(dialog: QDialog) -> None:
        dialog.rule.setCurrentIndex(dialog.rule.findData("two-thirds of those voting"))
        if dialog.choices:  # a roster: the roll call, in roster order
            votes = ["yes", "yes", "no", "yes", "abstain", "yes"]
            for box, choice in zip(dialog.choices.values(), votes, strict=False):
                box.setCurrentText(choice)
        else:
            dialog.counts["yes"].setValue(4)
            dialog.counts["no"].setValue(1)
            dialog.counts["abstain"].setValue(1)
        assert dialog.result.text().startswith("<b>Carried</b>: 4 in favour, 1 against, 1 abstention")

    answer(qtbot, dock, "voteDialog", vote)
    if pending_proposals(session.state, d):  # a carried vote adopts the section: the chair lapses them
        lapse_when_asked(qtbot)
    click(qtbot, dock, "adoptionVote")
    vote_result = session.state.adoption.votes[-1]
    assert (vote_result.subject, vote_result.carried, vote_result.tally.yes) == (d, True, 4)
    assert dock.readout.text() == (
        "Section D, capacity-building, is adopted as amended by 4 votes to 1, with 1 abstention."
    )
    assert dock.sections.item(3).text().startswith("✔*  D. Capacity-building")
    assert dock.progress.text() == "4 of 4 sections adopted"
    assert dock.adopt_report_action.isEnabled()

    # nothing is agreed until everything is agreed: an edit reopens section A, and the chair is told
    first = session.draft.live_paragraphs(a)[0]
    assert controller.run(drafting.amend_paragraph, first.id, first.text.rstrip(".") + " since 2021.")
    assert session.state.adoption.section_status(a) == REOPENED
    assert dock.message.text() == "Section A reopened: paragraph 1 amended."
    assert dock.sections.item(0).text().startswith("↺  A. Overview — reopened (paragraph 1 amended)")
    assert dock.progress.text() == "3 of 4 sections adopted"
    assert not dock.adopt_report_action.isEnabled()
    assert dock.report_status.text() == "Not adopted: 1 section still to adopt."

    # the chair also reopens C deliberately, then adopts both again
    pick(qtbot, dock, "C")
    answer(
        qtbot,
        dock,
        "reasonDialog",
        lambda dlg: qtbot.keyClicks(dlg.reason, "Orange asked to revisit paragraph 12."),
    )
    click(qtbot, dock, "adoptionReopen")
    assert dock.readout.text() == (
        "Section C, confidence-building measures, is reopened: Orange asked to revisit paragraph 12."
    )
    for label in "AC":
        pick(qtbot, dock, label)
        click(qtbot, dock, "adoptionTakeUp")
        click(qtbot, dock, "adoptionAdopt")

    # the report: adopted and endorsed, the text frozen
    assert dock.readout.text().startswith("Section C")
    green = next(q for q in session.draft.proposals.values() if q.delegation == "GRN")
    assert green.status == "lapsed"  # the carried vote adopted section D: its pending proposal lapsed then
    vote_event = next(e for e in reversed(session.events) if e.kind == "adoption.vote")
    assert vote_event.payload["lapsed"] == [green.id]
    click(qtbot, dock, "adoptionAdoptReport")  # nothing pending any more: no question
    endorsed = session.draft.plain_text()
    assert dock.readout.text() == "There being no opposition, the report is adopted and endorsed."
    assert dock.report_status.text().startswith("✔ Adopted and endorsed at ")
    assert not any(a.isEnabled() for a in dock.actions() if a is not dock.reopen_report_action)
    refusals: list[str] = []
    controller.refused.connect(refusals.append)
    before = len(session.events)
    para = session.draft.live_paragraphs()[0]
    assert controller.run(drafting.amend_paragraph, para.id, "Changed after endorsement.") is None
    assert len(session.events) == before
    assert refusals and "its text is frozen" in refusals[-1]
    qtbot.wait(20)  # let the layout settle, as the event loop would, before looking at the dock
    dock.grab().save(str(tmp_path / "adoption-dock.png"))
    assert (tmp_path / "adoption-dock.png").stat().st_size > 0

    # the session file holds every step, and replays to the same adoption
    path = session.path
    controller.detach()
    session.close()
    with Session.open(path) as again:
        adoption = again.state.adoption
        assert adoption.report_adopted
        assert adoption.report_hash == hashlib.sha256(endorsed.encode("utf-8")).hexdigest()
        kinds = [e.kind for e in again.events if e.kind.startswith("adoption.")]
        assert kinds.count("adoption.take_up") == 6 and kinds.count("adoption.adopt") == 5
        assert kinds.count("adoption.object") == 1 and kinds.count("adoption.vote") == 1
        assert kinds.count("adoption.reopen") == 1 and kinds[-1] == "adoption.report.adopt"
        assert [s.action for s in adoption.steps if s.section == a][-3:] == [
            "reopened",
            "taken up",
            "adopted as amended",
        ]
        assert again.verify().ok


def test_objection_dialog_type_ahead_and_unknown_delegations(qtbot) -> None:  # noqa: ANN001
    from chairdesk.gui.adoption.dialogs import ObjectionDialog

    dialog = ObjectionDialog(
        "section B, Rules", [("BLU", "Team Blue"), ("RED", "Team Red"), ("GRN", "Team Green")]
    )
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.delegation.lineEdit(), "team r")
    assert dialog.delegation.completer().currentCompletion() == "Team Red (RED)"
    qtbot.keyClicks(dialog.reason, "Not ready.")
    assert ok.isEnabled() and dialog.delegation_code() == "RED"
    assert dialog.chosen.text() == "→ Team Red (RED)"
    dialog.delegation.setEditText("team")
    assert not ok.isEnabled()  # Blue, Red or Green?
    dialog.delegation.setEditText("re")
    assert dialog.delegation_code() == "RED"  # the start of Red, inside Green
    dialog.delegation.setEditText("Team Purple")
    assert not ok.isEnabled()  # not on the list of delegations
    dialog.delegation.setEditText("blu")
    assert ok.isEnabled() and dialog.delegation_code() == "BLU"


def test_a_cancelled_dialog_records_nothing(qtbot, dock: AdoptionDock, session: Session) -> None:  # noqa: ANN001
    pick(qtbot, dock, "C")
    click(qtbot, dock, "adoptionTakeUp")
    before = len(session.events)

    def cancel() -> None:
        dialog = [d for d in dock.findChildren(QDialog, "objectionDialog") if d.isVisible()][-1]
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert dock.record_objection() is False
    assert len(session.events) == before


def test_vote_dialog_totals_count_everyone_who_voted_as_present(qtbot, session: Session) -> None:  # noqa: ANN001
    from chairdesk.gui.adoption.dialogs import VoteDialog

    dialog = VoteDialog(session.state, session.draft.order[1])
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.counts["yes"].setValue(6)
    dialog.counts["no"].setValue(3)
    dialog.counts["abstain"].setValue(3)
    assert dialog.counts["present"].value() == 12
    dialog.rule.setCurrentIndex(dialog.rule.findData("two-thirds of those present"))
    assert dialog.result.text() == (
        "<b>Not carried</b>: 6 in favour, 3 against, 3 abstentions (12 present); required majority 8."
    )
    dialog.rule.setCurrentIndex(dialog.rule.findData("two-thirds of those voting"))
    assert dialog.result.text().startswith("<b>Carried</b>")
    kind, subject, rule, ballots, totals = dialog.arguments()
    assert (kind, subject, rule, ballots) == (
        "section",
        session.draft.order[1],
        "two-thirds of those voting",
        None,
    )
    assert totals == {"yes": 6, "no": 3, "abstain": 3, "present": 12}


def test_the_keys_act_on_the_current_section(qtbot, dock: AdoptionDock, session: Session) -> None:  # noqa: ANN001
    d = pick(qtbot, dock, "D")
    dock.activateWindow()
    dock.sections.setFocus()
    qtbot.waitUntil(dock.sections.hasFocus)
    qtbot.keyClick(dock.sections, Qt.Key.Key_F9)
    assert session.state.adoption.section_status(d) == UNDER_CONSIDERATION
    qtbot.keyClick(dock.sections, Qt.Key.Key_F10)  # brackets still open in paragraph 20
    assert "open square brackets remain in paragraph 20" in dock.message.text()




def test_an_adoption_paints_nothing_before_the_window_paints(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The dock is drawn again in the window's paint, after the change, not during it: QProgressBar.setValue
    repaints at once, so an adoption painted the progress bar and the window's status bar a second time
    (6 ms of each adoption at 2,000 paragraphs)."""
    from chairdesk.core.adoption import operations as adoption
    from chairdesk.gui.qt import QApplication, QEvent, QObject

    with Session.create(tmp_path / "two.chairdesk", "Two sections") as session:
        sections = [drafting.add_section(session, title).subject for title in ("Preamble", "Operative")]
        for sid in sections:
            drafting.insert_paragraph(session, sid, "Words agreed by all.")
        drafting.mark_baseline(session, "Tabled draft")
        dock = AdoptionDock(SessionController(session))
        qtbot.addWidget(dock)
        dock.resize(440, 820)
        dock.show()
        qtbot.waitExposed(dock)
        dock.controller.run(adoption.take_up, sections[0])
        qtbot.wait(50)
        painted: dict[str, list[str]] = {"during the change": [], "after it": []}
        when = ["during the change"]

        class Paints(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    painted[when[0]].append(type(watched).__name__)
                return False

        paints = Paints()
        QApplication.instance().installEventFilter(paints)
        try:
            dock.controller.run(adoption.adopt_section, sections[0])
            when[0] = "after it"
            for _ in range(5):
                QApplication.processEvents()
        finally:
            QApplication.instance().removeEventFilter(paints)
        assert session.state.adoption.is_adopted(sections[0])
        assert dock.progress.value() == 1 and dock.progress.text() == "1 of 2 sections adopted"
        assert painted["during the change"] == []
        assert "QProgressBar" in painted["after it"]
