"""The curated services gazetteer: loading, validation and the surface forms it matches.

`data/gazetteer.json` is written by hand; this module turns each entry into the
surface forms a matcher needs (provider prefixes, plurals, hyphen and CamelCase
spacing) so that the file only holds what a curator decides: names, aliases and
how safe each alias is.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .errors import GazetteerError

__all__ = ["Provider", "Service", "Form", "Gazetteer", "load_gazetteer", "parse_gazetteer", "alias_key"]

ALIAS_KINDS = ("aliases", "exact", "contextual", "prefixed")
Match = Literal["lower", "orth"]


@dataclass(frozen=True)
class Provider:
    """A cloud provider: the words written before its services, and the words that show a card is about it."""

    name: str
    prefixes: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Service:
    """One gazetteer entry, as curated."""

    name: str
    provider: str
    aliases: tuple[str, ...] = ()      # case-insensitive, anywhere
    exact: tuple[str, ...] = ()        # case-sensitive: acronyms, words common in lower case
    contextual: tuple[str, ...] = ()   # only where the context shows the provider (or a cue); one capitalised word: as written
    prefixed: tuple[str, ...] = ()     # only after a provider prefix ("AWS Batch")
    cues: tuple[str, ...] = ()         # context words for `contextual`, looked for on the same line


@dataclass(frozen=True)
class Form:
    """A surface form to match: its text, how to compare it, and whether it needs context."""

    text: str
    service: str
    match: Match
    contextual: bool
    generated: bool = False   # a spelling variant or prefixed form, not written in the file

    @property
    def key(self) -> str:
        """What the matcher compares: the text, or its lower case."""
        return f"{self.match}:{self.text if self.match == 'orth' else self.text.lower()}"


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """A loaded gazetteer. Compared by identity, so caches keyed on it hash cheaply."""

    version: str
    services: tuple[Service, ...]
    providers: tuple[Provider, ...]
    not_services: tuple[str, ...]

    def provider(self, name: str) -> Provider | None:
        return next((p for p in self.providers if p.name == name), None)

    def service(self, name: str) -> Service:
        return self._by_name[name]

    @property
    def _by_name(self) -> dict[str, Service]:
        return _index_by_name(self)

    def forms(self) -> tuple[Form, ...]:
        """Every surface form of every service (see `service_forms`).

        A generated form that another service writes out is dropped ("Cloud HSM",
        Google Cloud, wins over the spacing variant of "CloudHSM", AWS), and so is
        a generated form that two services generate: it names neither for sure.
        """
        return _forms(self)

    @property
    def _prefix_words(self) -> tuple[str, ...]:
        return tuple(sorted({p.lower() for prov in self.providers for p in prov.prefixes}, key=len, reverse=True))

    def lookup(self, text: str) -> str | None:
        """The canonical name with a form `text` (any case, spacing or punctuation), unconditional forms first."""
        return _alias_index(self).get(alias_key(text))


@lru_cache(maxsize=8)
def _index_by_name(gazetteer: Gazetteer) -> dict[str, Service]:
    return {s.name: s for s in gazetteer.services}


@lru_cache(maxsize=8)
def _forms(gazetteer: Gazetteer) -> tuple[Form, ...]:
    prefix_words = gazetteer._prefix_words
    every = [
        form
        for service in gazetteer.services
        for form in service_forms(service, gazetteer.provider(service.provider), prefix_words)
    ]
    # Compared in lower case: a case-sensitive written form still outranks a generated one.
    written = {f.text.lower(): f.service for f in every if not f.generated}
    claimants: dict[str, set[str]] = {}
    for f in every:
        claimants.setdefault(f.text.lower(), set()).add(f.service)
    kept = [
        f for f in every
        if not f.generated
        or written.get(f.text.lower()) == f.service
        or (f.text.lower() not in written and len(claimants[f.text.lower()]) == 1)
    ]
    return tuple(dict.fromkeys(kept))


@lru_cache(maxsize=8)
def _alias_index(gazetteer: Gazetteer) -> dict[str, str]:
    index: dict[str, str] = {}
    forms = gazetteer.forms()
    for form in sorted(forms, key=lambda f: f.contextual):  # unconditional forms first
        index.setdefault(alias_key(form.text), form.service)
    return index


def alias_key(text: str) -> str:
    """Lower case, letters, digits and `@` only: 'Direct Connect' and 'DirectConnect' share a key."""
    return re.sub(r"[^a-z0-9@]+", "", text.lower())


# -- surface forms ----------------------------------------------------------

CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z])")


def spellings(alias: str) -> list[str]:
    """The alias with its hyphen and CamelCase spacing variants, then each with a plural."""
    forms = [alias]
    if re.search(r"\w-\w", alias):
        forms += [alias.replace("-", " "), alias.replace("-", "")]
    words = alias.split()
    if len(words) == 1 and CAMEL.search(alias):
        forms.append(CAMEL.sub(" ", alias))       # CloudFront -> Cloud Front, OpenAPI -> Open API
    elif 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
        forms.append("".join(words))              # Direct Connect -> DirectConnect
    plurals = [f + "s" for f in forms if f[-1:].isalpha() and f[-1:] not in "sS"]
    return list(dict.fromkeys(forms + plurals))


def service_forms(service: Service, provider: Provider | None, prefix_words: tuple[str, ...] = ()) -> Iterator[Form]:
    """The forms a matcher looks for.

    Bare aliases keep their kind; every form of a cloud service is also matched
    after each provider prefix ("AWS Cognito", "Amazon DMS"), case-insensitively
    and without context, because the prefix itself says which service is meant.
    """
    name = service.name
    listed = {a.lower() for kind in ALIAS_KINDS for a in getattr(service, kind)}
    aliases = service.aliases if name.lower() in listed else (name, *service.aliases)
    bare: list[tuple[str, Match, bool]] = (
        [(a, "lower", False) for a in aliases]
        + [(a, "orth", False) for a in service.exact]
        # A one-word contextual alias written with a capital is a proper noun that is also an
        # everyday word (Glacier, Athena, Google): it counts only as written.
        + [(a, "orth" if a[:1].isupper() and " " not in a else "lower", True) for a in service.contextual]
    )
    for alias, match, contextual in bare:
        for text in spellings(alias):
            yield Form(text, name, match, contextual, generated=text != alias)
    if provider is None:
        return
    # Lower-case shorthands ("eb", "s3") are written bare, never after a prefix.
    exact = tuple(a for a in service.exact if not a.islower())
    for alias in (*aliases, *exact, *service.contextual, *service.prefixed):
        if _has_prefix(alias, prefix_words):
            continue
        for prefix in provider.prefixes:
            for text in spellings(f"{prefix} {alias}"):
                yield Form(text, name, "lower", False, generated=True)


def _has_prefix(alias: str, prefix_words: tuple[str, ...]) -> bool:
    low = alias.lower()
    return any(low == p or low.startswith(p + " ") for p in prefix_words)


# -- loading ---------------------------------------------------------------

def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load and validate a gazetteer file; `None` means the one shipped with the package.

    Raises:
        GazetteerError: the file is missing, not JSON, or fails validation.
    """
    if path is None:
        return _packaged()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _packaged() -> Gazetteer:
    ref = resources.files("pipeline") / "data" / "gazetteer.json"
    return parse_gazetteer(_read_json(ref.read_text(encoding="utf-8"), "pipeline/data/gazetteer.json"))


