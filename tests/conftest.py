"""Test setup: Qt offscreen, settings and data in a temporary folder, no modal dialog ever blocks."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The folders chairdesk writes outside a session file (settings, the anchors of the sessions closed here, the
# snapshots), for the whole run: fixtures made once per module or per run, and Hypothesis's examples, run
# before a test's own `isolated_settings` below, and must not write into the user's real folders either.
RUN_HOME = Path(tempfile.mkdtemp(prefix="chairdesk-tests-"))
FOLDERS = {
    "CHAIRDESK_CONFIG_DIR": "config",
    "CHAIRDESK_DATA_DIR": "data",
    "CHAIRDESK_CACHE_DIR": "cache",
    "XDG_CONFIG_HOME": "xdg-config",
    "XDG_DATA_HOME": "xdg-data",
}
for _name, _folder in FOLDERS.items():
    os.environ[_name] = str(RUN_HOME / _folder)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every settings and data folder chairdesk uses at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name, folder in FOLDERS.items():
        monkeypatch.setenv(name, str(home / folder))
    return home


@pytest.fixture(autouse=True)
def docx_exports_are_schema_valid(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every DOCX export a test writes is checked against the ISO/IEC 29500 schemas (tests/ooxml): any
    error fails the test, whatever else it checks. (Exports go through chairdesk.export.base.atomic_write.)"""
    from chairdesk.export import base

    from .ooxml.validate_docx import validate_docx

    invalid: dict[str, dict[str, list[str]]] = {}
    write = base.atomic_write

    def checked(path: str | Path, fill: Callable[[Path], None]) -> Path:
        out = write(path, fill)
        if out.suffix.lower() == ".docx":
            errors = validate_docx(out)
            if errors:
                invalid[str(out)] = errors
        return out

    monkeypatch.setattr(base, "atomic_write", checked)
    yield
    assert not invalid, f"DOCX exports with schema errors (tests/ooxml/validate_docx.py): {invalid}"


# Skips allowed even where the suite must run whole: material that may not live in the repository.
ALLOWED_SKIPS = ("no Word-saved DOCX files", "no corpus with expected.json", "the resolution is not in the corpus")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The run's folders are removed; with CHAIRDESK_REQUIRE_LIBREOFFICE set (the README's test command, CI), a
    skipped test fails the run."""
    shutil.rmtree(RUN_HOME, ignore_errors=True)
    if not os.environ.get("CHAIRDESK_REQUIRE_LIBREOFFICE"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = [
        report
        for report in (reporter.stats.get("skipped", []) if reporter else [])
        if not any(allowed in str(report.longrepr) for allowed in ALLOWED_SKIPS)
    ]
    if skipped and session.exitstatus == 0:
        names = ", ".join(report.nodeid for report in skipped[:5])
        print(f"\nFAILED: {len(skipped)} test(s) skipped where the whole suite must run: {names}")
        session.exitstatus = 1
