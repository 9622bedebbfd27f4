"""Regenerate `pipeline/data/gazetteer.json`: the providers' own catalogues under the curated layer.

    python scripts/build_gazetteer.py            # write pipeline/data/gazetteer.json
    python scripts/build_gazetteer.py --check    # exit 1 if the file is not what this script writes

Layers, lowest first:
- AWS: every service model shipped with botocore (`metadata.serviceFullName`,
  `serviceAbbreviation`): "Amazon Simple Queue Service" / "Amazon SQS".
- Google Cloud: the discovery documents bundled with google-api-python-client (`title`,
  `canonicalName`) of the APIs documented as Google Cloud or Firebase products.
- Curated (`scripts/gazetteer_curated.json`, edited by hand): canonical names, aliases and
  typos, sub-products (storage classes, access tiers, redundancy options), Azure and Microsoft,
  third-party products, and what is not a service. A catalogue entry that names a curated
  service is left out, and a catalogue alias never takes a form the curated layer uses.

Catalogue titles are made of everyday words ("Batch", "Shield", "Certificate Manager"), so
each bare form is matched as safely as its words allow (word frequencies from `wordfreq`): a
name English does not use ("Kinesis", "Eventarc") anywhere; an uncommon word ("Athena") only
where the card is about its provider; a Title Case phrase as written when one of its words is
less common ("Binary Authorization"), else only after the provider's name ("Amazon Machine
Learning"); a common word only so and capitalised ("AWS Shield", not "AWS account");
an acronym as written ("SES") unless it is a word ("RAM").

botocore and google-api-python-client are build dependencies (the `dev` extra), never imported
by the pipeline at run time.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.gazetteer import ALIAS_KINDS, Service, alias_key, parse_gazetteer, service_forms  # noqa: E402

CURATED = ROOT / "scripts" / "gazetteer_curated.json"
OUTPUT = ROOT / "pipeline" / "data" / "gazetteer.json"

RARE_ZIPF = 2.5      # below: a word English hardly uses, safe anywhere
COMMON_ZIPF = 3.5    # from here: an everyday word, safe only after the provider's name
ACRONYM_ZIPF = 3.0   # an acronym that reads as a word ("RAM") needs the provider's name
PHRASE_ZIPF = 4.0    # a Title Case phrase with a word this rare reads as a name ("Fraud Detector"), not "Machine Learning"
# Endpoint and API suffixes: "Amazon Lex Runtime Service" is Amazon Lex.
_SUFFIX = re.compile(r"\s+(?:API|Runtime(?:\s+Service)?|Runtime V2|Data Plane|Control Plane|Admin(?:istration)?|"
                     r"Management|Service API|JSON|V\d+|\(Beta\)|\(Deprecated\)|\(Preview\))$", re.I)
_PREFIX = {"AWS": ("AWS ", "Amazon "), "Google Cloud": ("Google Cloud ", "Google ")}
_GOOGLE_CLOUD_DOCS = ("cloud.google.com", "firebase.google.com")
_GENERIC = frozenset({"api", "apis", "service", "services", "cloud", "google cloud", "aws", "amazon"})


def aws_services() -> Iterator[tuple[str, list[str]]]:
    """(full name, written names) of every botocore service model, newest API version of each."""
    import botocore

    data = Path(botocore.__file__).parent / "data"
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        versions = sorted(v for v in folder.iterdir() if (v / "service-2.json.gz").exists() or (v / "service-2.json").exists())
        if not versions:
            continue
        path = versions[-1] / "service-2.json.gz"
        model = json.loads(gzip.open(path).read() if path.exists() else (versions[-1] / "service-2.json").read_text())
        meta = model.get("metadata", {})
        full = " ".join(str(meta.get("serviceFullName", "")).split())
        if not full or (" " not in full and full.startswith(("Amazon", "AWS"))):
            continue  # "AmazonApiGatewayV2": an endpoint's code name, not a product name
        names = [full] + [" ".join(str(meta[k]).split()) for k in ("serviceAbbreviation",) if meta.get(k)]
        yield full, names


def google_cloud_services() -> Iterator[tuple[str, list[str]]]:
    """(title, written names) of the bundled discovery documents of Google Cloud and Firebase APIs."""
    import googleapiclient

    docs = Path(googleapiclient.__file__).parent / "discovery_cache" / "documents"
    seen: set[str] = set()
    for path in sorted(docs.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        name, title = doc.get("name"), " ".join(str(doc.get("title", "")).split())
        link = str(doc.get("documentationLink", ""))
        if not name or name in seen or not title or not any(host in link for host in _GOOGLE_CLOUD_DOCS):
            continue
        seen.add(name)
        canonical = " ".join(str(doc.get("canonicalName", "")).split())
        yield title, [title] + ([canonical] if canonical and canonical.lower() != name else [])


def core_name(written: str, provider: str) -> str:
    """The product name without the provider's prefix and API suffixes."""
    name = written
    for _ in range(3):
        name = _SUFFIX.sub("", name).strip()
    for prefix in _PREFIX[provider]:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
    name = re.sub(r"\s*\((?:[A-Z0-9]{2,8})\)$", "", name)  # "Cloud Key Management Service (KMS)"
    return name.strip()