def _load(path: Path) -> Gazetteer:
    if not path.is_file():
        raise GazetteerError(f"{path}: no such gazetteer file; pass the path of a gazetteer JSON file or none for the packaged one")
    return parse_gazetteer(_read_json(path.read_text(encoding="utf-8"), str(path)))


def _read_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise GazetteerError(f"{where}:{e.lineno}: not JSON ({e.msg})") from e


def parse_gazetteer(data: Mapping[str, Any]) -> Gazetteer:
    """Build a `Gazetteer` from parsed JSON and check it.

    Raises:
        GazetteerError: a field is missing or mistyped, a service is listed twice,
            an alias names an excluded term, or one surface form maps to two services.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("version"), str):
        raise GazetteerError('gazetteer needs a top-level "version" string and a "services" list')
    providers = tuple(
        Provider(name, tuple(p.get("prefixes", ())), tuple(c.lower() for c in p.get("cues", ())))
        for name, p in dict(data.get("providers", {})).items()
    )
    services = tuple(_service(entry, n) for n, entry in enumerate(data.get("services", ())))
    gazetteer = Gazetteer(str(data["version"]), services, providers, tuple(data.get("not_services", ())))
    _validate(gazetteer)
    return gazetteer


def _service(entry: Any, n: int) -> Service:
    if not isinstance(entry, Mapping) or not entry.get("name") or not entry.get("provider"):
        raise GazetteerError(f"gazetteer service #{n}: needs a non-empty 'name' and 'provider', got {entry!r}")
    unknown = set(entry) - {"name", "provider", "cues", *ALIAS_KINDS}
    if unknown:
        raise GazetteerError(
            f"gazetteer service {entry['name']!r}: unknown field(s) {sorted(unknown)}; "
            f"valid fields: name, provider, cues, {', '.join(ALIAS_KINDS)}"
        )
    lists = {k: entry.get(k, []) for k in (*ALIAS_KINDS, "cues")}
    for kind, values in lists.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise GazetteerError(f"gazetteer service {entry['name']!r}: {kind!r} must be a list of non-empty strings")
    return Service(
        name=entry["name"], provider=entry["provider"],
        aliases=tuple(lists["aliases"]), exact=tuple(lists["exact"]),
        contextual=tuple(lists["contextual"]), prefixed=tuple(lists["prefixed"]),
        cues=tuple(c.lower() for c in lists["cues"]),
    )


def _validate(gazetteer: Gazetteer) -> None:
    names = [s.name for s in gazetteer.services]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise GazetteerError(f"gazetteer lists these services twice: {', '.join(twice)}")
    excluded = {t.lower() for t in gazetteer.not_services}
    owner: dict[str, str] = {}
    problems: list[str] = []
    for form in gazetteer.forms():
        low = form.text.lower()
        if low in excluded:
            problems.append(f"form {form.text!r} of {form.service!r} is an excluded term (not_services)")
        # Case-sensitive forms may share their lower case with another service's
        # case-sensitive form, so only forms compared the same way must be unambiguous.
        if owner.setdefault(form.key, form.service) != form.service:
            problems.append(f"form {form.text!r} is claimed by both {owner[form.key]!r} and {form.service!r}")
    if problems:
        raise GazetteerError("gazetteer is ambiguous: " + "; ".join(dict.fromkeys(problems)))
