"""PySide6 looks at every module imported after it for the word "PySide6" (for its `__feature__` switches), by
reading the module's source with inspect.getsource: about 0.2 ms a module, 25 ms for the 120 modules of the
desk's start. `quicker_source_check` makes it read the file's bytes for the same answer (about 50 us)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # where PySide6 keeps the check (PySide6 6.4 to 6.11 at least)


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether a module's source names PySide6: its .py file read as bytes, else as PySide6 itself asks."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


def quicker_source_check() -> bool:
    """Put the quicker check in PySide6's place (once); False, and nothing changed, where PySide6 has none."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quicker", False):
        return False

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.quicker = True  # type: ignore[attr-defined]
    check.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = check  # type: ignore[union-attr]
    return True
