"""The Adoption panel's totals follow each change from what it names, and always equal a full count.

Random chair steps on the bundled sample (amend with and without brackets, strike, restore, move, insert,
sub-paragraphs, proposals, whole sections removed, adoption lapsing proposals, reopening, undo): after every
step the totals kept incrementally must equal the draft counted from scratch, and the panel must not have
counted the whole draft again to get there.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chairdesk.core.adoption import operations as adoption
from chairdesk.core.adoption.model import ADOPTED_STATES
from chairdesk.core.draft import operations as drafting
from chairdesk.core.log.change import Change
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session, replay
from chairdesk.gui.adoption.totals import AdoptionTotals
from chairdesk.sample import build_sample_session

WORDS = "States [shall] cooperate [on capacity building] and [confidence measures] in good faith".split()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """The bundled sample: four sections, open brackets in each, two pending proposals."""
    s = Session.open(build_sample_session(tmp_path / "sample.chairdesk"))
    yield s
    s.close()


def _text(rng: random.Random) -> str:
    """A sentence with 0 to 3 bracketed spans (the words hold the brackets)."""
    words = rng.sample(WORDS, rng.randint(3, len(WORDS)))
    return " ".join(words).replace("[", "").replace("]", "") if rng.random() < 0.3 else " ".join(words)


def random_step(session: Session, rng: random.Random, done: list[Change]) -> None:
    """One chair step picked at random; a refused step records nothing and is simply skipped."""
    draft = session.draft
    live = draft.numbering().paragraphs
    pid = rng.choice(live) if live and rng.random() < 0.85 else rng.choice(sorted(draft.paragraphs))
    para = draft.paragraphs[pid]
    sid = rng.choice(draft.order) if draft.order else para.section
    codes = session.state.roster.codes()
    pending = sorted(p.id for p in draft.pending_proposals())
    subs = [s.id for s in para.subparagraphs]
    steps: list[tuple[int, Callable[[], object]]] = [
        (6, lambda: drafting.amend_paragraph(session, pid, _text(rng))),
        (2, lambda: drafting.strike_paragraph(session, pid)),
        (2, lambda: drafting.restore_paragraph(session, rng.choice([p for p in draft.paragraphs if draft.paragraphs[p].struck]))),
        (2, lambda: drafting.move_paragraph(session, pid, sid, 0)),
        (2, lambda: drafting.insert_paragraph(session, sid, _text(rng))),
        (2, lambda: drafting.add_subparagraph(session, pid, _text(rng))),
        (2, lambda: drafting.amend_subparagraph(session, pid, rng.choice(subs), _text(rng))),
        (1, lambda: drafting.strike_subparagraph(session, pid, rng.choice(subs))),
        (3, lambda: drafting.propose(session, pid, _text(rng), rng.choice(codes))),
        (1, lambda: drafting.accept_proposal(session, rng.choice(pending))),
        (1, lambda: drafting.set_aside_proposal(session, rng.choice(pending))),
        (1, lambda: drafting.remove_section(session, sid)),
        (3, lambda: adopt_with_lapse(session, sid, rng, done)),
        (6, lambda: adoption.reopen_section(session, rng.choice(adopted_sections(session)), "a test")),
        (2, lambda: session.undo(rng.choice(done))),
        (2, lambda: session.undo(done[-1])),
    ]
    weights = [weight for weight, _ in steps]
    step = rng.choices([call for _, call in steps], weights)[0]
    try:
        change = step()
    except (ChairdeskError, IndexError):
        return  # refused (or nothing to pick from): nothing was recorded
    if isinstance(change, Change):
        done.append(change)


def adopt_with_lapse(session: Session, sid: str, rng: random.Random, done: list[Change]) -> Change:
    """Take a section up, agree its bracketed words (brackets off), then adopt it, its proposals lapsing."""
    draft = session.draft
    done.append(adoption.take_up(session, sid))
    for para in draft.live_paragraphs(sid):
        if "[" in para.text or "]" in para.text:
            done.append(drafting.amend_paragraph(session, para.id, para.text.replace("[", "").replace("]", "")))
        for sub in para.live_subparagraphs():
            if "[" in sub.text or "]" in sub.text:
                agreed = sub.text.replace("[", "").replace("]", "")
                done.append(drafting.amend_subparagraph(session, para.id, sub.id, agreed))
    return adoption.adopt_section(session, sid, lapse_proposals=True)


def adopted_sections(session: Session) -> list[str]:
    """Sections adopted now."""
    return [sid for sid in session.draft.order if session.state.adoption.section_status(sid) in ADOPTED_STATES]


def counted_from_scratch(session: Session) -> tuple[int, int]:
    """Open brackets and pending proposals as the core counts them over the whole draft."""
    progress = session.state.adoption.progress(session.draft)
    return progress.open_brackets, progress.pending_proposals


def test_incremental_totals_equal_a_full_count_after_random_steps(tmp_path: Path) -> None:
    kinds: set[str] = set()
    for seed in range(6):
        with Session.open(build_sample_session(tmp_path / f"sample{seed}.chairdesk")) as session:
            rng = random.Random(seed)
            totals = AdoptionTotals(session.state)
            session.subscribe(lambda change, s=session, t=totals: t.update(s.state, change))
            done: list[Change] = []
            for _ in range(150):
                random_step(session, rng, done)
                assert (totals.open_brackets, totals.pending_proposals) == counted_from_scratch(session)
                assert totals.brackets == {p.id: p.open_brackets() for p in session.draft.live_paragraphs()}
            assert totals.full_counts == 1  # every step was followed from what it named, never counted in full
            kinds.update(change.kind for change in done)
    wanted = {"adoption.adopt", "adoption.reopen", "draft.paragraph.strike", "draft.section.remove"}
    assert wanted <= kinds, sorted(kinds)
    assert len(kinds) >= 16, sorted(kinds)  # the steps reached most kinds of change, undone ones included


def test_totals_count_again_when_the_state_is_rebuilt_or_an_event_goes_by_unseen(session: Session) -> None:
    totals = AdoptionTotals(session.state)
    pid = session.draft.numbering().paragraphs[0]
    drafting.amend_paragraph(session, pid, "[bracketed] text")  # not followed: the totals did not see it
    assert totals.current(session.state).open_brackets == counted_from_scratch(session)[0]
    assert totals.full_counts == 2
    change = drafting.amend_paragraph(session, pid, "[one] [two] [three]")
    session.state = replay(session.events)  # as record() does when an event cannot be applied
    totals.update(session.state, change)  # another state object: its draft is not the one counted
    assert totals.full_counts == 3
    assert (totals.open_brackets, totals.pending_proposals) == counted_from_scratch(session)


def test_the_panel_shows_the_full_count_without_counting_the_draft_again(qtbot, session: Session) -> None:  # noqa: ANN001
    from chairdesk.gui.adoption.dock import AdoptionDock
    from chairdesk.gui.controller import SessionController

    dock = AdoptionDock(SessionController(session))
    qtbot.addWidget(dock)
    rng = random.Random(7)
    done: list[Change] = []
    for _ in range(60):
        random_step(session, rng, done)
        brackets, proposals = counted_from_scratch(session)
        left = dock.left.text()
        assert left.startswith(f"Left: {brackets} open bracket" if brackets else "Left: no open brackets")
        assert (f", {proposals} pending proposal" if proposals else ", no pending proposals") in left
    assert dock.totals.full_counts == 1
    assert len(done) > 20


def test_a_view_told_first_that_changes_the_section_does_not_make_the_panel_count_everything(
    qtbot, session: Session  # noqa: ANN001
) -> None:
    """The window is told of a move before the panel and makes the target section current: the panel is asked
    for its totals before it was told, and follows the change from what it names (a full count of a
    10,000-paragraph draft took 60 ms of every move)."""
    from chairdesk.gui.adoption.dock import AdoptionDock
    from chairdesk.gui.controller import SessionController

    controller = SessionController(session)
    draft = session.draft
    pid = draft.numbering().paragraphs[0]
    target = next(sid for sid in draft.order if sid != draft.paragraphs[pid].section)
    controller.changed.connect(lambda change: controller.set_current(draft.paragraphs[pid].section, pid))
    dock = AdoptionDock(controller)
    qtbot.addWidget(dock)
    controller.run(drafting.amend_paragraph, pid, "[moved] and [bracketed]")
    controller.run(drafting.move_paragraph, pid, target, 0)
    assert dock.section_id == target
    brackets, proposals = counted_from_scratch(session)
    assert dock.left.text().startswith(f"Left: {brackets} open bracket")
    assert dock.totals.full_counts == 1
