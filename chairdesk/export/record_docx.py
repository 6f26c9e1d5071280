"""The record of the session as DOCX: chronology by day, adoption, interventions and speaker figures."""

from __future__ import annotations

import io
import struct
import uuid
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ..core.log.session import Session
from .base import (
    STYLE_BODY,
    STYLE_MEETING,
    STYLE_SECTION,
    STYLE_SUBHEADING,
    STYLE_TABLE_HEADING,
    STYLE_TABLE_TEXT,
    STYLE_TEXT,
    STYLE_TITLE,
    ExportError,
    add_child,
    add_page_numbers,
    atomic_write,
    long_date,
    new_document,
    set_properties,
)
from .record import (
    NO_INTERVENTIONS,
    SessionRecord,
    delegation_table,
    export_moment,
    group_table,
    roster_lines,
    speaking_time_chart,
)
from .record_docx_stream import write_streamed
from .record_stream import spooled, stream_record
from .seal import checked_record, mark_pages, seal_of

STYLE_TABLE = "Table Grid"
CHRONOLOGY_WIDTHS = [1.9, 3.0, 11.6]  # cm: "Point of order" fits its column on one line
CHRONOLOGY_HEADER = ["Time", "Kind", "What happened"]


def _row(cells: list[str], widths: list[int], style_id: str, heading: bool = False) -> OxmlElement:
    """A table row built directly in OOXML (python-docx's add_row is quadratic on long tables)."""
    tr = OxmlElement("w:tr")
    if heading:
        trpr = OxmlElement("w:trPr")
        add_child(trpr, OxmlElement("w:tblHeader"))  # the heading row repeats on every page
        add_child(tr, trpr)
    for text, width in zip(cells, widths, strict=True):
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), str(width))
        tcw.set(qn("w:type"), "dxa")
        add_child(tcpr, tcw)
        add_child(tc, tcpr)
        para = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style_id)
        add_child(ppr, pstyle)
        add_child(para, ppr)
        if text:
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = text
            add_child(run, t)
            add_child(para, run)
        add_child(tc, para)
        add_child(tr, tc)
    return tr


def _table(document: DocxDocument, header: list[str], rows: list[list[str]], widths_cm: list[float]) -> None:
    table = document.add_table(rows=0, cols=len(header))
    table.style = document.styles[STYLE_TABLE]
    table.autofit = False
    widths = [int(Cm(w).twips) for w in widths_cm]
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice follows; each cell's width is for Word
    tbl = table._tbl
    add_child(tbl, _row(header, widths, document.styles[STYLE_TABLE_HEADING].style_id, heading=True))
    text_style = document.styles[STYLE_TABLE_TEXT].style_id
    for row in rows:
        add_child(tbl, _row(row, widths, text_style))


def _chart(document: DocxDocument, png: bytes) -> None:
    """The chart across the text width, or smaller so that a tall one (many delegations) fits on a page."""
    width, height = struct.unpack(">II", png[16:24])  # the PNG's IHDR
    section = document.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin - Cm(2)  # with its heading
    scale = min(text_width / width, text_height / height)
    document.add_picture(io.BytesIO(png), width=int(width * scale), height=int(height * scale))


def _group_widths(header: list[str]) -> list[float]:
    """Column widths of a group table (a sixth column for the written interventions of a workshop)."""
    return [4.5, 3.0, 3.0, 3.0, 3.0] if len(header) == 5 else [4.0, 2.5, 2.5, 2.5, 2.5, 2.5]


def add_chronology_template(document: DocxDocument, marker: str) -> None:
    """Where a streamed chronology goes, and the shapes of its parts as python-docx writes them: a day's
    heading and a table (its heading row, and one row) with `marker:` texts that record_stream replaces."""
    document.add_paragraph(f"{marker}:start")
    document.add_paragraph(f"{marker}:day", style=STYLE_SUBHEADING)
    _table(document, CHRONOLOGY_HEADER, [[f"{marker}:{n}" for n in range(3)]], CHRONOLOGY_WIDTHS)
    document.add_paragraph(f"{marker}:end")


