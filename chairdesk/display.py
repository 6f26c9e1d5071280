"""Before Qt starts: is there a display to open the window on? If not, say so in one line.

Without this check, Qt's xcb plugin aborts with a misleading hint ("libxcb-cursor0 is needed") when the
real cause is that no X or Wayland display is set.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = (
    "chairdesk: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
    "run it without a screen with QT_QPA_PLATFORM=offscreen chairdesk, or under Xvfb with xvfb-run -a chairdesk"
)


def missing_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """The one-line explanation when the window cannot open for want of a display, else None."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own platform plugin
    if environ.get("QT_QPA_PLATFORM"):
        return None  # the user chose the platform (offscreen, xcb, wayland, vnc…): let Qt take it
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY
