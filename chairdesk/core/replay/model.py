"""Replay's model: fast copies of the derived state, checkpoints every N events, and a cursor over the log.

The state at event N is the state right after event N was applied. The cursor keeps one working state; a seek
steps forward from where it stands when that is near, else from a copy of the nearest checkpoint at or
before the target. Checkpoints are taken lazily, the first time replay passes their event.

The draft is most of a state (thousands of paragraphs and proposals), so checkpoints and the working state
share its paragraph, section, sub-heading and proposal objects: a copy of the draft copies only its
dictionaries and lists. Before a draft event is applied, the cursor gives the working state its own copy of
every draft object the event can change (copy on write: see DraftSharing); the other parts of the state are
small and copied whole.
"""

from __future__ import annotations

import copy
import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from ..draft.model import Draft
from ..log.change import Change
from ..log.components import default_components
from ..log.eventlog import Event
from ..log.state import SessionState

SNAPSHOT_EVERY = 100  # events between two checkpoints (at least)
MAX_CHECKPOINTS = 250  # a checkpoint shares the draft's objects, but its dictionaries cost memory
FINE_EVERY = 16  # going back, the block being stepped through gets a checkpoint this often
_SHARED = ("components", "_owners", "_owner_of")  # stateless: shared by every copy
_ATOMIC = frozenset({str, int, float, bool, type(None), bytes})
_SHARE, _OBJECT, _DEEP = 0, 1, 2
_PLANS: dict[type, int] = {}


def _plan(kind: type) -> int:
    """How to copy instances of a class: share it (frozen dataclass), copy its fields, or deepcopy it."""
    params = getattr(kind, "__dataclass_params__", None)
    if params is not None and params.frozen:
        plan = _SHARE  # the model never changes a frozen dataclass (a delegation, a tally, a turn)
    elif "__slots__" in vars(kind) or not hasattr(kind, "__dict__") or issubclass(kind, tuple | set | frozenset):
        plan = _DEEP  # slots, tuples (named ones included) and sets: the general copy
    else:
        plan = _OBJECT
    _PLANS[kind] = plan
    return plan


def clone(value: Any) -> Any:
    """A deep copy of plain model data (dataclasses, dicts, lists), several times faster than copy.deepcopy."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [item if type(item) in _ATOMIC else clone(item) for item in value]
    if kind is dict:
        return {key: item if type(item) in _ATOMIC else clone(item) for key, item in value.items()}
    plan = _PLANS.get(kind)
    if plan is None:
        plan = _plan(kind)
    if plan == _OBJECT:
        twin = object.__new__(kind)
        data = value.__dict__.copy()
        for key, item in data.items():
            if type(item) not in _ATOMIC:
                data[key] = clone(item)
        twin.__dict__ = data
        return twin
    if plan == _SHARE:
        return value
    return copy.deepcopy(value)


def _twin(state: SessionState, copy_value: Callable[[Any], Any]) -> SessionState:
    """A new SessionState with the same attributes: its (stateless) components shared, the rest copy_value'd."""
    twin = SessionState.__new__(SessionState)
    data = {key: value if key in _SHARED else copy_value(value) for key, value in vars(state).items()}
    object.__setattr__(twin, "__dict__", data)
    return twin


def copy_state(state: SessionState) -> SessionState:
    """A copy of a session state: its data copied, its (stateless) components shared."""
    return _twin(state, clone)


def _light(value: Any) -> Any:
    return _draft_shell(value) if isinstance(value, Draft) else clone(value)


def light_copy(state: SessionState) -> SessionState:
    """A copy of a state that shares the draft's objects (see DraftSharing) and copies everything else."""
    return _twin(state, _light)


def _draft_shell(draft: Draft) -> Draft:
    """A new Draft with its own dictionaries and lists, holding the same paragraphs, sections and proposals."""
    shell = object.__new__(Draft)
    fields = {}
    for key, value in vars(draft).items():
        kind = type(value)
        fields[key] = dict(value) if kind is dict else list(value) if kind is list else value
    shell.__dict__ = fields
    return shell


class DraftSharing:
    """Copy on write for the draft objects a working state shares with checkpoints.

    own() is called before each draft event is applied: every paragraph, section, sub-heading and proposal
    the event names in its payload (by id, at any depth), the section a named paragraph sits in, the
    paragraph a named proposal is for, and the paragraphs of a section being removed, are replaced in the
    working draft by private copies, once each, so that applying the event changes no checkpoint.
    """

    def __init__(self) -> None:
        self._owned: dict[int, object] = {}  # id -> object (kept, so an id is never reused meanwhile)

    def forget(self) -> None:
        """Everything in the working state is shared again (after a checkpoint or a restore)."""
        self._owned = {}

    def own(self, draft: Draft, event: Event) -> None:
        """Give the working draft private copies of what the event can change."""
        names: list[str] = []
        _strings(event.payload, names)
        for name in names:
            if name in draft.paragraphs:
                paragraph = self._own(draft.paragraphs, name)
                self._own(draft.sections, paragraph.section)
            if name in draft.sections:
                section = self._own(draft.sections, name)
                if event.kind == "draft.section.remove":
                    for item in section.items:
                        if item in draft.paragraphs:
                            self._own(draft.paragraphs, item)
            if name in draft.subheadings:
                self._own(draft.subheadings, name)
            if name in draft.proposals:
                proposal = self._own(draft.proposals, name)
                if proposal.paragraph in draft.paragraphs:
                    self._own(draft.paragraphs, proposal.paragraph)

    def _own(self, table: dict[str, Any], key: str) -> Any:
        item = table.get(key)
        if item is None or id(item) in self._owned:
            return item
        item = table[key] = clone(item)
        self._owned[id(item)] = item
        return item


