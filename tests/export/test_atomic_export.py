"""Exports land whole and as a new file: replaced atomically (a reader of the old file keeps it), mode from umask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chairdesk.export import export_record, export_redline, export_report

from .conftest import build_small_session

EXPORTS = {
    "report.docx": export_report,
    "redline.docx": export_redline,
    "record.docx": export_record,
    "record.md": export_record,
}


@pytest.fixture
def session(tmp_path: Path):
    s = build_small_session(tmp_path / "s.chairdesk", full=True)
    yield s
    s.close()


@pytest.mark.parametrize("name", sorted(EXPORTS))
@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_a_new_export_follows_the_umask(session, tmp_path: Path, name: str, umask: int) -> None:
    old = os.umask(umask)
    try:
        path = EXPORTS[name](session, tmp_path / name)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_an_export_replaces_the_old_file_instead_of_writing_into_it(session, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(b"the old export")
    target.chmod(0o640)
    with open(target, "rb") as reader:  # someone has the old export open (a mail client, a viewer)
        old_inode = os.fstat(reader.fileno()).st_ino
        EXPORTS[name](session, target)
        assert reader.read() == b"the old export"  # their copy is whole: the new file is a new inode
    assert target.stat().st_ino != old_inode
    assert target.stat().st_mode & 0o777 == 0o640  # the mode the chair gave the old file stays
    assert target.read_bytes() != b"the old export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
