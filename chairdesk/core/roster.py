"""The roster of delegations: who is in the room (or online), their stakeholder and regional groups, CSV in and out.

Events (the payload of a delegation is the dict of its fields, see Delegation.as_payload):

    roster.set     {delegations: [..], source?}   replaces the whole roster (CSV import, the roster editor)
    roster.add     {delegation, index?}
    roster.update  {code, delegation}             a new version of one delegation (the code stays)
    roster.remove  {code}                         refused while the delegation waits or has the floor
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .draft import CHAIR
from .errors import ChairdeskError, RefusedError

if TYPE_CHECKING:
    from .eventlog import Event
    from .session import Session
    from .state import Change, SessionState

STAKEHOLDER_GROUPS: tuple[str, ...] = (
    "government",
    "intergovernmental organisation",
    "civil society",
    "private sector",
    "technical community",
    "academia",
)
REGIONAL_GROUPS: tuple[str, ...] = (
    "African Group",
    "Asia-Pacific Group",
    "Eastern European Group",
    "GRULAC",
    "WEOG",
    "none",
)
ATTENDANCE = ("room", "online")
CSV_COLUMNS = ("name", "code", "stakeholder_group", "regional_group", "colour", "attendance")
REQUIRED_COLUMNS = ("name", "code", "stakeholder_group", "regional_group")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
_COLOUR = re.compile(r"^(#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z]+)$")


class RosterError(ChairdeskError):
    """A roster (a CSV file or a list from the editor) is not valid; the message names the file and row."""

    def __init__(self, problem: str, path: str | Path | None = None, row: int | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.row = row
        self.problem = problem
        where = ", ".join(
            x for x in (str(path) if path is not None else "", f"row {row}" if row else "") if x
        )
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass(frozen=True)
class Delegation:
    """A party in the room: a Member State, an organisation or a stakeholder, known by its short code."""

    code: str
    name: str
    stakeholder_group: str = "government"
    regional_group: str = "none"
    colour: str = ""
    online: bool = False

    def as_payload(self) -> dict[str, Any]:
        """The delegation as an event payload."""
        return asdict(self)

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Delegation:
        """The delegation from an event payload."""
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            stakeholder_group=str(data.get("stakeholder_group", "government")),
            regional_group=str(data.get("regional_group", "none")),
            colour=str(data.get("colour", "")),
            online=bool(data.get("online", False)),
        )

    @property
    def attendance(self) -> str:
        """ "online" or "room"."""
        return "online" if self.online else "room"


def _canonical(value: str, choices: Sequence[str]) -> str | None:
    """The choice a value names, ignoring case and surrounding spaces."""
    wanted = " ".join(value.split()).casefold()
    for choice in choices:
        if choice.casefold() == wanted:
            return choice
    return None


def stakeholder_group(value: str) -> str | None:
    """The stakeholder group a value names (case-insensitive), or None if it names none."""
    return _canonical(value, STAKEHOLDER_GROUPS)


def regional_group(value: str) -> str | None:
    """The regional group a value names (case-insensitive, empty meaning "none"), or None if it names none."""
    return _canonical(value or "none", REGIONAL_GROUPS)


def delegation_problem(d: Delegation) -> str | None:
    """What is wrong with one delegation on its own, or None."""
    if not d.name.strip():
        return "the name is empty"
    if not d.code.strip():
        return f"the code of {d.name} is empty"
    if not _CODE.match(d.code) or d.code.casefold() == "chair":
        return (
            f"the code {d.code!r} of {d.name} is not a short code "
            "(letters, digits, - or _, at most 16, and not 'chair')"
        )
    if d.stakeholder_group not in STAKEHOLDER_GROUPS:
        return (
            f"unknown stakeholder group {d.stakeholder_group!r} for {d.name} "
            f"(one of: {', '.join(STAKEHOLDER_GROUPS)})"
        )
    if d.regional_group not in REGIONAL_GROUPS:
        return (
            f"unknown regional group {d.regional_group!r} for {d.name} (one of: {', '.join(REGIONAL_GROUPS)})"
        )
    if d.colour and not _COLOUR.match(d.colour):
        return f"the colour {d.colour!r} of {d.name} is not a colour name or #rrggbb"
    return None


def validate_delegations(
    delegations: Sequence[Delegation], path: str | Path | None = None, rows: Sequence[int] | None = None
) -> None:
    """Raise RosterError for the first invalid, duplicate-named or duplicate-coded delegation."""
    names: dict[str, int] = {}
    codes: dict[str, int] = {}
    for index, d in enumerate(delegations):
        row = rows[index] if rows else index + 1
        problem = delegation_problem(d)
        if problem:
            raise RosterError(problem, path, row)
        name_key, code_key = d.name.strip().casefold(), d.code.casefold()
        if name_key in names:
            raise RosterError(f"the name {d.name!r} is already used in row {names[name_key]}", path, row)
        if code_key in codes:
            raise RosterError(f"the code {d.code!r} is already used in row {codes[code_key]}", path, row)
        names[name_key], codes[code_key] = row, row


class Roster:
    """The delegations of the session, in roster order."""

    def __init__(self) -> None:
        self.delegations: list[Delegation] = []
        self._by_code: dict[str, Delegation] = {}

    def _reindex(self) -> None:
        self._by_code = {d.code: d for d in self.delegations}

    def __len__(self) -> int:
        return len(self.delegations)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Delegation:
        """The delegation with this code (RefusedError if there is none)."""
        try:
            return self._by_code[code]
        except KeyError:
            raise RefusedError(f"There is no delegation {code!r} on the roster.") from None

    def name_of(self, code: str) -> str:
        """The delegation's name; the code itself if it is not on the roster."""
        delegation = self._by_code.get(code)
        return delegation.name if delegation else code

    def codes(self) -> list[str]:
        """The delegation codes, in roster order."""
        return [d.code for d in self.delegations]

    def names(self) -> dict[str, str]:
        """Each delegation's code and name, in roster order."""
        return {d.code: d.name for d in self.delegations}

    def index_of(self, code: str) -> int:
        """The delegation's place in roster order."""
        return self.delegations.index(self.get(code))

    def find(self, text: str) -> list[Delegation]:
        """Delegations whose name or code matches typed text: exact first, then starts-with, then contains."""
        key = text.strip().casefold()
        if not key:
            return []
        exact = [d for d in self.delegations if key in (d.name.casefold(), d.code.casefold())]
        starts = [
            d
            for d in self.delegations
            if d not in exact
            and (
                d.name.casefold().startswith(key) or any(w.startswith(key) for w in d.name.casefold().split())
            )
        ]
        contains = [
            d for d in self.delegations if d not in exact and d not in starts and key in d.name.casefold()
        ]
        return exact + starts + contains


