"""Which event a toll or a case count is of: a flood, an earthquake, Hurricane Helene, measles.

The cause is read as a ``definition`` (rules/lexicon/causes.yml): two disasters in one country
are two series. A figure takes the cause its own words name; a figure whose sentence names none
takes the one cause its paragraph names, else its title's, else the whole document's. War and
violence are no cause: a context that names them gives none, so a war's toll stays one series.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from figcheck.resolve.dating import alt
from figcheck.resolve.lexicon import Lexicon, PhraseMatcher

VIOLENCE = "_violence"


@dataclass(frozen=True)
class CauseHit:
    key: str
    start: int
    end: int


class Causes:
    """The causes of one language, with the named-storm pattern."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        data = lexicon.section("causes")
        entries = {k: v for k, v in (data.get("causes") or {}).items() if isinstance(v, dict)}
        table = {k: [str(w) for w in v.get(lang) or []] for k, v in entries.items()}
        # One matcher for causes and violence, longest phrase first: "Al-Aqsa Flood" is no flood.
        table[VIOLENCE] = [str(w) for w in (data.get("violence") or {}).get(lang) or []]
        self.matcher = PhraseMatcher(table, lang)
        kinds = {k: str(v.get("kind")) for k, v in entries.items()}
        narrows = {str(kind): frozenset(map(str, metrics or ())) for kind, metrics in (data.get("narrows") or {}).items()}
        self.metrics = {k: narrows.get(kind, frozenset()) for k, kind in kinds.items()}
        self.all_metrics = frozenset().union(*self.metrics.values()) if self.metrics else frozenset()
        self.within = {k: frozenset(map(str, v.get("within") or ())) for k, v in entries.items()}
        storms = data.get("named_storms") or {}
        self.prefix = str(storms.get("key_prefix") or "storm_")
        self.storm_family = self.prefix.rstrip("_")
        self.not_names = frozenset(str(w).casefold() for w in storms.get("not_names") or ())
        words = [str(w) for w in storms.get(lang) or []]
        # The class word in any case ("Hurricane", "hurricane"), the name capitalised.
        self.storm_rx = regex.compile(rf"(?<!\w)(?i:{alt(words)})\s+(\p{{Lu}}\p{{Ll}}+)(?!\w)") if words else None

    def family(self, key: str) -> str:
        return self.storm_family if key.startswith(self.prefix) else key

    def narrows(self, key: str, metric: str | None) -> bool:
        return key == VIOLENCE or metric in self.metrics.get(self.family(key), frozenset())

    def hits(self, text: str, start: int, end: int) -> list[CauseHit]:
        """Causes and war words in ``text[start:end]``; a named storm hides its class word."""
        named: list[CauseHit] = []
        if self.storm_rx is not None:
            for m in self.storm_rx.finditer(text, start, end):
                if m.group(1).casefold() not in self.not_names:
                    named.append(CauseHit(self.prefix + m.group(1).casefold(), m.start(), m.end()))
        found = [CauseHit(h.key, h.start, h.end) for h in self.matcher.finditer(text, start, end)]
        found = [h for h in found if not any(n.start <= h.start < n.end for n in named)]
        return sorted(found + named, key=lambda h: h.start)

    def named(self, keys: Iterable[str]) -> set[str]:
        return {k for k in keys if k.startswith(self.prefix)}

    def settle(self, keys: Iterable[str]) -> set[str]:
        """The causes a context names, each part of another left out ("flooding from Hurricane
        Helene" is Helene's) and a storm's class word left out beside its name."""
        keys = set(keys)
        if self.named(keys):
            keys.discard(self.storm_family)
        return {k for k in keys if not any(o != k and self.family(o) in self.within.get(k, ()) for o in keys)}

    def read(
        self, hits: list[CauseHit], at: tuple[int, int], metric: str | None, levels: list[Callable[[], list[CauseHit]]],
    ) -> str | None:
        """The cause of a figure at ``at`` whose nearby words are ``hits``; ``levels`` give the hits
        of its sentence, paragraph, title and document, asked only as far as needed."""
        near = [h for h in hits if self.narrows(h.key, metric)]
        seen: list[list[CauseHit]] = []

        def level(i: int) -> set[str]:
            while len(seen) <= i:
                seen.append([h for h in levels[len(seen)]() if self.narrows(h.key, metric)])
            return {h.key for h in seen[i]}

        key: str | None = None
        if near:
            best = min(near, key=lambda h: at[0] - h.end if h.end <= at[0] else h.start - at[1] + 1)
            if best.key == VIOLENCE:
                return None
            key = best.key
            sentence = self.settle(level(0))
            if key not in sentence:
                # Part of a cause the sentence also names: "flooding from Hurricane Helene".
                bigger = [o for o in sentence if self.family(o) in self.within.get(key, ())]
                key = bigger[0] if len(bigger) == 1 else key
        else:
            for i in range(len(levels)):
                keys = self.settle(level(i))
                if VIOLENCE in keys:
                    return None
                if len(keys) == 1:
                    key = keys.pop()
                    break
                if keys and i == len(levels) - 1:
                    return None
        if key == self.storm_family:
            # "the storm" is the one named storm its context names.
            for i in range(len(levels)):
                named = self.named(level(i))
                if named:
                    return named.pop() if len(named) == 1 else key
        return key
