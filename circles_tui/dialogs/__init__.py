"""Modal dialogs: each a `base.Dialog`; Ctrl+S finishes, Escape backs out."""
