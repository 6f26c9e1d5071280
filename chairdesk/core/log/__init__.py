"""The session file, the event log and its hash chain, the one operation path (Session) and the derived state."""
