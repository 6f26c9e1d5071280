"""The bundled sample sessions, ready for a chair to try: an ICT-security working group's draft report, a
Model UN committee (DISEC) with a short draft resolution under the Model UN rules of procedure, and the working
group's first morning as recorded, for a facilitator to replay (chairdesk/sample_day.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .core.draft import operations as drafting
from .core.draft.numbering import NUMBERED
from .core.floor.operations import set_roster
from .core.floor.roster import Delegation
from .core.log.errors import ChairdeskError
from .core.log.eventlog import utc_now
from .core.log.session import Clock, Session
from .core.procedure.operations import set_rules
from .resources import resource_path, resources_dir

SAMPLE_NAME = "oewg-ict-security"
MUN_SAMPLE_NAME = "mun-disec"
RECORDED_SAMPLE_NAME = "oewg-recorded"
SAMPLES: dict[str, str] = {
    "oewg": SAMPLE_NAME,
    "mun": MUN_SAMPLE_NAME,
    "recorded": RECORDED_SAMPLE_NAME,
}  # short name -> file name


def sample_name(which: str) -> str:
    """The file name of a sample given by its short name ("oewg", "mun") or its file name."""
    if which in SAMPLES.values():
        return which
    if which in SAMPLES:
        return SAMPLES[which]
    raise ChairdeskError(f"There is no sample {which!r}; the samples are: {', '.join(SAMPLES)}.")


def sample_source(name: str = SAMPLE_NAME) -> dict[str, Any]:
    """The sample's text, roster and proposals, as stored in resources/samples/."""
    return json.loads(resource_path("samples", f"{sample_name(name)}.json").read_text(encoding="utf-8"))


def build_sample_session(path: str | Path, name: str = SAMPLE_NAME, clock: Clock = utc_now) -> Path:
    """Create the sample session at path: meeting, rules, roster, tabled draft, then any pending proposals
    (the recorded sample goes on with its morning)."""
    if sample_name(name) == RECORDED_SAMPLE_NAME:
        from .sample_day import build_recorded_session

        return build_recorded_session(
            path, lambda target, clock: build_sample_session(target, SAMPLE_NAME, clock)
        )
    source = sample_source(name)
    path = Path(path)
    meeting = source["meeting"]
    with Session.create(
        path,
        meeting["title"],
        body=meeting["body"],
        venue=meeting["venue"],
        dates=meeting["dates"],
        clock=clock,
    ) as session:
        if source.get("rules"):
            set_rules(session, source["rules"])
        _add_roster(session, source.get("roster", []))
        drafting.set_title(session, source["title"])
        section_ids = []
        for section in source["sections"]:
            sid = drafting.add_section(session, section["title"]).subject
            section_ids.append(sid)
            for item in section["paragraphs"]:
                _add_paragraph(session, sid, item)
            for heading in section.get("subheadings", []):
                drafting.add_subheading(session, sid, heading["title"])
                for item in heading["paragraphs"]:
                    _add_paragraph(session, sid, item)
        drafting.mark_baseline(session, "Tabled draft")
        for proposal in source.get("proposals", []):
            sid = section_ids[proposal["section"] - 1]
            paragraph = session.draft.live_paragraphs(sid)[proposal["paragraph"] - 1]
            drafting.propose(session, paragraph.id, proposal["text"], proposal["delegation"])
    return path


def _add_paragraph(session: Session, section_id: str, item: str | dict[str, Any]) -> None:
    if isinstance(item, str):
        drafting.insert_paragraph(session, section_id, item)
    else:  # (a resolution's preambular paragraphs: unnumbered, "PP1"; its opening words in italics)
        drafting.insert_paragraph(
            session,
            section_id,
            item["text"],
            subparagraphs=item.get("subparagraphs", []),
            kind=item.get("kind", NUMBERED),
            italic=item.get("italic", 0),
        )


def _add_roster(session: Session, entries: list[dict[str, str]]) -> None:
    delegations = [
        Delegation(
            code=e["code"],
            name=e["name"],
            stakeholder_group=e["stakeholder_group"],
            regional_group=e["regional_group"],
            colour=e["colour"],
            online=e["attendance"] == "online",
        )
        for e in entries
    ]
    set_roster(session, delegations)


def ensure_sample_copy(data_dir: str | Path, name: str = SAMPLE_NAME) -> Path:
    """A writable copy of the sample in data_dir (made once; the bundled file itself is never written)."""
    name = sample_name(name)
    target = Path(data_dir) / "samples" / f"{name}.chairdesk"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    shipped = resources_dir() / "samples" / f"{name}.chairdesk"
    if shipped.exists():
        shutil.copyfile(shipped, target)
    else:
        build_sample_session(target, name)
    _remember_as_it_is(target)
    return target


def _remember_as_it_is(path: Path) -> None:
    """Keep the anchor of a fresh copy of a sample as it is: a copy made again after the chair extended an
    earlier one (since deleted) is the same session by its first event, and is not to be taken for that
    session with events removed (core/log/anchors.py)."""
    from .core.log.anchors import remember
    from .core.log.eventlog import EventLog

    try:
        log = EventLog.open_read_only(path)
    except ChairdeskError:
        return
    try:
        remember(log)
    finally:
        log.close()


if __name__ == "__main__":
    import sys

    which = sample_name(sys.argv[2] if len(sys.argv) > 2 else SAMPLE_NAME)
    out = Path(sys.argv[1] if len(sys.argv) > 1 else resources_dir() / "samples" / f"{which}.chairdesk")
    out.unlink(missing_ok=True)
    print(build_sample_session(out, which))
