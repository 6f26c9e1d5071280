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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..log.errors import ChairdeskError, RefusedError
from .csv_files import MAX_CSV_BYTES, MAX_FIELD_CHARS, from_spreadsheet, write_csv
from .names import NameIndex, Resolution, fold, resolve_typed

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
CSV_COLUMNS = (
    "name", "code", "stakeholder_group", "regional_group", "colour", "attendance", "aliases", "affiliation"
)
ALIAS_SEPARATOR = "|"
# A roster is a meeting's parties (the General Assembly: 193 Member States and 2 observer States).
MAX_DELEGATIONS = 1000
CSV_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
REQUIRED_COLUMNS = ("name", "code", "stakeholder_group", "regional_group")
MAX_ROSTER = MAX_DELEGATIONS  # the name the file-size limits use
MAX_NAME = 200  # characters in a delegation's name
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
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
    aliases: tuple[str, ...] = ()  # other names chairs type: former, common, short ("Turkey", "UK")
    affiliation: str = ""  # a workshop participant's organisation ("" for a delegation)

    def as_payload(self) -> dict[str, Any]:
        """The delegation as an event payload (aliases only when there are some, as older files have none)."""
        payload: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "stakeholder_group": self.stakeholder_group,
            "regional_group": self.regional_group,
            "colour": self.colour,
            "online": self.online,
        }
        if self.aliases:
            payload["aliases"] = list(self.aliases)
        if self.affiliation:
            payload["affiliation"] = self.affiliation
        return payload

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
            aliases=tuple(str(a) for a in data.get("aliases", ()) or ()),
            affiliation=str(data.get("affiliation", "") or ""),
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
    for column, value in asdict(d).items():
        found = _CONTROL.search(value) if isinstance(value, str) else None
        if found:
            return (
                f"the {column} holds an invisible control character (U+{ord(found.group()):04X}); remove it"
            )
    if len(d.name) > MAX_NAME:
        return f"the name is {len(d.name)} characters long; a delegation's name has at most {MAX_NAME}"
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
    if len(d.affiliation) > MAX_NAME:
        return f"the affiliation of {d.name} is {len(d.affiliation)} characters long; at most {MAX_NAME}"
    if d.colour and not _COLOUR.match(d.colour):
        return f"the colour {d.colour!r} of {d.name} is not a colour name or #rrggbb"
    for alias in d.aliases:
        if not fold(alias) or ALIAS_SEPARATOR in alias or len(alias) > 120:
            return f"the alias {alias!r} of {d.name} is empty, too long or holds a {ALIAS_SEPARATOR!r}"
    return None


def validate_delegations(
    delegations: Sequence[Delegation], path: str | Path | None = None, rows: Sequence[int] | None = None
) -> None:
    """Raise RosterError for too many delegations, or the first invalid or duplicate name, code or alias.

    Names and aliases are compared as chairs type them (`names.fold`: no accents, either apostrophe), so that
    each name, alias or code stands for one delegation only."""
    if len(delegations) > MAX_DELEGATIONS:
        raise RosterError(
            f"{len(delegations)} delegations; a roster holds at most {MAX_DELEGATIONS:,}", path, None
        )
    names: dict[str, tuple[int, str]] = {}  # folded name, alias or code → (row, code)
    codes: dict[str, int] = {}
    for index, d in enumerate(delegations):
        row = rows[index] if rows else index + 1
        problem = delegation_problem(d)
        if problem:
            raise RosterError(problem, path, row)
        code_key = d.code.casefold()
        if code_key in codes:
            raise RosterError(f"the code {d.code!r} is already used in row {codes[code_key]}", path, row)
        codes[code_key] = row
        for kind, value in (("name", d.name), *(("alias", a) for a in d.aliases)):
            key = fold(value)
            if key in names and names[key][1] != code_key:
                raise RosterError(f"the {kind} {value!r} is already used in row {names[key][0]}", path, row)
            names.setdefault(key, (row, code_key))
    for index, d in enumerate(delegations):  # an alias that is another delegation's code
        for alias in d.aliases:
            other = codes.get(fold(alias))
            row = rows[index] if rows else index + 1
            if other is not None and fold(alias) != d.code.casefold():
                raise RosterError(f"the alias {alias!r} of {d.name} is the code of row {other}", path, row)


class Roster:
    """The delegations of the session, in roster order."""

    def __init__(self) -> None:
        self.delegations: list[Delegation] = []
        self._by_code: dict[str, Delegation] = {}
        self._names: NameIndex[Delegation] = NameIndex()

    def _reindex(self) -> None:
        self._by_code = {d.code: d for d in self.delegations}
        self._names = NameIndex.build(self.delegations)

    def _index(self) -> NameIndex[Delegation]:
        if len(self._names.entries) != len(self.delegations):  # delegations set without _reindex
            self._reindex()
        return self._names

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
        """Delegations typed text may stand for, best first: exact code/name/alias, word starts, contains."""
        exact, starts, contains = self._index().tiers(text)
        return exact + starts + contains

    def exact(self, text: str) -> list[Delegation]:
        """The delegations a code, name or alias names exactly, as chairs type it (codes first)."""
        return self._index().exact(text)

    def resolve(self, text: str) -> Resolution[Delegation]:
        """The one delegation typed text stands for, or the candidates to choose from (see core.floor.names)."""
        return resolve_typed(self._index(), text)


