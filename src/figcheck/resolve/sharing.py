"""What the figures of one sentence share: a metric, group or unit named once for several
figures ("killed 82 people, including 28 children"), a clause's verb, a score line, and the unit a
metric may be written in. A mixin of the Resolver, run on each sentence's claims once all are read."""

from __future__ import annotations

import regex

from figcheck.extract.quantities import Mention
from figcheck.extract.sentences import Span
from figcheck.model import Claim
from figcheck.resolve.context import CONTRAST
from figcheck.resolve.lexicon import PhraseMatcher
from figcheck.resolve.people import GENERIC_GROUP

# Units a count of people or things (or its share) is written in; a currency unit's ISO code.
COUNT_UNITS = frozenset({"count", "percent", "dimensionless"})
CURRENCY_UNIT = regex.compile(r"[A-Z]{3}\b")
DASHES = "—–"
# A score or division written "A-B", "A:B" or "A to B": "won 6-3", "ניצחה 84:89", "by 59 to 53".
SCORE_NUMBER = regex.compile(r"[0-9]{1,3}")
# Between two coordinated counts, the first one's noun and "and" or a comma; where the clause of
# such a list ends (an English clause break that is no "and" before the next item).
COORDINATED = regex.compile(r"\s+(?:[\p{L}-]+\s+)?[\p{L}-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
LIST_END = regex.compile(r"[;:—–()\[\]\"]|\s-\s|,\s+(?:and|but|while|whereas|according|as|which|who|where|when|with|after|before)\b")
# A figure followed by these counts part of the figure before it: "rose to 217, with 213 of the
# victims in Valencia province" (the whole it is part of comes first, so no later figure follows).
PART_OF_THE = regex.compile(r"(?i)\s+(?:of|out\s+of)\s+(?:the|them|those|whom)\b")
SCORE_JOIN = regex.compile(r"\s*[-–]\s*|\s+to\s+|:")


class SentenceSharing:
    """The sentence-level passes of the Resolver; its matchers and tables come from the Resolver."""

    # scope.yml patterns, set by the Resolver: "turnout of 82.5%", "put it at", "three times".
    introduces: regex.Pattern[str]
    restates: regex.Pattern[str]
    multiplier: regex.Pattern[str]
    score_metrics: frozenset[str]  # metrics a result "A-B" is written in (metrics.yml 'score_line')
    bare_context: PhraseMatcher  # metrics.yml 'bare_in': sentence words that give a bare decimal its metric

    def _share_keys(self, text: str, inside: list[Mention], claims: list[Claim]) -> list[Claim]:
        """Figures that borrow their key from a neighbour, rewritten in place.

        "411 of the 650 seats": the part takes the whole's metric and group. "24 killed, among
        them six children": the part takes the total's metric and scope.
        """
        for i in reversed(range(len(claims))):
            claim = claims[i]
            nxt = claims[i + 1] if i + 1 < len(claims) else None
            gap_after = text[inside[i].end : inside[i + 1].start] if nxt is not None else ""
            if nxt is not None and nxt.metric and self.part_of.fullmatch(gap_after):
                # "35 of the 79 hostages still in Gaza are dead": the clause's verb is the part's.
                stop = self.clause_stop.search(text, inside[i + 1].end)
                verbs = [
                    h for h in self.metric_verbs.finditer(text, inside[i + 1].end, stop.start() if stop else len(text))
                    if h.key != nxt.metric and text[inside[i + 1].end : h.start].strip()
                ]
                metric = verbs[0].key if verbs and self._measures(verbs[0].key, claim.unit) else nxt.metric
                # "roughly half of the country's population of 22 million": the part counts the
                # whole's people when it names no one more telling.
                group = nxt.group if claim.group in (None, GENERIC_GROUP) and nxt.group else claim.group
                claims[i] = claim.model_copy(update={"metric": metric, "group": group, "scope": claim.scope or nxt.scope})
                own = [h.key for h in self.metric_nouns.finditer(nxt.counted or "") if self._measures(h.key, nxt.unit)]
                if own and own[0] != nxt.metric and metric == nxt.metric:
                    # "כ־4.8 מיליון מתוך 6.8 מיליון בעלי זכות בחירה הצביעו": the clause's verb is the
                    # part's; the whole is what its own noun names.
                    claims[i + 1] = nxt.model_copy(update={"metric": own[0]})
            elif nxt is not None and claim.metric and self.part_of.fullmatch(gap_after):
                # "68 חברי כנסת מתוך 120", "16 مستشفى فقط من أصل 36": the whole counts what its part counts.
                claims[i + 1] = nxt.model_copy(update={"metric": nxt.metric or claim.metric, "group": nxt.group or claim.group})
            elif nxt is not None and nxt.group is None and claim.group and self.part_of.fullmatch(gap_after):
                claims[i + 1] = nxt.model_copy(update={"group": claim.group})
            elif nxt is not None and claim.group is None and nxt.group and claim.unit == nxt.unit and self.part_of.fullmatch(gap_after):
                # "only 16 of the territory's 36 hospitals": the part counts what its whole counts.
                claims[i] = claim.model_copy(update={"group": nxt.group})
        for i in range(len(claims) - 1):
            a, b = claims[i], claims[i + 1]
            if (a.metric is None) != (b.metric is None) and self.same_measure.fullmatch(text, inside[i].end, inside[i + 1].start):
                # "profit rose 17% to $2.17 billion": one measure, before and after a change.
                metric = a.metric or b.metric
                if self._measures(metric, a.unit) and self._measures(metric, b.unit):
                    group = self.default_groups.get(metric)
                    claims[i] = a.model_copy(update={"metric": metric, "group": a.group or group})
                    claims[i + 1] = b.model_copy(update={"metric": metric, "group": b.group or group})
        for i, claim in enumerate(claims):
            prev = claims[i - 1] if i else None
            own_verb = any(not text[inside[i].end : h.start].strip() for h in self.metric_verbs.finditer(text, inside[i].end, inside[i].end + 20))
            if prev is not None and prev.metric and not own_verb and self.total_of.search(text, inside[i - 1].end, inside[i].start):
                # "five more people had died …, bringing the total to 227": the running total of the
                # same count, whatever generic noun it carries ("ليرتفع العدد الإجمالي إلى 227 حالة").
                claims[i] = claim.model_copy(update={
                    "metric": prev.metric, "group": claim.group or prev.group, "definition": claim.definition or prev.definition,
                })
                continue
            if prev is not None and prev.metric and self.of_them.match(text, inside[i].end):
                # "1,301 pilgrims died, 83% of them unregistered": a share of the figure before,
                # counting what it counts unless it names its own metric.
                claims[i] = claim.model_copy(update={
                    "metric": claim.metric or prev.metric, "group": claim.group or prev.group, "scope": claim.scope or prev.scope,
                })
                continue
            if prev is not None and prev.group and self.more.match(text, inside[i].end):
                # "שלושה לוחמים נהרגו, ושניים נוספים נפצעו": more of the same people.
                claims[i] = claim = claim.model_copy(update={"group": prev.group})
            if claim.metric is None and prev is not None and prev.unit != claim.unit and self.subset.search(text, inside[i - 1].end, inside[i].start):
                # "$95 billion in foreign aid by 311-112, including $61 billion for Ukraine": the
                # part's whole is the figure before it in the same unit, not the vote between.
                whole = next((c for c in reversed(claims[:i]) if c.unit == claim.unit), None)
                if whole is not None and whole.metric:
                    claims[i] = claim.model_copy(update={"metric": whole.metric, "scope": claim.scope or whole.scope})
                continue
            if claim.metric is not None or prev is None or not prev.metric:
                continue
            gap_before = text[inside[i - 1].end : inside[i].start]
            if self._counts_other(claim.counted, claim.unit) and not self.subset.search(gap_before):
                continue  # "29 goals and 18 assists": a figure that counts its own thing
            if self.subset.search(gap_before) or self.listed.fullmatch(gap_before) or (self.lang == "en" and prev.metric != "day_count" and CONTRAST.search(gap_before)):
                # "… among them six children"; "the CDU on 29%, the AfD on 21": same measure. After
                # a figure in another unit, an earlier one in the figure's own unit is what it
                # continues: "won 411 of the 650 seats on 33.7% of the vote, while the
                # Conservatives collapsed to 121" (seats, not votes).
                same = next((c for c in reversed(claims[: i - 1]) if c.unit == claim.unit), None) if prev.unit != claim.unit else None
                if same is not None and same.metric:
                    prev = same
                # A part that names no one is of the whole's people ("2,000 Palestinian prisoners,
                # among them 250 serving life sentences").
                default = self.default_groups.get(prev.metric) if claim.unit == "count" else None
                part = self.subset.search(gap_before) is not None and claim.unit == prev.unit
                group = claim.group or (prev.group if part else None) or default
                claims[i] = claim.model_copy(update={"metric": prev.metric, "scope": claim.scope or prev.scope, "group": group})
        return claims

    def _running_totals(self, text: str, inside: list[Mention], claims: list[Claim]) -> list[Claim]:
        """"Five more people died, bringing the total to 227": the figure the sentence brings the
        total to is the running total, and the figures that brought it there are not.

        "The Eaton Fire killed 17 people and the Palisades Fire killed 12, bringing the total
        death toll to 29": the 12 stand next to "total death toll" but are one fire's part of it.
        """
        for j in range(1, len(claims)):
            if claims[j].metric is None or not self.total_of.search(text, inside[j - 1].end, inside[j].start):
                continue
            # The total is no increment either, though the sentence counts one ("in the past 24 hours").
            if claims[j].scope in (None, "increment"):
                claims[j] = claims[j].model_copy(update={"scope": "cumulative"})
            for i in range(j):
                if claims[i].scope == "cumulative" and claims[i].metric == claims[j].metric:
                    claims[i] = claims[i].model_copy(update={"scope": None})
            # "..., bringing the total to 227, including 103 children": the total's parts share its scope.
            k = j + 1
            while k < len(claims) and claims[k].unit == claims[j].unit and self.subset.search(text, inside[k - 1].end, inside[k].start):
                claims[k] = claims[k].model_copy(update={"scope": claims[j].scope, "definition": claims[k].definition or claims[j].definition})
                k += 1
        return claims

    def _parts_apart(self, text: str, inside: list[Mention], claims: list[Claim]) -> list[Claim]:
        """A part that measures what its whole measures is no running total of it.

        "The toll has risen to 270, including 29 people on the ground": the 29 are deaths of
        people like the 270, so with the whole's scope they would be a second, smaller figure for
        the same running total, and any two reports would "disagree". A part named by a subset
        marker whose metric, group, place, definition and unit are its whole's keeps its figure
        but not the cumulative scope (the sum and subset checks read parts without one).
        """
        for i in range(1, len(claims)):
            part = claims[i]
            if part.scope != "cumulative" or not (
                self.subset.search(text, inside[i - 1].end, inside[i].start) or PART_OF_THE.match(text, inside[i].end)
            ):
                continue
            whole = next((c for c in reversed(claims[:i]) if c.unit == part.unit), None)
            if whole is not None and whole.scope == "cumulative" and (whole.metric, whole.group, whole.place, whole.definition) == (
                part.metric, part.group, part.place, part.definition
            ):
                claims[i] = part.model_copy(update={"scope": None})
        return claims

    def _restated(self, text: str, inside: list[Mention], claims: list[Claim]) -> list[Claim]:
        """"economists put it at 89.74%", "12.6 million cases, three times the 2023 total": a figure
        that restates or multiplies the one before it counts what that one counts (run once the
        clause verbs have given the one before its metric: "630,000 died …, the lowest since the
        peak of 2.1 million")."""
        for i in range(1, len(claims)):
            prev, claim = claims[i - 1], claims[i]
            if prev.metric and (
                self.restates.search(text, inside[i - 1].end, inside[i].start) or (claim.metric is None and self._multiplies(text, inside[i]))
            ):
                claims[i] = claim.model_copy(update={"metric": prev.metric, "group": prev.group})
            elif prev.group and claim.group is None and self.restates.search(text, inside[i - 1].end, inside[i].start):
                # "514,000 people …, a figure projected to rise to 641,000": the same people, whatever
                # no metric they are counted for.
                claims[i] = claim.model_copy(update={"group": prev.group})
        return claims

    def _clause_verbs(self, text: str, inside: list[Mention], claims: list[Claim], sent: Span) -> list[Claim]:
        """A figure with no metric of its own takes the verb its clause ends on, however far.

        "Four members of one family, including two toddlers, were killed": the subject and its
        verb stand apart, with another figure between them. The verb counts for the figure when
        every figure in between has no metric or the verb's own.
        """
        for i, claim in enumerate(claims):
            if claim.metric is not None or inside[i].day_count or claim.unit not in {"count", "percent"}:
                continue
            if self._counts_other(claim.counted, claim.unit) and not (i and self.subset.search(text, inside[i - 1].end, inside[i].start)):
                continue
            stop = self.clause_stop.search(text, inside[i].end, sent.end)
            end = stop.start() if stop else sent.end
            hits = [h for h in self.metric_verbs.finditer(text, inside[i].end, end) if not self._inside_figure(h, inside)]
            close = None
            if not hits and stop is not None and stop.group() in DASHES:
                # Dashes enclose an apposition: "some 69% of all structures — about 170,800
                # buildings — have been damaged or destroyed". The verb follows the closing dash.
                opened = any(c in DASHES for c in text[sent.start : inside[i].start])
                close = stop if opened else regex.compile(f"[{DASHES}]").search(text, stop.end(), sent.end)
                if close is not None and not text[close.start() - 1 : close.start()].isspace():
                    close = None
            elif not hits and stop is not None and stop.group() == ",":
                # So do commas around "i.e." (scope.yml 'apposition'): "نحو 1.9 مليون شخص، أي قرابة
                # 90 في المئة من سكان القطاع، نزحوا".
                last = text.rfind(",", sent.start, inside[i].start)
                if last >= 0 and self.apposition.match(text, last + 1) and not self.clause_stop.search(text, last + 1, inside[i].start):
                    close = stop
                elif self.apposition.match(text, stop.end()):
                    close = regex.compile(",").search(text, stop.end(), sent.end)
            if close is not None:
                after = self.clause_stop.search(text, close.end(), sent.end)
                hits = [
                    h for h in self.metric_verbs.finditer(text, close.end(), after.start() if after else sent.end)
                    if not self._inside_figure(h, inside)
                ]
            # A verb that introduces a later figure is that figure's: "an 89-84 victory, in front of 11,600".
            hits = [h for h in hits if not any(later.start > h.end and self.introduces.fullmatch(text, h.end, later.start) for later in inside[i + 1 :])]
            if not hits:
                continue
            verb = hits[0]
            # Words inside the apposition restate the figure; a noun the figure cannot measure
            # ("90% of the population") names no other metric.
            nouns = [
                h for h in self.metric_nouns.finditer(text, inside[i].end, stop.start() if close is not None else verb.start)
                if self._measures(h.key, claim.unit)
            ]
            if any(h.key != verb.key for h in nouns + self.metric_verbs.finditer(text, verb.end, end)):
                continue  # "patients, wounded and displaced persons": a mixed count has no one metric
            between = [j for j in range(i + 1, len(claims)) if inside[j].start < verb.start]
            # A figure in between takes the verb for itself unless it is a part named on the way
            # ("including two toddlers").
            if any(
                claims[j].metric is not None and not self.subset.search(text, inside[j - 1].end, inside[j].start)
                and not (claims[j].metric == verb.key and (
                    self.alternative.fullmatch(text, inside[j - 1].end, inside[j].start) or self.alternative.match(claims[j].text)
                ))  # "several hundred, perhaps a thousand, people may have died": its bound is the hedge
                for j in between
            ):
                continue
            claims[i] = claim.model_copy(update={"metric": verb.key, "group": claim.group or self.default_groups.get(verb.key)})
        return claims

    def _coordinated(self, text: str, inside: list[Mention], claims: list[Claim], sent: Span) -> list[Claim]:
        """"More than 100 Palestinians and 30 soldiers were killed": counts joined by "and" or a
        comma share the verb that ends the last one's clause (an "and" before a figure ends the
        first one's clause for the other passes)."""
        for i in reversed(range(len(claims) - 1)):
            claim, nxt = claims[i], claims[i + 1]
            if self.lang != "en" or claim.metric is not None or nxt.metric is None or claim.unit != "count" or nxt.unit != "count" or inside[i].day_count:
                continue
            if self._counts_other(claim.counted, claim.unit) or not COORDINATED.fullmatch(text, inside[i].end, inside[i + 1].start):
                continue
            if self.metric_nouns.finditer(nxt.counted or "") or self.metric_verbs.finditer(nxt.counted or ""):
                continue  # "100 people and 30 deaths": the next one's own noun is no verb of both
            stop = LIST_END.search(text, inside[i + 1].end, sent.end)
            verbs = [h for h in self.metric_verbs.finditer(text, inside[i + 1].end, stop.start() if stop else sent.end) if not self._inside_figure(h, inside)]
            if verbs and verbs[0].key == nxt.metric:
                claims[i] = claim.model_copy(update={"metric": nxt.metric, "group": claim.group or self.default_groups.get(nxt.metric)})
        return claims

    def _context_shares(self, text: str, claims: list[Claim], sent: Span) -> list[Claim]:
        """A bare percentage in a sentence about an election is a vote share (metrics.yml 'shares_in');
        the injured in a sentence about a disease are its cases (metrics.yml 'instead_of')."""
        for (old, new), words in self.instead_of.items():
            if any(c.metric == old for c in claims) and words.finditer(text, sent.start, sent.end):
                claims = [c.model_copy(update={"metric": new}) if c.metric == old else c for c in claims]
        bare = [c.metric is None and c.counted is None and c.unit == "count" and "." in c.text and 0 < c.value < 10 for c in claims]
        if any(bare) and (found := self.bare_context.finditer(text, sent.start, sent.end)):
            # "the strongest of them a 5.2" in a sentence about tremors (metrics.yml 'bare_in').
            claims = [c.model_copy(update={"metric": found[0].key}) if b else c for c, b in zip(claims, bare)]
        if not any(c.metric is None and c.unit == "percent" for c in claims):
            return claims
        found = self.share_context.finditer(text, sent.start, sent.end)
        if not found:
            return claims
        key = found[0].key
        return [c.model_copy(update={"metric": key}) if c.metric is None and c.unit == "percent" else c for c in claims]

    def _score_lines(self, text: str, inside: list[Mention], claims: list[Claim], sent: Span) -> list[Claim]:
        """Two bare whole numbers written "A-B" (or "A to B") are a result or a division.

        The word nearest the pair in its clause says which (metrics.yml 'score_line'): "won 6-3"
        and "an 89-84 victory" are goals or points (by 'score_max'), "passed the bill by 59 to 53"
        votes, "control the Senate 53-47" seats.
        """
        for i in range(len(claims) - 1):
            a, b, ma, mb = claims[i], claims[i + 1], inside[i], inside[i + 1]
            if (a.metric and b.metric) or a.unit != "count" or b.unit != "count" or ma.ordinal or mb.ordinal:
                continue
            if not (SCORE_NUMBER.fullmatch(a.text) and SCORE_NUMBER.fullmatch(b.text) and SCORE_JOIN.fullmatch(text, ma.end, mb.start)):
                continue
            if a.metric or b.metric:
                # "beating England 2-1 … with a late goal": one side read a result's metric, the
                # other shares it; any other metric on one side is no score line.
                key = a.metric or b.metric
                if key in self.score_metrics:
                    claims[i], claims[i + 1] = a.model_copy(update={"metric": key}), b.model_copy(update={"metric": key})
                continue
            stop = None
            for stop in self.clause_stop.finditer(text, inside[i - 1].end if i else sent.start, ma.start):
                pass
            start = max(stop.end() if stop else sent.start, inside[i - 1].end if i else sent.start)
            before = self.score_words.finditer(text, start, ma.start)
            after_end = min(mb.end + 12, inside[i + 2].start if i + 2 < len(inside) else sent.end)
            after = [h for h in self.score_words.finditer(text, mb.end, after_end) if not text[mb.end : h.start].strip()]
            if not after and not before:
                continue
            key = after[0].key if after else max(before, key=lambda h: h.end).key
            if key in self.score_max and max(a.value, b.value) > self.score_max[key][0]:
                key = self.score_max[key][1]  # "beat the Chiefs 40-22": points, not goals
            claims[i] = a.model_copy(update={"metric": key})
            claims[i + 1] = b.model_copy(update={"metric": key})
        return claims

    def _multiplied(self, text: str, inside: list[Mention], claims: list[Claim]) -> list[Claim]:
        """A multiplier is no figure of the count it multiplies: "COVID-19 killed more than 7
        million people ..., though the WHO believes the true toll is two to three times higher"
        gives no toll of two or three."""
        return [
            c.model_copy(update={"scope": None}) if c.scope == "cumulative" and self.multiplier.match(text, m.end) else c
            for c, m in zip(claims, inside)
        ]

    def _multiplies(self, text: str, m: Mention) -> bool:
        """The figure is a multiplier ("three times", "two to three times higher")."""
        return bool(self.multiplier.search(text, m.start, m.end) or self.multiplier.match(text, m.end))

    def _fit_unit(self, claim: Claim) -> Claim:
        """A metric borrowed from a neighbour or a far verb must still fit the figure's unit; a rate
        counts no people ("turnout reached 64% of eligible voters": the voters are its base)."""
        if claim.group is not None and claim.unit in {"percent", "percentage_point"} and self.metric_measures.get(claim.metric or "") == "rate":
            claim = claim.model_copy(update={"group": None})
        if claim.metric is None or self._measures(claim.metric, claim.unit) or self.multiplier.fullmatch(claim.counted or "") or self.multiplier.search(claim.text):
            return claim  # a multiplier measures whatever the figure it multiplies does
        return claim.model_copy(update={"metric": self.unit_metrics.get(claim.unit)})

    def _measures(self, metric: str, unit: str) -> bool:
        """Whether a figure in ``unit`` can measure ``metric`` (metrics.yml ``measures``)."""
        kind = self.metric_measures.get(metric)
        if kind == "count":
            return unit in COUNT_UNITS
        if kind == "number":
            return unit == "count"
        if kind == "rate":
            return unit in {"percent", "percentage_point"}
        if kind == "money":
            return unit == "percent" or CURRENCY_UNIT.match(unit) is not None
        if kind == "units":
            return unit in self.metric_units.get(metric, ())
        return True

