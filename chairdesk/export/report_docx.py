"""The endorsed report as DOCX: title block, lettered sections, numbered paragraphs, the adoption line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docx.document import Document as DocxDocument

from ..core.draft.model import Draft
from ..core.log.session import Session
from ..core.log.state import SessionState
from .base import (
    DRAFT_MARK,
    STYLE_BODY,
    STYLE_CLOSING,
    TitleBlock,
    add_header,
    add_page_numbers,
    adoption_of,
    closing_line,
    new_document,
    save_docx,
    set_properties,
)
from .seal import checked_record, seal_docx, seal_of
from .un_layout import Footnotes, add_symbol_block, body_items, set_body_font, set_page, write_line


def body_lines(draft: Draft) -> Iterator[tuple[str, str]]:
    """(style, text) of every line of the text itself, in order: headings, paragraphs, sub-paragraphs."""
    for line in body_items(draft):
        yield line.style, line.plain


def report_lines(state: SessionState, draft: Draft | None = None) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of the report: title block, text, and the adoption line if adopted."""
    draft = draft or state.draft
    lines = list(TitleBlock.of(state, draft).lines())
    lines.extend(body_lines(draft))
    adopted, adopted_at = adoption_of(state)
    if adopted and adopted_at and draft is state.draft:
        lines.append((STYLE_CLOSING, closing_line(adopted_at)))
    return lines


def report_text(state: SessionState, draft: Draft | None = None) -> str:
    """The report's text, one line per paragraph (what a text conversion of the DOCX gives)."""
    return "\n".join(text for _, text in report_lines(state, draft))


def build_report(state: SessionState) -> DocxDocument:
    """The report as a python-docx document (a marked draft unless the report has been adopted)."""
    document = new_document()
    set_body_font(document)
    block = add_symbol_block(document, state.meeting)
    for style, text in TitleBlock.of(state).lines():
        if not (block and style == STYLE_BODY):  # the block names the body already
            document.add_paragraph(text, style=style)
    footnotes: Footnotes | None = None
    for line in body_items(state.draft):
        paragraph = write_line(document, line)
        for note in line.notes:
            footnotes = footnotes or Footnotes(document)
            footnotes.add(paragraph, note)
    adopted, adopted_at = adoption_of(state)
    if adopted and adopted_at:
        document.add_paragraph(closing_line(adopted_at), style=STYLE_CLOSING)
    if not adopted:
        add_header(document, DRAFT_MARK)
    add_page_numbers(document)
    set_page(document, state.meeting.paper or "A4")
    title = state.draft.title or state.meeting.title
    set_properties(document, title, "Report" if adopted else DRAFT_MARK, adopted_at or state.last_ts)
    return document


def export_report(session: Session, path: str | Path, force: bool = False) -> Path:
    """Write the report to a DOCX file: endorsed if adopted, otherwise marked "DRAFT — not adopted".

    The record is verified first: a broken one is refused, or with force marked on every page.
    """
    mark = checked_record(session, path, force)
    document = build_report(session.state)
    seal_docx(document, seal_of(session), mark)
    return save_docx(document, path)