def build_record_docx(record: SessionRecord, chronology_marker: str | None = None) -> DocxDocument:
    """The record as a python-docx document (with a streamed record: the chronology's template, see
    add_chronology_template, in place of the entries)."""
    document = new_document()
    block = record.title
    document.add_paragraph("Record of the session", style=STYLE_TITLE)
    for style, text in block.lines():
        document.add_paragraph(text, style=STYLE_MEETING if style != STYLE_BODY else STYLE_BODY)
    if record.adopted_at:
        document.add_paragraph(
            f"The report was adopted and endorsed on {long_date(record.adopted_at)}.", style=STYLE_BODY
        )
    document.add_paragraph(record.summary(), style=STYLE_BODY)

    document.add_paragraph("Chronology", style=STYLE_SECTION)
    if chronology_marker is not None:
        add_chronology_template(document, chronology_marker)
    day = None
    rows: list[list[str]] = []
    for entry in record.entries:
        if entry.day != day:
            if rows:
                _table(document, CHRONOLOGY_HEADER, rows, CHRONOLOGY_WIDTHS)
                rows = []
            day = entry.day
            document.add_paragraph(day, style=STYLE_SUBHEADING)
        rows.append([entry.time, entry.label, entry.text])
    if rows:
        _table(document, CHRONOLOGY_HEADER, rows, CHRONOLOGY_WIDTHS)

    if record.adoption:
        document.add_paragraph("Adoption", style=STYLE_SECTION)
        _table(document, ["Time", "Step"], [list(step) for step in record.adoption], [2.1, 14.4])

    if record.interventions:
        document.add_paragraph("Interventions", style=STYLE_SECTION)
        rows = [[i.start, i.delegation, i.what, i.duration, i.about] for i in record.interventions]
        _table(document, ["Start", "Delegation", "Kind", "Duration", "On"], rows, [2.1, 4.6, 3.4, 2.2, 4.2])

    workshop = record.workshop
    for title, table, widths in (
        ("Running order", workshop.running_order, [1.5, 7.0, 8.0]),
        ("Written interventions", workshop.written, [1.8, 3.4, 6.3, 2.4, 2.6]),
    ):
        if table:
            document.add_paragraph(title, style=STYLE_SECTION)
            _table(document, *table, widths)
    if workshop.diversity:
        document.add_paragraph("Diversity planned and achieved", style=STYLE_SECTION)
        for title, table in workshop.diversity:
            document.add_paragraph(title, style=STYLE_SUBHEADING)
            _table(document, *table, [4.0, 2.6, 2.2, 2.2, 2.8, 2.2])

    document.add_paragraph("Speaker figures", style=STYLE_SECTION)
    if not record.spoke:
        # No tables of zeros and no empty chart; the roster by group is kept, since it is what any
        # later figures are measured against and the record says it nowhere else.
        document.add_paragraph(NO_INTERVENTIONS, style=STYLE_TEXT)
        for line in roster_lines(record.figures) if record.figures else []:
            document.add_paragraph(line, style=STYLE_TEXT)
    else:
        figures = record.figures
        header, rows = delegation_table(figures)
        widths = [3.0, 2.6, 2.8, 2.1, 1.5, 2.1, 1.9]
        if len(header) == 8:  # with the time in caucus (Model UN), or the written interventions (workshop)
            widths = [2.8, 2.2, 2.2, 2.0, 2.0, 1.5, 1.8, 1.5]
        if len(header) == 9:
            widths = [2.6, 2.0, 2.0, 1.6, 1.8, 1.5, 1.4, 1.6, 1.5]
        _table(document, header, rows, widths)
        document.add_paragraph("By stakeholder group", style=STYLE_SUBHEADING)
        header, rows = group_table(figures.stakeholder_groups, "Stakeholder group")
        _table(document, header, rows, _group_widths(header))
        if figures.regional_groups:
            document.add_paragraph("By regional group", style=STYLE_SUBHEADING)
            header, rows = group_table(figures.regional_groups, "Regional group")
            _table(document, header, rows, _group_widths(header))
        document.add_paragraph("Speaking time", style=STYLE_SUBHEADING)
        _chart(document, speaking_time_chart(figures))
    add_page_numbers(document)
    last = record.last_entry_ts
    set_properties(document, f"Record of the session: {block.meeting}", "Record of the session", last)
    return document


def export_record_docx(session: Session, path: str | Path, force: bool = False) -> Path:
    """Write the record of the session to a DOCX file (verified first; its seal in full at the end).

    Streamed (record_stream, record_docx_stream): besides the session it holds one replayed state and the
    document around the chronology; the chronology's entries go through a compressed temporary file."""
    mark = checked_record(session, path, force)
    now = export_moment(session)
    marker = f"chairdesk-chronology-{uuid.uuid4().hex}"
    with spooled(path) as spool:
        record = stream_record(session, spool, now)
        document = build_record_docx(record, chronology_marker=marker)
        seal = seal_of(session)
        document.add_paragraph("The record's seal", style=STYLE_SECTION)
        for line in seal.full_lines():
            document.add_paragraph(line, style=STYLE_TEXT)
        if mark:
            mark_pages(document, mark)
        try:
            return atomic_write(path, lambda temp: write_streamed(document, marker, spool, temp))
        except ValueError as error:  # the template was not found: a bug, said plainly; nothing is written
            raise ExportError(path, f"not written: {error}") from error
