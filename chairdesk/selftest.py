"""`chairdesk --self-test`: check that this installed or frozen chairdesk works, end to end, in a few seconds.

Each check prints "ok" or "FAILED" with the reason; the command exits 0 when all pass, 1 otherwise. Nothing
outside a temporary folder is touched: the bundled sample is copied there, the settings go there too.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .resources import resource_path, resources_dir
from .sample import SAMPLE_NAME
from .version import UNKNOWN, app_version

EDIT = "The self-test of chairdesk amended this paragraph."


@dataclass
class SelfTest:
    """The checks' shared scratch: the temporary folder, the session copy, what each check left."""

    scratch: Path
    session_path: Path | None = None
    report_path: Path | None = None
    paragraph_id: str | None = None
    edited: bool = False

    def require_edit(self) -> Path:
        """The edited session, for the checks that build on it (they fail if the edit check failed)."""
        if not self.edited or self.session_path is None:
            raise RuntimeError("not run: the edit check failed")
        return self.session_path

    def check_version(self) -> str:
        """The version is known (pyproject.toml through the package metadata, or bundled)."""
        version = app_version()
        if version == UNKNOWN:
            raise RuntimeError("the version cannot be read (no package metadata, no pyproject.toml)")
        return version

    def check_resources(self) -> str:
        """The bundled sample session and the app icon are where the app looks for them."""
        resource_path("samples", f"{SAMPLE_NAME}.chairdesk")
        resource_path("icons", "chairdesk.svg")
        resource_path("icons", "chairdesk.png")
        return str(resources_dir())

    def check_edit(self) -> str:
        """A temporary copy of the sample opens, takes an edit through the core API and keeps it."""
        from .core import drafting
        from .core.log.session import Session

        self.session_path = self.scratch / "self-test.chairdesk"
        shutil.copyfile(resource_path("samples", f"{SAMPLE_NAME}.chairdesk"), self.session_path)
        with Session.open(self.session_path) as session:
            paragraph = session.draft.live_paragraphs(session.draft.order[0])[0]
            self.paragraph_id = paragraph.id
            drafting.amend_paragraph(session, paragraph.id, EDIT)
            events = len(session.events)
        self.edited = True
        with Session.open(self.session_path) as session:
            if session.draft.paragraphs[self.paragraph_id].text != EDIT:
                raise RuntimeError("the edit was not kept in the session file")
        return f"paragraph 1 amended and read back ({events} events)"

    def check_export(self) -> str:
        """The report exports to DOCX and the edit is in the document read back."""
        import docx

        from .core.log.session import Session
        from .export import export_record, export_report

        path = self.require_edit()
        self.report_path = self.scratch / "report.docx"
        record = self.scratch / "record.docx"
        with Session.open(path) as session:
            export_report(session, self.report_path)
            export_record(session, record)  # with its matplotlib chart
        texts = [p.text for p in docx.Document(str(self.report_path)).paragraphs]
        if not any(EDIT in text for text in texts):
            raise RuntimeError(f"{self.report_path.name} does not hold the amended paragraph")
        docx.Document(str(record))
        return f"report ({self.report_path.stat().st_size} bytes) and record ({record.stat().st_size} bytes)"

    def check_hash_chain(self) -> str:
        """The record's hash chain verifies after the edit."""
        from .core.log.session import Session

        path = self.require_edit()
        with Session.open(path) as session:
            result = session.verify()
        if not result.ok:
            raise RuntimeError(str(result))
        return str(result)

    def check_window(self) -> str:
        """The GUI imports and the desk opens the edited session in a window (offscreen)."""
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["CHAIRDESK_CONFIG_DIR"] = str(self.scratch / "config")
        os.environ["CHAIRDESK_DATA_DIR"] = str(self.scratch / "data")
        from .gui.app import make_application, open_window
        from .gui.settings import DeskSettings

        path = self.require_edit()
        app = make_application()
        window = open_window(path, DeskSettings.load())
        try:
            if window.session is None:
                raise RuntimeError(f"the window did not open the session: {window.last_error}")
            window.show()
            app.processEvents()
            if not window.isVisible():
                raise RuntimeError("the window was not shown")
            model = window.draft_model
            if model is None or self.paragraph_id is None:
                raise RuntimeError("the window has no draft")
            model.set_mode("clean")  # the text as it stands, as View ▸ Clean text shows it
            row = model.row_of("paragraph", self.paragraph_id)
            shown = str(model.data(model.index(row))) if row is not None else ""
            if EDIT not in shown:
                raise RuntimeError("the draft in the window does not show the amended paragraph")
            facts = f"{window.width()}x{window.height()} on {app.platformName()}, {len(window.menuBar().actions())} menus"
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
        return facts

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        """The checks in order (each later one builds on the session the edit check made)."""
        return [
            ("version", self.check_version),
            ("resources", self.check_resources),
            ("open a copy of the sample and edit it", self.check_edit),
            ("export a DOCX report and read it back", self.check_export),
            ("verify the hash chain", self.check_hash_chain),
            ("open the window", self.check_window),
        ]


def run_self_test(out: Callable[[str], object] = print) -> int:
    """Run every check, print one line each, return 0 when all passed, else 1 (the failures are named)."""
    frozen = " (frozen bundle)" if getattr(sys, "frozen", False) else ""
    out(f"chairdesk {app_version()} self-test{frozen}, Python {sys.version.split()[0]}")
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="chairdesk-self-test-") as scratch:
        test = SelfTest(Path(scratch))
        for name, check in test.checks():
            try:
                detail = check()
            except Exception as error:  # noqa: BLE001 - a self-test names every failure, whatever it is
                failed.append(name)
                out(f"  FAILED   {name}: {type(error).__name__}: {error}")
                if os.environ.get("CHAIRDESK_SELF_TEST_TRACEBACK"):
                    out(traceback.format_exc())
            else:
                out(f"  ok       {name}: {detail}")
    if failed:
        out(f"chairdesk self-test FAILED: {'; '.join(failed)}")
        return 1
    out("chairdesk self-test passed")
    return 0
