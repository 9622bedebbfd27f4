"""scripts/build_gazetteer.py: catalogue names become forms as safe as their words, under the curated layer."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.gazetteer import parse_gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("provider, written, expected", [
    # a word English does not use: anywhere
    ("AWS", ["Amazon Kinesis Video Streams"], {"name": "Amazon Kinesis Video Streams", "aliases": ["Kinesis Video Streams"]}),
    ("Google Cloud", ["Eventarc API"], {"name": "Google Cloud Eventarc", "aliases": ["Eventarc"]}),
    # an acronym as written, unless it is a word
    ("AWS", ["Amazon EMR Containers", "Amazon EMR"], {"exact": ["EMR Containers", "EMR"]}),
    ("AWS", ["AWS Resource Access Manager", "RAM"], {"prefixed": ["Resource Access Manager", "RAM"]}),
    # an everyday word: only capitalised after the provider
    ("AWS", ["AWS Shield"], {"name": "AWS Shield", "exact": ["AWS Shield", "Amazon Shield"]}),
    # an uncommon word: where the card is about the provider
    ("AWS", ["Amazon Athena"], {"contextual": ["Athena"]}),
    # Title Case phrases: as written when a word is less common, else only after the provider
    ("AWS", ["Amazon Fraud Detector"], {"exact": ["Fraud Detector"]}),
    ("AWS", ["Amazon Machine Learning"], {"prefixed": ["Machine Learning"]}),
    # Google's Cloud brand, and API suffixes dropped
    ("Google Cloud", ["Cloud Tasks API"], {"name": "Cloud Tasks", "exact": ["Cloud Tasks"]}),
    ("AWS", ["Amazon Lex Runtime Service"], {"name": "Amazon Lex"}),
])
def test_each_form_is_matched_as_safely_as_its_words_allow(build, provider, written, expected):
    made = build.entry(provider, written)
    assert made is not None and made["provider"] == provider
    assert {k: made.get(k) for k in expected} == expected


def test_the_curated_layer_wins_every_name_and_form(build):
    curated = {"version": "t", "providers": {"AWS": {"prefixes": ["AWS", "Amazon"], "cues": ["aws"]}},
               "not_services": ["Free Tier"], "services": [
                   {"name": "Amazon SQS", "provider": "AWS", "aliases": ["Simple Queue Service"], "exact": ["SQS"]}]}
    extra = [build.entry("AWS", ["Amazon Simple Queue Service", "Amazon SQS"]),   # the curated service again
             build.entry("AWS", ["AWS Free Tier"]),                                # an excluded term
             build.entry("AWS", ["Amazon DataZone"])]                              # new: added
    merged = build.merge(curated, [e for e in extra if e])
    assert [s["name"] for s in merged["services"]] == ["Amazon SQS", "Amazon DataZone"]
    parse_gazetteer(merged)  # still valid: no form claimed twice


def test_packaged_gazetteer_is_what_the_script_builds(build):
    pytest.importorskip("botocore", reason="botocore is a build dependency (the dev extra)")
    pytest.importorskip("googleapiclient", reason="google-api-python-client is a build dependency (the dev extra)")
    assert build.OUTPUT.read_text(encoding="utf-8") == build.build(), "run scripts/build_gazetteer.py"
