"""Plain-language captions of the actions a walkthrough shows, and where they go on the frame."""

import itertools

import pytest

from e2e.catalog import CatalogError, parse_guide
from e2e.secrets import MASK
from e2e.walkthrough.actions import Action, Box, caption, step_caption_for
from e2e.walkthrough.framing import CAPTION_BAND, HEIGHT, WIDTH, Camera, framed_at, on_frame, place_captions, plan_shots
from tests.walkthrough.media import CODE_LIKE

CAMERA = Camera(lead_s=0.5, hold_s=0.5, ease_s=0.3, max_zoom=2.0, caption_s=1.5)
FIELD = Box(300, 200, 240, 30)


def act(kind: str, name: str, at: float = 5.0, box: Box | None = FIELD, **more) -> Action:
    return Action(at, kind, name, box=box, **more)


@pytest.mark.parametrize(
    ("action", "said"),
    [
        (act("type", "First Name"), "Type the first name"),
        (act("type", "Zip/Postal Code"), "Type the zip/postal code"),
        (act("type", "CM/ECF login"), "Type the CM/ECF login"),
        (act("choose", "State", option="Massachusetts"), "Choose Massachusetts as the State"),
        (act("check", "I'm not a robot"), "Check I'm not a robot"),
        (act("uncheck", "Use billing address"), "Uncheck Use billing address"),
        (act("select", "Next"), "Select Next"),
        (act("pick", "Attorney"), "Choose Attorney"),
        (act("select", ""), "Select the highlighted control"),
    ],
)
def test_actions_are_said_as_a_person_says_them(action, said):
    assert caption(action) == said
    assert not CODE_LIKE.search(said)


@pytest.mark.parametrize(
    ("action", "said"),
    [
        (act("type", "Password", secret=True), f"Type the password: {MASK}"),
        (act("type", "Answer 1", secret=True), f"Type Answer 1: {MASK}"),
        (act("choose", "Security code", option="123", secret=True), f"Choose {MASK} as the Security code"),
    ],
)
def test_a_secret_shows_as_dots_of_a_fixed_length(action, said):
    assert caption(action) == said


def test_a_long_name_is_cut_at_a_word():
    said = caption(act("check", "I authorize the PACER Service Center to charge the above credit card once a quarter"))
    assert said.endswith("…") and len(said) <= len("Check ") + 71
    assert said.startswith("Check I authorize the PACER Service Center")


def test_a_page_report_becomes_an_action_at_its_video_time():
    fact = {"action": "type", "name": "Email", "secret": False, "box": {"x": 1, "y": 2, "width": 3, "height": 4}}
    assert Action.from_page(fact, 2.5) == Action(2.5, "type", "Email", box=Box(1, 2, 3, 4))


GUIDE = parse_guide(
    {
        "id": "demo",
        "title": "Demo",
        "court": "mad",
        "source": "s",
        "steps": [
            {
                "id": "form",
                "title": "Fill in the form",
                "flow": "demo.form",
                "captions": {"Check I'm not a robot": 'Perform the "I am not a robot" exercise', "Select Reset": ""},
            }
        ],
    }
)


def test_a_step_of_the_catalog_may_say_an_action_in_its_own_words():
    step = GUIDE.entry("form")
    assert step_caption_for(act("check", "I'm not a robot"), step) == 'Perform the "I am not a robot" exercise'
    assert step_caption_for(act("select", "Reset"), step) is None
    assert step_caption_for(act("select", "Next"), step) == "Select Next"
    assert step_caption_for(act("select", "Next"), None) == "Select Next"


def test_captions_in_a_catalog_map_words_to_words():
    with pytest.raises(CatalogError, match="captions"):
        parse_guide(
            {
                "id": "bad",
                "title": "Bad",
                "court": "mad",
                "source": "s",
                "steps": [{"id": "a", "title": "A", "flow": "demo.a", "captions": ["Select Next"]}],
            }
        )


def test_actions_close_together_make_one_shot_zoomed_on_them():
    actions = [act("type", "A", 5.0), act("type", "B", 5.6, Box(300, 260, 240, 30)), act("select", "Go", 20.0)]
    shots = plan_shots(actions, CAMERA)
    assert len(shots) == 2
    first, second = shots
    assert first.start_s == pytest.approx(4.5) and first.end_s == pytest.approx(6.1)
    assert 1.15 <= first.zoom <= CAMERA.max_zoom
    assert [center[2:] for center in first.centers] == [FIELD.center, (420.0, 275.0)]
    assert first.centers[1][0] >= actions[0].at, "the camera leaves a control only once it is used"
    assert first.centers[1][1] == pytest.approx(actions[1].at - CAMERA.lead_s)
    assert second.start_s > first.end_s


def test_a_control_too_large_to_zoom_on_is_shown_whole():
    assert plan_shots([act("select", "Menu", box=Box(0, 0, WIDTH, 300))], CAMERA) == []


def test_the_zoomed_frame_holds_the_control():
    action = act("type", "City", box=Box(1200, 690, 70, 24))  # in a corner
    shots = plan_shots([action], CAMERA)
    shown = on_frame(action.box, framed_at(shots, action.at))
    assert shown.x >= 0 and shown.y >= 0
    assert shown.x + shown.width <= WIDTH and shown.y + shown.height <= HEIGHT


@pytest.mark.parametrize("y", [10, 200, 360, 500, 600, 690])
def test_a_caption_never_covers_the_control_it_speaks_of(y):
    action = act("type", "City", box=Box(500, y, 200, 28))
    shots = plan_shots([action], CAMERA)
    (placed,) = place_captions([(action, "Type the city")], shots, CAMERA)
    shown = on_frame(action.box, framed_at(shots, action.at))
    band = (0, HEIGHT * CAPTION_BAND) if placed.top else (HEIGHT * (1 - CAPTION_BAND), HEIGHT)
    assert shown.y + shown.height <= band[0] or shown.y >= band[1]


def test_one_caption_at_a_time():
    actions = [act("type", name, 5 + index * 0.3) for index, name in enumerate("ABCDEF")]
    placed = place_captions([(a, caption(a)) for a in actions], plan_shots(actions, CAMERA), CAMERA)
    assert placed
    assert all(one.end_s <= after.start_s for one, after in itertools.pairwise(placed))
