"""The DOCX record written streamed: python-docx builds the document around the chronology (title block,
summary, adoption, interventions, figures, chart, seal), with a template where the chronology goes (see
record_docx.add_chronology_template); the package is then copied part by part into the file, and in
word/document.xml the template is replaced by the chronology, written day by day and row by row from the
spooled entries in the very XML python-docx wrote for the template's heading, table and row."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from .record_stream import EntrySpool, by_day

DOCUMENT_PART = "word/document.xml"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # as lxml writes text
_FLUSH = 256 * 1024  # bytes gathered before each write into the zip
_ZIP64_AT = 1 << 30  # a document.xml that may pass 2 GiB is written with ZIP64 sizes


def xml_text(text: str) -> bytes:
    """Text as the content of an XML element, escaped as lxml escapes it."""
    return text.translate(_ESCAPES).encode("utf-8")


def _cut(data: bytes, start: bytes, end: bytes, at: int = 0) -> tuple[int, int]:
    """Where the element starting with `start` that holds the byte offset `at` begins and ends."""
    first = data.rindex(start, 0, at)
    return first, data.index(end, at) + len(end)


@dataclass
class ChronologyXml:
    """word/document.xml cut around the chronology's template: what comes before and after it, and the XML
    of a day's heading, a table's start (with its heading row), one row (per cell: the run holding the text,
    left out for an empty cell) and a table's end."""

    head: bytes
    tail: bytes
    day: tuple[bytes, bytes]
    table_start: bytes
    row_parts: list[bytes]  # the row's XML between the cells' runs (one more than the cells)
    runs: list[tuple[bytes, bytes]]  # each cell's run before and after its text
    table_end: bytes = b"</w:tbl>"

    @classmethod
    def cut(cls, data: bytes, marker: str) -> ChronologyXml:
        """Find the template with marker (refuses a part where it is not found exactly once)."""
        mark = marker.encode("ascii")
        if data.count(mark + b":start") != 1 or data.count(mark + b":end") != 1:
            raise ValueError("the chronology's template is not in the document exactly once")
        begin, _ = _cut(data, b"<w:p>", b"</w:p>", data.index(mark + b":start"))
        _, finish = _cut(data, b"<w:p>", b"</w:p>", data.index(mark + b":end"))
        day_at = data.index(mark + b":day")
        day_begin, day_end = _cut(data, b"<w:p>", b"</w:p>", day_at)
        day = (data[day_begin:day_at], data[day_at + len(mark) + 4 : day_end])
        table_begin = data.index(b"<w:tbl>", day_end)
        table_finish = data.index(b"</w:tbl>", table_begin)
        row_begin = data.rindex(b"<w:tr>", table_begin, table_finish)
        row = data[row_begin:table_finish]
        parts, runs, offset = [], [], 0
        for cell in range(3):
            text = mark + f":{cell}".encode("ascii")
            at = row.index(text)
            run_begin, run_end = _cut(row, b"<w:r>", b"</w:r>", at)
            parts.append(row[offset:run_begin])
            runs.append((row[run_begin:at], row[at + len(text) : run_end]))
            offset = run_end
        parts.append(row[offset:])
        return cls(data[:begin], data[finish:], day, data[table_begin:row_begin], parts, runs)

    def row(self, cells: list[str]) -> bytes:
        """One table row with these texts."""
        out = [self.row_parts[0]]
        for (before, after), text, part in zip(self.runs, cells, self.row_parts[1:], strict=True):
            if text:
                out += [before, xml_text(text), after]
            out.append(part)
        return b"".join(out)

    def chronology(self, entries: Iterable) -> Iterator[bytes]:
        """The chronology: for each day its heading, then a table of its entries."""
        for day, group in by_day(entries):
            yield self.day[0] + xml_text(day) + self.day[1]
            yield self.table_start
            for entry in group:
                yield self.row([entry.time, entry.label, entry.text])
            yield self.table_end


def write_streamed(document: DocxDocument, marker: str, spool: EntrySpool, target: Path) -> None:
    """Save document to target with the spooled chronology in place of its template."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != DOCUMENT_PART:
                package.writestr(info, data)
                continue
            xml = ChronologyXml.cut(data, marker)
            part = zipfile.ZipInfo(info.filename, info.date_time)
            part.compress_type = zipfile.ZIP_DEFLATED
            foreseen = len(data) + 3 * spool.text_bytes + 2000 * spool.count
            with package.open(part, "w", force_zip64=foreseen > _ZIP64_AT) as out:
                out.write(xml.head)
                gathered: list[bytes] = []
                size = 0
                for piece in xml.chronology(spool):
                    gathered.append(piece)
                    size += len(piece)
                    if size >= _FLUSH:
                        out.write(b"".join(gathered))
                        gathered, size = [], 0
                out.write(b"".join(gathered))
                out.write(xml.tail)
