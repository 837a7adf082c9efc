"""Give each figure its meaning: metric, group, place, scope, definition, source, as-of and since."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from dataclasses import dataclass

import regex

from figcheck.extract.dates import DateHit
from figcheck.extract.quantities import Extraction, Mention
from figcheck.extract.sentences import Span, paragraphs, sentences
from figcheck.model import Claim
from figcheck.resolve.attribution import Attribution, attributions
from figcheck.resolve.causes import CauseHit, Causes
from figcheck.resolve.context import CONTRAST, Zones, zones
from figcheck.resolve.counted import counted
from figcheck.resolve.dating import DateReader, alt, find_dateline, gapped
from figcheck.resolve.sharing import SentenceSharing
from figcheck.resolve.lexicon import Hit, Lexicon, PhraseMatcher, fold
from figcheck.resolve.metric import MetricReader
from figcheck.resolve.people import GENERIC_GROUP, GroupReader
from figcheck.resolve.places import LOCATIVE, PlaceReader

# Where a clause ends for a subject looking for its verb: a semicolon, a colon, a dash, a
# bracket, a coordinated or relative clause; in Hebrew and Arabic, whose verbs follow their
# subject closely, any comma.
CLAUSE_STOP = {
    "en": regex.compile(r"[;:—–()\[\]\"]|\s-\s|,\s+(?:and|but|while|whereas|according|as|which|who|where|when|with|after|before)\b|\b(?:and|but)\s+(?=\S*\d)"),
    "he": regex.compile(r"[;:—–()\[\],]|\s-\s"),
    "ar": regex.compile(r"[;:—–()\[\],]|\s-\s"),
}
TO_LINK = regex.compile(r"\s+(?:to|עד|إلى)\s+(?:a\s+record\s+)?")
TWEET_TAIL = regex.compile(r"—\s*[^—\n]{0,80}\(@\w+\)\s*(?P<date>[^\n]{6,30})\s*\Z")

NEWLINE = regex.compile(r"\n")
# Nothing but a conjunction before a figure in its clause: the figure is the clause's subject.
LEADS_CLAUSE = regex.compile(r"(?i)[\s,;:—–-]*(?:(?:and|but|while|whereas)\s+)?")


@dataclass(frozen=True)
class ParagraphContext:
    tweet_date: dt.date | None
    label: Attribution | None
    events: tuple[str, ...]
    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    setting: str | None = None
    """The one place the paragraph is set in, when it names one (see Resolver._setting)."""
    span: tuple[int, int] = (0, 0)
    located: bool = False
    """Whether the paragraph names any place as a place ("the Air India crash" names none)."""


class Resolver(DateReader, SentenceSharing, MetricReader, GroupReader, PlaceReader):
    """Resolution for one language with its compiled matchers."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon, self.lang = lexicon, lang
        self.metric_nouns = lexicon.matcher("metrics", lang, "noun")
        self.metric_verbs = lexicon.matcher("metrics", lang, "verb")
        self.money_verbs = lexicon.matcher("metrics", lang, "money_verb")
        self.groups = lexicon.matcher("groups", lang)
        self.places = lexicon.matcher("places", lang)
        # Cities of tools/gen_cities.py ('kind: city'): a fallback where no larger place is named.
        self.cities = frozenset(k for k, v in lexicon.section("places").items() if isinstance(v, dict) and v.get("kind") == "city")
        self.definitions = lexicon.matcher("definitions", lang)
        self.causes = Causes(lexicon, lang)
        self._cause_hits: dict[tuple[int, int], list[CauseHit]] = {}
        self._title: str | None = None
        self._whole: str | None = None
        self._whole_hits: list[tuple[str, list[CauseHit]]] = []
        # Group words whose head is followed by a metric word that only qualifies it: "בתי חולים"
        # (hospitals) holds "חולים" (patients), "עובדי סיוע" (aid workers) "סיוע" (aid). A metric
        # word heading the phrase still counts ("חללי צה"ל", the army's dead).
        metric_nouns = lexicon.matcher("metrics", lang, "noun")
        self.shadowing = PhraseMatcher({
            key: [w for w in words if any(h.start > 0 for h in metric_nouns.finditer(fold(w)))]
            for key, words in ((k, list((v or {}).get(lang) or [])) for k, v in lexicon.section("groups").items() if isinstance(v, dict))
        }, lang)
        # Definitions whose words name the metric too ("damaged or destroyed"): still read for it.
        self.metric_definitions = frozenset(k for k, v in lexicon.section("definitions").items() if isinstance(v, dict) and v.get("names_metric"))
        self.usual_definitions = {
            k: frozenset(v.get("usual_for") or ()) for k, v in lexicon.section("definitions").items() if isinstance(v, dict)
        }
        self.scopes = lexicon.flat_matcher("scope", lang)
        self.attr = attributions(lexicon, lang)
        self.counted = counted(lexicon, lang)
        self.locative = LOCATIVE.get(lang, LOCATIVE["en"])
        self.clause_stop = CLAUSE_STOP.get(lang, CLAUSE_STOP["en"])
        names: dict[str, list[str]] = {}
        words: dict[str, list[str]] = {}
        for key, event in lexicon.events().items():
            names[key] = [*(event.get("names", {}).get(lang) or []), *(event.get("names", {}).get("en") or [])]
            words[key] = list((event.get("words") or {}).get(lang) or [])
        metrics = {k: v for k, v in lexicon.section("metrics").items() if isinstance(v, dict)}
        self.default_groups = {k: v["default_group"] for k, v in metrics.items() if v.get("default_group")}
        self.unit_metrics = {str(u): k for k, v in metrics.items() for u in v.get("units") or []}
        self.metric_measures = {k: str(v["measures"]) for k, v in metrics.items() if v.get("measures")}
        # What moves both ways is never a running total (metrics.yml: 'measures: rate', 'level').
        self.levels = frozenset(k for k, v in metrics.items() if v.get("level") or v.get("measures") == "rate")
        self.metric_units = {k: frozenset(map(str, v.get("units") or [])) for k, v in metrics.items()}
        self.event_names = PhraseMatcher(names, lang)
        # Results and divisions written "A-B" (metrics.yml 'score_line', 'score_max').
        self.score_words = PhraseMatcher({k: list((v.get("score_line") or {}).get(lang) or []) for k, v in metrics.items()}, lang)
        self.score_metrics = frozenset(k for k, v in metrics.items() if (v.get("score_line") or {}).get(lang))
        self.score_max = {k: (float(v["score_max"]), str(v.get("score_above"))) for k, v in metrics.items() if v.get("score_max") is not None}
        # metrics.yml 'instead_of': (metric read, metric meant) → the words that make the swap.
        self.instead_of = {
            (str(old), k): PhraseMatcher({"w": list((words or {}).get(lang) or [])}, lang)
            for k, v in metrics.items() for old, words in (v.get("instead_of") or {}).items() if (words or {}).get(lang)
        }
        self.bare_context = PhraseMatcher({k: list((v.get("bare_in") or {}).get(lang) or []) for k, v in metrics.items()}, lang)
        self.share_context = PhraseMatcher({k: list((v.get("shares_in") or {}).get(lang) or []) for k, v in metrics.items()}, lang)
        verb_table = (lexicon.section("metrics") or {}).values()
        self.verb_words = frozenset(
            fold(str(w)).casefold() for entry in verb_table if isinstance(entry, dict)
            for w in ((entry.get("verb") or {}).get(lang) or []) if " " not in str(w)
        ) if lang != "en" else frozenset()  # English participles double as adjectives ("wounded persons")
        nominal = {fold(str(w)).casefold() for entry in verb_table if isinstance(entry, dict) for w in ((entry.get("noun") or {}).get(lang) or [])}
        nominal |= {fold(str(w)).casefold() for entry in lexicon.section("groups").values() if isinstance(entry, dict) for w in entry.get(lang) or []}
        self.lead_verbs = self.verb_words - nominal
        self._init_groups(lexicon, lang)
        self.own_staff = regex.compile(rf"(?i)(?<!\w)(?:من\s+|מ)?(?:{alt(lexicon.folded('scope', 'own_staff', lang))})(?!\w)")
        self.source_staff = {k: str(v["staff"]) for k, v in lexicon.section("sources").items() if isinstance(v, dict) and v.get("staff")}
        self.abroad = PhraseMatcher({"refugees": lexicon.words("scope", "abroad", lang)}, lang)
        self.likelihood = regex.compile(rf"(?i)\s*(?:{alt(lexicon.folded('scope', 'likelihood', lang))})(?!\w)")
        self.lifespan = regex.compile(rf"(?i)(?<!\w)(?:{alt(lexicon.folded('scope', 'lifespan', lang))})(?!\w)")
        self._init_dates(lexicon, lang)
        self._names: list[tuple[int, int]] = []
        subset = lexicon.folded("scope", "subset_markers", lang)
        part = lexicon.folded("scope", "part_of", lang)
        # The marker governs the figure only when no clause break stands between them: "killed 50
        # people, most of them migrants; the building housed almost 200" names no part.
        self.subset = regex.compile(rf"(?i)(?<!\w)(?:{alt(subset)})(?!\w)(?=[^;:!?()\[\]]*\Z)")
        # In Hebrew and Arabic the part's noun stands before the word: "16 مستشفى فقط من أصل 36".
        noun = r"(?:\s+[\p{L}\p{M}\"']+){0,2}" if lang in {"he", "ar"} else ""
        # A possessive may stand before the whole: "16 of the territory's 36 hospitals".
        self.part_of = regex.compile(rf"(?i){noun}\s*(?:{alt(part)})\s*(?:[\p{{L}}.-]+['’]s\s+)?")
        no_metric = lexicon.folded("scope", "no_metric_before", lang)
        self.no_metric_before = regex.compile(rf"(?i)(?<!\w)(?:{alt(no_metric)})[\s,]*\Z")
        own_rate = lexicon.folded("scope", "own_rate", lang)
        self.own_rate = regex.compile(rf"(?i)\s*(?:(?!of\b)[\w-]+\s+){{0,2}}?(?:{alt(own_rate)})(?!\w)") if own_rate else None
        of_them = lexicon.folded("scope", "of_them", lang)
        self.of_them = regex.compile(rf"(?i)\s*(?:{alt(of_them)})(?!\w)")
        linking = lexicon.folded("scope", "linking", lang)
        self.linked = regex.compile(rf"(?i)(?<!\w)(?:{gapped(linking)})[\s\-־]*\Z")
        days_since = lexicon.folded("scope", "days_since", lang)
        self.days_since = regex.compile(rf"(?i)\s*(?:{alt(days_since)})(?!\w)")
        total_of = lexicon.folded("scope", "total_of", lang)
        # "bringing its total for the region this year to": a few words may stand before the "to".
        # "bringing the total death toll from the Los Angeles fires to 29", "ليرتفع عدد حالات
        # الاعتقال منذ بدء الحرب إلى": words may stand between the phrase and its "to".
        spread = [
            regex.escape(w[: -len(to)]).replace(r"\ ", r"\s+") + r"(?:\s+[\w'’-]+){0,8}?\s+" + regex.escape(to.strip())
            for w in total_of for to in (" to", " إلى") if w.endswith(to)
        ]
        self.total_of = regex.compile(rf"(?i)(?<!\w)(?:{alt(total_of)}{''.join('|' + x for x in spread)})\s*\Z")
        more = lexicon.folded("scope", "more", lang)
        self.more_words = frozenset(more)
        self.more = regex.compile(rf"(?i)\s*(?:{alt(more)})(?!\w)")
        links = lexicon.folded("scope", "same_measure", lang)
        # "rose 4% to $80,610", "jumped to 3% in January from 2.5%", "₪7,850 last year, up 6.2%".
        # A source may be named between them: "67.1 million watched, Nielsen said, up from 51.3 million".
        said = r"(?:\s*,\s*(?:the\s+)?(?:\p{Lu}[\w.'’&-]*\s+){1,5}(?:said|says|estimated|estimates|reported|reports)\s*)?" if lang == "en" else ""
        self.same_measure = regex.compile(
            rf"(?i){noun}(?:\s+(?:in|on|during|for|last|this|في|خلال|ב)\s*[\w.'-]+(?:\s+[\w]+){{0,3}})?{said}\s*,?\s*(?:{alt(links)})\s*(?:a\s+record\s+)?"
        )
        # A list item: a comma or "and", then at most four words and no verb-like clause break.
        self.listed = regex.compile(r"\s*(?:,|;|\band\b|و|ו)\s*(?:[\p{L}\p{M}'’/&.-]+\s+){0,4}?(?:on|at|with|to)?\s*")
        if lang in {"he", "ar"}:
            # The counted noun follows its figure: "183 طفلا و94 امرأة", "שתי נשים ושלושה ילדים".
            self.listed = regex.compile(
                rf"{self.listed.pattern}|(?:\s+[\p{{L}}\p{{M}}\"']+){{0,2}}\s*,?\s*(?:و|ו)[-־]?(?:[\p{{L}}\p{{M}}\"'־-]+\s+){{0,3}}?\s*"
                # A tally written "name – figure": "הליכוד – 24 מנדטים, המפלגה של בנט – 21".
                rf"|(?:\s+[\p{{L}}\p{{M}}\"']+){{0,2}}\s*,\s*(?:[\p{{L}}\p{{M}}\"'־-]+\s+){{1,4}}?[–—]\s*"
            )
        self.event_words = {key: PhraseMatcher({key: ws}, lang) for key, ws in words.items()}
        self.event_places = {key: frozenset(e.get("places") or ()) for key, e in lexicon.events().items()}
        self.war_places = frozenset().union(*self.event_places.values())
        self.year_before = regex.compile(rf"(?i)\s+(?:{alt(lexicon.folded('periods', 'year_before', lang))})(?!\w)")
        self.apposition = regex.compile(rf"(?i)\s*(?:{alt(lexicon.folded('scope', 'apposition', lang))})(?!\w)")
        self.alternative = regex.compile(rf"(?i)\s*,?\s*(?:{alt(lexicon.folded('scope', 'alternative', lang))})\s+")
        # Between a metric word and the figure it introduces: "turnout of 82.5%", "turnout was 64%".
        self.introduces = regex.compile(
            rf"(?i)\s*(?:{alt(lexicon.folded('scope', 'introduces', lang))})?\s*(?:(?:{alt(lexicon.folded('scope', 'introduces_lead', lang))})\s+)?"
        )
        # Words a counted-phrase reader can take for a noun: "several hundred, perhaps a thousand".
        self.hedges = frozenset(w.casefold() for w in lexicon.folded("scope", "hedges", lang))
        # A hedge may follow: "analysts put the figure closer to $30-40bn".
        self.restates = regex.compile(
            rf"(?i)(?<!\w)(?:{alt(lexicon.folded('scope', 'restates', lang))})(?:\s+(?:closer|nearer)(?:\s+to)?|\s+(?:at\s+)?(?:about|around|roughly|nearly|almost))?\s*\Z"
        )
        self.multiplier = regex.compile(rf"(?i)\s*(?<!\w)(?:{alt(lexicon.folded('scope', 'multiplier', lang))})(?!\w)")
        record = lexicon.folded("scope", "record_since", lang)
        self.record_since = regex.compile(rf"(?i)(?<!\w)(?:{alt(record)})(?!\w)[^,;:.]*?(?<!\w)(?:since|מאז|منذ)\Z")

    def resolve(
        self, path: str, original: str, text: str, ex: Extraction, published: dt.date | None,
        title: str | None = None, whole: str | None = None,
    ) -> list[Claim]:
        """``title`` and ``whole`` (the document's title and text, ``original`` being perhaps only
        part of it) tell the event a figure whose paragraph names none is of (resolve/causes.py)."""
        claims: list[Claim] = []
        self._cause_hits = {}
        self._title, self._whole = title, whole if whole is not None else original
        self._title_place: str | None | bool = False  # not read yet
        line_starts = [0] + [m.end() for m in NEWLINE.finditer(original)]
        pos = 0
        mentions = ex.mentions
        self.dateline, self.dateline_at = find_dateline(text, ex.dates)
        for para in paragraphs(text):
            ctx = self._paragraph(text, para, ex.dates)
            for sent in sentences(text, para):
                inside = [m for m in mentions[pos:] if sent.start <= m.start < sent.end]
                pos += len(inside)
                previous: Claim | None = None
                prev_np_end = sent.start
                near: list[Zones] = []
                # Names of bodies ("the Congressional Budget Office") hold words that are no metric.
                self._figure_starts = [x.start for x in inside]
                self._names = [(a.start, a.end) for a in self.attr.find(text, sent.start, sent.end)] if inside else []
                self._names += [(h.start, h.end) for h in self.attr.aliases.finditer(text, sent.start, sent.end)] if inside else []
                for i, m in enumerate(inside):
                    lower = inside[i - 1].end if i else sent.start
                    upper = inside[i + 1].start if i + 1 < len(inside) else sent.end
                    # "rose 4% to $80,610 in 2023": figures joined by "to" share a period.
                    j = i
                    while j + 1 < len(inside) and TO_LINK.fullmatch(text, inside[j].end, inside[j + 1].start):
                        j += 1
                    k = i
                    while k > 0 and TO_LINK.fullmatch(text, inside[k - 1].end, inside[k].start):
                        k -= 1
                    period_between = (inside[k - 1].end if k else sent.start, inside[j + 1].start if j + 1 < len(inside) else sent.end)
                    # A bound written after the counted noun does not hide the noun from the figure.
                    end = m.core_end if m.core_end >= 0 else m.end
                    # In Hebrew and Arabic the previous figure's noun follows it and is its own,
                    # not words before this one ("ברוב של 59 חברי כנסת מול 53").
                    # So is an English figure's when a part of it follows: "freed 2,000 prisoners,
                    # among them 250 serving life sentences" (the 250 are no count of prisoners held).
                    part = i and self.subset.search(text, lower, m.start) is not None
                    z = zones(text, m.start, end, max(lower, prev_np_end) if self.lang in {"he", "ar"} or part else lower, upper, self.lang, self.verb_words, self.lead_verbs)
                    prev_np_end = z.np[1]
                    near.append(z)
                    claim = self._claim(path, original, text, m, z, sent, ctx, ex.dates, published, previous, line_starts, period_between)
                    if claim.metric == "displaced" and self.abroad.finditer(text, z.np[0], z.predicate[1]):
                        # Displaced across a border are refugees (scope.yml 'abroad'); a figure that
                        # continues this one still counts the people it names ("another 3.7 million").
                        claims.append(claim.model_copy(update={"group": "refugees"}))
                    else:
                        claims.append(claim)
                    # A part named with "including" is not what a later bare figure continues:
                    # "killed 82 people, including 28 children, and … 41 were still unaccounted for".
                    if previous is None or not (i and self.subset.search(text, inside[i - 1].end, m.start)):
                        previous = claim
                if inside:
                    tail = self._share_keys(text, inside, claims[len(claims) - len(inside) :])
                    tail = self._clause_verbs(text, inside, tail, sent)
                    tail = self._coordinated(text, inside, tail, sent)
                    tail = self._restated(text, inside, tail)
                    tail = self._context_shares(text, tail, sent)
                    tail = self._score_lines(text, inside, tail, sent)
                    # A poll's sample or error takes no metric from a neighbour either.
                    tail = [
                        c.model_copy(update={"metric": None}) if c.metric and c.metric != "day_count" and self._no_measure(text, x, sent) else c
                        for c, x in zip(tail, inside)
                    ]
                    tail = self._shared_dates(text, inside, tail, sent)
                    tail = self._running_totals(text, inside, tail)
                    tail = [c.model_copy(update={"scope": None}) if c.scope == "cumulative" and not self._tally(c.unit, c.metric) else c for c in tail]
                    tail = self._parts_apart(text, inside, tail)
                    tail = self._multiplied(text, inside, tail)
                    if not ctx.located:
                        # A running toll in a paragraph that names no place is the headline's place's:
                        # "Ahmedabad crash victims identified" ... "The total death toll stands at 27".
                        tail = [self._titled(c) for c in tail]
                    tail = [self._with_cause(text, c, x, z, sent, ctx) for c, x, z in zip(tail, inside, near)]
                    claims[len(claims) - len(inside) :] = [self._fit_unit(c) for c in tail]
        return claims

    def _with_cause(self, text: str, c: Claim, m: Mention, z: Zones, sent: Span, ctx: ParagraphContext) -> Claim:
        """A toll or case count with no narrowing definition is narrowed by the event it is of:
        "heatwave deaths", "killed in the floods"; else the one its sentence, paragraph, title or
        document names (resolve/causes.py). Read last, once the sentence has shared its metrics."""
        if c.definition is not None or c.metric not in self.causes.all_metrics:
            return c
        cause = self._cause(text, m, z, sent, ctx, c.metric)
        return c if cause is None else c.model_copy(update={"definition": cause})

    def _cause(self, text: str, m: Mention, z: Zones, sent: Span, ctx: ParagraphContext, metric: str | None) -> str | None:
        near = [h for h in self._causes_in(text, sent.start, sent.end) if z.before[0] <= h.start and h.end <= max(z.predicate[1], m.end)]
        levels = [
            lambda: self._causes_in(text, sent.start, sent.end),
            lambda: self._causes_in(text, *ctx.span),
            lambda: self._causes_in_whole(self._title),
            lambda: self._causes_in_whole(self._whole),
        ]
        if ctx.events or ctx.places & self.war_places or self.event_names.finditer(text, sent.start, sent.end):
            # A toll where a war is fought, or counted from its start ("since October 7"), is the
            # war's unless its own sentence says otherwise: floods in the tents are no new series.
            levels = levels[:1]
        return self.causes.read(near, (m.start, m.end), metric, levels)

    def _causes_in(self, text: str, start: int, end: int) -> list[CauseHit]:
        found = self._cause_hits.get((start, end))
        if found is None:
            found = self._cause_hits[(start, end)] = self.causes.hits(text, start, end)
        return found

    def _causes_in_whole(self, original: str | None) -> list[CauseHit]:
        """The causes of a whole title or document, read once however many figures ask."""
        if not original:
            return []
        for seen, hits in self._whole_hits:
            if seen is original:
                return hits
        folded = fold(original)
        hits = self.causes.hits(folded, 0, len(folded))
        self._whole_hits = [*self._whole_hits[-1:], (original, hits)]
        return hits

    def _tally(self, unit: str, metric: str | None) -> bool:
        """Whether a figure can be a running total: "inflation rose to 3.8%" and "Bitcoin rose to
        $103,800" cannot, a rate or a level moves both ways (metrics.yml 'measures: rate', 'level')."""
        return unit not in RATE_UNITS and metric not in self.levels

    def _paragraph(self, text: str, para: Span, dates: list[DateHit]) -> ParagraphContext:
        tail = TWEET_TAIL.search(text, para.start, para.end)
        tweet_date = None
        if tail:
            tweet_date = next((d.date for d in dates if d.start >= tail.start("date") and d.date and d.precision == "day"), None)
        hits = self.places.finditer(text, para.start, para.end)
        places = {h.key for h in hits}
        places |= {w for p in places if (w := self.lexicon.within(p))}
        label = self.attr.label(text, para.start, para.end)
        if label is not None:
            label = self.attr.in_place(label, places)
        # An event whose place the paragraph names and one of whose words it uses (two wars may share
        # a word: "war" in a Ukraine story is the Ukraine war's).
        events = [
            key for key, where in self.event_places.items()
            if places & where and self.event_words[key].finditer(text, para.start, para.end)
        ]
        actors = frozenset(h.key for h in self.attr.aliases.finditer(text, para.start, para.end) if h.key in self.actor_populations)
        located = self._located(text, hits, para)
        inner = [k for k in located if all(k == o or o in self._containers(k) for o in located)]
        return ParagraphContext(
            tweet_date, label, tuple(events), frozenset(places), actors, inner[0] if len(inner) == 1 else None, (para.start, para.end),
            bool(located),
        )

    def _claim(
        self, path: str, original: str, text: str, m: Mention, z: Zones, sent: Span, ctx: ParagraphContext,
        dates: list[DateHit], published: dt.date | None, previous: Claim | None, line_starts: list[int],
        between: tuple[int, int] = (0, 1 << 62),
    ) -> Claim:
        # "Ukraine marked 1,000 days since Russia's full-scale invasion": days since a start count days.
        day_count = m.day_count or (m.unit == "day" and self.days_since.match(text, m.end) is not None)
        counted = self.counted.read(text, z.np, m.value)
        metric = "day_count" if day_count else self._metric(
            text, z, m, own=self._counts_other(counted, m.unit), nxt=between[1] if between[1] < sent.end else None,
        )
        group = self._own_group(text, m, z, sent)
        residents = self._residents(text, m, z, sent, ctx.places) if group in (None, GENERIC_GROUP) else None
        if residents is not None:
            # "90% of Gaza's 2.1 million people": the place's people, and the whole its part is of
            # is their number.
            group = residents[0]
            if metric is None or residents[1]:
                metric = "population"
        if counted is None and previous is not None and m.unit == previous.unit == "count" and not m.ordinal:
            after_previous = original.rfind(previous.text, 0, m.start) + len(previous.text)
            counted = self.counted.shared(text, (after_previous, m.start), previous.counted)  # "435 homes … and 187 by tender"
        place = self._place(text, m, sent, nxt=between[1] if between[1] < sent.end else None)
        scope = "day_count" if day_count else self._scope(text, z, sent)
        definition = self._last([h for h in self.definitions.finditer(text, z.before[0], z.predicate[1]) if not m.start <= h.start < m.end])
        if definition is not None and metric in self.usual_definitions.get(definition, ()):
            definition = None  # "223 measles cases have been confirmed": what a case count counts anyway
        if previous is not None and group is None and self._bare(text, z) and (
            previous.unit == m.unit
            or (m.unit == "percent" and previous.unit == "count" and previous.metric is None and LEADS_CLAUSE.fullmatch(text, *z.before))
        ):
            # "445,581 Palestinians have been killed, and 108,438 wounded"; "1,000 babies are born
            # every week …; one in five is premature": a share of the people just counted.
            group = previous.group
        if previous is not None and scope is None and metric is not None and previous.scope != "day_count":
            scope = previous.scope
        if metric is not None and not day_count and self._no_measure(text, m, sent):
            metric = None  # "a survey of 1,400 adults", "a margin of error of 2.5 points", "a 35% chance"
        if metric is not None and not self._measures(metric, m.unit):
            metric = None  # "burned more than 27,000 acres and destroyed …": acres are no count of buildings
        lifespan = m.unit == "year" and self.lifespan.search(text, sent.start, m.start) is not None
        if lifespan:
            # How long people live is no duration: the group named before the figure, else people.
            metric, group = None, group or self._last(self.groups.finditer(text, *z.before)) or GENERIC_GROUP
        elif metric is None:
            metric = self.unit_metrics.get(m.unit)
        if scope == "cumulative" and not self._tally(m.unit, metric):
            scope = None
        if place is None and scope == "cumulative" and metric is not None and not self.places.finditer(text, sent.start, sent.end):
            place = ctx.setting  # a running toll whose sentence names no place is the story's
        attribution = self._source(text, m, sent, ctx)
        if group in (None, GENERIC_GROUP) and attribution and attribution.source in self.source_staff and self.own_staff.search(text, m.end, z.np[1]):
            group = self.source_staff[attribution.source]  # "273 من موظفيها", said by UNRWA: its staff are aid workers
        if group is None and previous is not None and previous.group and self.of_them.match(text, m.end):
            group = previous.group  # "59 חטופים …, ולפחות 35 מהם אינם בחיים": part of the same people
        if group is None and previous is not None and previous.group and previous.unit in (m.unit, "count") and m.unit in ("count", "percent"):
            after_previous = original.rfind(previous.text, 0, m.start) + len(previous.text)
            if self.subset.search(text, after_previous, m.start):
                group = previous.group  # "101 hostages remain in Gaza, of whom … about a third are no longer alive"
        if group is None and m.unit == "count" and (ctx.places or ctx.actors):
            # Who is held where the story is set (places.yml 'populations'): "59 hostages still in
            # Gaza", "90 أسيرا" in a West Bank story; or by whom (sources.yml 'populations').
            group = self._population(text, z, metric, ctx.places, ctx.actors)
        if group is None and metric in self.default_groups and m.unit == "count":
            # A toll named for a country counts its people: "ارتفعت حصيلة ضحايا الزلزال في سوريا إلى
            # ٥٬٨١٤ قتيلا", "the death toll in Gaza rose to 46,000" (places.yml 'people').
            group = self._place_people(text, z)
        if group is None and metric is not None and m.unit == "count":
            # Whose toll a source keeps ("counts: palestinians" in sources.yml), else the metric's
            # default ("deaths" count people).
            counts = self.source_counts.get(attribution.source) if attribution and metric in self.default_groups else None
            group = counts or self.default_groups.get(metric)
        as_of, basis, since = self._dates(text, m, sent, ctx, dates, published, cumulative=scope == "cumulative", between=between)
        if as_of is not None and basis == "explicit" and self.year_before.match(text, m.end):
            # "597,000 in 2023 from 600,000 the year before": the figure holds a year before the
            # period the sentence names.
            as_of = as_of - dt.timedelta(days=366 if calendar.isleap(as_of.year) and as_of.month > 2 else 365)
        if m.day_count and since is None and ctx.events:
            since = self.lexicon.event_start(ctx.events[0])
        line, col = _position(line_starts, m.start)
        end_line, end_col = _position(line_starts, m.end)
        written = original[m.start : m.end]
        return Claim(
            id=Claim.make_id(path, m.start, m.end, written),
            document=path, line=line, column=col, end_line=end_line, end_column=end_col,
            text=written, sentence=" ".join(original[sent.start : sent.end].split()),
            value=m.value, low=m.low, high=m.high, qualifier=m.qualifier, unit=m.unit,  # type: ignore[arg-type]
            metric=metric, counted=counted, group=group, place=place, scope=scope,  # type: ignore[arg-type]
            definition=definition, source=attribution.source if attribution else None,
            source_text=attribution.text if attribution else None,
            as_of=as_of, as_of_basis=basis, since=since,  # type: ignore[arg-type]
        )

    def _shared_dates(self, text: str, inside: list[Mention], claims: list[Claim], sent: Span) -> list[Claim]:
        """A figure its clause gives no date holds when the figure before it does, if both measure
        the same thing: "2024's average was 1.28C above the baseline, while NOAA's figure was
        1.18C"; "a $1.833 trillion deficit in fiscal 2024, up 8% from the prior year"."""
        for i in range(1, len(claims)):
            prev, claim = claims[i - 1], claims[i]
            if claim.as_of_basis != "published" or prev.as_of_basis != "explicit" or ";" in text[inside[i - 1].end : inside[i].start]:
                continue  # a semicolon starts a new report
            stop = self.date_break.search(text, inside[i].end, sent.end)
            if any(h.key == "period" for h in self.scopes.finditer(text, inside[i].end, stop.start() if stop else sent.end)):
                continue  # "sales of $43 billion … in the current quarter": a period of its own
            if self.baseline.search(text, inside[i - 2].end if i > 1 else sent.start, inside[i - 1].start):
                continue  # "down from 57.5% in 2019, with … more than half": the comparison's date
            if claim.unit == prev.unit or self.same_measure.fullmatch(text, inside[i - 1].end, inside[i].start):
                claims[i] = claim.model_copy(update={"as_of": prev.as_of, "as_of_basis": prev.as_of_basis})
            elif self.lang == "en" and claim.metric and CONTRAST.search(text, inside[i - 1].end, inside[i].start):
                # "rent reached ₪7,850 last year, up 6.2%, while the national average was ₪5,140":
                # the figure in its own unit and measure before the contrast dates it.
                same = next((c for c in reversed(claims[: i - 1]) if c.unit == claim.unit), None)
                if same is not None and same.metric == claim.metric and same.as_of_basis == "explicit":
                    claims[i] = claim.model_copy(update={"as_of": same.as_of, "as_of_basis": same.as_of_basis})
        return claims

    @staticmethod
    def _inside_figure(h: Hit, inside: list[Mention]) -> bool:
        return any(m.start <= h.start < m.end for m in inside)

    def _no_measure(self, text: str, m: Mention, sent: Span) -> bool:
        """A poll's sample or error, or a likelihood ("a 35% chance that deaths could exceed …"):
        the figure measures none of the metrics its sentence names."""
        return self._no_metric(text, m, sent) or self.likelihood.match(text, m.end) is not None

    def _bare(self, text: str, z: Zones) -> bool:
        """The figure names no one of its own: its noun phrase is empty or only a metric word that
        is no plural noun ("and 108,438 wounded", not "and three hostages": hostages are people of
        their own, whom the story's setting names)."""
        phrase = text[z.np[0] : z.np[1]].strip(" ,")
        hits = self.metric_nouns.finditer(text, *z.np) + self.metric_verbs.finditer(text, *z.np)
        if self.lang == "en" and " " not in phrase and self.counted.plural(phrase):
            return False
        return not phrase or any(h.text.strip().casefold() == phrase.casefold() for h in hits)

    def _scope(self, text: str, z: Zones, sent: Span) -> str | None:
        hits = self.scopes.finditer(text, z.clause[0], z.clause[1])
        # "the highest since 2015", "the first rise since 2019": a record, not a running total.
        hits = [h for h in hits if not (h.key == "cumulative" and self.record_since.search(text, max(sent.start, h.start - 50), h.end))]
        for scope in ("increment", "event", "cumulative", "period"):
            if any(h.key == scope for h in hits):
                return scope
        return None

    def _source(self, text: str, m: Mention, sent: Span, ctx: ParagraphContext) -> Attribution | None:
        found = self.attr.find(text, sent.start, sent.end)
        if found and all(self.attr.speaker_only(a.text) for a in found):
            # "Israeli officials believe 35 …, a senior official told Reuters": a known body the
            # sentence names stands before a speaker who names none.
            found += self.attr.named(text, sent.start, sent.end)
        if found:
            return self.attr.in_place(min(found, key=lambda a: abs(a.start - m.start)), ctx.places)
        # "Gaza death toll nears 47,000, ministry says": a bare generic name with a reporting verb.
        bare = self.attr.generic_named(text, sent.start, sent.end, ctx.places)
        if bare is not None and self.attr.verb_rx.search(text, sent.start, sent.end):
            return bare
        # A known body named in a sentence with a reporting verb, however the name is written.
        named = self.attr.named(text, sent.start, sent.end)
        if named:
            return max(named, key=lambda a: a.end - a.start)
        return ctx.label

# Shares and their differences ("1.5 percentage points", "25 basis points") move both ways.
RATE_UNITS = frozenset({"percent", "percentage_point", "basis_point"})


def _position(line_starts: list[int], offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(line_starts, offset) - 1
    return i + 1, offset - line_starts[i] + 1


@functools.cache
def resolver(lexicon: Lexicon, lang: str) -> Resolver:
    return Resolver(lexicon, lang)


def resolve_text(
    path: str, original: str, ex: Extraction, lexicon: Lexicon, lang: str, published: dt.date | None,
    title: str | None = None, whole: str | None = None,
) -> list[Claim]:
    return resolver(lexicon, lang).resolve(path, original, fold(original), ex, published, title, whole)
