"""Starting chairdesk: its version, the one line it says when there is no display, and --self-test."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest

import chairdesk
import chairdesk.resources as resources
import chairdesk.selftest as selftest
from chairdesk.display import NO_DISPLAY, missing_display
from chairdesk.version import app_version, version_from_pyproject
from tests.launch_support import ROOT, run_chairdesk

PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_comes_from_pyproject() -> None:
    assert app_version() == chairdesk.__version__ == PYPROJECT_VERSION
    result = run_chairdesk("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"chairdesk {PYPROJECT_VERSION}"


def test_a_pyproject_of_another_project_gives_no_version(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine.toml", tmp_path / "other.toml"
    mine.write_text('[project]\nname = "chairdesk"\nversion = "9.8.7"\n', encoding="utf-8")
    other.write_text('[project]\nname = "something"\nversion = "1.0"\n', encoding="utf-8")
    assert version_from_pyproject(mine) == "9.8.7"
    assert version_from_pyproject(other) is None
    assert version_from_pyproject(tmp_path / "missing.toml") is None


def test_a_version_written_in_another_toml_form_is_read_as_toml(tmp_path: Path) -> None:
    """The version is read from its plain `key = "string"` lines without tomllib (for the start), and as TOML
    in any other form; a version= line of another table is never taken."""
    forms = {
        "literal": "[project]\nname = 'chairdesk'\nversion = '2.0'\n",
        "inline": '[project]\n"name" = "chairdesk"\n"version" = "2.0" # quoted keys\n',
        "dotted": 'project.name = "chairdesk"\nproject.version = "2.0"\n',
        "another table first": '[tool.x]\nversion = "9.9"\n[project]\nname = "chairdesk"\nversion = "2.0"\n',
    }
    for form, text in forms.items():
        path = tmp_path / f"{form}.toml"
        path.write_text(text, encoding="utf-8")
        assert version_from_pyproject(path) == "2.0", form
    assert version_from_pyproject(ROOT / "pyproject.toml") == PYPROJECT_VERSION


def test_without_a_display_one_line_says_so_and_how_to_run_anyway() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_chairdesk_without(env, "--sample")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [NO_DISPLAY]
    assert "QT_QPA_PLATFORM=offscreen" in NO_DISPLAY and "xvfb-run" in NO_DISPLAY
    for qt_abort in ("qt.qpa", "xcb", "Aborted", "core dumped", "Traceback"):
        assert qt_abort not in result.stderr


def run_chairdesk_without(env: dict[str, str], *args: str):  # noqa: ANN201
    """run_chairdesk with exactly this environment (nothing of the test's added back)."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "chairdesk", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_display_or_a_chosen_platform_lets_qt_start() -> None:
    assert missing_display({}, "linux") == NO_DISPLAY
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "win32") is None and missing_display({}, "darwin") is None


def test_the_commands_need_no_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    sample = ROOT / "resources" / "samples" / "oewg-ict-security.chairdesk"
    result = run_chairdesk_without(env, "verify", str(sample))
    assert result.returncode == 0 and "hash chain verified" in result.stdout


def test_self_test_passes_on_this_installation() -> None:
    result = run_chairdesk("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"chairdesk {PYPROJECT_VERSION} self-test")
    checks = [line.split(":")[0].split(None, 1) for line in lines[1:-1]]
    assert [status for status, _name in checks] == ["ok"] * 6
    assert [name for _status, name in checks] == [
        "version",
        "resources",
        "open a copy of the sample and edit it",
        "export a DOCX report and read it back",
        "verify the hash chain",
        "open the window",
    ]
    assert lines[-1] == "chairdesk self-test passed"


def test_self_test_names_what_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", broken)
    (broken / "icons" / "chairdesk.png").unlink()
    sample = broken / "samples" / "oewg-ict-security.chairdesk"
    db = sqlite3.connect(sample)  # a record whose hash chain no longer holds
    db.execute("UPDATE events SET payload = replace(payload, 'States', 'Nations') WHERE seq = 6")
    db.commit()
    db.close()  # closing writes the change back from the write-ahead log into the file itself
    monkeypatch.setattr(resources, "resources_dir", lambda: broken)
    lines: list[str] = []
    assert selftest.run_self_test(lines.append) == 1
    failed = [line for line in lines if line.strip().startswith("FAILED")]
    assert any("resources" in line and "chairdesk.png" in line for line in failed), lines
    assert lines[-1].startswith("chairdesk self-test FAILED:") and "resources" in lines[-1]
    assert any("verify the hash chain" in line and "broken at event 6" in line for line in failed), lines
    # a tampered record is refused by the exports too (they verify the chain first)
    assert lines[-1] == (
        "chairdesk self-test FAILED: resources; export a DOCX report and read it back; verify the hash chain"
    )
