"""Services and products named in cards: a spaCy component over the curated gazetteer.

`qbank_services` runs on `spacy.blank("en")`: two PhraseMatchers (case-insensitive
aliases, case-sensitive acronyms), a context rule for aliases that are only
safe where the card is about their provider, longest match first, then a
bounded fuzzy pass for typos ("Cloud Font", "Memorstore", "VPIC") over the
capitalised tokens nothing matched. It sets `doc.spans["services"]`, each span
labelled with the canonical name.

`deck_terms` reads the abbreviations a deck defines itself and `mentions` maps a
card's spans (and those abbreviations) back to its source lines.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from functools import lru_cache
from typing import Final

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LENGTH, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import registry
import numpy as np
from wordfreq import zipf_frequency

from .doctext import NAMES_KEY, doc_text
from .gazetteer import Form, Gazetteer, alias_key, load_gazetteer
from .types import Card, ServiceMention

__all__ = ["FACTORY", "abbreviates", "SPANS_KEY", "DeckTerms", "ServiceRecognizer", "deck_terms", "locate_mentions", "mentions",
           "make_services", "span_offsets"]

FACTORY: Final = "qbank_services"
SPANS_KEY: Final = "services"

# Typo bounds: candidates of at least 8 letters (shorter names are too close to
# other words: OpenAI/OpenAPI), one edit below 12 letters and two from 12, never
# in the first letter, and never a word English already has (Docket is not Docker).
FUZZY_MIN_LEN: Final = 8
FUZZY_LONG_LEN: Final = 12
COMMON_WORD_ZIPF: Final = 2.5
MAX_FUZZY_TOKENS: Final = 3
MEMO_SIZE: Final = 200_000
_CAPITALISED: Final = re.compile(r"\b[A-Z][A-Za-z]+\b")


@registry.misc("qbank.services.v1")
def services_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer for `qbank_services`: the packaged one, or a curated file at `path`."""
    return load_gazetteer(path)


@Language.factory(
    FACTORY,
    default_config={"gazetteer": {"@misc": "qbank.services.v1", "path": None}, "spans_key": SPANS_KEY, "fuzzy": True},
    assigns=["doc.spans"],
)
def make_services(nlp: Language, name: str, gazetteer: Gazetteer, spans_key: str, fuzzy: bool) -> ServiceRecognizer:
    return ServiceRecognizer(nlp, name, gazetteer=gazetteer, spans_key=spans_key, fuzzy=fuzzy)


