"""A grab of the projector with the sample session, against the reference image kept in tests/reference.

Fonts differ between machines, so the comparison is loose: the same size, not blank, the high-contrast
heading, the highlighted paragraph and the floor band's colours where the layout puts them.
"""

from __future__ import annotations

import os
from pathlib import Path

from chairdesk.core.floor.operations import next_speaker, request_floor
from chairdesk.gui.desk.window import MainWindow
from chairdesk.gui.qt import QColor, QImage

REFERENCE = Path(__file__).resolve().parents[2] / "reference" / "projector-sample.png"
SIZE = (1280, 720)


def distinct_colours(image: QImage, step: int = 8) -> int:
    """How many different colours a sample of the image's pixels has (a blank grab has one)."""
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def share_of(image: QImage, colour: str, step: int = 4) -> float:
    """The share of sampled pixels in one colour."""
    wanted = QColor(colour).rgb()
    pixels = [image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(1 for p in pixels if p == wanted) / len(pixels)


def test_grab_with_the_sample_matches_the_reference_loosely(window: MainWindow, tmp_path: Path) -> None:
    control = window.projector
    control.actions["show"].trigger()
    projector = control.projector
    projector.resize(*SIZE)
    row = window.draft_model.row_of_paragraph("p8")
    window.select_row(row)
    for code in ("BLU", "YEL", "PUR"):
        assert window.controller.run(request_floor, code)
    assert window.controller.run(next_speaker)
    projector.floor_timer.tick()
    image = projector.grab().toImage()
    path = tmp_path / "projector.png"
    assert image.save(str(path))
    if os.environ.get("CHAIRDESK_UPDATE_REFERENCE"):  # after a deliberate change of the projector's look
        image.save(str(REFERENCE))
    reference = QImage(str(REFERENCE))
    assert not reference.isNull(), f"{REFERENCE} is missing"
    assert (image.width(), image.height()) == (reference.width(), reference.height()) == SIZE
    assert distinct_colours(image) > 20
    assert QColor(image.pixel(4, 4)).name() == "#000000"  # the heading band: white on black
    assert share_of(image, "#fff1a8") > 0.03  # the paragraph under discussion is highlighted
    assert share_of(image, "#14532d") > 0.03  # the band in the countdown's "normal" green
    for grab in (image, reference):
        assert abs(share_of(grab, "#ffffff") - share_of(reference, "#ffffff")) < 0.2
