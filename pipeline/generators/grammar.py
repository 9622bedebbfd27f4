"""Number agreement of generated text, through `inflect`: "1 minute", "6 minutes".

A distractor or a falsified value reuses the noun the source writes after its
number ("5 minutes", "three zones"); when the number changes, the noun must
agree with it, or only the key reads as grammatical. Only lower-case words are
inflected: abbreviations and symbols ("MB", "RCU", "ms", "%") do not change.
"""
from __future__ import annotations

import re
from functools import lru_cache

import inflect

from ..units import FOREIGN_TIME

__all__ = ["agree", "counted_noun", "number_of", "reinflect"]

# Nouns that do not take a number (inflect would make "datum" of "data").
_UNCOUNTABLE = frozenset("data media series species news information storage traffic throughput capacity memory "
                         "compute bandwidth software hardware metadata "
                         "thousand million billion trillion".split())   # "2 million", never "2 millions"
# Unit symbols written in lower case ("1 mib", "5 gbps"): symbols, not nouns, and never take an "s".
_UNIT_SYMBOLS = frozenset("kib mib gib tib pib kbps mbps gbps tbps kbs mbs gbs rps tps qps iops rcu wcu vcpu dtu dpu "
                          "acu ecu msg msgs req reqs sec secs min mins hrs".split())
# Other languages' durations, singular and plural where a language has one rule ("1 día", "5 días"; "7 Tage");
# the rest ("dag": Swedish "dagar", Dutch "dagen") stay as written: English would inflect them wrong.
_FOREIGN_PLURAL = {
    "día": "días", "dia": "dias", "hora": "horas", "semana": "semanas", "segundo": "segundos", "minuto": "minutos",
    "jour": "jours", "heure": "heures", "seconde": "secondes", "semaine": "semaines", "giorno": "giorni",
    "settimana": "settimane", "tag": "tage", "stunde": "stunden", "woche": "wochen", "sekunde": "sekunden",
    "timme": "timmar", "vecka": "veckor",
}
_FOREIGN_SINGULAR = {plural: singular for singular, plural in _FOREIGN_PLURAL.items()}
_INVARIANT = _UNIT_SYMBOLS | (FOREIGN_TIME.keys() - _FOREIGN_PLURAL.keys() - _FOREIGN_SINGULAR.keys())
_WORD = re.compile(r"^(?P<head>.*?-)?(?P<word>[a-zà-ÿ]{3,})$")
# Two-letter abbreviations of things the notes count and pluralise: "1 AZ", "3 AZs"; "2 VMs"; "1 dedicated IP"
_SHORT_NOUNS = frozenset("az vm dc sg ip".split())


@lru_cache(maxsize=1)
def _engine() -> inflect.engine:
    return inflect.engine()


@lru_cache(maxsize=4096)
def number_of(word: str) -> str | None:
    """"singular", "plural", or None when `word` is not an inflectable count noun."""
    if word in _SHORT_NOUNS or (word.endswith("s") and word[:-1] in _SHORT_NOUNS):
        return "plural" if word.endswith("s") else "singular"
    m = _WORD.match(word)
    if not m or m.group("word") in _UNCOUNTABLE or m.group("word") in _INVARIANT:
        return None
    if m.group("word") in _FOREIGN_PLURAL or m.group("word") in _FOREIGN_SINGULAR:
        return "singular" if m.group("word") in _FOREIGN_PLURAL else "plural"
    return "plural" if _engine().singular_noun(m.group("word")) else "singular"


# Russian durations take one of three forms after a number: 1, 21 день; 2-4, 22 дня (and fractions); 5-20, 25 дней
_RUSSIAN_FORMS = (("секунда", "секунды", "секунд"), ("минута", "минуты", "минут"), ("час", "часа", "часов"),
                  ("день", "дня", "дней"), ("неделя", "недели", "недель"))
_RUSSIAN = {form: forms for forms in _RUSSIAN_FORMS for form in forms}


def _russian(forms: tuple[str, str, str], n: float) -> str:
    if n != int(n):
        return forms[1]
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    return forms[1] if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else forms[2]