class ServiceRecognizer:
    """Sets `doc.spans[spans_key]`: one span per service mention, labelled with its canonical name.

    Matchers and the typo index are built once here; a Doc costs two matcher
    calls and a pass over its capitalised, unmatched tokens.
    """

    def __init__(self, nlp: Language, name: str = FACTORY, *, gazetteer: Gazetteer, spans_key: str = SPANS_KEY,
                 fuzzy: bool = True) -> None:
        self.name = name
        self.spans_key = spans_key
        self.gazetteer = gazetteer
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._rules: dict[int, tuple[str, bool]] = {}
        forms = gazetteer.forms()
        groups: dict[tuple[str, str, bool], list[str]] = {}
        for form in forms:
            groups.setdefault((form.match, form.service, form.contextual), []).append(form.text)
        for (match, service, contextual), texts in groups.items():
            key = f"{service}|{'context' if contextual else 'any'}|{match}"
            matcher = self._lower if match == "lower" else self._orth
            matcher.add(key, [nlp.make_doc(text) for text in texts])
            self._rules[nlp.vocab.strings[key]] = (service, contextual)
        self._provider = {s.name: s.provider for s in gazetteer.services}
        self._provider_cues = {p.name: _word_regex(p.cues) for p in gazetteer.providers if p.cues}
        self._line_cues = {s.name: _word_regex(s.cues) for s in gazetteer.services if s.cues}
        self._typos = TypoIndex(gazetteer, forms) if fuzzy else None
        self._coded = {f.service for f in forms if _CODE.fullmatch(f.text)}   # named like a code: "S3", "EC2"

    def __call__(self, doc: Doc) -> Doc:
        found = self._lower(doc) + self._orth(doc)
        named: dict[str, set[str]] = {}  # provider -> its services matched without context
        # ... and not inside a longer name: "KMS" in "Cloud KMS" says nothing about AWS
        plain = [(start, end, self._rules[m][0]) for m, start, end in found if not self._rules[m][1]]
        for _, _, service in _filter_overlaps(plain):
            named.setdefault(self._provider[service], set()).add(service)
        lowered: list[str] = []  # the doc's lower-cased text, made only if a contextual alias needs it
        hits = []
        for match_id, start, end in found:
            service, contextual = self._rules[match_id]
            if contextual and (not self._in_context(doc, start, service, named, lowered)
                               or (end < len(doc) and doc[end].is_title and not doc[end].is_sent_start
                                   and doc[start:end].text == self._provider[service])
                               or (start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "non")):
                continue    # ("Google" in "Google Cloud Workload Identity Federation": a longer name's, not Sign-In)
            hits.append((start, end, service))
        hits = _filter_overlaps(hits)
        if any(service in self._coded for _, _, service in hits):
            hits = _without_series_codes(doc, hits)
        if self._typos is not None:
            covered = bytearray(len(doc))
            for start, end, _ in hits:
                covered[start:end] = b"\x01" * (end - start)
            hits = sorted(hits + list(self._typos.hits(doc, covered, {s for _, _, s in hits})), key=lambda h: h[0])
        # Spans are made once, for the result: they cost more than the matching itself.
        spans = [Span(doc, start, end, label=service) for start, end, service in hits]
        doc.spans[self.spans_key] = spans
        text = doc_text(doc)
        doc.user_data[NAMES_KEY] = [(s.start_char, s.end_char) for s in spans
                                    if _HAS_DIGIT.search(text, s.start_char, s.end_char)]
        return doc

    def _in_context(self, doc: Doc, start: int, service: str, named: Mapping[str, set[str]], lowered: list[str]) -> bool:
        """Cue words on the same line (and, for a cloud's service, its cloud too), else the provider
        named in the card, or another of its services.

        The service itself does not count: "Lambda" does not make "lambda x: x" a Lambda function.
        """
        cues = self._line_cues.get(service)
        provider = self._provider[service]
        if cues is not None:
            char = doc[start].idx
            text = doc_text(doc)
            first = text.rfind("\n", 0, char) + 1
            last = text.find("\n", char)
            if not cues.search(text[first: last if last >= 0 else None].lower()):
                return False
            if provider not in self._provider_cues:
                return True  # "Facebook" as a login: the cue is all the context there is
            # a cloud's sub-product ("Cool tier") also needs its cloud in the card
        if named.get(provider, set()) - {service}:
            return True
        rx = self._provider_cues.get(provider)
        if rx is None:
            return False
        if not lowered:
            lowered.append(doc_text(doc).lower())
        return bool(rx.search(lowered[0]))


