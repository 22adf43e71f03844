"""How a site refuses a request: one small family of exceptions, in the manner of moto's.

A model raises; the view turns the refusal into what the real site shows: the message beside
the field it names (or atop the form when it names none), or the API's error shape.
"""

from __future__ import annotations


class Refused(Exception):
    """A request the real site turns down, with the message it shows and the field it shows it by."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def errors(self) -> dict[str, str]:
        """The refusal as {field: message}, "form" standing for the form as a whole."""
        return {self.field or "form": self.message}


class InvalidForm(Refused):
    """Several fields refused at once; `shown` holds the cleaned values to show again."""

    def __init__(self, errors: dict[str, str], shown: dict | None = None) -> None:
        super().__init__(" ".join(errors.values()))
        self._errors = dict(errors)
        self.shown = shown or {}

    @property
    def errors(self) -> dict[str, str]:
        return self._errors


def refuse_if(errors: dict[str, str], shown: dict | None = None) -> None:
    """Raise InvalidForm when a form's checks found anything."""
    if errors:
        raise InvalidForm(errors, shown)
