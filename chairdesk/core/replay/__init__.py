"""Replay a recorded session: the state at any event or moment, marks, what each step changed, debrief."""