def _without_series_codes(doc: Doc, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop a letters-and-digit name that is one of a series in the card ("S0, S1 and S2 ... S3 or
    greater", "suffixes s1, s2, and s3"): there it is a code (a tier, a host suffix), not S3."""
    numbers: dict[str, set[str]] = {}
    for m in _CODE.finditer(doc_text(doc)):
        numbers.setdefault(m.group(1).lower(), set()).add(m.group(2))
    series = {letters for letters, seen in numbers.items() if len(seen) > 1}
    if not series:
        return hits
    return [(start, end, service) for start, end, service in hits
            if not (end - start == 1 and (code := _CODE.fullmatch(doc[start].text)) and code.group(1).lower() in series)]


_CODE: Final = re.compile(r"(?<![\w-])([A-Za-z]{1,3})(\d{1,2})(?![\w.])")
_HAS_DIGIT: Final = re.compile(r"\d")


def _filter_overlaps(hits: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`spacy.util.filter_spans` on (start, end, label) tuples: the first longest of overlapping matches wins."""
    ordered = sorted(hits, key=lambda h: (h[1] - h[0], -h[0]), reverse=True)
    kept = []
    seen: set[int] = set()
    for start, end, label in ordered:
        if start not in seen and end - 1 not in seen:
            kept.append((start, end, label))
            seen.update(range(start, end))
    return sorted(kept, key=lambda h: h[0])


def _word_regex(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


# -- typos ---------------------------------------------------------------------

class TypoIndex:
    """Finds misspelt service names among capitalised tokens that no alias matched.

    A symmetric-deletion index (as in SymSpell) over the keys of the written,
    unconditional aliases gives the candidates within the edit budget without
    comparing against the whole gazetteer; each is then checked with the true
    edit distance. Spans of one to three tokens are tried, longest first, so
    "Coldeline Storage" and "Cloud Font" match as wholes. All-capital tokens
    get a narrower rule: one letter inside an acronym too many ("VPIC" -> VPC), beside that service's own name.
    """

    def __init__(self, gazetteer: Gazetteer, forms: Sequence[Form]) -> None:
        owners: dict[str, set[str]] = {}
        self._cased: set[str] = set()  # keys of case-sensitive names: only capitalised words may approach them
        for key, service, cased in _typo_targets(gazetteer, forms):
            owners.setdefault(key, set()).add(service)
            if cased:
                self._cased.add(key)
        # A provider's own word ("AWS Service") must not be corrected into another provider's name.
        self._provider_of_word = {p.lower(): prov.name for prov in gazetteer.providers for p in prov.prefixes}
        self._provider = {s.name: s.provider for s in gazetteer.services}
        self._service = {k: s.pop() for k, s in owners.items() if len(s) == 1}
        # The deletion index as two sorted arrays (a variant's hash, the key it comes from) rather than a dict of
        # lists: ~300,000 variants in 4 MB instead of 55 MB per process. A hash collision only adds a candidate,
        # which the true edit distance then rules out.
        self._keys = sorted(self._service)
        hashes: list[int] = []
        keys_of: list[int] = []
        for i, key in enumerate(self._keys):
            variants = _deletions(key, _budget(key))
            hashes += map(hash, variants)
            keys_of += [i] * len(variants)
        variant_hashes = np.array(hashes, dtype=np.int64)
        order = np.argsort(variant_hashes, kind="stable")
        self._hashes = variant_hashes[order]
        self._owners = np.array(keys_of, dtype=np.int32)[order]
        self._acronyms = {
            f.text: f.service for f in forms
            if f.match == "orth" and not f.generated and f.text.isupper() and f.text.isalnum() and len(f.text) >= 3
        }
        self._excluded = {alias_key(t) for t in gazetteer.not_services} | {t for t in gazetteer.not_services}
        self._memo: dict[tuple[str, bool, str, bool], str | None] = {}
        # (first word as written, lower ids and capitalisation of the next words) -> (size, service)
        self._windows: dict[tuple[str, tuple[int, ...], tuple[bool, ...]], tuple[int, str]] = {}

    def hits(self, doc: Doc, covered: bytearray, named: Set[str]) -> Iterator[tuple[int, int, str]]:
        """Typo matches among the tokens not `covered` by exact matches, left to right, as (start, end, service).

        A misspelt acronym counts only beside its service written right (`named`): "VPIC … VPC endpoint" is
        a typo, while "ACPI" alone is another acronym, not ACI.
        """
        # Token attributes come as one array; Token objects are never made (they cost more than the lookups).
        starts, lengths, alpha, stop, lower = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_STOP, LOWER]).T.tolist()
        text, n = doc_text(doc), len(starts)
        resume = 0
        for m in _CAPITALISED.finditer(text):
            first, last = m.span()
            i = bisect_left(starts, first)
            if (i < resume or i >= n or starts[i] != first or lengths[i] != last - first
                    or covered[i] or not alpha[i] or stop[i]):
                continue
            # A token may join a window when it is a plain word that no exact match took.
            k = i + 1
            while k < n and k < i + MAX_FUZZY_TOKENS and alpha[k] and not stop[k] and not covered[k]:
                k += 1
            word = m.group()
            window = (word, tuple(lower[i + 1:k]), tuple([text[starts[j]].isupper() for j in range(i + 1, k)]))
            found = self._windows.get(window)
            if found is None:
                if len(self._windows) >= MEMO_SIZE:
                    self._windows.clear()
                found = self._windows[window] = self._window(doc, lower[i:k], word, window[2])
            size, service = found
            if size and not (size == 1 and word.isupper() and service not in named):
                yield i, i + size, service
                resume = i + size

    def _window(self, doc: Doc, lower: Sequence[int], text: str, upper: Sequence[bool]) -> tuple[int, str]:
        """(size, service) of the longest typo match among the first one to three tokens of a window; (0, "") if none."""
        strings = doc.vocab.strings
        for size in range(len(lower), 0, -1):
            words = [strings[w] for w in lower[:size]]
            if size > 1 and not all(upper[:size - 1]) and all(map(_is_common_word, words)):
                continue     # everyday words, not all capitalised: "Parallel state" is no "Parallelstore"
            key = "".join(words)
            service = self._cached(key, size == 1, text, all(upper[:size - 1]))
            if service is not None:
                return size, service
        return 0, ""

    def _cached(self, key: str, single: bool, text: str, titled: bool) -> str | None:
        """`lookup` memoised: decks repeat their words, so most candidates were seen before."""
        memo = (key, single, text if single else "", titled)
        if memo not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            service = self.lookup(key, single=single, text=text, titled=titled)
            provider = self._provider_of_word.get(text.lower())
            self._memo[memo] = service if service is None or provider in (None, self._provider[service]) else None
        return self._memo[memo]

    def lookup(self, key: str, *, single: bool = False, text: str = "", titled: bool = True) -> str | None:
        """The one service within the edit budget of `key`, or None (none, or several).

        `single`: the key is one token (a real word there is never a typo);
        `titled`: every word is capitalised, as case-sensitive names are written.
        """
        if single and text.isupper() and 4 <= len(text) <= 5:
            return self._acronym(text)
        if len(key) < FUZZY_MIN_LEN or key in self._excluded or (single and _is_common_word(key)):
            return None
        budget = _budget(key)
        best: dict[str, int] = {}
        for target in self._candidates(_deletions(key, budget)):
            if target[0] != key[0] or (not titled and target in self._cased):
                continue
            distance = _edit_distance(key, target)
            # a name split in two ("Dynamo DB") is one when capitalised; "big table" is a big table
            if distance <= min(budget, _budget(target)) and (distance or (not single and titled)):
                best[target] = distance
        if not best:
            return None
        closest = min(best.values())
        services = {self._service[t] for t, d in best.items() if d == closest}
        return services.pop() if len(services) == 1 else None

    def _candidates(self, variants: set[str]) -> set[str]:
        """The keys that share a deletion variant with the query's (`variants`)."""
        wanted = np.array([hash(v) for v in variants], dtype=np.int64)
        lo = np.searchsorted(self._hashes, wanted, side="left")
        hi = np.searchsorted(self._hashes, wanted, side="right")
        return {self._keys[j] for a, b in zip(lo.tolist(), hi.tolist()) if a < b for j in self._owners[a:b].tolist()}

    def _acronym(self, text: str) -> str | None:
        """One extra letter inside a known acronym: never the first or last letter ("SAML" is not SAM)."""
        if text in self._excluded or text in self._acronyms:
            return None
        services = {self._acronyms[t] for t in (text[:k] + text[k + 1:] for k in range(1, len(text) - 1)) if t in self._acronyms}
        return services.pop() if len(services) == 1 else None


def _typo_targets(gazetteer: Gazetteer, forms: Sequence[Form]) -> Iterator[tuple[str, str, bool]]:
    """(key, service, case-sensitive) worth correcting towards: written unconditional aliases,
    and prefixed-only ones with their provider's first prefix."""
    for form in forms:
        # One letter shorter than a candidate may be: "Farrgate" is one insertion from "Fargate".
        if not form.contextual and not form.generated and len(alias_key(form.text)) >= FUZZY_MIN_LEN - 1:
            yield alias_key(form.text), form.service, form.match == "orth"
    for service in gazetteer.services:
        provider = gazetteer.provider(service.provider)
        if provider is not None and provider.prefixes:
            for alias in service.prefixed:
                yield alias_key(f"{provider.prefixes[0]} {alias}"), service.name, False


def _budget(key: str) -> int:
    return 1 if len(key) < FUZZY_LONG_LEN else 2


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:k] + w[k + 1:] for w in frontier for k in range(len(w))}
        found |= frontier
    return found


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=65536)
def _is_common_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_WORD_ZIPF


