"""The roster's events component: roster.* events checked, inverted, applied and described."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..log.errors import RefusedError
from ..log.state import step_note
from .roster import Delegation, Roster, RosterError, validate_delegations

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.eventlog import Event
    from ..log.state import SessionState


class RosterComponent:
    """Owns roster.* events."""

    name = "roster"
    prefixes = ("roster.",)

    def check(self, state: SessionState, kind: str, payload: dict[str, Any], actor: str) -> None:
        if not kind.startswith("roster."):
            return
        roster: Roster = state.roster
        if kind == "roster.set":
            validate_delegations([Delegation.from_payload(d) for d in payload["delegations"]])
            codes = {d["code"] for d in payload["delegations"]}
            busy = [c for c in state.floor.busy_codes() if c not in codes]
            if busy:
                raise RefusedError(
                    f"{', '.join(roster.name_of(c) for c in busy)} cannot leave the roster while "
                    "waiting for or holding the floor."
                )
        elif kind == "roster.add":
            new = Delegation.from_payload(payload["delegation"])
            validate_delegations([*roster.delegations, new])
        elif kind == "roster.update":
            roster.get(payload["code"])
            new = Delegation.from_payload(payload["delegation"])
            if new.code != payload["code"]:
                raise RosterError("A delegation's code cannot change; remove it and add it again.")
            validate_delegations([new if d.code == new.code else d for d in roster.delegations])
        elif kind == "roster.remove":
            code = payload["code"]
            roster.get(code)
            if code in state.floor.busy_codes():
                raise RefusedError(
                    f"{roster.name_of(code)} is waiting for or holding the floor; withdraw the request first."
                )
        else:
            raise RefusedError(f"Unknown roster event {kind!r}.")

    def inverse(self, state: SessionState, kind: str, payload: dict[str, Any]) -> tuple[str, dict] | None:
        roster: Roster = state.roster
        if kind == "roster.set":
            return "roster.set", {"delegations": [d.as_payload() for d in roster.delegations]}
        if kind == "roster.add":
            return "roster.remove", {"code": payload["delegation"]["code"]}
        if kind == "roster.update":
            return "roster.update", {
                "code": payload["code"],
                "delegation": roster.get(payload["code"]).as_payload(),
            }
        if kind == "roster.remove":
            code = payload["code"]
            return "roster.add", {"delegation": roster.get(code).as_payload(), "index": roster.index_of(code)}
        return None

    def still_stands(self, state: SessionState, event: Event) -> bool:
        """Whether the roster still is as the event left it, so that undoing it undoes no later change."""
        roster: Roster = state.roster
        p = event.payload
        if event.kind == "roster.set":
            return [d.as_payload() for d in roster.delegations] == p["delegations"]
        if event.kind == "roster.update":
            return p["code"] in roster and roster.get(p["code"]).as_payload() == p["delegation"]
        return True

    def describe(self, state: SessionState, event: Event) -> str:
        p = event.payload
        undo = step_note(state, event)
        if event.kind == "roster.set":
            count = len(p["delegations"])
            source = f" from {p['source']}" if p.get("source") else ""
            return f"The roster was set{source}: {count} delegation{'s' if count != 1 else ''}{undo}."
        if event.kind == "roster.add":
            d = Delegation.from_payload(p["delegation"])
            return f"{d.name} ({d.stakeholder_group}, {d.regional_group}, {d.attendance}) joined the roster{undo}."
        if event.kind == "roster.update":
            d = Delegation.from_payload(p["delegation"])
            return f"The roster entry of {d.name} was changed{undo}."
        if event.kind == "roster.remove":
            return f"{state.roster.name_of(p['code'])} left the roster{undo}."
        return f"Roster: {event.kind}."

    def apply(self, state: SessionState, event: Event, change: Change) -> None:
        if not event.kind.startswith("roster."):
            return
        roster: Roster = state.roster
        p = event.payload
        if event.kind == "roster.set":
            roster.delegations = [Delegation.from_payload(d) for d in p["delegations"]]
        elif event.kind == "roster.add":
            new = Delegation.from_payload(p["delegation"])
            index = p.get("index")
            if index is None:
                roster.delegations.append(new)
            else:
                roster.delegations.insert(index, new)
        elif event.kind == "roster.update":
            new = Delegation.from_payload(p["delegation"])
            roster.delegations = [new if d.code == new.code else d for d in roster.delegations]
        elif event.kind == "roster.remove":
            roster.delegations = [d for d in roster.delegations if d.code != p["code"]]
        roster._reindex()
        change.areas.add("roster")
