"""The record of the session as Markdown (the speaking-time chart goes in a PNG beside it)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

from ..core.log.session import Session
from .base import atomic_write, long_date
from .record import (
    NO_INTERVENTIONS,
    RecordEntry,
    SessionRecord,
    delegation_table,
    export_moment,
    group_table,
    roster_lines,
    speaking_time_chart,
)
from .record_stream import by_day, spooled, stream_record
from .seal import checked_record, seal_of

_MARKUP = re.compile(r"([\\`*_\[\]#|~])")  # with [ ] escaped, no link or image can form
_LIST_MARK = re.compile(r"^(\s*)([-+=])")  # a line that would start a list or underline a heading
_NUMBER_MARK = re.compile(r"^(\s*\d+)([.)])")  # a line that would start a numbered list


def md_text(text: str) -> str:
    """Text as Markdown shows it literally: no HTML, no images or links, no emphasis or headings of its own."""
    text = " ".join(str(text).splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKUP.sub(r"\\\1", text)
    text = _LIST_MARK.sub(r"\1\\\2", text)
    return _NUMBER_MARK.sub(r"\1\\\2", text)


def _cell(text: str) -> str:
    return md_text(text)


def _table_lines(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    yield "| " + " | ".join(_cell(h) for h in header) + " |"
    yield "|" + "---|" * len(header)
    yield from ("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    yield ""


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return list(_table_lines(header, rows))


def head_lines(record: SessionRecord) -> list[str]:
    """The lines above the chronology: title block, adoption, summary."""
    block = record.title
    lines = ["# Record of the session", ""]
    title_lines = [f"**{md_text(block.meeting)}**" if block.meeting else ""]
    title_lines += [md_text(text) for text in (block.body, block.venue_and_dates()) if text]
    if block.document:
        title_lines.append(f"Document: {md_text(block.document)}")
    for text in filter(None, title_lines):  # each its own paragraph: a Markdown viewer joins adjacent lines
        lines += [text, ""]
    if record.adopted_at:
        lines += [f"The report was adopted and endorsed on {long_date(record.adopted_at)}.", ""]
    return lines + [record.summary(), "", "## Chronology", ""]


def chronology_lines(entries: Iterable[RecordEntry]) -> Iterator[str]:
    """The chronology, line by line: for each day its heading and a table of its entries."""
    for day, group in by_day(entries):
        yield from (f"### {md_text(day)}", "")
        yield from _table_lines(["Time", "Kind", "What happened"], ([e.time, e.label, e.text] for e in group))


def tail_lines(record: SessionRecord, chart_name: str | None = None) -> list[str]:
    """The lines after the chronology: adoption steps, interventions, a workshop's tables, speaker figures."""
    lines: list[str] = []
    if record.adoption:
        lines += ["## Adoption", ""] + _table(["Time", "Step"], [list(s) for s in record.adoption])
    if record.interventions:
        rows = [[i.start, i.delegation, i.what, i.duration, i.about] for i in record.interventions]
        lines += ["## Interventions", ""] + _table(["Start", "Delegation", "Kind", "Duration", "On"], rows)
    lines += _workshop(record)
    lines += ["## Speaker figures", ""]
    if not record.spoke:
        lines += [NO_INTERVENTIONS, ""]  # the roster by group stays: later figures are measured against it
        for line in roster_lines(record.figures) if record.figures else []:
            lines += [md_text(line), ""]
    else:
        figures = record.figures
        lines += _table(*delegation_table(figures))
        lines += ["### By stakeholder group", ""]
        lines += _table(*group_table(figures.stakeholder_groups, "Stakeholder group"))
        if figures.regional_groups:
            lines += ["### By regional group", ""]
            lines += _table(*group_table(figures.regional_groups, "Regional group"))
        if chart_name:
            lines += [
                "### Speaking time",
                "",
                f"![Speaking time per delegation and stakeholder group]({quote(chart_name)})",
                "",
            ]
    return lines


def record_markdown(record: SessionRecord, chart_name: str | None = None) -> str:
    """The record as Markdown text; chart_name is the PNG file the chart is linked to, if any."""
    lines = [*head_lines(record), *chronology_lines(record.entries), *tail_lines(record, chart_name)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _workshop(record: SessionRecord) -> list[str]:
    """The running order as planned and as held, the written interventions, the diversity achieved."""
    workshop = record.workshop
    lines: list[str] = []
    if workshop.running_order:
        lines += ["## Running order", ""] + _table(*workshop.running_order)
    if workshop.written:
        lines += ["## Written interventions", ""] + _table(*workshop.written)
    if workshop.diversity:
        lines += ["## Diversity planned and achieved", ""]
        for title, table in workshop.diversity:
            lines += [f"### {title}", ""] + _table(*table)
    return lines


def chart_path(path: Path) -> Path:
    """Where the Markdown record's chart goes: beside it, "<name>-speaking-time.png"."""
    return path.with_name(f"{path.stem}-speaking-time.png")


def export_record_md(session: Session, path: str | Path, force: bool = False) -> Path:
    """Write the record of the session to a Markdown file (and its chart beside it when there are figures).

    The record is verified first (refused when broken, or with force marked at the top); its seal ends it.
    Streamed: the events are described as they are read, and the chronology is written from a spool.
    """
    path = Path(path)
    mark = checked_record(session, path, force)
    now = export_moment(session)
    with spooled(path) as spool:
        record = stream_record(session, spool, now)
        chart = chart_path(path) if record.spoke else None
        tail = "\n".join(tail_lines(record, chart.name if chart else None)).rstrip("\n") + "\n"
        seal = "\n\n".join(seal_of(session).full_lines())
        tail += f"\n## The record's seal\n\n{seal}\n"

        def write(temp: Path) -> None:
            with temp.open("w", encoding="utf-8") as out:
                if mark:
                    out.write(f"**{mark}**\n\n")
                for line in head_lines(record):
                    out.write(line + "\n")
                for line in chronology_lines(spool):
                    out.write(line + "\n")
                out.write(tail)

        if chart is not None:
            image = speaking_time_chart(record.figures)
            atomic_write(chart, lambda temp: temp.write_bytes(image))
        return atomic_write(path, write)
