"""Starting the desk: the sample the first time, the last session after that, a given file, Import draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.core.draft import importers
from chairdesk.core.log.session import Session
from chairdesk.gui.app import open_window, starting_session
from chairdesk.gui.settings import DeskSettings, data_dir
from chairdesk.sample import build_sample_session


def test_first_start_opens_a_copy_of_the_sample_then_the_last_session(qtbot) -> None:  # noqa: ANN001
    settings = DeskSettings.load()
    assert settings.last_session is None
    path = starting_session(None, False, settings)
    assert path is not None and data_dir() in path.parents and path.exists()
    window = open_window(path, settings, docks=[])
    qtbot.addWidget(window)
    assert window.session is not None and len(window.session.draft.order) == 4
    window.close()
    again = DeskSettings.load()
    assert again.last_session == str(path.resolve())
    assert starting_session(None, False, again) == path.resolve()


def test_a_file_given_on_the_command_line_wins(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    given = build_sample_session(tmp_path / "given.chairdesk")
    assert starting_session(given, False, DeskSettings.load()) == given


def test_a_bad_last_session_is_explained_and_forgotten(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    broken = tmp_path / "broken.chairdesk"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    settings = DeskSettings.load()
    settings.remember(broken)
    window = open_window(broken, settings, docks=[])
    qtbot.addWidget(window)
    assert window.session is None and str(broken) in window.last_error
    assert broken.read_bytes().startswith(b"SQLite format 3")
    assert DeskSettings.load().last_session is None
    window.close()


def test_cli_routes_the_window_verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    import chairdesk.cli as cli

    seen = []
    monkeypatch.setattr(cli, "_start_gui", lambda argv: seen.append(argv) or 0)
    assert cli.main(["--sample"]) == 0 and cli.main([]) == 0 and cli.main(["x.chairdesk"]) == 0
    assert seen == [["--sample"], [], ["x.chairdesk"]]
    assert cli.main(["--sample", "mun"]) == 0 and cli.main(["--sample=mun"]) == 0
    assert seen[-2:] == [["--sample", "mun"], ["--sample=mun"]]


def test_import_draft_from_text_opens_the_new_session(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "# Draft report\n\n## A. Overview\n\n1. States met in Geneva.\n\n2. States agreed.\n",
        encoding="utf-8",
    )
    window = open_window(None, DeskSettings.load(), docks=[])
    qtbot.addWidget(window)
    target = tmp_path / "imported.chairdesk"
    assert window.commands.import_draft_from(draft, target, importers.create_session_from_draft)
    assert window.session.path == target
    assert len(window.session.draft.numbering().paragraphs) == 2
    window.close()
    with Session.open(target) as session:
        assert session.draft.paragraph_by_number(2).text.startswith("States agreed")


def test_sample_mun_opens_the_model_un_committee(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from chairdesk.gui import app

    monkeypatch.setattr(app, "data_dir", lambda: tmp_path)
    path = starting_session(None, "mun", DeskSettings.load())
    assert path == tmp_path / "samples" / "mun-disec.chairdesk"
    assert starting_session(None, True, DeskSettings.load()).name == "oewg-ict-security.chairdesk"
