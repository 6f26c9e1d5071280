"""Find the bundled resources (icons, stylesheets, sample session, rosters) from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from .core.floor.roster import Delegation, read_roster_csv


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


UN_ROSTER = ("rosters", "un-member-states.csv")
ROSTER_CHOICES = ("empty", "un")  # anything else is a CSV file


def un_roster() -> list[Delegation]:
    """The 193 UN Member States and the 2 observer States, with regional groups and aliases (see its SOURCES.md)."""
    return read_roster_csv(resource_path(*UN_ROSTER))


def load_roster(choice: str | Path) -> tuple[list[Delegation], str]:
    """The delegations a new session starts with, and their source: "empty", "un", or a roster CSV file.

    RosterError (naming the file and row) for a CSV that cannot be used."""
    if str(choice).strip().casefold() in ("", "empty"):
        return [], ""
    if str(choice).strip().casefold() == "un":
        return un_roster(), "UN Member States"
    path = Path(choice)
    return read_roster_csv(path), path.name
