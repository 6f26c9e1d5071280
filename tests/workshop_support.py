"""Test support for workshops: an IGF-style workshop roster (panelists and participants with an affiliation)
and the done-when scenario of issue 21, played through the API."""

from __future__ import annotations

from pathlib import Path

from chairdesk.core.floor.operations import end_intervention, next_speaker, request_floor
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.session import Session
from chairdesk.core.workshop.operations import (
    done_reading,
    log_written,
    moderator,
    read_out,
    set_running_order,
    swap_slots,
    use_running_order,
)
from tests.floor_support import FakeClock, floor_session


def _p(code: str, name: str, group: str, region: str, affiliation: str, online: bool = False) -> Delegation:
    return Delegation(code, name, group, region, "", online, (), affiliation)


PANELISTS = [
    _p("P01", "Amina Diallo", "government", "African Group", "Ministry of Digital Economy, Senegal"),
    _p("P02", "Lucas Pereira", "civil society", "GRULAC", "Coding Rights"),
    _p("P03", "Mei Tanaka", "private sector", "Asia-Pacific Group", "NTT"),
    _p("P04", "Jonas Berg", "technical community", "WEOG", "RIPE NCC"),
    _p("P05", "Olena Shevchenko", "academia", "Eastern European Group", "Kyiv Polytechnic Institute"),
    _p("P06", "Kwame Mensah", "civil society", "African Group", "Paradigm Initiative"),
    _p("P07", "Priya Raman", "technical community", "Asia-Pacific Group", "APNIC"),
    _p("P08", "Sofia Rojas", "intergovernmental organisation", "GRULAC", "UNESCO"),
    _p("P09", "Henrik Larsen", "government", "WEOG", "Danish Agency for Digital Government"),
    _p("P10", "Fatima Zahra", "academia", "African Group", "Université Mohammed V"),
]
ROOM = [
    _p("R1", "Daniel Okafor", "civil society", "African Group", "Youth IGF Nigeria"),
    _p("R2", "Claire Martin", "private sector", "WEOG", "Orange"),
    _p("R3", "Ana Lopes", "academia", "GRULAC", "Universidade de São Paulo"),
]
ONLINE = [
    _p("O1", "Rahul Mehta", "technical community", "Asia-Pacific Group", "ISOC India", True),
    _p("O2", "Irina Popescu", "government", "Eastern European Group", "ANCOM", True),
]
CHAT = [
    _p("C1", "Nadia Haddad", "civil society", "Asia-Pacific Group", "SMEX", True),
    _p("C2", "Tom Becker", "academia", "WEOG", "Hans-Bredow-Institut", True),
    _p("C3", "Grace Wanjiru", "private sector", "African Group", "Safaricom", True),
    _p(
        "C4",
        "Leilani Kahale",
        "intergovernmental organisation",
        "Asia-Pacific Group",
        "Pacific Islands Forum",
        True,
    ),
]
WORKSHOP_ROSTER = PANELISTS + ROOM + ONLINE + CHAT
PLANNED = [p.code for p in PANELISTS]
HELD = ["P01", "P02", "P04", "P03", "P05", "P06", "P07", "P08", "P09", "P10"]  # P03 and P04 swapped
COMMENTS = [
    ("C1", "How do the panelists see the role of the IGF in the WSIS+20 review?", False),
    ("C2", "I would like to add a point on research data access; may I take the floor?", True),
    ("C3", "Operators in East Africa see the same problem with spam filtering of SMS.", False),
    ("C4", "What about small island states with a single submarine cable?", False),
]
MODERATOR = "Ines"


def workshop_session(tmp_path: Path, clock: FakeClock) -> Session:
    """A new session with the workshop roster."""
    return floor_session(tmp_path, clock, WORKSHOP_ROSTER)


def play_workshop(session: Session, clock: FakeClock) -> None:
    """The done-when scenario through the API: ten panelists × 3 min with one swap, then a Q&A mixing three
    room requests, two online hands and four chat comments (the second asked to speak)."""
    set_running_order(session, PLANNED, seconds=180)
    swap_slots(session, "s3", "s4")
    for index in range(10):
        clock.tick(5)
        next_speaker(session)
        clock.tick(175 + index)  # 2:55 up to 3:04: the last four panelists overrun
        end_intervention(session)
    use_running_order(session, False)
    by = moderator(MODERATOR)
    for code in ("R1", "O1", "R2"):
        clock.tick(2)
        request_floor(session, code)
    for author, text, asked in COMMENTS[:2]:
        clock.tick(3)
        log_written(session, author, text, asked_to_speak=asked, by=by)
    clock.tick(2)
    request_floor(session, "O2")
    clock.tick(2)
    request_floor(session, "R3")
    for author, text, asked in COMMENTS[2:]:
        clock.tick(3)
        log_written(session, author, text, asked_to_speak=asked, by=by if author != "C4" else "chair")
    for _ in range(3):  # R1, O1, R2
        next_speaker(session)
        clock.tick(90)
        end_intervention(session)
    for written_id, reader in (("w1", by), ("w3", by), ("w4", "chair")):
        read_out(session, written_id, by=reader)
        clock.tick(25)
        done_reading(session)
    for _ in range(3):  # C2 (asked to speak), O2, R3
        next_speaker(session)
        clock.tick(60)
        end_intervention(session)