def _strings(value: Any, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _strings(item, found)


def state_dump(state: SessionState) -> dict[str, Any]:
    """A canonical, comparable dump of everything in the state (caches and components left out)."""
    return {
        key: _plain(value)
        for key, value in sorted(vars(state).items())
        if not key.startswith("_") and key not in _SHARED
    }


def _plain(value: Any) -> Any:
    if type(value) in _ATOMIC:
        return value
    if isinstance(value, dict):
        return [[_plain(k), _plain(v)] for k, v in value.items()]
    if isinstance(value, list | tuple | set):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set) else items
    if dataclasses.is_dataclass(value) or hasattr(value, "__dict__"):
        fields = {k: _plain(v) for k, v in sorted(vars(value).items()) if not k.startswith("_")}
        return {"type": type(value).__name__, **fields}
    return repr(value)


class ReplayCursor:
    """The state at any event of a log, reached by stepping forward from the cursor or a checkpoint."""

    def __init__(self, events: Sequence[Event], every: int | None = None, fine: int = FINE_EVERY) -> None:
        self.events = events
        self.every = max(1, every or checkpoint_spacing(len(events)))
        self.fine = max(1, fine)
        self.state = SessionState(default_components())
        self.change: Change | None = None  # what the event at the cursor changed
        self._sharing = DraftSharing()
        self._checkpoints: dict[int, SessionState] = {0: light_copy(self.state)}
        self._built = 0  # the last checkpoint taken: every one before it exists
        self._fine: dict[int, SessionState] = {}  # every `fine` events of one block, for stepping back
        self._fine_base = -1

    @property
    def seq(self) -> int:
        """The event the cursor stands at (0: before the first)."""
        return self.state.seq

    @property
    def checkpoints(self) -> int:
        """How many checkpoints have been taken so far."""
        return len(self._checkpoints)

    def seek(self, seq: int) -> SessionState:
        """Move to the state right after event seq (clamped to the log); returns it (do not modify it)."""
        seq = max(0, min(seq, len(self.events)))
        here = self.state.seq
        if seq == here and (seq == 0 or self.change is not None):
            return self.state
        if seq == 0:
            self._restore(self._checkpoints[0])
            return self.state
        # Land by applying event seq itself, so that what it changed is known: start at or before seq - 1.
        target = seq - 1
        base = min(target // self.every * self.every, self._built)
        if not (max(base, target - self.every) <= here <= target):
            self._restore(self._start_for(target, base, backwards=seq < here))
        while self.state.seq < seq:
            self._step()
        return self.state

    def _start_for(self, target: int, base: int, backwards: bool) -> SessionState:
        """The checkpoint to step forward from: going back, a fine one of the block (made the first time)."""
        if not backwards or target - base < 2 * self.fine:
            return self._checkpoints[base]
        if self._fine_base != base:
            self._restore(self._checkpoints[base])
            self._fine = {}
            end = min(base + self.every, len(self.events))
            while self.state.seq < end:
                self._step()
                if self.state.seq % self.fine == 0:
                    self._fine[self.state.seq] = light_copy(self.state)
                    self._sharing.forget()
            self._fine_base = base
        fine = target // self.fine * self.fine
        return self._fine.get(fine) or self._checkpoints[base]

    def snapshot(self) -> SessionState:
        """A frozen view of the state at the cursor, cheap to take: later steps never change it."""
        frozen = light_copy(self.state)
        self._sharing.forget()  # from now on the cursor copies whatever it changes
        return frozen

    def build_all(self) -> None:
        """Take every checkpoint now (a warm-up), leaving the cursor where it was."""
        seq = self.state.seq
        self.seek(len(self.events))
        self.seek(seq)

    def _restore(self, checkpoint: SessionState) -> None:
        self.state = light_copy(checkpoint)
        self._sharing.forget()
        self.change = None

    def _step(self) -> None:
        event = self.events[self.state.seq]
        if event.kind.startswith("draft."):
            self._sharing.own(self.state.draft, event)
        self.change = self.state.apply(event)
        seq = event.seq
        if seq % self.every == 0 and seq > self._built:
            self._checkpoints[seq] = light_copy(self.state)
            self._sharing.forget()
            self._built = seq


def checkpoint_spacing(events: int) -> int:
    """Events between checkpoints: SNAPSHOT_EVERY, or wider so a long session keeps at most MAX_CHECKPOINTS."""
    return max(SNAPSHOT_EVERY, -(-events // MAX_CHECKPOINTS))


def seq_at_time(times: Sequence[str], moment: str) -> int:
    """The last event whose timestamp is at or before moment (ISO, UTC), given every event's timestamp."""
    return bisect_right(times, moment)
