"""Guide catalogs: every documented step, sub-step, note, branch and tip of a court guide.

A catalog is fixtures/guides/<guide-id>.yaml. Top-level `steps` are the guide's main path, in
order; each may hold `entries` (sub-steps, notes, branches, tips) under it. Every entry has an
id unique in its guide; its full id is `<guide-id>/<entry-id>`. An entry's `captions` replace
what a walkthrough says of an action during it: `{"Check I'm not a robot": "Do the exercise"}`.
Every main-path step says what it does to the deployment (`effect`): `reads` (it opens a page,
follows a link, signs on, sees a form or the menus) or `changes` (it submits what the site keeps:
a registration, a link, an MFA method). Live checks (tests/live) run only steps that read; a
step that does not say counts as changing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import yaml

KINDS = ("step", "substep", "note", "branch", "tip")
EFFECTS = ("reads", "changes")


@dataclass(frozen=True)
class Entry:
    guide: str
    id: str
    kind: str
    title: str
    text: str = ""
    observe: str = ""
    flow: str | None = None  # module.function in e2e.flows, for main-path steps
    endpoint: str | None = None  # the mock's endpoint the step asks for first; None: it asks for nothing
    parent: str | None = None
    effect: str | None = None  # main-path steps: reads | changes; unsaid counts as changes
    captions: dict[str, str] = field(default_factory=dict, hash=False)  # a walkthrough's caption -> the step's own

    @property
    def full_id(self) -> str:
        return f"{self.guide}/{self.id}"

    @property
    def reads_only(self) -> bool:
        return self.effect == "reads"

    def renamed(self, rename: re.Pattern, names: dict[str, str]) -> Entry:
        def swap(text: str) -> str:
            return rename.sub(lambda found: names[found.group(0)], text)

        return replace(self, title=swap(self.title), text=swap(self.text), observe=swap(self.observe))


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    court: str
    source: str
    persona: str | None
    steps: tuple[Entry, ...]
    entries: tuple[Entry, ...] = field(repr=False)

    def children(self, step: Entry) -> list[Entry]:
        return [e for e in self.entries if e.parent == step.id]

    def first_change(self) -> Entry | None:
        """The first main-path step that changes state: a live check reaches no step after it."""
        return next((s for s in self.steps if not s.reads_only), None)

    def entry(self, entry_id: str) -> Entry:
        return next(e for e in self.entries if e.id == entry_id)

    def renamed(self, names: dict[str, str]) -> Guide:
        """The guide as told elsewhere: every name in `names` (a court's, its filing menus')
        replaced by its counterpart in titles and texts, longest names first, in one pass."""
        names = {old: new for old, new in names.items() if old and old != new}
        if not names:
            return self
        rename = re.compile("|".join(re.escape(old) for old in sorted(names, key=len, reverse=True)))
        entries = {e.id: e.renamed(rename, names) for e in self.entries}
        return replace(
            self,
            title=rename.sub(lambda found: names[found.group(0)], self.title),
            steps=tuple(entries[s.id] for s in self.steps),
            entries=tuple(entries.values()),
        )


class CatalogError(ValueError):
    pass


def _entry(guide_id: str, raw: dict, parent: str | None, default_kind: str) -> Entry:
    missing = {"id", "title"} - raw.keys()
    if missing:
        raise CatalogError(f"{guide_id}: an entry lacks {', '.join(sorted(missing))}: {raw}")
    kind = raw.get("kind", default_kind)
    if kind not in KINDS:
        raise CatalogError(f"{guide_id}/{raw['id']}: kind must be one of {', '.join(KINDS)}")
    fields = {k: raw[k] for k in ("text", "observe", "flow", "endpoint", "effect") if k in raw}
    captions = raw.get("captions") or {}
    if not isinstance(captions, dict) or not all(isinstance(v, str) for v in [*captions, *captions.values()]):
        raise CatalogError(f"{guide_id}/{raw['id']}: captions maps a caption to the step's own words")
    return Entry(
        guide=guide_id, id=raw["id"], kind=kind, title=raw["title"], parent=parent, captions=captions, **fields
    )


def parse_guide(data: dict) -> Guide:
    guide_id = data["id"]
    steps, entries = [], []
    for raw in data["steps"]:
        step = _entry(guide_id, raw, None, "step")
        if not step.flow:
            raise CatalogError(f"{step.full_id}: a main-path step needs a flow")
        if step.effect is not None and step.effect not in EFFECTS:
            raise CatalogError(f"{step.full_id}: effect must be one of {', '.join(EFFECTS)}, not '{step.effect}'")
        steps.append(step)
        entries.append(step)
        entries.extend(_entry(guide_id, child, step.id, "substep") for child in raw.get("entries", []))
    ids = [e.id for e in entries]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise CatalogError(f"{guide_id}: ids used twice: {', '.join(sorted(duplicates))}")
    return Guide(
        id=guide_id,
        title=data["title"],
        court=data["court"],
        source=data["source"],
        persona=data.get("persona"),
        steps=tuple(steps),
        entries=tuple(entries),
    )


@cache
def load_guides() -> dict[str, Guide]:
    folder = resources.files("fixtures").joinpath("guides")
    guides = [parse_guide(yaml.safe_load(f.read_text())) for f in folder.iterdir() if f.name.endswith(".yaml")]
    return {g.id: g for g in sorted(guides, key=lambda g: g.id)}


def load_guide(guide_id: str) -> Guide:
    guides = load_guides()
    if guide_id not in guides:
        raise CatalogError(f"no guide '{guide_id}'; known: {', '.join(guides)}")
    return guides[guide_id]


def all_entry_ids() -> set[str]:
    return {e.full_id for g in load_guides().values() for e in g.entries}
