"""The desk with a real document: the import asks about tracked changes and numbering, keeps the summary,
and the desk, the outline and the editor show preambular paragraphs, (i) levels and kept numbers."""

from __future__ import annotations

from pathlib import Path

from chairdesk.gui.app import open_window
from chairdesk.gui.desk.import_dialog import ImportDialog
from chairdesk.gui.desk.outline import outline_state
from chairdesk.gui.settings import DeskSettings

MADE = Path(__file__).resolve().parents[2] / "corpus" / "docx-made"


def test_import_dialog_asks_about_tracked_changes_only_when_there_are_some(qtbot) -> None:  # noqa: ANN001
    with_changes = ImportDialog("5 tracked changes by Delegation of Norland")
    qtbot.addWidget(with_changes)
    with_changes.revisions.setCurrentIndex(2)
    with_changes.numbering.setCurrentIndex(1)
    assert with_changes.values() == ("record", "keep")
    plain = ImportDialog(None)
    qtbot.addWidget(plain)
    assert plain.revisions is None and plain.values() == (None, "live")


def test_imported_resolution_on_the_desk(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(window)
    target = tmp_path / "talks.chairdesk"
    source = MADE / "tracked-changes.docx"
    assert window.commands.import_draft_from(source, target, revisions="record", numbering="keep")
    assert any("recorded" in line for line in window.commands.last_import_summary)
    draft = window.session.draft
    rows = [r.number for r in window.draft_model.rows.rows if r.kind == "paragraph"]
    assert rows[:2] == ["PP1", "PP2"] and "(3)" in rows  # paragraph 3 struck by Norland, keeping its number
    sections = outline_state(window.session)
    assert sections[0].span == "PP1\u2013PP2, 1\u20134"
    assert [p.number for p in sections[0].paragraphs] == ["PP1", "PP2", "1", "2", "4"]
    assert window.commands.go_to_paragraph("PP2")
    assert window.controller.current_paragraph == draft.paragraph_by_label("PP2").id
    assert window.commands.go_to_paragraph(4)  # kept number 4: the fifth paragraph of the desk
    assert window.controller.current_paragraph == draft.paragraph_by_label("4").id
    assert not window.commands.go_to_paragraph("3 bis")
    window.commands.technical_renumbering()
    assert [draft.label_of_paragraph(p.id) for p in draft.live_paragraphs()] == ["PP1", "PP2", "1", "2", "3"]
    window.close()


def test_the_desk_shows_notes_and_the_third_level(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(window)
    assert window.commands.import_draft_from(MADE / "resolution-numbered.docx", tmp_path / "r.chairdesk")
    model = window.draft_model.rows
    html = {r.number: model.html(i) for i, r in enumerate(model.rows) if r.kind == "paragraph"}
    assert "Note 1: Report of the panel on tidal habitats, second edition." in html["PP4"]
    assert 'margin-left:56px">(i) the restoration of salt marshes;' in html["2"]
    window.close()


def test_meeting_details_dialog_gives_only_the_changed_fields(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from chairdesk.core.log.meeting import Meeting
    from chairdesk.gui.desk.meeting_dialog import MeetingDialog

    dialog = MeetingDialog(Meeting(title="Talks", body="Model Assembly"))
    qtbot.addWidget(dialog)
    dialog.fields["symbol"].setText("MA/TC/2026/L.3")
    dialog.paper.setCurrentText("Letter")
    assert dialog.changes() == {"symbol": "MA/TC/2026/L.3", "paper": "Letter"}


def test_meeting_details_show_each_detail_whole(qtbot) -> None:  # noqa: ANN001
    """Each field is as wide as the words it holds (the dialog sized to its labels showed the working group's
    venue as "nce Room 4, Geneva"), and a longer one is read from its start."""
    from chairdesk.core.log.meeting import Meeting
    from chairdesk.gui.desk.meeting_dialog import FIELD_WIDTH, MeetingDialog
    from chairdesk.gui.qt import QFontMetrics

    title = "Open-ended working group on security of and in the use of information and communications technologies"
    dialog = MeetingDialog(Meeting(title=title, venue="Conference Room 4, Geneva", dates="24–26 November 2026"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for key in ("venue", "dates"):
        edit = dialog.fields[key]
        assert edit.width() > QFontMetrics(edit.font()).horizontalAdvance(edit.text()), key
    long = dialog.fields["title"]
    assert long.width() >= FIELD_WIDTH[1] and long.cursorPosition() == 0
