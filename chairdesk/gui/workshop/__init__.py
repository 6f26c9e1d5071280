"""The Workshop dock: the running order of panelists and the written interventions relayed from the chat."""
