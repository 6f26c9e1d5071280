"""The floor in a hybrid workshop: a planned running order of panelists and written (chat) interventions."""
