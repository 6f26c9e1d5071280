"""The workshop's operations: the running order and written interventions, each taking the session first."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..floor.csv_files import MAX_CSV_BYTES, from_spreadsheet
from ..floor.model import DEFAULT_SPEAKING_SECONDS
from ..floor.operations import _code, request_floor
from ..log.errors import ChairdeskError, RefusedError
from .model import CHAIR_ACTOR, MODERATOR_PREFIX

if TYPE_CHECKING:
    from ..log.change import Change
    from ..log.session import Session


class RunningOrderError(ChairdeskError):
    """A running-order CSV cannot be used; the message names the file and the row."""


def moderator(name: str) -> str:
    """The actor string of an online moderator working the session at the chair's desk."""
    if not name.strip():
        raise RefusedError("An online moderator is named (moderator:<name>).")
    return MODERATOR_PREFIX + " ".join(name.split())


def set_running_order(
    session: Session,
    panelists: Sequence[str | tuple[str, int]],
    seconds: int = DEFAULT_SPEAKING_SECONDS,
    source: str = "",
) -> Change:
    """Set the panelists' order (codes or names, each alone or with its own seconds); Next speaker follows it."""
    slots = []
    for index, entry in enumerate(panelists, start=1):
        who, time = (entry, seconds) if isinstance(entry, str) else entry
        slots.append({"id": f"s{index}", "delegation": _code(session, who), "seconds": time})
    payload: dict = {"slots": slots}
    if source:
        payload["source"] = source
    return session.record("workshop.order.set", payload)


def read_running_order_csv(session: Session, path: str | Path) -> list[tuple[str, int]]:
    """The panelists of a CSV (columns: name or code, and minutes or seconds), checked against the roster."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise RunningOrderError(f"{path}: the file is too large for a running order")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RunningOrderError(f"{path}: no such file") from None
    except (UnicodeDecodeError, OSError):
        raise RunningOrderError(f"{path}: not a readable text file in UTF-8") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise RunningOrderError(f"{path}: the file is empty")
    header = [h.strip().casefold() for h in rows[0]]
    who_col = "code" if "code" in header else "name" if "name" in header else None
    if who_col is None:
        raise RunningOrderError(f"{path}, row 1: a column 'name' or 'code' names each panelist")
    result: list[tuple[str, int]] = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        cells = dict(zip(header, (from_spreadsheet(v.strip()) for v in values), strict=False))
        try:
            code = _code(session, cells.get(who_col, ""))
        except RefusedError as error:
            raise RunningOrderError(f"{path}, row {number}: {error}") from None
        try:
            if cells.get("seconds"):
                time = int(cells["seconds"])
            elif cells.get("minutes"):
                time = round(float(cells["minutes"].replace(",", ".")) * 60)
            else:
                time = DEFAULT_SPEAKING_SECONDS
        except ValueError:
            raise RunningOrderError(f"{path}, row {number}: the speaking time is not a number") from None
        result.append((code, time))
    if not result:
        raise RunningOrderError(f"{path}: the file has a header but no panelists")
    return result


def import_running_order_csv(session: Session, path: str | Path) -> Change:
    """Read a running-order CSV (every row checked first) and make it the running order in one event."""
    path = Path(path)
    return set_running_order(session, read_running_order_csv(session, path), source=path.name)


def move_slot(session: Session, slot_id: str, index: int) -> Change:
    """Move a panelist's slot to a 0-based place in the running order."""
    return session.record("workshop.order.move", {"id": slot_id, "index": index})


def swap_slots(session: Session, a: str, b: str) -> Change:
    """Swap two panelists in the running order."""
    return session.record("workshop.order.swap", {"a": a, "b": b})


def skip_slot(session: Session, slot_id: str, skip: bool = True) -> Change:
    """Skip a panelist (Next speaker passes over the slot), or put a skipped one back."""
    return session.record("workshop.order.skip" if skip else "workshop.order.unskip", {"id": slot_id})


def use_running_order(session: Session, active: bool = True) -> Change:
    """Move between the running order (True) and the open Q&A list, the speakers' list (False)."""
    return session.record("workshop.list", {"running_order": active})


def log_written(
    session: Session, author: str, text: str, asked_to_speak: bool = False, by: str = CHAIR_ACTOR
) -> Change:
    """Log a chat question or comment (by the chair, or by moderator(name)); "asked to speak" also puts its
    author on the speakers' list (a separate floor.request)."""
    state = session.state
    code = _code(session, author)
    payload = {
        "id": f"w{state.workshop.logged + 1}",
        "author": code,
        "text": text.strip(),
        "asked_to_speak": bool(asked_to_speak),
        "logged_by": by,
    }
    change = session.record("workshop.written.log", payload, actor=by)
    if asked_to_speak and state.floor.waiting(code) is None:
        request_floor(session, code, online=True)
    return change


def read_out(session: Session, written_id: str | None = None, by: str = CHAIR_ACTOR) -> Change:
    """Begin reading out a written intervention (the first waiting one unless named)."""
    workshop = session.state.workshop
    if written_id is None:
        waiting = workshop.queue()
        if not waiting:
            raise RefusedError("No written intervention is waiting to be read out.")
        written_id = waiting[0].id
    return session.record("workshop.written.read", {"id": written_id, "read_by": by}, actor=by)


def done_reading(session: Session) -> Change:
    """The written intervention being read out is finished: its reading time is recorded."""
    reading = session.state.workshop.reading
    item = session.state.workshop.item(reading) if reading else None
    return session.record(
        "workshop.written.done", {}, actor=item.read_by if item and item.read_by else CHAIR_ACTOR
    )


def drop_written(session: Session, written_id: str) -> Change:
    """Take a written intervention that was not read out off the queue."""
    return session.record("workshop.written.drop", {"id": written_id})
