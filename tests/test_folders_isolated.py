"""The tests never write into the user's own chairdesk folders: not from a test, and not from a fixture made
once for a module, which runs before a test's own temporary folders are set (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from chairdesk.core import drafting
from chairdesk.core.log.anchors import anchors_path, data_dir
from chairdesk.core.log.session import Session
from chairdesk.gui.settings import config_dir
from chairdesk.sample import build_sample_session

REAL_DATA = Path(platformdirs.user_data_dir("chairdesk", appauthor=False))
REAL_CONFIG = Path(platformdirs.user_config_dir("chairdesk", appauthor=False))


@pytest.fixture(scope="module")
def closed_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A session extended and closed by a module's fixture: the anchor its close keeps, and where."""
    path = build_sample_session(tmp_path_factory.mktemp("module") / "sample.chairdesk")
    with Session.open(path) as session:
        drafting.add_section(session, "Written by a module's fixture")
    return data_dir(), config_dir(), anchors_path()


def test_a_module_fixture_writes_into_the_run_folders_not_the_users(
    closed_once: tuple[Path, Path, Path],
) -> None:
    data, config, anchors = closed_once
    for folder in (data, config):
        assert REAL_DATA not in (folder, *folder.parents) and REAL_CONFIG not in (folder, *folder.parents)
    assert anchors.exists()  # the close kept its anchor, in the run's folder
    assert data == anchors.parent


def test_each_test_has_folders_of_its_own(isolated_settings: Path) -> None:
    assert data_dir() == isolated_settings / "data"
    assert config_dir() == isolated_settings / "config"