# -- terms the deck defines --------------------------------------------------------

SMALL_WORDS: Final = frozenset({"and", "of", "for", "the", "to", "&", "a", "an", "on", "in"})
_SHORT = r"[A-Z][A-Za-z0-9]{1,7}"
_WORD = r"[A-Z][\w@.'&-]*"
_LONG = rf"{_WORD}(?:\s+(?:{_WORD}|and|of|for|the|to|&|on|in))*"
_BULLETS = re.compile(r"^[\s\-*•>–]*")
_DEFINED = re.compile(rf"^(?P<short>{_SHORT})\s*=\s*(?P<long>[A-Za-z][A-Za-z&/' -]{{2,80}}?)\s*$")
_LONG_THEN_SHORT = re.compile(rf"(?P<long>{_LONG})\s*\(\s*(?P<short>{_SHORT})\s*\)")
_SHORT_THEN_LONG = re.compile(rf"(?<![\w-])(?P<short>{_SHORT})\s*\(\s*(?P<long>{_LONG})\s*\)")
_TITLE_DASH = re.compile(r"\s+[-–:]\s+")


def deck_terms(cards: Sequence[Card]) -> dict[str, str]:
    """Abbreviations the deck defines, short form -> long form as written; the first definition wins.

    Recognised: `DAX = DynamoDB Accelerator` on a line of its own, `Read
    Capacity Units (RCU)` and `S3 (Simple Storage Service)` where the short form
    spells the initials of the long one (a digit repeats the letter before it:
    S3 = S·S·S, EC2 = E·C·C), and titles such as `AWS Sam - Serverless
    Application Model`.
    """
    terms: dict[str, str] = {}
    for card in cards:
        for line in card.title_lines:
            parts = _TITLE_DASH.split(line.text.strip())
            for left, right in zip(parts, parts[1:]):
                _title_term(left, right, terms)
        for line in card.lines:
            # Each pattern needs its "=" or "(": most lines have neither, and the long-form patterns backtrack.
            if "=" in line.text:
                text = _BULLETS.sub("", line.text).strip()
                m = _DEFINED.match(text)
                if m and _is_acronym(m.group("short")) and len(m.group("long").split()) <= 8:
                    terms.setdefault(m.group("short"), m.group("long").strip())
            if "(" not in line.text:
                continue
            for m in _LONG_THEN_SHORT.finditer(line.text):
                words = _initials_tail(m.group("short"), m.group("long").split())
                if words:
                    terms.setdefault(m.group("short"), " ".join(words))
            for m in _SHORT_THEN_LONG.finditer(line.text):
                words = m.group("long").split()
                if _spells(m.group("short"), words):
                    terms.setdefault(m.group("short"), " ".join(words))
    return terms


