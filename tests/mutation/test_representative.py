"""The suite kills a fixed list of representative mutants: bugs that once went unnoticed (issue 19).

Each is planted in a copy of the checkout (never in the files under test) and the tests named for it run
against it in a separate process; the mutant must make them fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .mutate import ROOT, Mutant, run_one

# (module, the line as it stands, the line as the bug has it, the tests that must catch it)
REPRESENTATIVE = [
    ("chairdesk/core/draft/model.py", 'label = chr(ord("A") + rem) + label', 'label = label + chr(ord("A") + rem)',
     ["tests/core/draft/test_labels_past_z.py"]),
    ("chairdesk/core/floor/events.py", "speaker.suspended_seconds += ", "speaker.suspended_seconds = ",
     ["tests/core/floor/test_repeated_points_of_order.py"]),
    ("chairdesk/core/draft/brackets.py", "if start <= position < end or position == end:", "if start == position:",
     ["tests/core/draft/test_unbracket_anywhere.py"]),
    ("chairdesk/core/adoption/events.py", '"draft.proposal.set_aside",', "",
     ["tests/core/adoption/test_what_does_not_reopen.py"]),
    ("chairdesk/export/base.py", "os.replace(temp, path)", "shutil.copyfile(temp, path)",
     ["tests/export/test_atomic_export.py::test_an_export_replaces_the_old_file_instead_of_writing_into_it"]),
    ("chairdesk/export/base.py", "return 0o666 & ~umask", "return 0o600",
     ["tests/export/test_atomic_export.py::test_a_new_export_follows_the_umask"]),
    # found by the mutation run of issue 19: a section back from undo still marked removed; a house style's spacing
    ("chairdesk/core/draft/apply.py", "section.removed = False", "section.removed = True",
     ["tests/core/draft/test_places.py::test_a_section_brought_back_by_undo_takes_new_paragraphs"]),
    ("chairdesk/export/base.py", 'STYLE_PARAGRAPH: ("Normal", 11, False, False, 1.0, -1.0, 0, 8, False)',
     'STYLE_PARAGRAPH: ("Normal", 11, False, False, 1.0, -1.0, 0, 6, False)',
     ["tests/export/test_style_reference.py::test_the_house_styles_read_back_from_the_export"]),
]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package, its tests and resources, where mutants may be planted."""
    root = tmp_path_factory.mktemp("checkout")
    for name in ("chairdesk", "tests", "resources"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.chairdesk-*"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.parametrize("module,before,after,tests", REPRESENTATIVE, ids=[f"{r[0]}:{r[2][:30]}" for r in REPRESENTATIVE])
def test_the_suite_kills_the_mutant(checkout: Path, module: str, before: str, after: str, tests: list[str]) -> None:
    source = (checkout / module).read_text(encoding="utf-8")
    assert source.count(before) == 1, f"{before!r} is no longer in {module} exactly once: update this list"
    offset = source.index(before)
    line = source.count("\n", 0, offset) + 1
    col = len(source[source.rfind("\n", 0, offset) + 1 : offset].encode())
    mutant = Mutant(module, line, col, line, col + len(before.encode()), before, after, "representative")
    run_one(mutant, tests, timeout=300, root=checkout)
    assert mutant.killed, f"no test caught {mutant.name}"
    assert (checkout / module).read_text(encoding="utf-8") == source  # put back
