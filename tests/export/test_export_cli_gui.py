"""`chairdesk export` on the command line, and the File menu's export with its save dialog."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from chairdesk.cli import main
from chairdesk.core.log.session import Session
from chairdesk.gui.desk import export_actions
from chairdesk.gui.qt import QFileDialog, QMainWindow, QMessageBox

from .conftest import build_small_session


@pytest.fixture()
def session_file(tmp_path: Path) -> Path:
    build_small_session(tmp_path / "oewg.chairdesk", full=True).close()
    return tmp_path / "oewg.chairdesk"


def test_cli_writes_all_three(session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, redline, record = tmp_path / "r.docx", tmp_path / "red.docx", tmp_path / "rec.md"
    code = main(
        [
            "export",
            str(session_file),
            "--report",
            str(report),
            "--redline",
            str(redline),
            "--record",
            str(record),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert f"Report: {report}" in out and "DRAFT" not in out
    assert docx.Document(str(report)).paragraphs[-1].text == "Adopted and endorsed on 26 November 2026"
    assert (
        docx.Document(str(redline))
        .sections[0]
        .header.paragraphs[0]
        .text.startswith("Changes since Tabled draft")
    )
    assert record.read_text(encoding="utf-8").startswith("# Record of the session")


def test_cli_names_a_path_it_cannot_write(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "r.docx"
    assert main(["export", str(session_file), "--report", str(target)]) == 2
    assert f"chairdesk: {target}: cannot be written" in capsys.readouterr().err
    assert not target.parent.exists()


def test_cli_wants_something_to_write(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(session_file)]) == 2
    assert "--report" in capsys.readouterr().err


def test_cli_marks_an_unadopted_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_small_session(tmp_path / "s.chairdesk").close()
    assert main(["export", str(tmp_path / "s.chairdesk"), "--report", str(tmp_path / "r.docx")]) == 0
    assert "(marked DRAFT \u2014 not adopted)" in capsys.readouterr().out


def test_file_menu_export_asks_where_and_writes(
    qtbot, session_file: Path, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    window = QMainWindow()
    qtbot.addWidget(window)
    asked = {}

    def answer(parent, title, start, filters):  # noqa: ANN001, ANN202 - the dialog's answer
        asked.update(title=title, start=start, filters=filters)
        return str(tmp_path / "chosen-record"), "Markdown (*.md)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    with Session.open(session_file) as session:
        written = export_actions.export_with_dialog(window, session, "record")
    assert written == tmp_path / "chosen-record.md"
    assert written.read_text(encoding="utf-8").startswith("# Record of the session")
    assert asked["start"] == str(tmp_path / "oewg-record.docx")
    assert "Markdown (*.md)" in asked["filters"]
    assert window.statusBar().currentMessage() == f"Written: {written}"


def test_file_menu_export_reports_a_failure(qtbot, session_file: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    warnings = []
    target = tmp_path / "gone" / "report.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append((title, text)))
    )
    with Session.open(session_file) as session:
        assert export_actions.export_with_dialog(None, session, "report") is None
    assert warnings == [("Export the report", f"{target}: cannot be written: {target.parent} does not exist")]


def test_file_menu_export_cancelled_writes_nothing(
    qtbot, session_file: Path, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    with Session.open(session_file) as session:
        assert export_actions.export_with_dialog(None, session, "redline") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oewg.chairdesk"]
