"""The PSC form rows escape what they show, and tie each control to its label and message."""

from __future__ import annotations

from markupsafe import Markup

from mock_court.core.form_rows import checkbox_row, input_row, select_row

HOSTILE = '"><script>alert(1)</script>'


def test_an_input_row_escapes_its_value_and_message_and_marks_the_field_invalid():
    row = input_row("city", "City", {"city": HOSTILE}, {"city": HOSTILE}, required=True, autocomplete="address-level2")
    assert "<script>" not in row and row.count("&lt;script&gt;") == 2
    assert '<label for="city">City <span class="required">*</span></label>' in row
    assert 'aria-describedby="city-message" aria-invalid="true"' in row
    assert ' aria-required="true" autocomplete="address-level2"' in row


def test_a_password_row_never_shows_its_value():
    row = input_row("password", "Password", {"password": "Secret#1234z"}, {}, type="password")
    assert "Secret" not in row and "value=" not in row and "aria-invalid" not in row


def test_a_select_row_marks_the_choice_and_escapes_extra_attributes():
    row = select_row(
        "state",
        "State",
        (("MA", "Massachusetts"), ("TX", "Texas")),
        {"state": "TX"},
        {},
        placeholder="Select State",
        attrs={"data-url": HOSTILE, "data-none": None},
    )
    assert '<option value="">Select State</option>' in row
    assert '<option value="TX" selected>Texas</option>' in row and '<option value="MA">' in row
    assert 'data-url="&#34;&gt;&lt;script&gt;' in row and "data-none" not in row


def test_a_checkbox_row_is_checked_when_the_data_says_so():
    assert " checked" in checkbox_row("cja_panel", "CJA", {"cja_panel": "1"}, {})
    assert " checked" not in checkbox_row("cja_panel", "CJA", {}, {})


def test_a_row_kept_for_a_plain_string_is_not_given_to_markup_of_the_same_text():
    """Rows are kept by value; Markup is already safe, so the same text as Markup shows unescaped."""
    text = "<b>Smith</b>"
    plain = input_row("firm", "Firm", {"firm": text}, {})
    safe = input_row("firm", "Firm", {"firm": Markup(text)}, {})
    assert 'value="&lt;b&gt;Smith&lt;/b&gt;"' in plain and 'value="<b>Smith</b>"' in safe
    assert input_row("firm", "Firm", {"firm": text}, {}) == plain


def test_rows_of_other_values_or_messages_are_not_mixed_up():
    rows = {
        (value, error): input_row("city", "City", {"city": value}, {"city": error})
        for value in ("", "Austin", "Boston")
        for error in ("", "City is required.")
    }
    for (value, error), row in rows.items():
        assert f'value="{value}"' in row
        assert (f">{error}</div>" in row) and (("aria-invalid" in row) == bool(error))


def test_a_value_that_is_not_a_string_is_shown_like_one():
    assert 'value="12345"' in input_row("zip", "Zip", {"zip": 12345}, {})
    assert " selected>" not in select_row("state", "State", ["MA", "TX"], {"state": ["TX"]}, {})
    assert " checked" in checkbox_row("cja_panel", "CJA", {"cja_panel": True}, {"cja_panel": Markup("<i>x</i>")})
