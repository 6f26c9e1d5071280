"""The desk's settings (recent files, last session, window geometry, text size) in a small JSON file.

The file lives in the platform's configuration folder (platformdirs), or in $CHAIRDESK_CONFIG_DIR when set;
sessions the desk creates for the chair (the sample copy, new sessions) go in the data folder, or in
$CHAIRDESK_DATA_DIR when set.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

APP = "chairdesk"
MAX_RECENT = 8
DEFAULT_POINT_SIZE = 16
MIN_POINT_SIZE = 9
MAX_POINT_SIZE = 40


def config_dir() -> Path:
    """Where settings are kept."""
    env = os.environ.get("CHAIRDESK_CONFIG_DIR")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    """Where the desk keeps sessions it creates itself (the sample copy, new sessions)."""
    env = os.environ.get("CHAIRDESK_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP, appauthor=False))


@dataclass
class DeskSettings:
    """What the desk remembers between runs."""

    recent_files: list[str] = field(default_factory=list)
    last_session: str | None = None
    geometry: str | None = None  # QMainWindow.saveGeometry(), base64
    window_state: str | None = None  # QMainWindow.saveState(), base64
    point_size: int = DEFAULT_POINT_SIZE
    view_mode: str = "tabled"  # tabled | last | clean
    projector_screen: str | None = None  # QScreen.name() of the projector's screen
    projector_point_size: int = 28
    projector_mode: str = "tabled"  # what the room sees: tabled | last | clean
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> DeskSettings:
        """Read the settings file; a missing or unreadable one gives the defaults (never an error)."""
        path = path or config_dir() / "settings.json"
        settings = cls(path=path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if not isinstance(raw, dict):
            return settings
        recent = raw.get("recent_files")
        if isinstance(recent, list):
            settings.recent_files = [str(p) for p in recent if isinstance(p, str)][:MAX_RECENT]
        for key in ("last_session", "geometry", "window_state"):
            if isinstance(raw.get(key), str):
                setattr(settings, key, raw[key])
        if isinstance(raw.get("point_size"), int):
            settings.point_size = clamp_point_size(raw["point_size"])
        if raw.get("view_mode") in ("tabled", "last", "clean"):
            settings.view_mode = raw["view_mode"]
        if isinstance(raw.get("projector_screen"), str):
            settings.projector_screen = raw["projector_screen"]
        if isinstance(raw.get("projector_point_size"), int):
            settings.projector_point_size = max(14, min(72, raw["projector_point_size"]))
        if raw.get("projector_mode") in ("tabled", "last", "clean"):
            settings.projector_mode = raw["projector_mode"]
        return settings

    def save(self) -> None:
        """Write the settings file (atomically, so a crash never leaves half a file)."""
        if self.path is None:
            return
        data = asdict(self)
        data.pop("path")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        tmp.replace(self.path)

    def remember(self, session_path: Path | str) -> None:
        """Put a session at the top of the recent files and make it the one to open next time."""
        text = str(Path(session_path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]
        self.last_session = text
        self.save()

    def forget(self, session_path: Path | str) -> None:
        """Drop a session that can no longer be opened from the recent files."""
        text = str(Path(session_path).resolve())
        self.recent_files = [p for p in self.recent_files if p != text]
        if self.last_session == text:
            self.last_session = None
        self.save()


def clamp_point_size(size: int) -> int:
    """Keep the text size within what the window can lay out and a projector can show."""
    return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, int(size)))
