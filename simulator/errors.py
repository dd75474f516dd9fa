"""One exception type for bad input, so every adapter can turn it into a one-line message."""

from __future__ import annotations


class DojoInputError(Exception):
    """Bad input from a user or a data file: the message names the file or value and what is wrong.

    The CLI prints it on one line and exits 2; the web app shows it as a notice. It is never used
    for programming errors, which should surface as tracebacks in tests.
    """

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))  # always one line
