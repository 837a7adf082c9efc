"""What a figure measures: the Resolver's metric reading (a mixin; its matchers and tables are the Resolver's)."""

from __future__ import annotations

import regex

from figcheck.extract.quantities import Mention
from figcheck.extract.sentences import Span
from figcheck.resolve.context import Zones
from figcheck.resolve.lexicon import Hit, fold
from figcheck.resolve.sharing import CURRENCY_UNIT

# What may stand between a Hebrew or Arabic verb and its figure: a few words, no punctuation.
VERB_GAP = regex.compile(r"(?:\s+[\p{L}\p{M}\"'־-]+){0,4}?\s+(?:عن\s+)?")
# A counted noun in Hebrew (a plural: "אסיסטים") or Arabic (no preposition: "تمريرة", not
# "من الأصوات"); a comparison ("מהממוצע", "than the average") is none.
RTL_NOUN = {
    "he": regex.compile(r"(?!מה|כ|ב|ל)[\p{L}\p{M}'\"־-]+(?:ים|ות)"),
    "ar": regex.compile(r"(?!من\b|في\b|على\b|إلى\b|عن\b|مع\b|بال|لل|كال|وال)[\p{L}\p{M}]+"),
}
# A one-word name between a verb and its figure: "cost Israel", "gave Ukraine", "paid Musk".
# A list or a second clause inside a noun phrase: "totals NIS 620 billion and sets a deficit target".
JOINED = regex.compile(r",|\b(?:and|or|but|plus)\b")
OBJECT_NAME = regex.compile(r"\s+\p{Lu}[\p{L}'’-]+\s+")


