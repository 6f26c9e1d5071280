"""Report when the first window is really on screen: the start-up check used by scripts and tests.

With CHAIRDESK_EXIT_WHEN_SHOWN=1 in the environment, `chairdesk` waits until the platform has exposed the
window (mapped by the X server, or painted by the offscreen platform), prints one line with its size, its
screen and the time since the process started, and quits with status 0 (status 1 if it never shows).
"""

from __future__ import annotations

import os
import sys
import time

from .qt import QApplication, QElapsedTimer, QMainWindow, QTimer

EXIT_WHEN_SHOWN = "CHAIRDESK_EXIT_WHEN_SHOWN"
GIVE_UP_MS = 30_000


def exit_when_shown_requested() -> bool:
    """Whether the environment asks the window to quit once it has been shown."""
    return os.environ.get(EXIT_WHEN_SHOWN, "") not in ("", "0")


def seconds_since_process_start() -> float | None:
    """Wall time since this process started (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        return up - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def shown_line(window: QMainWindow) -> str:
    """One line saying the window is shown: its frame, the screen's available area, the time since start."""
    frame, screen = window.frameGeometry(), window.screen()
    area = screen.availableGeometry()
    since = seconds_since_process_start()
    when = f"{since:.2f} s after start" if since is not None else f"{time.process_time():.2f} s of CPU"
    return (
        f"chairdesk: window shown: {frame.width()}x{frame.height()} at ({frame.x()},{frame.y()}) "
        f"on screen {screen.name()!r} (available {area.width()}x{area.height()} at ({area.x()},{area.y()})), "
        f"platform {QApplication.platformName()}, {when}"
    )


def quit_when_shown(app: QApplication, window: QMainWindow) -> None:
    """Once the window is exposed, print shown_line() and quit with 0; give up with 1 after 30 s."""
    clock = QElapsedTimer()
    clock.start()
    poll = QTimer(window)

    def check() -> None:
        handle = window.windowHandle()
        if window.isVisible() and handle is not None and handle.isExposed():
            poll.stop()
            print(shown_line(window), flush=True)
            window.close()
            app.exit(0)
        elif clock.elapsed() > GIVE_UP_MS:
            poll.stop()
            print("chairdesk: the window was not shown within 30 s", file=sys.stderr, flush=True)
            app.exit(1)

    poll.timeout.connect(check)
    poll.start(10)
