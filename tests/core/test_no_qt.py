"""chairdesk.core must stay plain Python: importing it must not import Qt."""

import subprocess
import sys


def test_core_does_not_import_qt() -> None:
    code = (
        "import sys; import chairdesk.core, chairdesk.core.drafting, chairdesk.core.draft.compare; "
        "import pkgutil, importlib, chairdesk.core as c; "
        "[importlib.import_module('chairdesk.core.' + m.name) for m in pkgutil.iter_modules(c.__path__)]; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
