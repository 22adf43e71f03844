"""What a person sees done in a walkthrough, said in plain words: "Type the first name",
"Choose Massachusetts as the State", "Check I'm not a robot", "Select Next".

A script in every frame of a recorded page watches the controls being used (typing, choosing,
checking, clicking) and reports, for each, what kind of action it was, the control's accessible
name (its label, as the page objects find it), the option chosen, whether the control holds a
secret, where the control is on the screen (scrolled into sight first, when it was used out of
sight) and when. A secret's value never leaves the page:
its caption shows a fixed row of dots. The wording is made here, and a catalog step may
replace any caption of its own (`captions:` in the guide's YAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from e2e.catalog import Entry
from e2e.secrets import MASK, SECRET_NAMES

BINDING = "walkthroughAction"
LONGEST_NAME = 70  # characters of a control's name kept in a caption

# Names of fields that hold a secret, beside password fields and those typed with fill_secret.

WATCH_ACTIONS = f"""(() => {{
  const SECRET = new RegExp('{SECRET_NAMES}', 'i');
  const report = (fact) => {{ try {{ window.{BINDING}(fact); }} catch (error) {{ /* not recorded */ }} }};
  const clean = (text) => (text || '').replace(/\\s+/g, ' ').trim().replace(/\\s*\\*$/, '');
  const labelText = (label) => {{
    const copy = label.cloneNode(true);
    copy.querySelectorAll('input, select, textarea').forEach((control) => control.remove());
    return copy.textContent;
  }};
  const nameOf = (element) => {{
    const ids = element.getAttribute('aria-labelledby');
    const labelled = ids && ids.split(/\\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ');
    if (clean(labelled)) return clean(labelled);
    if (element.getAttribute('aria-label')) return clean(element.getAttribute('aria-label'));
    if (element.labels && element.labels.length) return clean([...element.labels].map(labelText).join(' '));
    if (element instanceof HTMLInputElement) return clean(element.value || element.title || element.placeholder);
    return clean(element.innerText || element.textContent || element.title || element.getAttribute('alt'));
  }};
  const isSecret = (element) => element.type === 'password' || 'secret' in element.dataset
    || getComputedStyle(element).webkitTextSecurity === 'disc' || SECRET.test(nameOf(element));
  const onScreen = (element) => {{
    const box = element.getBoundingClientRect();
    let x = box.left, y = box.top, view = window;
    try {{
      while (view !== view.top && view.frameElement) {{
        const frame = view.frameElement.getBoundingClientRect();
        x += frame.left + view.frameElement.clientLeft;
        y += frame.top + view.frameElement.clientTop;
        view = view.parent;
      }}
    }} catch (error) {{ /* a frame of another origin: its own place is kept */ }}
    return {{x, y, width: box.width, height: box.height}};
  }};
  const inView = (element) => {{
    // A control used out of sight (a list chosen below the fold) is scrolled to, as a person would.
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {{
      element.scrollIntoView({{block: 'center', inline: 'nearest'}});
    }}
    return element;
  }};
  const send = (element, action, option) => inView(element) && report({{
    action, name: nameOf(element), option: option || '', secret: isSecret(element), box: onScreen(element),
    at: Date.now(),
  }});
  const typedAt = new WeakMap();
  document.addEventListener('input', (event) => {{
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    if (/^(checkbox|radio|range|file|color)$/.test(field.type)) return;
    const last = typedAt.get(field) || 0;
    typedAt.set(field, Date.now());
    if (Date.now() - last > 1500) send(field, 'type');
  }}, true);
  document.addEventListener('change', (event) => {{
    const control = event.target;
    if (control instanceof HTMLSelectElement) {{
      send(control, 'choose', clean(control.selectedOptions[0]?.textContent));
    }} else if (control instanceof HTMLInputElement && control.type === 'checkbox') {{
      send(control, control.checked ? 'check' : 'uncheck');
    }} else if (control instanceof HTMLInputElement && control.type === 'radio') {{
      send(control, 'pick');
    }}
  }}, true);
  const CLICKABLE = 'button, a[href], [role=button], [role=link], [role=menuitem], [role=tab], [role=checkbox], '
    + 'input[type=submit], input[type=button], input[type=image]';
  document.addEventListener('click', (event) => {{
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    const control = event.target.closest(CLICKABLE);
    if (!control) return;
    if (control.getAttribute('role') === 'checkbox') {{
      send(control, control.getAttribute('aria-checked') === 'true' ? 'uncheck' : 'check');
    }} else {{
      send(control, 'select');
    }}
  }}, true);
}})();"""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True)
class Action:
    """One control used, as the page reported it; `at` is seconds into the video."""

    at: float
    kind: str  # type | choose | check | uncheck | pick | select
    name: str
    option: str = ""
    secret: bool = False
    box: Box | None = None

    @classmethod
    def from_page(cls, fact: dict, at: float) -> Action:
        box = fact.get("box") or {}
        return cls(
            at=round(at, 3),
            kind=str(fact.get("action", "select")),
            name=str(fact.get("name") or ""),
            option=str(fact.get("option") or ""),
            secret=bool(fact.get("secret")),
            box=Box(*(float(box.get(k, 0)) for k in ("x", "y", "width", "height"))) if box else None,
        )


def shorten(text: str, limit: int = LONGEST_NAME) -> str:
    """At most `limit` characters, cut at a word, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def noun(label: str) -> str:
    """A field's label as a noun in a sentence: "First Name" -> "the first name"; acronyms
    stay as they are ("the CM/ECF login"); a numbered field keeps its name ("Answer 1")."""
    if re.search(r"\d$", label):
        return label
    return "the " + re.sub(r"\b[A-Z][a-z]+\b", lambda word: word.group(0).lower(), label)


def caption(action: Action) -> str:
    """The plain-language caption of an action; a secret shows as dots of a fixed length."""
    name = shorten(action.name)
    if action.kind == "type":
        said = f"Type {noun(name)}" if name else "Type in the field"
        return f"{said}: {MASK}" if action.secret else said
    if action.kind == "choose":
        option = MASK if action.secret else shorten(action.option)
        return f"Choose {option} as the {name}" if name else f"Choose {option}"
    if action.kind in ("check", "uncheck"):
        return f"{action.kind.capitalize()} {name or 'the box'}"
    if action.kind == "pick":
        return f"Choose {name}"
    return f"Select {name}" if name else "Select the highlighted control"


def step_caption_for(action: Action, step: Entry | None) -> str | None:
    """The caption shown for an action during a step: the catalog's own wording where the step
    gives one (an empty one hides the caption), else the plain-language default."""
    said = caption(action)
    if step is not None and said in step.captions:
        return step.captions[said] or None
    return said
