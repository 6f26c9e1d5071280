"""Rules of procedure for Model UN committees: roll call, quorum, motions, caucuses and yields.

``chairdesk.core.procedure`` re-exports the model's names and the operations, as scripts use them.
"""

from .model import (  # noqa: F401
    ABSENT,
    ADJOURN,
    CLOSE_DEBATE,
    MODERATED,
    MOTION_KINDS,
    MUN,
    PRESENT,
    PRESENT_AND_VOTING,
    RULES,
    SPEAKING_TIME,
    STATUSES,
    SUSPEND,
    UN,
    UNMODERATED,
    YIELD_CHAIR,
    YIELD_DELEGATION,
    YIELD_QUESTIONS,
    Caucus,
    Motion,
    Procedure,
)
from .operations import (  # noqa: F401
    end_caucus,
    move_motion,
    next_caucus_speaker,
    next_motion_id,
    put_motion_to_vote,
    request_caucus_floor,
    resume_meeting,
    roll_call,
    set_rules,
    start_caucus,
    withdraw_caucus_request,
    withdraw_motion,
    yield_time,
)
