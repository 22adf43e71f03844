"""The reCAPTCHA v2 widget ("I'm not a robot") in a page: an iframe titled "reCAPTCHA" with the
check box and its status line; when asked, a second iframe with a picture challenge (a check
box per picture, named for what it shows, then Verify)."""

from __future__ import annotations

from playwright.sync_api import Page

CHALLENGE_TITLE = "reCAPTCHA challenge expires in two minutes"
EXPIRED = "Verification expired. Check the checkbox again."
FAILED = "Verification failed. Please try again."
VERIFIED = "You are verified"
TRY_AGAIN = "Please try again."


class Recaptcha:
    def __init__(self, page: Page) -> None:
        self.page = page
        anchor = page.get_by_title("reCAPTCHA", exact=True).content_frame
        self.checkbox = anchor.get_by_role("checkbox", name="I'm not a robot")
        self.status = anchor.get_by_role("alert")
        self.challenge_frame = page.get_by_title(CHALLENGE_TITLE, exact=True)
        challenge = self.challenge_frame.content_frame
        self.challenge = challenge.get_by_role("region")
        self.challenge_error = challenge.get_by_role("alert")
        self.verify_button = challenge.get_by_role("button", name="Verify")
        self._challenge = challenge

    def picture(self, name: str):
        """The check box of one picture of the challenge."""
        return self._challenge.get_by_role("checkbox", name=name, exact=True)

    def check(self) -> None:
        self.checkbox.click()

    def solve(self, pictures: list[str]) -> None:
        """Check the named pictures of the challenge, then Verify."""
        for name in pictures:
            self.picture(name).check()
        self.verify_button.click()
