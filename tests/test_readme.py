"""The README's promises: its scripting example runs as printed, and CI runs its test command."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_scripting_example_runs_and_prints_what_its_comments_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = re.search(r"## Scripting.*?```python\n(.*?)```", README, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == "['former 1 is now 2', 'former 2 is now 1']"
    assert lines[1].startswith("[('equal', 'States '), ('delete', '[recalled]'), ('insert', 'reaffirmed')")
    assert "B. Confidence-building measures" in lines
    assert lines[-1] == "hash chain verified (10 events)"
    assert (tmp_path / "workshop.chairdesk").exists()


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"^    (bash packaging/bootstrap\.sh \w+)$", README, re.M)
    assert commands == ["bash packaging/bootstrap.sh run", "bash packaging/bootstrap.sh test"]
    assert "bash packaging/bootstrap.sh test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