class MetricReader:
    """The metric half of the Resolver: the trigger words around a figure, read in order of trust."""

    def _no_metric(self, text: str, m: Mention, sent: Span) -> bool:
        """A poll's sample or error (scope.yml 'no_metric_before'): "a survey of 1,400 adults"."""
        return self.no_metric_before.search(text, max(sent.start, m.start - 40), m.start) is not None

    def _counts_other(self, noun: str | None, unit: str) -> bool:
        """The figure names what it counts, and that is neither a metric's word nor a group's.

        "18 assists", "eight rebounds", "four races": such a figure keeps the metric its own
        words give it and borrows none from a neighbour or a far verb.
        """
        if not noun or unit != "count":
            return False
        if self.lang != "en":
            # The counted noun follows at once: "10 אסיסטים", "18 تمريرة حاسمة".
            head = noun.split()[0]
            if fold(head).casefold() in self.verb_words or head in self.more_words or not RTL_NOUN[self.lang].fullmatch(head):
                return False
            return not (self.groups.finditer(noun) or self.metric_nouns.finditer(noun) or self.metric_verbs.finditer(noun))
        words = noun.split()
        # "two home games": a phrase counts what its last word names, if each word is a plain word
        # ("250 serving life sentences" is a clause, not a counted noun).
        if len(words) > 3 or any(w[:1].isupper() or not w.isalpha() for w in words) or any(w.endswith("ing") for w in words[:-1]) or noun.casefold() in self.hedges:
            return False
        if not self.counted.plural(words[-1]):
            return False  # "collapsed to 121, their worst result": no counted noun at all
        return not (self.groups.finditer(noun) or self.metric_nouns.finditer(noun) or self.metric_verbs.finditer(noun))

    def _metric(self, text: str, z: Zones, m: Mention, own: bool = False, nxt: int | None = None) -> str | None:
        """The figure's metric from the words around it.

        ``own``: the figure names what it counts, a noun of no metric ("18 assists"): a metric
        noun later in the predicate or a trigger further back is not its own. ``nxt``: where the
        next figure starts; a predicate word that introduces it ("and turnout of 82.5%") is that
        figure's, not this one's.
        """
        def not_next(hits: list[Hit]) -> list[Hit]:
            return [h for h in hits if nxt is None or nxt <= h.end or not self.introduces.fullmatch(text, h.end, nxt)]

        money = CURRENCY_UNIT.match(m.unit) is not None

        def verbs(start: int, end: int) -> list[Hit]:
            # Verbs that say what money is ("won $3.6 million") count for money only.
            return self.metric_verbs.finditer(text, start, end) + (self.money_verbs.finditer(text, start, end) if money else [])

        if m.unit == "percent" and self.own_rate is not None and self.own_rate.match(text, z.np[0], z.np[1]):
            return None  # "a 10% baseline tariff on all imports": the tariff's own rate, no share of imports
        # Words inside a definition ("including the missing") narrow a metric; they do not name one.
        narrowing = [(h.start, h.end) for h in self.definitions.finditer(text, z.before[0], z.predicate[1]) if h.key not in self.metric_definitions]
        # A trigger whose metric the figure's unit cannot measure is no candidate ("27,000 acres").
        narrowing += self._names
        # A trigger inside a longer group word is no trigger: "חולים" (patients) in "בתי חולים" (hospitals).
        narrowing += [(g.start, g.end) for g in self.shadowing.finditer(text, z.before[0], z.predicate[1])]
        outside = lambda hits: [h for h in hits if not any(a <= h.start < b for a, b in narrowing) and self._measures(h.key, m.unit)]  # noqa: E731
        # A bound written apart from its number spans the noun: "تجاوز عدد الجرحى ١٠٩ آلاف".
        within = outside(self.metric_nouns.finditer(text, m.start, m.num_start) + verbs(m.start, m.num_start))
        if within:
            return max(within, key=lambda h: h.end).key
        # A noun hyphenated to the figure is part of it: "7.7-magnitude", "a 343-seat House".
        # A phrase may hold the hyphen itself ("-seat").
        glued = [
            h for h in outside(self.metric_nouns.finditer(text, m.end, m.end + 30))
            if text[m.end : m.end + 1] in {"-", "־"} and h.start in {m.end, m.end + 1}
        ]
        if glued:
            return glued[0].key
        np_hits = not_next(outside(self.metric_nouns.finditer(text, *z.np) + verbs(*z.np)))
        if money and self.lang == "en":
            # What an amount of money is, named right after it, outranks a verb further on: "a
            # €500 billion infrastructure fund to be spent", "a $700 million contract".
            named = [h for h in np_hits if h in self.metric_nouns.finditer(text, *z.np) and not JOINED.search(text, z.np[0], h.start)]
            if named:
                return min(named, key=lambda h: h.start).key
        head = min(np_hits, key=lambda h: h.start) if np_hits and self.lang in {"he", "ar"} else None
        if head is not None and not text[z.np[0] : head.start].strip(" -־") and head in self.metric_nouns.finditer(text, *z.np):
            # The counted noun right after a Hebrew or Arabic figure is what it counts; later nouns
            # are where or whose, not a mixed count: "אלפי מפגינים בכיכר החטופים".
            np_hits = [h for h in np_hits if h.key == head.key]
        if len({h.key for h in np_hits}) >= 2:
            head = min(np_hits, key=lambda h: h.start)
            acts = [v for v in verbs(head.end, z.np[1]) if v.key != head.key and text[head.end : v.start].strip() == ""]
            inside_act = lambda h: any(v.start <= h.start and h.end <= v.end for v in acts)  # noqa: E731
            if head in self.metric_nouns.finditer(text, *z.np) and acts and all(h.key == head.key or inside_act(h) for h in np_hits):
                # "6.8 million eligible voters casting ballots": the noun, then what its people did.
                return head.key
            return None  # "patients, wounded and displaced persons": a mixed count has no one metric
        rates = [h for h in np_hits if m.unit == "percent" and self.metric_measures.get(h.key) == "rate"]
        if rates:
            # A share of a rate's base is that rate, whatever verb comes first: "הצביעו כ־49%
            # מבעלי זכות הבחירה", "49% of eligible voters voted" are turnout.
            return rates[0].key
        before = outside(verbs(*z.before) + self.metric_nouns.finditer(text, *z.before))
        # "has cost Israel some $67 billion": an English verb's object named before its figure.
        adjacent = [h for h in before if not text[h.end : z.before[1]].strip(" \t-־") or (self.lang == "en" and OBJECT_NAME.fullmatch(text, h.end, z.before[1]))]
        if adjacent:
            # "killed 11 people, wounding 30 more": the verb right before wins; of two ending
            # together the longer phrase ("agreed to pay" over "pay").
            return max(enumerate(adjacent), key=lambda ih: (ih[1].end - ih[1].start, ih[0]))[1].key
        if self.lang in {"he", "ar"}:
            # Verb first, then its subject or a time: "נהרגו ברצועה 61", "أفرجت سلطات الاحتلال فجر الاثنين عن 90".
            near = [h for h in outside(verbs(*z.before)) if VERB_GAP.fullmatch(text, h.end, z.before[1])]
            if near:
                return near[-1].key
        # "50,000 people died … from illnesses": the noun phrase's own verb outranks a noun later on.
        np_verbs = [h for h in np_hits if h in outside(verbs(*z.np)) and not self._is_noun(h)]
        if np_verbs and len({h.key for h in np_hits}) == 1:
            return np_verbs[0].key
        if before and self.linked.search(text, z.before[0], z.before[1]):
            # "Nvidia's fourth-quarter profit nearly doubled to $22.1 billion, and … sales": the
            # subject of a linking verb is what the figure measures, whatever follows it.
            return self._nearest(before)
        # What happened to the counted thing ("were released") outranks what it is ("hostages"),
        # which outranks a noun further on ("87.28% of the vote, …, on a record turnout").
        pred_verbs = [h for h in not_next(outside(verbs(*z.predicate))) if not self._is_noun(h)]
        if pred_verbs:
            return min(pred_verbs, key=lambda h: h.start).key
        pred = not_next(outside(verbs(*z.predicate) + self.metric_nouns.finditer(text, *z.predicate)))
        if own:
            # "18 assists, the most goal involvements": past a comma the phrase is an apposition.
            np_hits = [h for h in np_hits if "," not in text[z.np[0] : h.start]]
            if not np_hits:
                return None
        if np_hits and self.lang == "en":
            return np_hits[0].key
        if pred:
            return min(pred, key=lambda h: h.start).key
        if np_hits:
            return np_hits[0].key
        return self._nearest(before) if before else None

    def _nearest(self, before: list[Hit]) -> str:
        """The trigger nearest the figure; a noun over a verb spelt the same ("interest costs")."""
        return max(before, key=lambda h: (h.end, self._is_noun(h))).key

    def _is_noun(self, h: Hit) -> bool:
        """Whether a verb trigger's words are a noun trigger too ("wounded", "dead")."""
        return bool(self.metric_nouns.finditer(h.text))
