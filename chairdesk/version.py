"""chairdesk's version, from one place: pyproject.toml, read through the installed package's metadata.

An installed chairdesk (pip, or `pip install -e`) answers from importlib.metadata; a frozen bundle and a
checkout that was never installed read the pyproject.toml shipped beside them (the PyInstaller spec bundles it).
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

UNKNOWN = "unknown"


def pyproject_candidates() -> list[Path]:
    """Where a pyproject.toml of chairdesk may sit: inside the frozen bundle, or at the top of the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "pyproject.toml"] if frozen else []
    candidates.append(Path(__file__).resolve().parent.parent / "pyproject.toml")
    return candidates


def version_from_pyproject(path: Path) -> str | None:
    """The [project] version in a pyproject.toml, if that file is chairdesk's."""
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    except (OSError, ValueError):
        return None
    if project.get("name") != "chairdesk" or not isinstance(project.get("version"), str):
        return None
    return project["version"]


@cache
def app_version() -> str:
    """chairdesk's version: the installed package's, else the bundled or checked-out pyproject.toml's."""
    if not getattr(sys, "frozen", False):
        try:
            return metadata.version("chairdesk")
        except metadata.PackageNotFoundError:
            pass
    for candidate in pyproject_candidates():
        found = version_from_pyproject(candidate)
        if found:
            return found
    return UNKNOWN
