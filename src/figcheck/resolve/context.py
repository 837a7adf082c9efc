"""Read a figure's neighbourhood: its noun phrase, its predicate and the words before it."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Words that end the noun phrase after a figure: verbs, auxiliaries and most prepositions.
NP_STOP = {
    "en": set(
        "were was are is have has had been be being will would could should may might must who which that whom whose "
        "in on at from since during according across by to for with after before under still among as including "
        "while when where because but per into inside near than amid following against through throughout "
        "remain remained remains reportedly also said says until unless although".split()
    ),
    "he": set("היו היה הם נהרגו נפצעו נעצרו לפי על מאז עד כי אשר ש".split()),
    "ar": set("في من منذ على إلى حسب وفقا بحسب الذين التي الذي كان كانت".split()),
}
# Words between a figure and its noun phrase: "of the …"; Arabic "من" ("١٬٠٠٠ من العاملين الصحيين").
LEAD_INS = {"en": {"of", "the"}, "he": set(), "ar": {"من"}}
CLAUSE_END = regex.compile(r"[.;:!?—–()\[\]\"]|,\s+(?:and|but|while|according|as|which|who)\b|\s-\s")
# Hebrew and Arabic chain clauses with a comma and a conjunction glued to the next word
# ("…، فيما بلغت نسبة المشاركة"): a comma ends the predicate.
CLAUSE_END_RTL = regex.compile(rf"{CLAUSE_END.pattern}|,")
CONJ = {"ו", "و"}
# After a comma, these open a phrase about part of the figure, not more of its noun phrase.
APPOSITIVE = regex.compile(r"(?i)\s*(?:most|many|some|all|half|mostly|including|among|of\s+whom|of\s+them|nearly\s+all|almost\s+all)\b")
SUBORDINATE = regex.compile(r"(?i)(?<!\w)(?:until|unless|although|though|because)(?!\w)")
CONTRAST = regex.compile(r",\s+(?:while|whereas|but)\b")
# After a comma, a relative clause about something else: "payroll will top $300 million, which
# could cost the owners $60m".
RELATIVE = regex.compile(r"(?i)\s*(?:which|who)\b")
# An abbreviation with dots ("U.S.", "U.N.") is one word.
TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\d'’-]+|[^\s\p{L}\p{M}\d]")


@dataclass(frozen=True)
class Zones:
    """Character ranges around one figure inside its sentence."""

    np: tuple[int, int]
    predicate: tuple[int, int]
    before: tuple[int, int]
    clause: tuple[int, int]


def zones(
    text: str, start: int, end: int, lower: int, upper: int, lang: str, verbs: frozenset[str] = frozenset(),
    lead_verbs: frozenset[str] = frozenset(),
) -> Zones:
    """``lower``/``upper`` bound the zones: the previous and next figure, or the sentence.

    ``verbs`` are the lexicon's verb triggers: a verb ends the noun phrase ("החטופות שוחררו").
    ``lead_verbs``, those that are no noun's or group's word, end it even right after the figure:
    "ו־251 נחטפו" names no one of its own.
    """
    stop = NP_STOP.get(lang, set())
    # English lists run across commas ("patients, wounded and displaced persons"); in Hebrew and
    # Arabic, where the counted noun follows at once, a comma ends the phrase.
    joins = {",", "'", "’", "-"} if lang == "en" else {"'", "’", "-", '"'}
    pos, np_end, count = end, end, 0
    for m in TOKEN.finditer(text, end, upper):
        tok = m.group()
        if not tok[0].isalnum() and tok not in joins:
            break
        if tok == "," and (APPOSITIVE.match(text, m.end()) or RELATIVE.match(text, m.end())):
            break  # "Eighteen people, most of them women and children": the part is another phrase
        if count == 0 and tok.casefold() in LEAD_INS.get(lang, ()):
            np_end = m.end()
            continue
        if tok.casefold() in stop or (not count and tok.casefold() in lead_verbs) or (count and (tok.casefold() in verbs or (tok[:1] in CONJ and tok[1:].lstrip("-־") in verbs))):
            break  # a verb ends the phrase, with its conjunction too: "312 חולי קדחת … ונפטרו 21"
        count += 1
        np_end = m.end()
        if count >= 7:
            break
    pos = np_end
    clause_end = (CLAUSE_END if lang == "en" else CLAUSE_END_RTL).search(text, pos, upper)
    pred_end = clause_end.start() if clause_end else upper
    if lang == "en" and (sub := SUBORDINATE.search(text, pos, pred_end)):
        # "defers $680m until after the deal ends": a subordinate clause has a subject of its own.
        pred_end = sub.start()
    words = list(TOKEN.finditer(text, pos, pred_end))
    if len(words) > 12:
        pred_end = words[11].end()
    back = [m for m in TOKEN.finditer(text, lower, start)]
    cut = lower
    for m in reversed(back):
        if CLAUSE_END.match(m.group()) and m.group() not in {","}:
            cut = m.end()
            break
    if lang == "en":
        # A contrast opens a clause with a subject of its own: "33.7% of the vote, while the
        # Conservatives collapsed to 121" reads no vote into 121.
        for m in CONTRAST.finditer(text, cut, start):
            cut = m.end()
    tokens_before = [m for m in back if m.start() >= cut]
    # Twelve words back: "The death toll from last week's flash floods in eastern Spain rose to 217".
    before_start = tokens_before[-12].start() if len(tokens_before) > 12 else cut
    clause_start_m = None
    for m in CLAUSE_END.finditer(text, lower, start):
        clause_start_m = m
    clause_start = clause_start_m.end() if clause_start_m else lower
    return Zones((end, np_end), (np_end, pred_end), (before_start, start), (clause_start, clause_end.start() if clause_end else upper))
