"""The live numbering kept per section (issue 15) is always the numbering worked out afresh: after every step
that inserts, strikes, restores, moves or changes the kind of a paragraph, adds, moves, removes or restores a
section, and after undoing any of them."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chairdesk.core.draft import operations as drafting
from chairdesk.core.draft.numbering import NUMBERED, PREAMBULAR, join_runs, live_numbers, section_run
from chairdesk.core.log.change import Change
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session
from chairdesk.sample import build_sample_session
from tests.core.draft.test_live_numbers import Para
from tests.hypothesis_support import examples


@settings(max_examples=examples(100, 1000), deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.tuples(st.sampled_from([NUMBERED, PREAMBULAR]), st.booleans())), max_size=12),
        max_size=6,
    )
)
def test_runs_joined_number_as_one_pass_over_every_section(sections: list) -> None:
    paragraphs, runs, ids = {}, [], []
    for s, items in enumerate(sections):
        section_ids = [f"s{s}i{k}" for k in range(len(items))]
        paragraphs.update({pid: Para(*item) for pid, item in zip(section_ids, items, strict=True) if item})
        runs.append(section_run(section_ids, paragraphs))
        ids += section_ids
    order, _number, shown, numbered = live_numbers(ids, paragraphs)
    assert join_runs(runs) == (order, shown, numbered)


def _fresh(session: Session):  # noqa: ANN202
    twin = copy.deepcopy(session.draft)
    twin.invalidate()
    return twin.numbering()


def _random_step(session: Session, rng: random.Random, done: list[Change]) -> Change:
    """One step that changes the order, the live paragraphs or their kinds (it may be refused)."""
    draft = session.draft
    if not draft.order:  # every section removed: bring one back
        return session.undo(done[-1])
    pid = rng.choice(sorted(draft.paragraphs))
    sid = rng.choice(draft.order)
    steps: list[Callable[[], Change]] = [
        lambda: drafting.strike_paragraph(session, pid),
        lambda: drafting.restore_paragraph(session, pid),
        lambda: drafting.move_paragraph(session, pid, sid, rng.randint(0, 3)),
        lambda: drafting.insert_paragraph(session, sid, "A new paragraph."),
        lambda: drafting.set_paragraph_kind(session, pid, rng.choice([NUMBERED, PREAMBULAR])),
        lambda: drafting.add_section(session, "Added", rng.randint(0, len(draft.order))),
        lambda: drafting.move_section(session, sid, rng.randint(0, len(draft.order) - 1)),
        lambda: drafting.remove_section(session, sid),
        lambda: drafting.add_subheading(session, sid, "A sub-heading"),
        lambda: session.undo(rng.choice(done)),
    ]
    return rng.choice(steps)()


def test_the_numbering_kept_per_section_is_the_numbering_afresh_after_every_step(tmp_path: Path) -> None:
    steps_seen: set[str] = set()
    for seed in range(4):
        with Session.open(build_sample_session(tmp_path / f"s{seed}.chairdesk")) as session:
            rng = random.Random(seed)
            done: list[Change] = []
            for _ in range(120):
                try:
                    change = _random_step(session, rng, done)
                except (ChairdeskError, IndexError):
                    continue
                done.append(change)
                steps_seen.add(change.kind)
                assert session.draft.numbering() == _fresh(session), change.kind
    assert len(steps_seen) >= 9, sorted(steps_seen)


def test_the_numbers_are_made_when_first_asked_for_and_read_from_the_labels(tmp_path: Path) -> None:
    """A change makes the numbering again without the dictionary of numbers (10,000 of them on a long draft);
    one paragraph's number is read from its label in live mode, and from the numbers in keep mode."""
    with Session.open(build_sample_session(tmp_path / "sample.chairdesk")) as session:
        draft = session.draft
        preambular = draft.numbering().paragraphs[0]
        drafting.set_paragraph_kind(session, preambular, PREAMBULAR)
        drafting.strike_paragraph(session, draft.numbering().numbered[2])
        numbering = draft.numbering()
        expected = {pid: k for k, pid in enumerate(numbering.numbered, start=1)}
        assert [draft.number_of(p) for p in draft.paragraphs] == [expected.get(p) for p in draft.paragraphs]
        assert numbering._number is None  # none of that made the numbers
        assert numbering.number == expected and draft.number_of(preambular) is None
        drafting.set_numbering_mode(session, "keep")
        drafting.insert_paragraph(session, draft.order[1], "A paragraph added after the renumbering.", index=0)
        kept = draft.numbering()
        assert not kept.counted and any(" " in label for label in kept.shown.values())  # "7 bis"
        numbers = {pid: k for k, pid in enumerate(kept.numbered, start=1)}
        assert [draft.number_of(p) for p in draft.paragraphs] == [numbers.get(p) for p in draft.paragraphs]
