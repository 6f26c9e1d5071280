"""Test setup: Qt offscreen, settings and data in a temporary folder, no modal dialog ever blocks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every settings and data folder chairdesk uses at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CHAIRDESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("CHAIRDESK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    return home
