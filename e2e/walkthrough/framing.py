"""Follow the action: zoom onto each control as it is used, and caption it in plain words.

From the actions a recording saw (where each control was, and when), this plans the camera:
actions close together make one shot, zoomed in so that the control fills a good part of the
frame (typed text readable on a phone), panning from control to control, easing in before the
first action and out after the last. The plan becomes an ffmpeg `zoompan` filter; the captions
become an ASS file burned in after the zoom, each placed in the half of the frame away from
the control it speaks of, so that neither hides what the guide names.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from e2e.walkthrough.actions import Action, Box

WIDTH, HEIGHT = 1280, 720
MARGIN = 0.5  # space around a control, as a share of the frame it is shown in
CAPTION_BAND = 0.25  # the share of the frame's height a caption takes, at the top or the bottom
SHORTEST_CAPTION_S = 0.08  # a caption cut shorter than this by the next one is not shown (about a frame)


@dataclass(frozen=True)
class Camera:
    lead_s: float  # the zoom is in place this long before the action
    hold_s: float  # and stays this long after it
    ease_s: float  # zooming in, out, or panning between controls takes this long
    max_zoom: float
    caption_s: float  # the shortest time a caption stays


@dataclass(frozen=True)
class Shot:
    """Actions close in time, seen through one zoom, panning from one control to the next."""

    start_s: float
    end_s: float
    zoom: float
    centers: tuple[tuple[float, float, float, float], ...]  # (pan from, there by, x, y) per control


@dataclass(frozen=True)
class Caption:
    start_s: float
    end_s: float
    text: str
    top: bool  # shown at the top, the control being in the lower part of the frame


def zoom_for(box: Box, max_zoom: float) -> float:
    """The zoom that shows the control with room around it, at most max_zoom, at least 1."""
    if box.width <= 0 or box.height <= 0:
        return 1.0
    fit = min(WIDTH / (box.width * (1 + 2 * MARGIN)), HEIGHT / (box.height * (1 + 2 * MARGIN)))
    return max(1.0, min(max_zoom, fit))


def visible(box: Box | None) -> bool:
    return box is not None and box.width > 0 and box.height > 0 and box.x < WIDTH and box.y < HEIGHT


def plan_shots(actions: list[Action], camera: Camera) -> list[Shot]:
    shots: list[Shot] = []
    group: list[Action] = []

    def close_group() -> None:
        if not group:
            return
        zoom = min(zoom_for(a.box, camera.max_zoom) for a in group if a.box)
        if zoom >= 1.15:
            centers = _pans([a for a in group if a.box], camera)
            shots.append(Shot(group[0].at - camera.lead_s, group[-1].at + camera.hold_s, round(zoom, 3), centers))
        group.clear()

    for action in sorted((a for a in actions if visible(a.box)), key=lambda a: a.at):
        if group and action.at - camera.lead_s - (group[-1].at + camera.hold_s) > 2 * camera.ease_s:
            close_group()
        group.append(action)
    close_group()
    return _apart(shots, camera.ease_s)


def _pans(actions: list[Action], camera: Camera) -> tuple[tuple[float, float, float, float], ...]:
    """Where the camera looks, control after control: it is on each lead_s before the action
    and leaves the one before no sooner than that action is done (plus a frame or so)."""
    pans = []
    for index, action in enumerate(actions):
        there_by = action.at - camera.lead_s
        start = there_by if index == 0 else max(actions[index - 1].at + 0.05, there_by - camera.ease_s)
        assert action.box is not None
        pans.append((round(min(start, there_by), 3), round(there_by, 3), *action.box.center))
    return tuple(pans)


def _apart(shots: list[Shot], ease_s: float) -> list[Shot]:
    """No two shots' easing overlaps: a shot starts no sooner than the last one has eased out."""
    kept: list[Shot] = []
    for shot in shots:
        start = max(shot.start_s, ease_s)
        if kept:
            start = max(start, kept[-1].end_s + 2 * ease_s)
        if start < shot.end_s:
            kept.append(Shot(start, shot.end_s, shot.zoom, shot.centers))
    return kept


def _ramp(start: float, length: float) -> str:
    """0 before `start`, 1 after start + length, eased in between (smoothstep), in zoompan's `it`."""
    linear = f"clip((it-{start:.3f})/{max(length, 0.01):.3f},0,1)"
    return f"({linear}*{linear}*(3-2*{linear}))"


def zoom_expression(shots: list[Shot], ease_s: float) -> str:
    if not shots:
        return "1"
    terms = [
        f"{shot.zoom - 1:.3f}*{_ramp(shot.start_s - ease_s, ease_s)}*(1-{_ramp(shot.end_s, ease_s)})" for shot in shots
    ]
    return "1+" + "+".join(terms)


