"""Find the bundled resources (icons, stylesheets, sample session) from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: inside a PyInstaller bundle, or at the top of the source checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("chairdesk's resources folder is missing; reinstall chairdesk")


def resource_path(*parts: str) -> Path:
    """A file inside resources/, e.g. resource_path("samples", "oewg-ict-security.chairdesk")."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"{path}: missing from chairdesk's resources")
    return path
