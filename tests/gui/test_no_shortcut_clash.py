"""No two actions of the desk answer the same key: a clash makes Qt ignore the key for both."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from chairdesk.gui.app import default_docks, make_application, open_window
from chairdesk.gui.qt import QAction
from chairdesk.gui.settings import DeskSettings
from chairdesk.sample import SAMPLES, build_sample_session


def test_every_key_of_the_desk_is_unique(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    make_application()
    for sample in ("oewg", "mun"):  # the Model UN sample shows the Procedure panel and its keys
        path = build_sample_session(tmp_path / f"{sample}.chairdesk", SAMPLES[sample])
        window = open_window(path, DeskSettings.load(), docks=default_docks())
        qtbot.addWidget(window)
        owners: dict[str, list[str]] = defaultdict(list)
        for action in window.findChildren(QAction):
            for key in action.shortcuts():
                if not key.isEmpty():
                    owners[key.toString()].append(action.objectName() or action.text())
        clashes = {key: names for key, names in owners.items() if len(set(names)) > 1}
        assert not clashes, f"{sample}: {clashes}"
        assert len(owners) > 60  # the walk saw the window's actions, its docks' and the projector's
        window.close()
