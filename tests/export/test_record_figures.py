"""The record's speaker figures: a sentence instead of zeros when nobody had the floor, and a legible chart."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from chairdesk.core import floor
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session
from chairdesk.export import export_record
from chairdesk.export.record import NO_INTERVENTIONS, build_record, chart_figure, minute_step
from chairdesk.export.record_md import chart_path
from tests.floor_support import FakeClock, floor_session


def _images(document: docx.document.Document) -> list[object]:
    return [r for r in document.part.rels.values() if "image" in r.reltype]


@pytest.fixture()
def silent_session(tmp_path: Path) -> Session:
    """A roster, and Blue waiting for the floor, never given it: nobody spoke.

    (Blue on the floor and not finished would be in the record: see test_record_running.py.)"""
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    floor.request_floor(session, "BLU")
    clock.tick(90)
    yield session
    session.close()


def test_docx_record_without_interventions_says_so(silent_session: Session, tmp_path: Path) -> None:
    document = docx.Document(str(export_record(silent_session, tmp_path / "record.docx")))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Speaker figures")
    assert texts[start + 1 : texts.index("The record's seal")] == [
        NO_INTERVENTIONS,
        "On the roster by stakeholder group: government 3 (50%), civil society 1 (17%), "
        "private sector 1 (17%), academia 1 (17%).",
        "On the roster by regional group: African Group 1 (17%), Asia-Pacific Group 1 (17%), "
        "Eastern European Group 1 (17%), GRULAC 1 (17%), WEOG 1 (17%), none 1 (17%).",
    ]
    assert [t.rows[0].cells[0].text for t in document.tables] == ["Time"]  # the chronology only
    assert not _images(document)


def test_markdown_record_without_interventions_has_no_chart(silent_session: Session, tmp_path: Path) -> None:
    out = export_record(silent_session, tmp_path / "record.md")
    text = out.read_text(encoding="utf-8").split("\n## The record's seal")[0]
    assert text.endswith(
        "## Speaker figures\n\n" + NO_INTERVENTIONS + "\n\nOn the roster by stakeholder group: "
        "government 3 (50%), civil society 1 (17%), private sector 1 (17%), academia 1 (17%).\n\n"
        "On the roster by regional group: African Group 1 (17%), Asia-Pacific Group 1 (17%), "
        "Eastern European Group 1 (17%), GRULAC 1 (17%), WEOG 1 (17%), none 1 (17%).\n"
    )
    assert "| Delegation |" not in text and "Speaking time" not in text and "| 0:00 |" not in text
    assert not chart_path(out).exists()


def test_record_without_roster_or_floor_says_no_interventions(tmp_path: Path) -> None:
    with Session.create(tmp_path / "bare.chairdesk", "Working group") as session:
        text = export_record(session, tmp_path / "record.md").read_text(encoding="utf-8")
    assert text.split("\n## The record's seal")[0].endswith("## Speaker figures\n\n" + NO_INTERVENTIONS + "\n")


def _debate(tmp_path: Path) -> Session:
    """Four delegations speak 2:50, 3:20, 1:35 and 0:45; two never do."""
    clock = FakeClock()
    session = floor_session(tmp_path, clock)
    for code in ("BLU", "YEL", "GRN", "PUR"):
        floor.request_floor(session, code)
    for seconds in (170, 200, 95, 45):
        floor.next_speaker(session)
        clock.tick(seconds)
    floor.end_intervention(session)
    return session


def test_chart_shows_minutes_and_group_shares_next_to_roster_shares(tmp_path: Path) -> None:
    with _debate(tmp_path) as session:
        record = build_record(session)
    assert record.spoke
    figure = chart_figure(record.figures)
    figure.canvas.draw()
    left, right = figure.axes
    # Minutes on the axis as a clock shows them, every bar labelled with its time, in roster order.
    low, high = left.get_xlim()
    ticks = [t.get_text() for t in left.get_xticklabels() if low <= t.get_position()[0] <= high]
    assert ticks == ["0:00", "1:00", "2:00", "3:00"]
    names = [t.get_text() for t in left.get_yticklabels()][::-1]
    assert names == ["Blue", "Yellow", "Green", "Purple", "Orange", "Red"]
    assert [t.get_text() for t in left.texts][::-1] == ["2:50", "3:20", "1:35", "0:45", "0:00", "0:00"]
    # Per group: the time share and the roster share are two bars side by side, each labelled.
    time_bars, roster_bars = right.containers
    assert [t.get_text() for t in right.get_yticklabels()][::-1] == [
        "government",
        "civil society",
        "private sector",
        "academia",
    ]
    for time_bar, roster_bar in zip(time_bars, roster_bars, strict=True):
        assert time_bar.get_y() >= roster_bar.get_y() + roster_bar.get_height() - 1e-9  # not overlapping
    assert [round(b.get_width()) for b in time_bars][::-1] == [73, 19, 0, 9]
    assert [round(b.get_width()) for b in roster_bars][::-1] == [50, 17, 17, 17]
    (legend,) = figure.legends
    assert [t.get_text() for t in legend.get_texts()] == ["share of speaking time", "share of the roster"]
    assert minute_step(3.3) == 1 and minute_step(0.7) == 0.25 and minute_step(45) == 10


def test_a_tall_chart_fits_on_a_page(tmp_path: Path) -> None:
    roster = [Delegation(f"D{n}", f"Delegation {n}", "government", "WEOG") for n in range(70)]
    clock = FakeClock()
    with floor_session(tmp_path, clock, roster) as session:
        for n in range(0, 70, 3):
            floor.give_floor(session, f"D{n}")
            clock.tick(30 + n)
        floor.end_intervention(session)
        document = docx.Document(str(export_record(session, tmp_path / "record.docx")))
        figure = chart_figure(build_record(session).figures)
    figure.canvas.draw()
    left, right = figure.axes
    # Every group's bars about as thick as a delegation's, not stretched over the long roster's height.
    thickness = right.containers[0][0].get_window_extent().height
    assert thickness < 3 * left.containers[0][0].get_window_extent().height
    assert [t.get_text() for t in right.get_xticklabels()][-1] == "100"  # government had all the time
    (chart,) = document.inline_shapes
    page = document.sections[0]
    assert chart.height <= page.page_height - page.top_margin - page.bottom_margin
    assert chart.width <= page.page_width - page.left_margin - page.right_margin