# ----------------------------------------------------------------------------- CSV
def _header(cells: Sequence[str]) -> list[str]:
    header = [h.strip().casefold().replace(" ", "_") for h in cells]
    return ["colour" if h == "color" else h for h in header]


def _separator(first_line: str, path: Path) -> str:
    """The separator of the header line: comma, semicolon or tab; RosterError naming any other one."""
    for separator in CSV_SEPARATORS:
        header = _header(next(csv.reader([first_line], delimiter=separator)))
        if all(c in header for c in REQUIRED_COLUMNS):
            return separator
    others = sorted({c for c in first_line if not (c.isalnum() or c in "_ \"'")})
    for separator in others:
        header = _header(next(csv.reader([first_line], delimiter=separator)))
        if all(c in header for c in REQUIRED_COLUMNS):
            raise RosterError(
                f"the columns are separated by {separator!r}; save the roster with commas, semicolons or "
                "tabs between the columns",
                path,
                1,
            )
    return ","


def _known(
    field: dict[str, str],
    column: str,
    find: Callable[[str], str | None],
    choices: Sequence[str],
    where: tuple[Path, int],
) -> str:
    """The group a row's cell names (`find` reads spellings), or a RosterError naming the choices."""
    found = find(field.get(column, ""))
    if found is None:
        raise RosterError(
            f"unknown {column.replace('_', ' ')} {field.get(column, '')!r} (one of: {', '.join(choices)})", *where
        )
    return found


def read_roster_csv(path: str | Path) -> list[Delegation]:
    """Read and validate a roster CSV (all rows first); raises RosterError naming the file and row."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise RosterError(
                f"the file is {path.stat().st_size / 1e6:.0f} MB; a roster CSV is at most "
                f"{MAX_CSV_BYTES // 1024 // 1024} MB (and {MAX_ROSTER} delegations)",
                path,
            )
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError("no such file", path) from None
    except UnicodeDecodeError:
        raise RosterError("not a text file in UTF-8 (save the roster as CSV UTF-8)", path) from None
    except OSError as error:
        raise RosterError(f"cannot be read ({error.strerror})", path) from None
    lines = text.replace("\f", " ").split("\n")  # a form feed is whitespace; CR and other controls are not
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if not any(line.strip() for line in lines):
        raise RosterError("the file is empty", path)
    reader = _LimitedReader(lines, path, _separator(lines[0], path))
    header = _header(next(reader))
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
        if len(delegations) == MAX_DELEGATIONS:
            raise RosterError(
                f"more than {MAX_DELEGATIONS:,} delegations; a roster holds at most {MAX_DELEGATIONS:,}", path, row_number
            )
        field = dict(zip(header, (from_spreadsheet(v.strip()) for v in values), strict=False))
        name = " ".join(field.get("name", "").split())
        if not name:
            raise RosterError("the name is empty", path, row_number)
        where = (path, row_number)
        group = _known(field, "stakeholder_group", stakeholder_group, STAKEHOLDER_GROUPS, where)
        region = _known(field, "regional_group", regional_group, REGIONAL_GROUPS, where)
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
                aliases=tuple(
                    " ".join(a.split()) for a in field.get("aliases", "").split(ALIAS_SEPARATOR) if a.strip()
                ),
                affiliation=" ".join(field.get("affiliation", "").split()),
            )
        )
        rows.append(row_number)
    if not delegations:
        raise RosterError("the file has a header but no delegations", path)
    validate_delegations(delegations, path, rows)
    return delegations


def write_roster_csv(roster: Roster | Iterable[Delegation], path: str | Path) -> Path:
    """Write the roster as CSV (name,code,stakeholder_group,regional_group,colour,attendance[,aliases]),
    atomically, with cells that could run as spreadsheet formulas escaped.

    The aliases column ("|" between aliases) is written when a delegation has aliases, and the affiliation
    column when one has an affiliation."""
    delegations = roster.delegations if isinstance(roster, Roster) else list(roster)
    with_aliases = any(d.aliases for d in delegations)
    with_affiliation = any(d.affiliation for d in delegations)
    columns = CSV_COLUMNS[:6] + ("aliases",) * with_aliases + ("affiliation",) * with_affiliation
    rows = (
        [d.name, d.code, d.stakeholder_group, d.regional_group, d.colour, d.attendance]
        + ([ALIAS_SEPARATOR.join(d.aliases)] if with_aliases else [])
        + ([d.affiliation] if with_affiliation else [])
        for d in delegations
    )
    return write_csv(path, columns, rows)


class _LimitedReader:
    """csv.reader over lines, whose errors (a field past the limit, a stray quote) name the file and row."""

    def __init__(self, lines: list[str], path: Path, delimiter: str = ",") -> None:
        self._reader = csv.reader(lines, delimiter=delimiter, strict=False)
        self._path = path

    def __iter__(self) -> _LimitedReader:
        return self

    def __next__(self) -> list[str]:
        previous = csv.field_size_limit(MAX_FIELD_CHARS)
        try:
            values = next(self._reader)
        except csv.Error as error:
            row = self._reader.line_num
            raise RosterError(
                f"cannot be read as CSV ({error}; no field of a roster is longer than {MAX_FIELD_CHARS:,} characters)",
                self._path,
                row,
            ) from None
        finally:
            csv.field_size_limit(previous)
        return values
