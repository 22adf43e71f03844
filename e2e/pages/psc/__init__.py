"""The PACER Service Center (pacer.psc.uscourts.gov): the registration steps, Forgot Password,
Forgot Username and Manage My Account, one module per screen.

Fields are found by their visible labels; a required label ends in " *", so `field` matches a
label with or without it. The message the site shows under a field is that field's accessible
description (aria-describedby), so tests read it with `to_have_accessible_description`.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page


def label_pattern(label: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(label)}( \*)?$")


def field(scope: Page | Locator, label: str) -> Locator:
    """The form control labelled `label`, with or without the required mark."""
    return scope.get_by_label(label_pattern(label))


class WizardButtons:
    """Next (Submit on the last step), Back, Reset and Cancel: the same on every registration step."""

    def __init__(self, page: Page, submit: str = "Next") -> None:
        form = page.get_by_role("main")
        self.next_button = form.get_by_role("button", name=submit, exact=True)
        self.back_button = form.get_by_role("button", name="Back", exact=True)
        self.reset_button = form.get_by_role("button", name="Reset", exact=True)
        self.cancel_button = form.get_by_role("button", name="Cancel", exact=True)

    def go_next(self) -> None:
        self.next_button.click()

    def go_back(self) -> None:
        self.back_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()

    def reset(self) -> None:
        self.reset_button.click()
