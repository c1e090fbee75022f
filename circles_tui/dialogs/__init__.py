"""Modal dialogs: each a ModalScreen that `escape` backs out of."""
