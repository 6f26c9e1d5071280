"""Exports: the endorsed report and the redline as DOCX, and the record of the session as DOCX or Markdown."""

from __future__ import annotations

from pathlib import Path

from ..core.log.session import Session
from .base import DRAFT_MARK, ExportError, atomic_write
from .record_docx import export_record_docx
from .record_md import export_record_md
from .redline_docx import build_redline, export_redline
from .report_docx import build_report, export_report, report_text


def export_record(session: Session, path: str | Path, force: bool = False) -> Path:
    """Write the record of the session, streamed from the log: Markdown for .md files, DOCX otherwise."""
    path = Path(path)
    if path.suffix.lower() in (".md", ".markdown"):
        return export_record_md(session, path, force)
    return export_record_docx(session, path, force)


__all__ = [
    "DRAFT_MARK",
    "ExportError",
    "atomic_write",
    "build_redline",
    "build_report",
    "export_record",
    "export_redline",
    "export_report",
    "report_text",
]
