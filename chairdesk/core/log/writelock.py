"""The single-writer lock on a session file: an OS lock the kernel drops when the process ends.

The writer holds an advisory lock on the session file itself (``flock`` on its own file descriptor, which
SQLite's byte-range locks never touch), so a second writer — in another process or the same one — is
refused, while readers open the committed log through SQLite as usual. A killed process leaves no stale lock:
the kernel releases it with the process. On Windows, where there is no ``flock``, a byte of a ``-lock`` file
beside the session is locked with ``msvcrt.locking`` instead.
"""

from __future__ import annotations

import os
from pathlib import Path

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class WriteLock:
    """An exclusive, non-blocking lock on one session file; release() or process exit frees it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path, create: bool = False) -> WriteLock | None:
        """Lock the file at path (creating it, empty, when create is set); None if another writer holds it.

        With create, a file that exists already raises FileExistsError and nothing is changed.
        """
        if fcntl is not None:
            flags = os.O_RDWR | (os.O_CREAT | os.O_EXCL if create else 0)
            fd = os.open(path, flags, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return None
            return cls(path, fd)
        return cls._acquire_windows(path, create)  # pragma: no cover - Windows

    @classmethod
    def _acquire_windows(cls, path: Path, create: bool) -> WriteLock | None:  # pragma: no cover - Windows
        import msvcrt

        if create:
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644))
        fd = os.open(str(path) + "-lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd)

    @property
    def held(self) -> bool:
        """Whether this lock is still held."""
        return self._fd is not None

    def release(self) -> None:
        """Give the lock up (closing the descriptor frees it); harmless when already released."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
