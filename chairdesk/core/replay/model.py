"""Replay's model: fast copies of the derived state, checkpoints every N events, and a cursor over the log.

The state at event N is the state right after event N was applied. The cursor keeps one working state; a seek
steps forward from where it stands when that is near, else from a copy of the nearest checkpoint at or
before the target. Checkpoints are taken lazily, the first time replay passes their event.
"""

from __future__ import annotations

import copy
import dataclasses
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from ..log.change import Change
from ..log.components import default_components
from ..log.eventlog import Event
from ..log.state import SessionState

SNAPSHOT_EVERY = 250  # events between two checkpoints (at least)
MAX_CHECKPOINTS = 100  # a checkpoint shares its strings with the others, but its objects cost memory
_SHARED = ("components", "_owners")  # stateless: shared by every copy
_ATOMIC = frozenset({str, int, float, bool, type(None), bytes})
_SHARE, _OBJECT, _DEEP = 0, 1, 2
_PLANS: dict[type, int] = {}


def _plan(kind: type) -> int:
    """How to copy instances of a class: share it (frozen dataclass), copy its fields, or deepcopy it."""
    params = getattr(kind, "__dataclass_params__", None)
    if params is not None and params.frozen:
        plan = _SHARE  # the model never changes a frozen dataclass (a delegation, a tally, a turn)
    elif "__slots__" in vars(kind) or not hasattr(kind, "__dict__"):
        plan = _DEEP
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


def copy_state(state: SessionState) -> SessionState:
    """A copy of a session state: its data copied, its (stateless) components shared."""
    twin = SessionState.__new__(SessionState)
    data = {key: value if key in _SHARED else clone(value) for key, value in vars(state).items()}
    object.__setattr__(twin, "__dict__", data)
    return twin


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

    def __init__(self, events: Sequence[Event], every: int | None = None) -> None:
        self.events = events
        self.every = max(1, every or checkpoint_spacing(len(events)))
        self.state = SessionState(default_components())
        self.change: Change | None = None  # what the event at the cursor changed
        self._checkpoints: dict[int, SessionState] = {0: copy_state(self.state)}
        self._built = 0  # the last checkpoint taken: every one before it exists

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
            self._restore(self._checkpoints[base])
        while self.state.seq < seq:
            self._step()
        return self.state

    def build_all(self) -> None:
        """Take every checkpoint now (a warm-up), leaving the cursor where it was."""
        seq = self.state.seq
        self.seek(len(self.events))
        self.seek(seq)

    def _restore(self, checkpoint: SessionState) -> None:
        self.state = copy_state(checkpoint)
        self.change = None

    def _step(self) -> None:
        event = self.events[self.state.seq]
        self.change = self.state.apply(event)
        seq = event.seq
        if seq % self.every == 0 and seq > self._built:
            self._checkpoints[seq] = copy_state(self.state)
            self._built = seq


def checkpoint_spacing(events: int) -> int:
    """Events between checkpoints: SNAPSHOT_EVERY, or wider so a long session keeps at most MAX_CHECKPOINTS."""
    return max(SNAPSHOT_EVERY, -(-events // MAX_CHECKPOINTS))


def seq_at_time(times: Sequence[str], moment: str) -> int:
    """The last event whose timestamp is at or before moment (ISO, UTC), given every event's timestamp."""
    return bisect_right(times, moment)
