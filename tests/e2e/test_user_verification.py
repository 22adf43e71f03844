"""User Verification ("I'm not a robot") on Account Information: the picture challenge, a failed
check and an expired one, each explained, then done again; Next without it is refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.catalog import load_guide
from e2e.flows import registration, walk
from e2e.pages.psc.account_information import AccountInformationPage
from e2e.pages.psc.user_information import UserInformationPage
from e2e.pages.recaptcha import EXPIRED, FAILED, TRY_AGAIN, VERIFIED

MAD, MOEB = "pacer-registration-mad", "pacer-registration-moeb"
FORM_STEP = {MAD: "account-information", MOEB: "view-only-form"}
VERIFICATION = [f"{MAD}/user-verification", f"{MOEB}/view-only-form"]


@pytest.fixture(params=[MAD, MOEB])
def form(request, flow):
    """Account Information reached as the guide says, every field filled, not yet verified."""
    guide = load_guide(request.param)
    ctx = flow(guide.court)
    walk(ctx, guide, until=FORM_STEP[guide.id])
    form = AccountInformationPage(ctx.page)
    form.fill(registration.registrant(ctx))
    return form


def passes(form: AccountInformationPage) -> None:
    """Next goes on to User Information."""
    form.go_next()
    expect(UserInformationPage(form.page).section).to_be_visible()


@pytest.mark.covers(*VERIFICATION)
def test_next_without_verification_is_refused_at_the_field(form):
    form.go_next()
    expect(form.user_verification).to_have_accessible_description("User Verification is required.")
    expect(form.first_name).not_to_have_value("")
    form.captcha.check()
    expect(form.captcha.status).to_have_text(VERIFIED)
    passes(form)


@pytest.mark.covers(*VERIFICATION)
def test_the_picture_challenge_is_solved_after_a_wrong_try(form, mock):
    mock.set_captcha("challenge")
    answer = mock.captcha()["challenge_answer"]
    form.captcha.check()
    expect(form.captcha.challenge_frame).to_be_visible()
    expect(form.captcha.challenge).to_contain_text("Select all images with a courthouse")
    form.captcha.solve(answer[:1])
    expect(form.captcha.challenge_error).to_have_text(TRY_AGAIN)
    expect(form.captcha.checkbox).not_to_be_checked()
    form.captcha.solve(answer)
    expect(form.captcha.challenge_frame).to_be_hidden()
    expect(form.captcha.status).to_have_text(VERIFIED)
    expect(form.captcha.checkbox).to_be_checked()
    passes(form)


@pytest.mark.covers(*VERIFICATION)
@pytest.mark.parametrize(
    ("mode", "status", "message"),
    [
        ("fail", FAILED, "User Verification failed. Please try again."),
        ("expire", EXPIRED, EXPIRED),
    ],
)
def test_a_failed_or_expired_verification_is_explained_and_can_be_done_again(form, mock, mode, status, message):
    mock.set_captcha(mode)
    form.captcha.check()
    expect(form.captcha.status).to_have_text(status)
    expect(form.captcha.checkbox).not_to_be_checked()
    form.go_next()
    expect(form.user_verification).to_have_accessible_description(message)
    mock.set_captcha("pass")
    form.captcha.check()
    expect(form.captcha.status).to_have_text(VERIFIED)
    passes(form)
