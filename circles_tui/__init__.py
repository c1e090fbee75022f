"""circles-tui: family-networking worksheets in the terminal."""

__version__ = "0.1.0"
