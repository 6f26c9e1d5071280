"""chairdesk: the chair's desk for a drafting session."""

from .version import app_version

__version__ = app_version()
