"""chairdesk's version, from one place: the [project] version in pyproject.toml.

A checkout (installed with `pip install -e`, or not at all) and a frozen bundle read the pyproject.toml beside
the code (the PyInstaller spec bundles it); a chairdesk installed from a wheel, which has no pyproject.toml,
answers from its package metadata (importlib.metadata), which pip wrote from that same pyproject.toml.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

UNKNOWN = "unknown"
SIMPLE_KEY = re.compile(r'([A-Za-z0-9_-]+)\s*=\s*"([^"\\]*)"\s*(?:#.*)?')


def pyproject_candidates() -> list[Path]:
    """Where a pyproject.toml of chairdesk may sit: inside the frozen bundle, or at the top of the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "pyproject.toml"] if frozen else []
    candidates.append(Path(__file__).resolve().parent.parent / "pyproject.toml")
    return candidates


def _simple_project_keys(text: str) -> dict[str, str]:
    """The keys of the [project] table written on one line each as `key = "plain string"` (no escapes): the
    form of pyproject.toml's name and version, read without tomllib (its import and parse cost the start 8 ms)."""
    found: dict[str, str] = {}
    inside = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == "[project]"
        elif inside:
            simple = SIMPLE_KEY.fullmatch(stripped)
            if simple:
                found.setdefault(simple.group(1), simple.group(2))
    return found


def version_from_pyproject(path: Path) -> str | None:
    """The [project] version in a pyproject.toml, if that file is chairdesk's."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    project: dict[str, object] = _simple_project_keys(text)
    if project.get("name") != "chairdesk" or "version" not in project:  # another form: as TOML says
        import tomllib

        try:
            project = tomllib.loads(text).get("project", {})
        except ValueError:
            return None
    if project.get("name") != "chairdesk" or not isinstance(project.get("version"), str):
        return None
    return project["version"]  # type: ignore[return-value]


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