def _title_term(left: str, right: str, terms: dict[str, str]) -> None:
    for short_side, long_side in ((left, right), (right, left)):
        words = short_side.split()
        if not words:
            continue
        short = words[-1] if short_side is left else words[0]
        long_words = long_side.split()
        if re.fullmatch(_SHORT, short) and len(long_words) >= 2 and _spells(short.upper(), long_words):
            terms.setdefault(short.upper(), " ".join(long_words))


def _is_acronym(short: str) -> bool:
    return sum(c.isupper() for c in short) >= 2


def _letters(short: str) -> str:
    """'S3' -> 'sss', 'EC2' -> 'ecc', 'AZs' -> 'az'."""
    if len(short) > 2 and short.endswith("s") and short[:-1].isupper():
        short = short[:-1]
    out = ""
    for c in short:
        out += out[-1] * (int(c) - 1) if c.isdigit() and out and 1 < int(c) <= 4 else c.lower()
    return out


def _spells(short: str, words: Sequence[str]) -> bool:
    if not _is_acronym(short) and not short.isupper():
        return False
    target = _letters(short)
    every = "".join(w[0] for w in words).lower()
    content = "".join(w[0] for w in words if w.lower() not in SMALL_WORDS).lower()
    return target in (every, content)


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` ("fcm", "SQS") spells the initials of `name` or of its tail ("Amazon Simple Queue Service")."""
    return _initials_tail(short.upper(), name.split()) is not None


def _initials_tail(short: str, words: Sequence[str]) -> list[str] | None:
    """The shortest tail of `words` whose initials spell `short` (skipping small words)."""
    for k in range(1, len(words) + 1):
        tail = words[-k:]
        if tail[0].lower() not in SMALL_WORDS and _spells(short, tail):
            return list(tail)
    return None


# -- mentions ------------------------------------------------------------------------

class DeckTerms:
    """The deck's abbreviations compiled once per deck, not once per card.

    A deck of 100,000 cards may define hundreds of terms: each card asks which
    of them it uses (one regex pass) and which of those name a service.
    """

    def __init__(self, terms: Mapping[str, str], gazetteer: Gazetteer | None = None) -> None:
        self.terms = dict(terms)
        self.resolved = {short: name for short, long in self.terms.items()
                         if (name := (gazetteer or load_gazetteer()).lookup(long))}
        self._shorts = _alternation(self.terms)

    def used_in(self, text: str) -> tuple[tuple[str, str], ...]:
        """(short, long) of the terms whose short form occurs in `text`, sorted."""
        return self.scan(text)[0]

    def service_hits(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical service) of the terms in `text` whose long form is a known service."""
        return self.scan(text)[1]

    def scan(self, text: str) -> tuple[tuple[tuple[str, str], ...], list[tuple[int, int, str]]]:
        """`used_in` and `service_hits` from one pass of the terms' regex over `text`."""
        if self._shorts is None:
            return (), []
        found: set[str] = set()
        hits: list[tuple[int, int, str]] = []
        for m in self._shorts.finditer(text):
            short = m.group(1)
            found.add(short)
            if short in self.resolved:
                hits.append((m.start(1), m.end(1), self.resolved[short]))
        return tuple(sorted((short, self.terms[short]) for short in found)), hits


def _alternation(shorts: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted(shorts, key=len, reverse=True)
    if not words:
        return None
    # The look-ahead on the terms' first characters skips most positions before the look-behind is tried.
    ahead = f"(?=[{''.join(sorted({re.escape(w[0]) for w in words}))}])" if all(words) else ""
    return re.compile(rf"{ahead}(?<![\w@-])({'|'.join(re.escape(w) for w in words)})s?(?![\w@])")


def mentions(doc: Doc, card: Card, *, terms: DeckTerms | Mapping[str, str] | None = None,
             gazetteer: Gazetteer | None = None, spans_key: str = SPANS_KEY) -> tuple[ServiceMention, ...]:
    """The card's services, one per distinct service, in order of first occurrence.

    Args:
        doc: the card's Doc after `qbank_services`; its text is `card.lines` joined by newlines.
        card: the card the Doc was made from (for ids and source line numbers).
        terms: the deck's own abbreviations (`deck_terms`, best compiled once as `DeckTerms`);
            those whose long form is a known service count as mentions of it (`source="deck"`).
        gazetteer: resolves the long forms of `terms`; default the packaged one.
        spans_key: where the component put its spans.

    Returns:
        `ServiceMention`s with the 1-based source line and the offsets within that line.
    """
    spans = span_offsets(doc, spans_key)
    hits: list[tuple[int, int, str]] = []
    if terms:
        compiled = terms if isinstance(terms, DeckTerms) else DeckTerms(terms, gazetteer)
        hits = compiled.service_hits(doc_text(doc))
    return locate_mentions(doc_text(doc), card, spans, hits)


def span_offsets(doc: Doc, spans_key: str = SPANS_KEY) -> list[tuple[int, int, str]]:
    """(start char, end char, canonical service) of the component's spans: Span objects are made once, here."""
    return [(span.start_char, span.end_char, span.label_) for span in doc.spans.get(spans_key, ())]


def locate_mentions(text: str, card: Card, spans: Sequence[tuple[int, int, str]],
                    term_hits: Sequence[tuple[int, int, str]] = ()) -> tuple[ServiceMention, ...]:
    """`mentions` from char offsets: gazetteer `spans` and deck `term_hits` as (start, end, service)."""
    found = [(start, end, service, "gazetteer") for start, end, service in spans]
    found += [(start, end, service, "deck") for start, end, service in term_hits]
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[ServiceMention] = []
    seen: set[str] = set()
    for start, end, service, source in found:
        if service in seen:
            continue
        seen.add(service)
        index = min(text.count("\n", 0, start), len(card.lines) - 1)
        line_start = text.rfind("\n", 0, start) + 1
        out.append(ServiceMention(
            card_id=card.card_id, card_index=card.index, line=card.lines[index].number_at(start - line_start),
            text=text[start:end], service=service, start=start - line_start, end=end - line_start, source=source,
        ))
    return tuple(out)