def actor_name(state: SessionState, actor: str, chair: str = "the Chair") -> str:
    """How a document names an actor: the chair's wording given, or the delegation's name from the roster."""
    return chair if actor == CHAIR else state.roster.name_of(actor)


# ----------------------------------------------------------------------------- CSV
def read_roster_csv(path: str | Path) -> list[Delegation]:
    """Read and validate a roster CSV (all rows first); raises RosterError naming the file and row."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError("no such file", path) from None
    except UnicodeDecodeError:
        raise RosterError("not a text file in UTF-8 (save the roster as CSV UTF-8)", path) from None
    except OSError as error:
        raise RosterError(f"cannot be read ({error.strerror})", path) from None
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise RosterError("the file is empty", path)
    reader = csv.reader(lines)
    header = [h.strip().casefold().replace(" ", "_") for h in next(reader)]
    header = ["colour" if h == "color" else h for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise RosterError(
            f"missing column(s) {', '.join(missing)}; the columns are {','.join(CSV_COLUMNS)}", path, 1
        )
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    if unknown:
        raise RosterError(f"unknown column(s) {', '.join(unknown)}", path, 1)
    delegations: list[Delegation] = []
    rows: list[int] = []
    for row_number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise RosterError(f"{len(values)} values but {len(header)} columns", path, row_number)
        field = dict(zip(header, (v.strip() for v in values), strict=False))
        name = " ".join(field.get("name", "").split())
        if not name:
            raise RosterError("the name is empty", path, row_number)
        group = stakeholder_group(field.get("stakeholder_group", ""))
        if group is None:
            raise RosterError(
                f"unknown stakeholder group {field.get('stakeholder_group', '')!r} "
                f"(one of: {', '.join(STAKEHOLDER_GROUPS)})",
                path,
                row_number,
            )
        region = regional_group(field.get("regional_group", ""))
        if region is None:
            raise RosterError(
                f"unknown regional group {field.get('regional_group', '')!r} "
                f"(one of: {', '.join(REGIONAL_GROUPS)})",
                path,
                row_number,
            )
        attendance = (field.get("attendance") or "room").casefold()
        if attendance not in ATTENDANCE:
            raise RosterError(
                f"attendance must be room or online, not {field.get('attendance')!r}", path, row_number
            )
        delegations.append(
            Delegation(
                code=field.get("code", ""),
                name=name,
                stakeholder_group=group,
                regional_group=region,
                colour=field.get("colour", ""),
                online=attendance == "online",
            )
        )
        rows.append(row_number)
    if not delegations:
        raise RosterError("the file has a header but no delegations", path)
    validate_delegations(delegations, path, rows)
    return delegations


def write_roster_csv(roster: Roster | Iterable[Delegation], path: str | Path) -> Path:
    """Write the roster as CSV (name,code,stakeholder_group,regional_group,colour,attendance)."""
    path = Path(path)
    delegations = roster.delegations if isinstance(roster, Roster) else list(roster)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for d in delegations:
            writer.writerow([d.name, d.code, d.stakeholder_group, d.regional_group, d.colour, d.attendance])
    return path


# ------------------------------------------------------------------------ operations
def set_roster(session: Session, delegations: Sequence[Delegation], source: str = "") -> Change:
    """Replace the whole roster in one event (validated first: nothing changes if one delegation is wrong)."""
    validate_delegations(delegations)
    payload: dict[str, Any] = {"delegations": [d.as_payload() for d in delegations]}
    if source:
        payload["source"] = source
    return session.record("roster.set", payload)


def import_roster_csv(session: Session, path: str | Path) -> Change:
    """Read a roster CSV (every row checked first) and make it the roster in one event."""
    path = Path(path)
    return set_roster(session, read_roster_csv(path), source=path.name)


def add_delegation(session: Session, delegation: Delegation, index: int | None = None) -> Change:
    """Add one delegation to the roster (at the end unless index is given)."""
    payload: dict[str, Any] = {"delegation": delegation.as_payload()}
    if index is not None:
        payload["index"] = index
    return session.record("roster.add", payload)


def update_delegation(session: Session, delegation: Delegation) -> Change:
    """Change a delegation's name, groups, colour or attendance (found by its code)."""
    return session.record("roster.update", {"code": delegation.code, "delegation": delegation.as_payload()})


def remove_delegation(session: Session, code: str) -> Change:
    """Take a delegation off the roster (its past interventions stay in the record under its code)."""
    return session.record("roster.remove", {"code": code})


# ------------------------------------------------------------------------ component
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
        undo = " (undoing an earlier step)" if "undo_of" in p else ""
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
