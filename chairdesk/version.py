"""chairdesk's version, from one place: the [project] version in pyproject.toml.

A checkout (installed with `pip install -e`, or not at all) and a frozen bundle read the pyproject.toml beside
the code (the PyInstaller spec bundles it); a chairdesk installed from a wheel, which has no pyproject.toml,
answers from its package metadata (importlib.metadata), which pip wrote from that same pyproject.toml.
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
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
    """chairdesk's version: the bundled or checked-out pyproject.toml's, else the installed package's."""
    for candidate in pyproject_candidates():
        found = version_from_pyproject(candidate)
        if found:
            return found
    from importlib import metadata  # only for a wheel install: it costs a scan of sys.path

    try:
        return metadata.version("chairdesk")
    except metadata.PackageNotFoundError:
        return UNKNOWN
