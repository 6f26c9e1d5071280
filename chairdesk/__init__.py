"""chairdesk: the chair's desk for a drafting session."""

__version__ = "0.1.0"
