"""The draft: its model (sections, paragraphs, numbering, brackets), events, operations, comparison, importers."""