def _rare(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") < RARE_ZIPF


def entry(provider: str, written: Iterable[str]) -> dict[str, Any] | None:
    """A gazetteer entry for one catalogue service, each bare form under the safest rule it needs."""
    forms = list(dict.fromkeys(core_name(w, provider) for w in written))
    # code names ("drs", "ivschat") and bare generic words ("API") name nothing a reader writes
    forms = [f for f in forms if f and not f.islower() and f.lower() not in _GENERIC and not re.fullmatch(r"[\W\d_]+", f)]
    if not forms:
        return None
    out: dict[str, list[str]] = {"aliases": [], "exact": [], "contextual": [], "prefixed": []}
    for form in forms:
        words = form.split()
        if re.fullmatch(r"[A-Z][A-Z0-9-]{1,7}", form):          # an acronym: "SES", "ACM-PCA"
            kind = "exact" if len(form) >= 3 and zipf_frequency(form.lower(), "en") < ACRONYM_ZIPF else "prefixed"
        elif len(words) == 1:
            low = zipf_frequency(form.lower(), "en")
            coined = low == 0 or re.search(r"[a-z][A-Z]|\d", form) is not None   # "DataZone", "Inspector2"
            if not coined and low >= COMMON_ZIPF:
                # an everyday word: only capitalised after the provider ("AWS Account", not "AWS account")
                out["exact"] += [f"{p}{form}" for p in _PREFIX[provider]]
                continue
            kind = ("exact" if len(form) <= 3 else "aliases") if coined else "contextual" if form[0].isupper() else "prefixed"
        elif provider == "Google Cloud" and words[0] == "Cloud" and all(w[0].isupper() for w in words):
            kind = "exact"                                       # "Cloud Tasks": the Cloud brand, as written
        elif any(_rare(w) for w in words if w.isalpha() and len(w) > 3):
            kind = "aliases"                                     # "Elastic Beanstalk", "Kinesis Video Streams"
        elif all(w[0].isupper() or not w.isalpha() or w in ("and", "for", "of") for w in words) \
                and min(zipf_frequency(w, "en") for w in words if w.isalpha()) < PHRASE_ZIPF:
            kind = "exact"                                       # "Binary Authorization", as written
        else:
            kind = "prefixed"                                    # "Machine Learning": only "Amazon Machine Learning"
        out[kind].append(form)
    lead = next((f for f in forms if " " in f or not f.isupper()), forms[0])
    prefixed_name = next((w for w in written if provider == "AWS" and w.startswith(("AWS ", "Amazon "))), None)
    if prefixed_name and not prefixed_name.endswith(")"):
        name = _SUFFIX.sub("", prefixed_name)     # "Amazon Simple Queue Service", as the catalogue writes it
    elif lead in out["exact"] and lead.startswith("Cloud "):
        name = lead                               # "Cloud Deploy"
    else:
        name = _PREFIX[provider][0] + lead        # "AWS Access Analyzer", "Google Cloud Batch"
    result: dict[str, Any] = {"name": name, "provider": provider}
    result.update({k: v for k, v in out.items() if v})
    return result


def catalogue() -> list[dict[str, Any]]:
    entries = [entry("AWS", names) for _, names in aws_services()]
    entries += [entry("Google Cloud", names) for _, names in google_cloud_services()]
    return [e for e in entries if e is not None]


def merge(curated: dict[str, Any], extra: list[dict[str, Any]]) -> dict[str, Any]:
    """The curated gazetteer plus every catalogue entry that adds something and takes nothing from
    it: an entry is dropped when its name is a curated service's or when any of its forms (as written
    or generated: plurals, prefixes, spacing) is already another service's or an excluded term."""
    base = parse_gazetteer(curated)
    prefix_words = tuple(sorted({p.lower() for prov in base.providers for p in prov.prefixes}, key=len, reverse=True))
    taken = {f.text.lower() for f in base.forms()} | {t.lower() for t in base.not_services}
    names = {alias_key(s.name) for s in base.services}
    excluded = {t.lower() for t in base.not_services}
    added = []
    for item in sorted(extra, key=lambda e: (e["provider"], e["name"])):
        service = Service(item["name"], item["provider"], **{k: tuple(item.get(k, ())) for k in ALIAS_KINDS})
        texts = {f.text.lower() for f in service_forms(service, base.provider(item["provider"]), prefix_words)}
        bare = {f.lower() for k in ALIAS_KINDS for f in item.get(k, ())}
        if alias_key(item["name"]) in names or texts & taken or bare & excluded:
            continue
        added.append(item)
        names.add(alias_key(item["name"]))
        taken |= texts
    return {**curated, "services": list(curated["services"]) + added}


def render(data: dict[str, Any], sources: dict[str, str]) -> str:
    """The JSON file, one service per line (reviewable diffs), keys in a fixed order."""
    head = {k: v for k, v in data.items() if k != "services"}
    head["sources"] = sources
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "services": [')
    body = [f"    {json.dumps(s, ensure_ascii=False)}" for s in data["services"]]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def build() -> str:
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    merged = merge(curated, catalogue())
    parse_gazetteer(merged)
    sources = {"curated": CURATED.relative_to(ROOT).as_posix(),
               "botocore": metadata.version("botocore"),
               "google-api-python-client": metadata.version("google-api-python-client")}
    return render(merged, sources)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 when the packaged file differs from a rebuild")
    args = ap.parse_args()
    text = build()
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT.relative_to(ROOT)}: {'up to date' if same else 'out of date; run scripts/build_gazetteer.py'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    services = json.loads(text)["services"]
    counts: dict[str, int] = {}
    for s in services:
        counts[s["provider"]] = counts.get(s["provider"], 0) + 1
    top = ", ".join(f"{p} {n}" for p, n in sorted(counts.items(), key=lambda kv: -kv[1])[:3])
    print(f"{OUTPUT.relative_to(ROOT)}: {len(services)} services ({top}, …)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
