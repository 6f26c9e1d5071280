"""The roster and its operations, kept under their scripting name: see chairdesk.core.floor.roster."""

from .floor import operations
from .floor.operations import *  # noqa: F403  (the floor's operations, listed once in floor/operations.py)
from .floor.roster import (
    ATTENDANCE,
    CSV_COLUMNS,
    REGIONAL_GROUPS,
    REQUIRED_COLUMNS,
    STAKEHOLDER_GROUPS,
    Delegation,
    Roster,
    RosterError,
    delegation_problem,
    read_roster_csv,
    regional_group,
    stakeholder_group,
    validate_delegations,
    write_roster_csv,
)

__all__ = [
    "ATTENDANCE",
    "CSV_COLUMNS",
    "Delegation",
    "REGIONAL_GROUPS",
    "REQUIRED_COLUMNS",
    "Roster",
    "RosterError",
    "STAKEHOLDER_GROUPS",
    "delegation_problem",
    "read_roster_csv",
    "regional_group",
    "stakeholder_group",
    "validate_delegations",
    "write_roster_csv",
]
__all__ += operations.__all__
