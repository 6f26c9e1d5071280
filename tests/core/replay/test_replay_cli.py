"""`chairdesk replay`, `chairdesk export --at` and the read-only commands on a session open for writing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core import drafting
from chairdesk.core.log.session import Session
from tests.core.conftest import file_digest
from tests.export.docx_text import all_paragraph_texts
from tests.replay_support import record_full_session

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _ = record_full_session(tmp_path_factory.mktemp("cli") / "recorded.chairdesk")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_replay_at_a_time_prints_the_draft_the_floor_and_adoption(recorded: Path, capsys) -> None:
    before = file_digest(recorded)
    code, out, err = run(capsys, "replay", str(recorded), "--at", "09:22:30")
    assert code == 0 and err == ""
    assert out.startswith("Event 23 of 55 — 2026-11-26 09:22:30 UTC")
    assert "Last step: The Chair resumed the time of Blue." in out
    assert "2. The group stressed that all States should share views." in out  # amended at 09:20
    assert "6. Support [small and] developing countries." in out  # the proposal came later
    assert "Has the floor: Blue (speaker): 2:30 of 3:00" in out  # paused a minute of it
    assert "  1. Cyber Peace Network — waiting 7 min 30 s" in out
    assert "○   B. Confidence-building measures — not yet taken up" in out
    assert file_digest(recorded) == before


def test_replay_at_an_event_and_at_the_end(recorded: Path, capsys) -> None:
    code, out, _ = run(capsys, "replay", str(recorded), "--event", "0")
    assert code == 0 and "Event 0 of 55" in out and "(no text yet)" in out
    code, out, _ = run(capsys, "replay", str(recorded))
    assert code == 0 and "Event 55 of 55" in out and "Report: adopted and endorsed" in out
    assert "✔*  C. Capacity building — adopted as amended" in out


def test_replay_refuses_a_bad_moment_or_event(recorded: Path, capsys) -> None:
    code, _, err = run(capsys, "replay", str(recorded), "--at", "teatime")
    assert code == 2 and "'teatime' is not a moment" in err
    code, _, err = run(capsys, "replay", str(recorded), "--event", "99")
    assert code == 2 and str(recorded) in err and "there is no event 99; the session has 55 events" in err


def test_export_as_it_stood(recorded: Path, tmp_path: Path, capsys) -> None:
    report, record = tmp_path / "r.docx", tmp_path / "x.md"
    code, out, err = run(
        capsys, "export", str(recorded), "--at", "09:30", "--report", str(report), "--record", str(record)
    )
    assert code == 0 and err == "", err
    assert "As it stood after event 31 of 55 (2026-11-26 09:30:00 UTC)" in out
    assert "marked DRAFT" in out
    texts = "\n".join(all_paragraph_texts(report))
    assert "Support [small and] developing countries." not in texts  # the proposal accepted at 09:29
    assert "6.\tSupport developing countries and small island States." in texts
    assert "4.\tA directory of points of contact will be kept." in texts  # struck only at 09:32
    markdown = record.read_text(encoding="utf-8")
    assert "| 09:30:00 |" in markdown and "| 09:31:00 |" not in markdown
    assert "| Adoption step |" not in markdown and "| Text change | The Chair struck" not in markdown


def test_info_and_export_work_on_a_session_open_for_writing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "open.chairdesk"
    with Session.create(path, "Open in the window") as writer:
        section = drafting.add_section(writer, "Overview").subject
        drafting.insert_paragraph(writer, section, "The group met.")
        code, out, err = run(capsys, "info", str(path))
        assert (
            code == 0 and "Sections:  1; paragraphs: 1" in out and "hash chain verified (3 events)" in out
        ), err
        code, out, err = run(capsys, "export", str(path), "--record", str(tmp_path / "r.md"))
        assert code == 0 and (tmp_path / "r.md").exists(), err
        # ... and from another process, while this one holds the write lock.
        result = subprocess.run(
            [sys.executable, "-m", "chairdesk.cli", "info", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        assert result.returncode == 0 and "Events:    3" in result.stdout, result.stderr
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "chairdesk.cli",
                "roster",
                str(path),
                "--import",
                str(tmp_path / "none.csv"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        assert result.returncode == 2 and "open in another chairdesk window or process" in result.stderr
        drafting.insert_paragraph(writer, section, "The writer still writes.")
    with Session.open(path, read_only=True) as again:
        assert len(again.events) == 4
