"""Exports: the endorsed report and the redline as DOCX, and the record of the session as DOCX or Markdown."""

from .base import DRAFT_MARK, ExportError, atomic_write
from .redline_docx import build_redline, export_redline
from .report_docx import build_report, export_report, report_text

__all__ = [
    "DRAFT_MARK",
    "ExportError",
    "atomic_write",
    "build_redline",
    "build_report",
    "export_redline",
    "export_report",
    "report_text",
]
