"""Create and import build the session under a temporary name and move it into place when complete: a kill or
an error on the way leaves nothing at the path, and a read-only place is named as such."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core import drafting
from chairdesk.core.log.errors import RefusedError, SessionFileError
from chairdesk.core.log.eventlog import writing_problem
from chairdesk.core.log.session import Session

ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from chairdesk.core.draft.importers import create_session_from_draft
    from chairdesk.core.log.session import Session
    record, recorded = Session.record, []

    def record_then_wait_half_way(session, *args, **kwargs):
        change = record(session, *args, **kwargs)
        recorded.append(change)
        if len(recorded) == {half_way}:  # half the draft written: the parent kills the import here
            print("half way", flush=True)
            time.sleep(60)
        return change

    Session.record = record_then_wait_half_way
    print("start", flush=True)
    create_session_from_draft({draft!r}, {path!r})
    print("done", flush=True)
    """
)


def _long_draft(path: Path, paragraphs: int) -> Path:
    lines = ["# Outcome document", ""]
    for n in range(paragraphs):
        if n % 200 == 0:
            lines += [f"## Section {n // 200 + 1}", ""]
        lines += [f"{n + 1}. States considered the matter of paragraph {n + 1} at some length.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_kill_during_import_leaves_nothing_at_the_path(tmp_path: Path) -> None:
    draft = _long_draft(tmp_path / "long.md", 1500)
    path = tmp_path / "imported.chairdesk"
    # The child stops half way through writing the draft (a fixed wait after the import began was no
    # longer half way on a faster machine: the import was over, and the session rightly in place).
    code = CHILD.format(root=str(ROOT), draft=str(draft), path=str(path), half_way=750)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "start\n"
    assert child.stdout.readline() == "half way\n"
    assert any(p.name.endswith(".creating") for p in tmp_path.iterdir())  # the import is under way
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert not path.exists()
    # Nothing blocks the path: the import runs again, and clears what the killed one left.
    assert main(["import", str(draft), "-o", str(path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["imported.chairdesk", "long.md"]
    with Session.open(path) as session:
        assert session.draft.baselines and len(session.draft.numbering().paragraphs) == 1500


def test_an_error_while_building_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "failed.chairdesk"

    def build(session: Session) -> None:
        section = drafting.add_section(session, "Overview").subject
        drafting.insert_paragraph(session, section, "First.")
        raise RefusedError("stopped half way")

    with pytest.raises(RefusedError, match="half way"):
        Session.create(path, "Half", build=build)
    assert list(tmp_path.iterdir()) == []
    Session.create(path, "Whole").close()
    assert path.exists()


def test_a_read_only_folder_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    folder = tmp_path / "readonly"
    folder.mkdir()
    real_access = os.access
    # Tests run as root, for whom no folder is read-only: the folder's permission is what the system says.
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode))
    assert main(["new", "Meeting", "-o", str(folder / "x.chairdesk")]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and str(folder / "x.chairdesk") in err
    with pytest.raises(SessionFileError, match="read-only"):
        Session.create(folder / "y.chairdesk", "Meeting")
    assert list(folder.iterdir()) == []


def test_a_write_refused_by_sqlite_says_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        db.execute("INSERT INTO t VALUES (1)")
    db.close()
    assert writing_problem(caught.value).startswith("the file or its folder is read-only")
