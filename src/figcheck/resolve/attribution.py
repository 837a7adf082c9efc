"""Who a figure is attributed to: "according to X", "X said", a post's "LABEL:" prefix."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from figcheck.extract.dates import MONTHS, WEEKDAYS
from figcheck.resolve.demonyms import demonyms
from figcheck.resolve.lexicon import Lexicon, fold

NAME_TOKEN = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'.-]*|of|the|for|in|on|and|al|el|'s|UN|US)$")

ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.I)
ACRONYM = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{3,6}(?:['’]s)?(?![\p{L}\p{N}])")
NOT_SLUG = regex.compile(r"[^\p{L}\p{N}]+")
NAME_WORD = regex.compile(r"[\p{L}\p{M}'’.-]+")
# A word of a Hebrew or Arabic name; Hebrew acronyms carry a gershayim ('מד"א', 'צה״ל').
HEAD_WORD = regex.compile(r"[\p{L}\p{M}'’.-]+(?:[\"״]\p{L}+)?")
# Phrases ending in a preposition that glues to the next word ("وفقا لـ", "لפי" does not).
GLUED = ("ل", "لـ", "ـ", "ב", "ל")
UPPER = regex.compile(r"\p{Lu}")
# A capitalised word of a name: "Naim", "Dr.", "al-Qudra"'s "Qudra", "U.S."; a full stop ends it
# unless a letter or a space follows.
CAP_WORD = r"\p{Lu}(?:[\p{L}\p{M}'’&-]|\.(?=[\p{L}\s]))*"
# Words that join two clauses rather than qualify a speaker noun ("killed and the agency said").
ARTICLES = frozenset({"the", "a", "an"})
PREPOSITIONS = frozenset({"of", "for", "in", "on", "at", "by", "from", "to", "with", "al"})
JOINERS = frozenset({"and", "or", "but", "while", "as", "after", "before", "when", "that", "which", "who", "where", "then"})
HEBREW_ARABIC = regex.compile(r"[\p{Hebrew}\p{Arabic}]")


@dataclass(frozen=True)
class Attribution:
    start: int
    end: int
    text: str
    source: str


def slug(text: str) -> str:
    """An unknown source's id: its name in snake case, or the acronym it goes by ("Turkey's AFAD
    disaster agency" and "AFAD" are one source)."""
    text = ARTICLE.sub("", fold(text).strip())
    acronyms = {a.rstrip("'’s") for a in ACRONYM.findall(text)}
    if len(acronyms) == 1:
        return acronyms.pop().casefold()
    return NOT_SLUG.sub("_", text.casefold()).strip("_")[:60] or "unknown"


