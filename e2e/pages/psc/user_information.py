"""Registration step 2, User Information: username, password, two security questions.

The username and password criteria pop up in notes while their field has focus.
"""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.pages.psc import WizardButtons, field
from e2e.secrets import fill_secret


class UserInformationPage(WizardButtons):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.section = page.get_by_role("heading", name="User Information", level=2)
        self.username = field(page, "Username")
        self.password = field(page, "Password")
        self.confirm_password = field(page, "Confirm Password")
        self.username_note = page.get_by_role("tooltip").filter(has_text="Your username must")
        self.password_note = page.get_by_role("tooltip").filter(has_text="Your password must")
        self.questions = (field(page, "Security Question 1"), field(page, "Security Question 2"))
        self.answers = (field(page, "Answer 1"), field(page, "Answer 2"))

    def criterion(self, text: str):
        """One line of the password pop-up note; it ends in "(met)" or "(not met)"."""
        return self.password_note.get_by_role("listitem").filter(has_text=text)

    def fill_username(self, username: str) -> None:
        self.username.fill(username)

    def type_password(self, password: str) -> None:
        fill_secret(self.password, password)

    def confirm(self, password: str) -> None:
        fill_secret(self.confirm_password, password)

    def answer_questions(self, questions, answers) -> None:
        for select, answer_field, question, answer in zip(
            self.questions, self.answers, questions, answers, strict=True
        ):
            select.select_option(question)
            fill_secret(answer_field, answer)
