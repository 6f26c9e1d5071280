"""Generate a large session for benchmarks: a 2,000-paragraph draft and a day's worth of events."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chairdesk.core import drafting  # noqa: E402
from chairdesk.core.log.session import Session  # noqa: E402

WORDS = (
    "States recalled reaffirmed stressed encouraged welcomed noted the importance of international law "
    "capacity building confidence measures critical infrastructure cooperation developing countries norms "
    "responsible behaviour voluntary national views points of contact directory regional organizations"
).split()


def _sentence(rng: random.Random, words: int = 40) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_large_session(path: str | Path, paragraphs: int = 2000, events: int = 20000, seed: int = 1) -> Path:
    """Create a session with `paragraphs` paragraphs in 8 sections, then amendments up to `events` events."""
    rng = random.Random(seed)
    path = Path(path)
    with Session.create(path, "Benchmark working group") as session:
        drafting.set_title(session, "Draft outcome document (benchmark)")
        sections = [drafting.add_section(session, f"Section {i + 1}").subject for i in range(8)]
        for i in range(paragraphs):
            drafting.insert_paragraph(session, sections[i * len(sections) // paragraphs], _sentence(rng))
        drafting.mark_baseline(session, "Tabled draft")
        live = [p.id for p in session.draft.live_paragraphs()]
        actors = ["chair", "BLU", "YEL", "ORA", "PUR", "RED", "GRN"]
        while len(session.events) < events:
            pid = rng.choice(live)
            roll = rng.random()
            if roll < 0.9:
                text = session.draft.paragraph(pid).text
                words = text.split()
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                new = " ".join(words)
                if new != text:
                    drafting.amend_paragraph(session, pid, new, rng.choice(actors))
            elif roll < 0.95:
                drafting.move_paragraph(session, pid, rng.choice(sections), rng.randrange(50))
            else:
                drafting.propose(session, pid, _sentence(rng), rng.choice(actors[1:]))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "large.chairdesk")
    target.unlink(missing_ok=True)
    make_large_session(target)
    print(target)
