"""The CSV files chairdesk writes and reads (roster, figures): atomic writes, cells a spreadsheet will not run
as formulas, and readable limits on what is read.

A cell that starts with = + - @ tab or CR is run as a formula by spreadsheets, so a roster handed over by
someone else could compute, fetch or link on opening. Such cells are written with a leading apostrophe, as
spreadsheets expect for text; reading a roster back takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..log.errors import ChairdeskError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CSV_BYTES = 10 * 1024 * 1024  # a roster of thousands of delegations is well under 1 MB
MAX_FIELD_CHARS = 10_000  # no name, code or group comes near


class CsvWriteError(ChairdeskError):
    """A CSV file could not be written; the message names the file, and the old file is left as it was."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {problem}")


def spreadsheet_safe(value: Any) -> Any:
    """A cell as written: text starting like a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def from_spreadsheet(value: str) -> str:
    """A cell as read back: the apostrophe spreadsheet_safe put before a formula-like text is taken off."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The CSV text of a header and rows, every cell made spreadsheet-safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """Write a CSV to a temporary file beside path and move it into place: never a half file."""
    path = Path(path)
    data = csv_text(header, rows).encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CsvWriteError(path, "is a folder; choose a file name")
    if not folder.is_dir():
        raise CsvWriteError(path, f"cannot be written: the folder {folder} does not exist")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise CsvWriteError(path, f"cannot be written ({_why(error)})") from error
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as error:
        raise CsvWriteError(
            path, f"cannot be written ({_why(error)}); the file there is unchanged"
        ) from error
    finally:
        temp.unlink(missing_ok=True)
    return path


def _why(error: OSError) -> str:
    if error.errno in (1, 13, 30):
        return f"read-only: {error.strerror}"
    return error.strerror or str(error)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
