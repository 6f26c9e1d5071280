"""What the room sees: the projector window, its floor band, and the chair's controls for them."""
