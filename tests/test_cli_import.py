"""The command line for real documents: import with --revisions and --numbering, the import summary, and
the meeting's first-page details."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core.log.session import Session

MADE = Path(__file__).resolve().parent / "corpus" / "docx-made"


def test_import_records_tracked_changes_and_prints_the_summary(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "talks.chairdesk"
    assert main(["import", str(MADE / "tracked-changes.docx"), "-o", str(target)]) != 0
    assert "--revisions accept|reject|record" in capsys.readouterr().err
    assert not target.exists()
    code = main(
        ["import", str(MADE / "tracked-changes.docx"), "-o", str(target), "--revisions", "record",
         "--numbering", "keep"]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "2 preambular and 4 numbered paragraph(s)" in out
    assert "5 tracked changes by Delegation of Norland and Delegation of Southmark: recorded" in out
    with Session.open(target) as session:
        draft = session.draft
        assert draft.numbering_mode == "keep"
        assert [draft.label_of_paragraph(p.id) for p in draft.live_paragraphs()] == [
            "PP1",
            "PP2",
            "1",
            "2",
            "4",
        ]
        assert {e.actor for e in session.events if e.kind == "draft.paragraph.amend"} == {
            "Delegation of Norland",
            "Delegation of Southmark",
        }


def test_meeting_details_are_set_and_shown(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "r.chairdesk"
    assert main(["import", str(MADE / "resolution-typed.docx"), "-o", str(target)]) == 0
    assert "Dropped: a table (2 rows \u00d7 2 columns)" in capsys.readouterr().out
    code = main(
        ["meeting", str(target), "--symbol", "MA/TC/2026/L.3", "--original", "English", "--paper", "Letter"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "symbol:       MA/TC/2026/L.3" in out and "paper:        Letter" in out
    with pytest.raises(SystemExit):
        main(["meeting", str(target), "--paper", "A3"])


def test_new_session_keeping_the_tabled_numbers(tmp_path: Path) -> None:
    target = tmp_path / "n.chairdesk"
    assert main(["new", "Talks", "-o", str(target), "--numbering", "keep"]) == 0
    with Session.open(target) as session:
        assert session.draft.numbering_mode == "keep"
