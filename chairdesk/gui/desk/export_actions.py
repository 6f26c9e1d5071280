"""The File menu's exports: ask where to save with a file dialog, then write the report, redline or record."""

from __future__ import annotations

from pathlib import Path

from ...core.log.errors import ChairdeskError
from ...core.log.session import Session
from ..qt import QFileDialog, QMessageBox, QWidget

KINDS = {
    "report": ("Export the report", "report", "Word document (*.docx)"),
    "redline": ("Export the redline (tracked changes)", "redline", "Word document (*.docx)"),
    "record": ("Export the record of the session", "record", "Word document (*.docx);;Markdown (*.md)"),
}


def suggested_path(session: Session, kind: str, extension: str = ".docx") -> Path:
    """A file name beside the session: "<session>-report.docx"."""
    return session.path.with_name(f"{session.path.stem}-{KINDS[kind][1]}{extension}")


def export_to(session: Session, kind: str, path: str | Path, baseline: str = "tabled") -> Path:
    """Write one export (kind: report, redline or record) to path."""
    from ...export import export_record, export_redline, export_report  # python-docx: off the start path

    path = Path(path)
    if kind == "report":
        return export_report(session, path)
    if kind == "redline":
        return export_redline(session, path, baseline)
    if kind == "record":
        return export_record(session, path)
    raise ValueError(f"unknown export {kind!r}")


def export_with_dialog(
    parent: QWidget | None, session: Session, kind: str, baseline: str = "tabled"
) -> Path | None:
    """Ask for a file name, write the export, and tell the chair where it went (None if cancelled or failed)."""
    title, _, filters = KINDS[kind]
    if kind == "report" and not session.state.adoption.report_adopted:
        title += " (not adopted: it will be marked DRAFT)"
    chosen, selected = QFileDialog.getSaveFileName(parent, title, str(suggested_path(session, kind)), filters)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".md" if "Markdown" in selected else ".docx")
    try:
        written = export_to(session, kind, path, baseline)
    except ChairdeskError as error:
        QMessageBox.warning(parent, title, str(error))
        return None
    if parent is not None and hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(f"Written: {written}", 8000)
    return written