class Attributions:
    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lang = lang
        self.aliases = lexicon.matcher("sources", lang)
        self.aliases_en = lexicon.matcher("sources", "en")
        section = lexicon.section("attribution")
        before = sorted({fold(p) for p in (section.get("before") or {}).get(lang) or []}, key=len, reverse=True)
        verbs = sorted({fold(p) for p in (section.get("verbs") or {}).get(lang) or []}, key=len, reverse=True)
        self.labels_not = {s.casefold() for s in section.get("labels_not_sources") or []}
        self.speaker_nouns = frozenset(fold(w).casefold() for w in (section.get("speaker_nouns") or {}).get(lang) or [])
        words_in = lambda in_lang, key: frozenset(fold(w).casefold() for w in (section.get(key) or {}).get(in_lang) or [])  # noqa: E731
        words = lambda key: words_in(lang, key)  # noqa: E731
        # A speaker named only by what it is ("police", "local media", "the government"): its head
        # is a speaker noun or a role, every word before it a generic modifier.
        self.speaker_heads = self.speaker_nouns | words("roles")
        self.speaker_words = self.speaker_heads | words("generic_modifiers")
        self.demonyms = demonyms(lexicon, lang, self.speaker_heads)
        self.pronouns = words("pronouns")
        self.spellings = {str(k).casefold(): str(v).casefold() for k, v in (section.get("spellings") or {}).items()}
        # The country a known body belongs to, by the countries its names name in any language
        # ("Israeli Health Ministry"): "משרד הבריאות" is Israel's, "משרד הבריאות המצרי" is Egypt's.
        self.countries_of: dict[str, set[str]] = {}
        for key, entry in lexicon.section("sources").items():
            for alias_lang, names in ((entry or {}).get("aliases") or {}).items() if isinstance(entry, dict) else ():
                heads = frozenset(fold(w).casefold() for w in (section.get("speaker_nouns") or {}).get(alias_lang) or []) | words_in(alias_lang, "roles")
                for alias in names or []:
                    if found := demonyms(lexicon, alias_lang, heads).rewrite(fold(str(alias))):
                        self.countries_of.setdefault(key, set()).add(found.place)
        alt = lambda xs: "|".join(regex.escape(x).replace(r"\ ", r"\s+") for x in xs) or "(?!)"  # noqa: E731
        self.before_rx = regex.compile(
            rf"(?<!\w)(?:{alt([b for b in before if b.endswith(GLUED)])}|(?:{alt([b for b in before if not b.endswith(GLUED)])})(?!\w))\s*(?P<name>(?:[^,.;:—–()\"\n]|\.(?=\w))+?)(?=\s*(?:[,;:—–()\"\n]|\.(?!\w)|\s(?:whose|which|who|that|and|as|in\s+a|on\s+\p{{Lu}}\p{{Ll}}+day)\b|\Z))",
            regex.I,
        )
        # Hebrew and Arabic glue a conjunction to the verb: "وقالت الوزارة", "וכך מסר".
        glue = "(?:و|ف)?" if lang == "ar" else "(?:ו|ש)?" if lang == "he" else ""
        self.verb_rx = regex.compile(rf"(?<!\w){glue}(?P<verb>{alt(verbs)})(?!\w)")
        adverbs = sorted({fold(w) for w in (section.get("before_verb") or {}).get(lang) or []}, key=len, reverse=True)
        self.adverbs_rx = regex.compile(rf"(?i)(?<=\w)(?:\s+(?:{alt(adverbs)}))+\s*$") if adverbs else None
        # Hebrew and Arabic: a name the lexicon does not know opens with its head noun.
        self.caseless = lang in {"he", "ar"} and bool(self.speaker_nouns)
        stops = "כי|ש|היום|אתמול|הבוקר|הערב|הלילה|ביום|בהודעה|לפיה|على|أن|إن|بأن|يوم|اليوم|أمس|في\\s+بيان|مساء|صباح"
        self.name_stop = regex.compile(rf"(?:\s+(?:{stops})(?!\w)|\s*[,،.;:()\"\n—–]|\Z)")
        listener = {fold(p) for p in (section.get("to_listener") or {}).get(lang) or []}
        titles = [fold(t) for t in (section.get("titles") or {}).get(lang) or []]
        roles = [fold(t) for t in (section.get("roles") or {}).get(lang) or []]
        # The last title, then a capitalised personal name to the end: "Hawaii Gov. Josh Green".
        self.titled = regex.compile(
            rf"(?<!\w)(?:{alt(titles)})(?!\w)\s+(?P<person>\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:\s+(?:\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*|(?:al|el|bin|ibn|de|van|von|der)(?:-\p{{Lu}}[\p{{L}}\p{{M}}'’-]*)?))*)\s*\Z"
        )
        self.role_tail = regex.compile(rf"(?i)\s(?:{alt(roles)})\s*\Z")
        self.also_nouns = frozenset(fold(p) for p in (section.get("also_nouns") or {}).get(lang) or [])
        speaking = [v for v in verbs if v not in listener]
        time_words = [fold(w) for w in (section.get("time_words") or {}).get(lang) or []]
        self.time_after_verb = regex.compile(rf"(?:(?:{alt(time_words)})\s+){{1,2}}") if time_words else None
        self.what_verb = regex.compile(rf"ما\s+(?:و|ف)?(?:{alt(verbs)})\s+") if lang == "ar" else None
        # "…, said the Health Ministry." / "…, said John Smith, a spokesman": a capitalised name that
        # closes its clause; "said Tuesday that 223 cases…" names a day, not a speaker.
        calendar = "|".join(sorted((w for w in (*MONTHS, *WEEKDAYS) if w.isascii()), key=len, reverse=True))
        self.inverted_rx = regex.compile(
            rf"(?<!\w)(?:{alt(speaking)})\s+(?!(?i:{calendar}|today|yesterday|tonight|last|this|next)\b)"
            rf"(?P<name>(?:the\s+)?{CAP_WORD}(?:\s+(?:{CAP_WORD}|(?:al|el|ad|ibn|bin|abu|de|da|di|du|van|von|der|le|la)(?:-{CAP_WORD})?|of|the|for|and))*?)"
            rf"(?=\s*[,.;:—–()\"\n]|\Z)"
        )
        # A post's label is an outlet's name in capitals ("AL-JAZEERA: …"); a mixed-case lead-in
        # ending in a colon is usually a speaker or a headline ("Dr. Naim said: …"), not a source.
        self.label_rx = regex.compile(r"\W*(?P<name>\p{Lu}[\p{Lu}\d\s.'&-]{1,40}?)\s*:\s")
        # Scripts without capitals: a label is a known source's name ("משרד הבריאות בעזה: …").
        self.caseless_label_rx = regex.compile(r"\W*(?P<name>[^:\n]{2,50}?)\s*:\s")
        # Generic names ("the ministry", "الوزارة") stand for a source in a story set where it works.
        self.generic: list[tuple[str, frozenset[str], regex.Pattern[str]]] = []
        for key, entry in lexicon.section("sources").items():
            names = ((entry or {}).get("generic") or {}).get(lang) if isinstance(entry, dict) else None
            if names:
                body = alt(sorted({fold(n) for n in names}, key=len, reverse=True))
                prefix = "(?:[ובל]?)" if lang == "he" else "(?:و?(?:ب|ل)?)" if lang == "ar" else ""
                rx = regex.compile(rf"(?i)(?<!\w){prefix}(?:the\s+)?(?P<name>{body})(?!\w)")
                self.generic.append((key, frozenset(entry.get("places") or []), rx))
        # A body's possession in lower case after it: "the health ministry's daily mortality monitor".
        self.owner = regex.compile(r"(?P<name>.*?(?P<head>(?<![\p{L}\p{M}-])[\p{L}\p{M}-]+))['’]s\s+(?P<thing>(?:(?!['’]s\s)[^\p{Lu}])+)$")
        self._last_found: tuple[str, int, int, tuple[Attribution, ...]] | None = None
        self._made: dict[str, str] = {}

    def find(self, text: str, start: int, end: int) -> list[Attribution]:
        """The attributions of ``text[start:end]``. The resolver asks once per sentence and again
        for each of its figures: the last answer is kept (same text object, same window)."""
        last = self._last_found
        if last is None or last[0] is not text or last[1] != start or last[2] != end:
            last = self._last_found = (text, start, end, tuple(self._find(text, start, end)))
        return list(last[3])

    def _find(self, text: str, start: int, end: int) -> list[Attribution]:
        found = []
        for m in self.before_rx.finditer(text, start, end):
            # "وفق ما قال مسؤول محلي": "according to what … said", the name follows the verb.
            what = self.what_verb.match(text, m.start("name"), m.end("name")) if self.what_verb else None
            s = what.end() if what else m.start("name")
            if self.caseless and not self._is_head(text[s : m.end("name")].split(" ", 1)[0]):
                # "לפי עדכון של משרד הפנים": the body is the name, not the update it published.
                head = next((w for w in HEAD_WORD.finditer(text, s, m.end("name")) if self._is_head(w.group())), None)
                s = head.start() + self._head_prefix(head.group()) if head else s
            e = m.end("name")
            if (owner := self.owner.match(text, s, e)) and owner.group("head").casefold() in self.speaker_heads:
                e = owner.end("name")  # "the health ministry's daily mortality monitor": the ministry's
            found.append(self._make(s, e, text[s:e]))
        for m in self.verb_rx.finditer(text, start, end):
            # "Russia's defense ministry later said": the adverb stands between the name and its verb.
            adverb = self.adverbs_rx.search(text, start, m.start()) if self.adverbs_rx else None
            name = self._name_before(text, start, adverb.start() if adverb else m.start())
            if name and m.group("verb") in self.also_nouns and " " not in name[2].strip() and not self.aliases.finditer(fold(name[2])):
                continue  # "Damage estimates ranged from…": a compound noun, no speaker
            if name is None and self.caseless:
                name = self._head_first_before(text, start, m.start()) or self._head_first_after(text, m.end(), end)
            if name:
                found.append(self._make(*name))
        for m in self.inverted_rx.finditer(text, start, end):
            found.append(self._make(m.start("name"), m.end("name"), m.group("name")))
        return [a for a in found if a.source]

    def label(self, text: str, start: int, end: int) -> Attribution | None:
        """A post that opens with an outlet's name: "AL-JAZEERA: Four Palestinians were killed…"."""
        m = self.label_rx.match(text, start, end)
        if not m or m.group("name").strip().casefold() in self.labels_not:
            c = self.caseless_label_rx.match(text, start, end)
            if c and not regex.search(r"\p{Lu}|\p{Ll}", c.group("name")):
                name = c.group("name").strip()
                hits = self.aliases.finditer(fold(name))
                if hits and max(h.end - h.start for h in hits) >= len(name) - 2:
                    return self._make(c.start("name"), c.end("name"), name)
            return None
        return self._make(m.start("name"), m.end("name"), m.group("name"))

    def in_place(self, found: Attribution, places: set[str] | frozenset[str]) -> Attribution:
        """A generic name ("the Health Ministry", "الوزارة") is the source that works where the story is."""
        for key, where, rx in self.generic:
            if where & places and rx.fullmatch(fold(found.text).strip()):
                return Attribution(found.start, found.end, found.text, key)
        return found

    def named(self, text: str, start: int, end: int) -> list[Attribution]:
        """Known bodies named in a sentence with a reporting verb, however the name is written
        ("أعلنت وزارة الصحة في غزة …", "Lebanon's health ministry says …"). In English only names
        of two words or more: "in Israel" names a place, not a speaker."""
        if not self.verb_rx.search(text, start, end):
            return []
        hits = [h for h in self.aliases.finditer(text, start, end) if self.lang != "en" or " " in h.text.strip()]
        return [Attribution(h.start, h.end, text[h.start : h.end], h.key) for h in hits]

    def generic_named(self, text: str, start: int, end: int, places: set[str] | frozenset[str]) -> Attribution | None:
        for key, where, rx in self.generic:
            if where & places and (m := rx.search(text, start, end)):
                return Attribution(m.start("name"), m.end("name"), m.group("name"), key)
        return None

    def _name_before(self, text: str, lower: int, pos: int) -> tuple[int, int, str] | None:
        words = list(NAME_WORD.finditer(text[lower:pos]))
        taken: list[regex.Match[str]] = []
        # A lower-case speaker noun may end the name ("the Syrian health ministry said"), with up
        # to two lower-case words before it; once a capitalised word is taken, the name's words
        # are capitalised or joiners again.
        lower_left = 0
        for w in reversed(words):
            gap = text[lower + w.end() : lower + (taken[-1].start() if taken else len(text[lower:pos]))]
            if gap.strip():
                break
            word = fold(w.group())
            if not taken and word.casefold() in self.speaker_nouns:
                lower_left = 2
            elif NAME_TOKEN.match(word):
                if word[0].isupper():
                    lower_left = 0
            elif lower_left and word.islower() and word.casefold() not in JOINERS:
                lower_left -= 1
            else:
                break
            taken.append(w)
            if len(taken) >= 10:
                break
        if taken and not any(t.group()[0].isupper() for t in taken):
            # "the death toll has risen to 158, officials said", "…, local media reported", "and the
            # disaster management agency said": a speaker noun and what qualifies it, to an article.
            name = self._lower_name([fold(t.group()).casefold() for t in taken])
            if not name:
                return None
            s, e = lower + taken[name - 1].start(), lower + taken[0].end()
            return s, e, text[s:e]
        while taken and not taken[-1].group()[0].isupper():
            taken.pop()
        if not taken or not any(t.group()[0].isupper() for t in taken):
            return None
        s, e = lower + taken[-1].start(), lower + taken[0].end()
        return s, e, text[s:e]

    def _is_head(self, word: str) -> bool:
        return self._head_prefix(word) >= 0

    def _head_prefix(self, word: str) -> int:
        """How many glued letters stand before a head noun ("لوزارة" 1, "الجيش" 0), or -1."""
        word = fold(word).casefold().strip(".'’-")
        if word in self.speaker_nouns:
            return 0
        if self.lang == "ar":
            # و/ف/ب/ل glued, then the article: "وزارة" is a head itself, "لوزارة" and "والجيش" carry one.
            glued = 1 if word[:1] in {"و", "ف", "ب", "ل"} and len(word) > 3 else 0
            rest = word[glued:]
            if rest in self.speaker_nouns:
                return glued
            if rest.startswith("ال") and rest[2:] in self.speaker_nouns:
                return 0 if not glued else glued  # the article stays in the name
            if word.startswith("لل") and word[2:] in self.speaker_nouns:
                return 1  # "للجيش": ل + الجيش
            return -1
        if self.lang == "he" and word.startswith("ו") and len(word) > 3 and word[1:] in self.speaker_nouns:
            return 0  # "ומשרד": kept as written, as before
        return -1

    def _head_first_before(self, text: str, lower: int, pos: int) -> tuple[int, int, str] | None:
        """Hebrew/Arabic "NAME VERB": from the leftmost head noun of the clause's last six words to the verb."""
        clause = max(lower, *(text.rfind(c, lower, pos) + 1 for c in ",،.;:\n"))
        words = list(HEAD_WORD.finditer(text, clause, pos))[-6:]
        for i, w in enumerate(words):
            if self._is_head(w.group()):
                s, e = w.start(), words[-1].end()
                if text[e:pos].strip():
                    return None  # something other than a space between the name and the verb
                return s, e, text[s:e]
        return None

    def _head_first_after(self, text: str, pos: int, upper: int) -> tuple[int, int, str] | None:
        """Hebrew/Arabic "VERB NAME that …": a name opening with a head noun, up to "כי"/"أن" or a stop."""
        pos += len(text[pos:upper]) - len(text[pos:upper].lstrip())
        if self.time_after_verb and (t := self.time_after_verb.match(text, pos, upper)):
            pos = t.end()
        first = HEAD_WORD.match(text, pos, upper)
        if first is None or not self._is_head(first.group()):
            return None
        stop = self.name_stop.search(text, first.end(), upper)
        e = stop.start() if stop else upper
        words = list(HEAD_WORD.finditer(text, first.start(), e))
        if len(words) > 6:
            return None
        e = words[-1].end() - (len(words[-1].group()) - len(words[-1].group().rstrip(".'’-")))
        return first.start(), e, text[first.start() : e]

    def _person_or_body(self, name: str) -> str:
        """The part of an unknown speaker's name that stays the same from story to story: the
        person after a title ("Hawaii Gov. Josh Green" -> "Josh Green"), the body before a role
        ("Maui County officials" -> "Maui County")."""
        titled = self.titled.search(name)
        if titled:
            return titled.group("person")
        role = self.role_tail.search(name)
        if role:
            body = name[: role.start()].strip()
            if len(ARTICLE.sub("", body).split()) >= 2 or ACRONYM.search(body):
                return body
        return name

    def _lower_name(self, words: list[str]) -> int:
        """How many of ``words`` (a lower-case name read backwards from the verb) make the speaker:
        its head, then words that qualify it (at most two that are not speaker words), up to and
        with an article; 0 when they make none."""
        if not words or words[0] not in self.speaker_heads:
            return 0
        n, other = 1, 0
        for word in words[1:]:
            if word in ARTICLES:
                return n + 1
            if word in JOINERS or word in PREPOSITIONS or word.endswith(("'s", "’s")):
                break
            if word not in self.speaker_words:
                other += 1
                if other > 2:
                    break
            n += 1
        return n

    def speaker_only(self, name: str) -> bool:
        """Whether ``name`` is only what any speaker could be: "police", "local media", "the government"."""
        words = fold(name).casefold().split()
        return bool(words) and words[-1] in self.speaker_heads and all(w in self.speaker_words for w in words)

    def _make(self, start: int, end: int, name: str) -> Attribution:
        name = name.strip()
        # The same few names ("the army", "officials") come back sentence after sentence.
        source = self._made.get(name)
        if source is None:
            if len(self._made) > 50_000:
                self._made.clear()
            source = self._made[name] = self._source_of(name)
        return Attribution(start, end, name, source)

    def _source_of(self, name: str) -> str:
        """The source id of a name as written; "" when it names no one."""
        if fold(name).casefold() in self.pronouns:
            return ""  # "He said 23 people died": no one named
        # "Israel's military", "the Moroccan interior ministry": the country as its demonym. A known
        # name that leaves the country out is another country's body ("משרד הבריאות" is Israel's,
        # "משרד הבריאות המצרי" is not).
        country = self.demonyms.rewrite(fold(name))
        plain = country.plain if country else fold(name)
        if country:
            hits = [
                h for text, (s, e) in ((country.written, country.at_written), (plain, country.at_plain)) for h in self.aliases.finditer(text)
                if (h.start < e and s < h.end) or country.place in self.countries_of.get(h.key, ())
            ]
        else:
            hits = self.aliases.finditer(fold(name)) or self.aliases_en.finditer(fold(name))
        if hits:
            return max(hits, key=lambda h: h.end - h.start).key
        if not UPPER.search(name) and not HEBREW_ARABIC.search(name):
            words = fold(name).casefold().split()
            return self._slug(name) if self._lower_name(words[::-1]) == len(words) else ""
        return self._slug(self._person_or_body(plain))

    def _slug(self, name: str) -> str:
        """``slug`` with one spelling of each word ("defense" and "defence" ministries are one)."""
        return "_".join(self.spellings.get(part, part) for part in slug(name).split("_"))


@functools.cache
def attributions(lexicon: Lexicon, lang: str) -> Attributions:
    return Attributions(lexicon, lang)