def _center_expression(shots: list[Shot], ease_s: float, axis: int) -> str:
    """The point looked at, along one axis: each shot's first control, then a pan to each next."""
    if not shots:
        return str((WIDTH, HEIGHT)[axis] / 2)
    parts = []
    for shot in shots:
        first = shot.centers[0][axis + 2]
        moves = [
            f"{after[axis + 2] - before[axis + 2]:.1f}*{_ramp(after[0], after[1] - after[0])}"
            for before, after in itertools.pairwise(shot.centers)
            if after[axis + 2] != before[axis + 2]
        ]
        inside = f"between(it,{shot.start_s - ease_s:.3f},{shot.end_s + ease_s:.3f})"
        parts.append(f"{inside}*({first:.1f}{''.join('+' + m for m in moves)})")
    return "+".join(parts)


def zoompan_filter(shots: list[Shot], ease_s: float, fps: int) -> str:
    """The `zoompan` filter following the shots (x and y keep the crop inside the frame)."""
    cx, cy = _center_expression(shots, ease_s, 0), _center_expression(shots, ease_s, 1)
    z = zoom_expression(shots, ease_s)
    x = f"clip(({cx})-iw/zoom/2,0,iw-iw/zoom)"
    y = f"clip(({cy})-ih/zoom/2,0,ih-ih/zoom)"
    return f"zoompan=z='{z}':x='{x}':y='{y}':d=1:s={WIDTH}x{HEIGHT}:fps={fps}"


def framed_at(shots: list[Shot], moment: float) -> tuple[float, float, float]:
    """(zoom, left, top) of the crop at a moment, as the filter computes it (for placing captions)."""
    for shot in shots:
        if shot.start_s <= moment <= shot.end_s:
            cx, cy = shot.centers[0][2:]
            for _, there_by, x, y in shot.centers:
                if there_by <= moment:
                    cx, cy = x, y
            zoom = shot.zoom
            left = min(max(cx - WIDTH / zoom / 2, 0), WIDTH - WIDTH / zoom)
            top = min(max(cy - HEIGHT / zoom / 2, 0), HEIGHT - HEIGHT / zoom)
            return zoom, left, top
    return 1.0, 0.0, 0.0


def on_frame(box: Box, framing: tuple[float, float, float]) -> Box:
    """Where a control appears in the output frame, zoomed and cropped."""
    zoom, left, top = framing
    return Box((box.x - left) * zoom, (box.y - top) * zoom, box.width * zoom, box.height * zoom)


def place_captions(said: list[tuple[Action, str]], shots: list[Shot], camera: Camera) -> list[Caption]:
    """A caption per action, from a little before it for caption_s or until the next one begins,
    at the bottom of the frame unless the control sits low in it."""
    captions = []
    for index, (action, text) in enumerate(said):
        start = max(0.0, action.at - camera.lead_s)
        end = start + max(camera.caption_s, camera.lead_s + camera.hold_s)
        if index + 1 < len(said):  # one caption at a time: the next one ends this one
            end = min(end, said[index + 1][0].at - camera.lead_s)
        if end - start < SHORTEST_CAPTION_S:
            continue
        top = False
        if action.box is not None:
            shown = on_frame(action.box, framed_at(shots, action.at))
            top = shown.y + shown.height > HEIGHT * (1 - CAPTION_BAND)
        captions.append(Caption(round(start, 3), round(end, 3), text, top))
    return captions


def _ass_time(seconds: float) -> str:
    centis = round(seconds * 100)
    hours, centis = divmod(centis, 360_000)
    minutes, centis = divmod(centis, 6000)
    secs, centis = divmod(centis, 100)
    return f"{hours}:{minutes:02d}:{secs:02d}.{centis:02d}"


def _ass_text(text: str) -> str:
    """Caption text as ASS shows it literally: no override blocks, no escapes, one line."""
    return " ".join(text.split()).replace("\\", "/").replace("{", "(").replace("}", ")")


ASS_HEADER = f"""[Script Info]
ScriptType: v4.00+
PlayResX: {WIDTH}
PlayResY: {HEIGHT}
WrapStyle: 0
ScaledBorderAndShadow: yes

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, \
Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, \
MarginV, Encoding
Style: Action,DejaVu Sans,36,&H00FFFFFF,&H00FFFFFF,&H3A5D361B,&H3A5D361B,1,0,0,0,100,100,0,0,3,14,0,2,80,80,34,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""


AT_THE_TOP = "{\\an8}"


def write_ass(path: Path, captions: list[Caption]) -> None:
    lines = [
        f"Dialogue: 0,{_ass_time(c.start_s)},{_ass_time(c.end_s)},Action,,0,0,0,,"
        f"{AT_THE_TOP if c.top else ''}{_ass_text(c.text)}"
        for c in captions
    ]
    path.write_text(ASS_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
