"""PySide6's look at each module imported after it (gui/pyside_feature.py): the quicker check is in place and
gives PySide6's own answer for every module of the desk, the one that names PySide6 and those that do not."""

from __future__ import annotations

import sys

import pytest

import chairdesk.gui.app  # noqa: F401 - the desk's modules, as its start imports them
from chairdesk.gui.pyside_feature import FEATURE_MODULE, quicker_source_check


def test_the_quicker_check_gives_pysides_answer_for_every_module_of_the_desk() -> None:
    feature = sys.modules.get(FEATURE_MODULE)
    if getattr(feature, "_mod_uses_pyside", None) is None:
        pytest.skip("this PySide6 does not look at the modules imported after it")
    check = feature._mod_uses_pyside  # type: ignore[union-attr]
    assert getattr(check, "quicker", False), "importing chairdesk.gui.qt puts the quicker check in place"
    assert not quicker_source_check()  # once
    modules = [module for name, module in list(sys.modules.items()) if name.startswith(("chairdesk", "docx"))]
    assert len(modules) > 100
    answers = {module.__name__: check(module) for module in modules}
    assert answers == {module.__name__: check.original(module) for module in modules}
    assert answers["chairdesk.gui.qt"] and not answers["chairdesk.core.draft.model"]
