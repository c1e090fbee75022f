"""The app's screens, and the steps of the workspace (one module per worksheet kind)."""
