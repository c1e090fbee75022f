"""The Textual-free core: the model, the file format, the session, the wording, edits and the
rules about the family network and its audiences. Nothing here imports textual or rich."""