@lru_cache(maxsize=4096)
def agree(word: str, n: float) -> str:
    """`word` in the number that `n` asks for (1 → singular, anything else → plural; Russian: its three forms)."""
    if word.lower() in _RUSSIAN:
        return _russian(_RUSSIAN[word.lower()], n)
    m = _WORD.match(word)
    if not m or m.group("word") in _UNCOUNTABLE or m.group("word") in _INVARIANT:
        return word
    foreign = _FOREIGN_SINGULAR.get(m.group("word"), m.group("word"))
    if foreign in _FOREIGN_PLURAL:
        return (m.group("head") or "") + (foreign if n == 1 else _FOREIGN_PLURAL[foreign])
    engine = _engine()
    found = engine.singular_noun(m.group("word"))
    singular = found if isinstance(found, str) else m.group("word")
    noun = singular if n == 1 else str(engine.plural_noun(singular))
    return (m.group("head") or "") + noun


_TRAILING_WORD = re.compile(r"(?P<sep>\s)(?P<word>[a-zà-ÿа-яё][a-zà-ÿа-яё-]*[a-zà-ÿа-яё])$")
_SHOUTED = re.compile(r"\d\s(?P<word>(?:SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|YEAR)S?)$")
_CAPITALISED = re.compile(r"\d\s(?P<word>[A-Z][a-z]{2,})$")      # a German unit: "1 Tag", "7 Tage"
# (digits keep an acronym as written: "5 GB", "10 RCU" are units, and notes never pluralise them)
_WORDED_ACRONYM = re.compile(r"^(?P<count>[a-z]+)\s+(?P<word>[A-Z]{2,5}|[a-z][A-Z][A-Za-z]{1,6}?)s?$")   # "one vCore" too

_TITLED_NOUN = re.compile(r"^(?P<count>[A-Za-z]+)\s+(?P<word>[A-Z][a-z]{2,})$")


def reinflect(text: str, n: float) -> str:
    """`text` ("5 minutes", "three zones") with its trailing noun agreeing with `n`.

    A hyphenated adjective ("5-minute window") has no separate noun and is left as it is.
    """
    m = _TRAILING_WORD.search(text)
    shouted = _SHOUTED.search(text) if not m else None     # "1 MINUTE", "2 MINUTES": a unit written in capitals
    if shouted:
        return text[: shouted.start("word")] + agree(shouted.group("word").lower(), n).upper()
    if not m:
        german = _CAPITALISED.search(text)
        if german and german.group("word").lower() in _FOREIGN_PLURAL.keys() | _FOREIGN_SINGULAR.keys():
            return text[: german.start("word")] + agree(german.group("word").lower(), n).capitalize()
        acronym = _WORDED_ACRONYM.match(text)   # "one EFA", "two EFAs": a spelled-out count agrees like a word
        if acronym:
            return f"{acronym.group('count')} {acronym.group('word')}{'' if n == 1 else 's'}"
        titled = _TITLED_NOUN.match(text)       # "One Job", "Three Jobs": a Kubernetes kind, a product's object
        if titled:
            return f"{titled.group('count')} {agree(titled.group('word').lower(), n).capitalize()}"
        return text
    return text[: m.start("word")] + agree(m.group("word"), n)


_MODIFIER = re.compile(r"^[a-z]+(?:ly|ent|ant|ive|al|ous|able|ible|ic|ful|less|ary|ed|ing)$", re.IGNORECASE)
_NOUN_ENDING = re.compile(r"(?:ment|ments|ent|ents|ant|ants)$", re.IGNORECASE)    # "environment", "client", "tenant"
_FUNCTION_WORDS = frozenset("and or but nor to of in on at for by with from as than that which who if per is are was "
                            "were be the a an this these those".split())


def counted_noun(text: str) -> str | None:
    """The noun a number before `text` counts: its first word that is not an adverb or adjective ("strongly
    consistent read" → "read"), looking at most three words ahead; None before a function word or a hyphen
    ("1-second resolution" agrees with any number)."""
    if re.match(r"\s*-", text):
        return None
    # (within its phrase, brackets aside: in "_____ environment, 10 cores" the cores are another number's)
    phrase = re.split(r"[,;:(\d]", re.sub(r"\([^()]*\)", " ", text), maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w-]*", phrase)[:3]
    for word in words:
        if word.lower() in _FUNCTION_WORDS:
            return None
        if not _MODIFIER.match(word):
            return word.lower()
    # a phrase of nothing but such words ends in its noun: "_____ environment, 10 cores"
    return words[-1].lower() if words and _NOUN_ENDING.search(words[-1]) else None
