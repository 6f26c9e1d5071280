"""The replay window: a session played back read-only, with its timeline, panes and debrief."""
