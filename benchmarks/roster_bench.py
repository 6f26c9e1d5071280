"""Benchmark the floor with a 200-delegation roster: the type-ahead's resolve per keystroke, and the figures.

    python benchmarks/roster_bench.py              # the UN roster (195) and 5 more, 600 interventions, a transcript

Prints the median of several runs for each figure (QT_QPA_PLATFORM=offscreen for the Floor panel's popup).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chairdesk.core.floor.figures import speaker_figures  # noqa: E402
from chairdesk.core.floor.operations import (  # noqa: E402
    attach_transcript,
    end_intervention,
    next_speaker,
    request_floor,
    set_roster,
)
from chairdesk.core.floor.roster import Delegation  # noqa: E402
from chairdesk.core.log.session import Session  # noqa: E402
from chairdesk.resources import un_roster  # noqa: E402

TYPED = ("T", "Tu", "Tur", "Turk", "Turke", "Turkey", "UK", "Cote d", "Viet", "United K", "sai", "Ukr")


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall-clock time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Clock:
    """A clock moved by hand, so that the session's timings do not depend on the machine."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def roster_of_200() -> list[Delegation]:
    """The UN roster and five observers: 200 delegations."""
    extra = [
        Delegation(f"OBS{i}", f"Observer organisation {i}", "intergovernmental organisation")
        for i in range(5)
    ]
    return [*un_roster(), *extra]


def build_session(folder: Path, interventions: int) -> Session:
    """A session with the 200-delegation roster, `interventions` timed speeches and a transcript."""
    clock = Clock()
    session = Session.create(folder / "bench.chairdesk", "Benchmark", clock=clock)
    roster = roster_of_200()
    set_roster(session, roster)
    lines = []
    for index in range(interventions):
        delegation = roster[(index * 7) % len(roster)]
        request_floor(session, delegation.code)
        next_speaker(session)
        clock.now += timedelta(seconds=90 + index % 60)
        end_intervention(session)
        lines.append(
            f">> {delegation.name.upper()}: Thank you, Chair. We support paragraph {index % 40 + 1}."
        )
    transcript = folder / "transcript.txt"
    transcript.write_text("\n".join(lines) + "\n", encoding="utf-8")
    attach_transcript(session, transcript)
    return session


def bench(repeat: int, interventions: int) -> dict[str, float]:
    """Measure the figures on a fresh session."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        session = build_session(Path(folder), interventions)
        roster = session.state.roster
        figures["delegations"] = len(roster)
        figures["interventions"] = len(session.state.floor.interventions)
        figures["transcript_turns"] = len(session.state.transcript.turns)

        def resolve_all() -> None:
            for text in TYPED:
                roster.resolve(text)
                roster.find(text)

        figures["resolve_ms"] = median_seconds(resolve_all, repeat) / len(TYPED) * 1000
        figures["figures_ms"] = median_seconds(lambda: speaker_figures(session.state), repeat) * 1000
        figures["panel_keystroke_ms"] = _panel_keystroke(session, repeat) * 1000
        session.close()
    return figures


def _panel_keystroke(session: Session, repeat: int) -> float:
    """Median time for the Floor panel to show the candidates for one more typed letter (popup included)."""
    from chairdesk.gui.controller import SessionController
    from chairdesk.gui.floor.speakers_list import SpeakersListPanel
    from chairdesk.gui.qt import QApplication

    app = QApplication.instance() or QApplication([])
    controller = SessionController(session)
    panel = SpeakersListPanel(controller, Clock())
    panel.show()

    def type_all() -> None:
        for text in TYPED:
            panel.request_edit.setText(text)
            panel.show_candidates(text)
            app.processEvents()

    seconds = median_seconds(type_all, repeat) / len(TYPED)
    panel.close()
    controller.detach()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--interventions", type=int, default=600)
    args = parser.parse_args()
    for name, value in bench(args.repeat, args.interventions).items():
        print(f"{name:>20}: {value:.3f}" if isinstance(value, float) else f"{name:>20}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
