"""The command line: new, import, info and verify, including their error exits."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from chairdesk.cli import main
from chairdesk.core.log.session import Session

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Draft outcome document", level=0)
    document.add_heading("A. Overview", level=1)
    document.add_paragraph("1. The group met [twice].")
    document.add_heading("B. Capacity building", level=1)
    document.add_paragraph("2. States should:")
    document.add_paragraph("(a) fund training.")
    document.save(path)
    return path


def test_new_then_info_and_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "oewg.chairdesk"
    code, out, err = run(capsys, "new", "OEWG on ICT security", "-o", str(target), "--venue", "New York")
    assert code == 0 and f"Created {target}" in out and err == ""
    with Session.open(target) as session:
        assert session.state.meeting.venue == "New York"
    code, out, _ = run(capsys, "info", str(target))
    assert code == 0
    assert "Meeting:   OEWG on ICT security" in out
    assert "Venue:     New York" in out
    assert "Events:    1" in out
    assert "hash chain verified (1 events)" in out
    code, out, _ = run(capsys, "verify", str(target))
    assert code == 0 and out.strip() == f"{target}: hash chain verified (1 events)"


def test_import_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "imported.chairdesk"
    code, out, err = run(
        capsys, "import", str(_docx(tmp_path / "d.docx")), "-o", str(target), "--title", "OEWG"
    )
    assert code == 0, err
    assert "2 sections, 2 paragraphs" in out
    code, out, _ = run(capsys, "info", str(target))
    assert "Meeting:   OEWG" in out
    assert "Document:  Draft outcome document" in out
    assert "Sections:  2; paragraphs: 2; open brackets: 1" in out
    assert "A. Overview — ¶ 1–1" in out
    assert "B. Capacity building — ¶ 2–2" in out


def test_verify_reports_tampering_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "t.chairdesk"
    run(capsys, "import", str(_docx(tmp_path / "d.docx")), "-o", str(target))
    db = sqlite3.connect(target)
    db.execute(
        "UPDATE events SET payload = replace(payload, 'twice', 'once') WHERE kind = 'draft.paragraph.insert'"
    )
    db.commit()
    db.close()
    code, out, _ = run(capsys, "verify", str(target))
    assert code == 1
    assert "hash chain broken at event" in out and "changed after it was written" in out
    code, out, _ = run(capsys, "info", str(target))
    assert "Record:    hash chain broken at event" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["info", "{tmp}/missing.chairdesk"], "no such file"),
        (["verify", "{tmp}/noise.chairdesk"], "not an SQLite database"),
        (["import", "{tmp}/fake.docx", "-o", "{tmp}/out.chairdesk"], "not a DOCX file"),
        (["new", "Title", "-o", "{tmp}/noise.chairdesk"], "exists already"),
    ],
)
def test_errors_go_to_stderr_with_a_non_zero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    (tmp_path / "noise.chairdesk").write_bytes(b"\x13\x37" * 500)
    (tmp_path / "fake.docx").write_text("hello")
    code, out, err = run(capsys, *(a.format(tmp=tmp_path) for a in argv))
    assert code != 0
    assert out == ""
    assert err.startswith("chairdesk: ") and words in err and str(tmp_path) in err
    assert not (tmp_path / "out.chairdesk").exists()


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    target = tmp_path / "m.chairdesk"
    result = subprocess.run(
        [sys.executable, "-m", "chairdesk", "new", "Workshop", "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "chairdesk", "import", str(tmp_path / "none.docx"), "-o", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert bad.returncode == 2
    assert "no such file" in bad.stderr and bad.stdout == ""
