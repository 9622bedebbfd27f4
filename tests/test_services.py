"""Services and products: gazetteer, the `qbank_services` component, deck terms, mentions."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from wordfreq import zipf_frequency

from pipeline.decks import parse_deck, read_deck
from pipeline.errors import GazetteerError
from pipeline.gazetteer import load_gazetteer, parse_gazetteer
from pipeline.services import FACTORY, SPANS_KEY, deck_terms, mentions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DECKS = ("serverless-aws", "og-aws-gotchas", "azure-limits-notes")


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe(FACTORY)
    return pipeline


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.label_) for span in doc.spans[SPANS_KEY]]


def names(nlp: Language, text: str) -> list[str]:
    return [label for _, label in found(nlp, text)]


# -- the gazetteer -------------------------------------------------------------------

def test_packaged_gazetteer_is_versioned_and_covers_three_clouds_and_products():
    g = load_gazetteer()
    assert g.version
    providers = [s.provider for s in g.services]
    assert providers.count("AWS") >= 100
    assert providers.count("Google Cloud") >= 50
    assert providers.count("Azure") >= 40
    assert len(g.services) >= 300


def test_case_insensitive_aliases_are_not_everyday_words():
    """Short or common words must be curated as exact-case, contextual or prefixed-only."""
    for service in load_gazetteer().services:
        for alias in service.aliases:
            assert len(alias) > 3, f"{alias!r} ({service.name}) is short: list it under 'exact'"
            if alias.isalpha():
                assert zipf_frequency(alias, "en") < 3.3, f"{alias!r} ({service.name}) is an everyday word"


def test_an_alias_claimed_by_two_services_is_refused():
    data = {"version": "t", "services": [
        {"name": "A", "provider": "X", "aliases": ["Widget Store"]},
        {"name": "B", "provider": "X", "aliases": ["widget store"]},
    ]}
    with pytest.raises(GazetteerError, match="claimed by both"):
        parse_gazetteer(data)


def test_an_excluded_term_cannot_be_an_alias():
    data = {"version": "t", "not_services": ["HTTP"], "services": [{"name": "A", "provider": "X", "aliases": ["HTTP"]}]}
    with pytest.raises(GazetteerError, match="excluded"):
        parse_gazetteer(data)


@pytest.mark.parametrize("data", [{"services": []}, {"version": "t", "services": [{"name": "A"}]},
                                  {"version": "t", "services": [{"name": "A", "provider": "X", "alias": ["a"]}]}])
def test_malformed_gazetteer_is_refused(data):
    with pytest.raises(GazetteerError):
        parse_gazetteer(data)


def test_missing_gazetteer_file_names_the_path(tmp_path):
    with pytest.raises(GazetteerError, match="no such gazetteer"):
        load_gazetteer(tmp_path / "nope.json")


def test_a_generated_spelling_yields_to_a_written_alias_of_another_service(nlp):
    assert names(nlp, "keys in Cloud HSM") == ["Cloud HSM"]      # Google Cloud writes it
    assert names(nlp, "keys in CloudHSM") == ["AWS CloudHSM"]    # AWS writes it; its spaced variant yields


# -- the component -------------------------------------------------------------------

@pytest.mark.parametrize("text, service", [
    ("Store it in S3", "Amazon S3"),
    ("Amazon DMS migrates data", "AWS Database Migration Service"),
    ("Creating CW alarms", "Amazon CloudWatch"),
    ("default eb configurations", "AWS Elastic Beanstalk"),
    ("There are 20 ALBs per region", "Application Load Balancer"),
    ("NLBs support TCP", "Network Load Balancer"),
    ("objects in GCS", "Cloud Storage"),
    ("a GKE cluster", "Google Kubernetes Engine"),
    ("deploy to AKS", "Azure Kubernetes Service"),
    ("Managed NAT Gateways cost", "NAT Gateway"),
    ("Elastic IPs are limited", "Elastic IP address"),
    ("Kinesis Streams’ shards", "Amazon Kinesis Data Streams"),
    ("Swagger / Open API import", "OpenAPI"),
    ("Use DirectConnect", "AWS Direct Connect"),
    ("an extra Apache server running", "Apache HTTP Server"),
    ("your Postgres instances", "PostgreSQL"),
    ("Premium support: AWS offers several levels", "AWS Support"),
    ("NVIDIA Tesla V100 GPUs", "NVIDIA Tesla V100"),
    ("Cross device sync on iOS and Android", "iOS"),
])
def test_aliases_and_shortenings(nlp, text, service):
    assert service in names(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Enable DynamoDB Streams", [("DynamoDB Streams", "Amazon DynamoDB Streams")]),
    ("AWS Cognito User Pools (CUP)", [("AWS Cognito User Pools", "Amazon Cognito User Pools")]),
    ("Glacier Deep Archive costs less", [("Glacier Deep Archive", "Amazon S3 Glacier Deep Archive")]),
    ("S3 - One Zone - IA is cheaper", [("S3", "Amazon S3"), ("One Zone - IA", "Amazon S3 One Zone-IA")]),
])
def test_longest_match_wins(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, service", [
    ("load from dynamodb", "Amazon DynamoDB"),
    ("AWS Sam - Serverless Application Model", "AWS SAM"),
    ("Insert into ElasticSearch", "Elasticsearch"),
    ("AWS lambda requests", "AWS Lambda"),
])
def test_case_tolerance(nlp, text, service):
    assert service in names(nlp, text)


@pytest.mark.parametrize("text, typo, service", [
    ("routed through the Cloud Font Edge locations", "Cloud Font", "Amazon CloudFront"),
    ("access from your VPIC using an interface VPC endpoint", "VPIC", "Amazon VPC"),
    ("cache sessions in Memorstore", "Memorstore", "Cloud Memorystore"),
    ("move backups to Coldeline Storage", "Coldeline Storage", "Coldline Storage"),
    ("AWS Organisations for many accounts", "AWS Organisations", "AWS Organizations"),
])
def test_small_typos_in_capitalised_names_are_corrected(nlp, text, typo, service):
    assert (typo, service) in found(nlp, text)


@pytest.mark.parametrize("text", [
    "Supports SAML federation",              # one letter more than SAM, but at the end
    "Raise IOPS for the volume",             # not iOS
    "Steam has 24 hours of retention",       # an English word is never a typo
    "a Docket queue",                        # ... nor a rarer one (not Docker)
    "models from OpenAI",                    # too short to correct (not OpenAPI)
    "Expose any AWS Service through it",     # not Azure App Service
    "Standard storage class",                # case-sensitive names are not reached by typos of lower-case words
    "use cloud storage at home",             # generic phrase, not Google Cloud Storage
    "30 sec notice (ACPI soft-off)",         # another acronym, with no ACI (Azure Container Instances) beside it
    "Google Cloud Workload Identity Federation pools",   # a longer name's first word, not Google Sign-In
    "lets non-Google workloads use federated tokens",    # nor "non-Google"
    "Attribute mapping in Google identity federation",   # identity and federation are not sign-in cues
])
def test_near_misses_do_not_match(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.parametrize("term", load_gazetteer().not_services)
def test_excluded_terms_are_not_services(nlp, term):
    assert found(nlp, f"It uses {term} here.") == []


def test_contextual_alias_needs_its_provider_in_the_card(nlp):
    assert names(nlp, "The Glacier melted last summer.") == []
    assert names(nlp, "Archive S3 data to Glacier.") == ["Amazon S3", "Amazon S3 Glacier"]
    assert names(nlp, "Use a lambda x: x + 1 in Python") == []
    assert "AWS Lambda" in names(nlp, "API Gateway calls a lambda per request")


def test_identity_providers_need_a_login_cue_on_the_line(nlp):
    assert names(nlp, "Facebook posts and Google search") == []
    assert names(nlp, "Federated Identities (Facebook, Google, SAML)") == ["Facebook Login", "Google Sign-In"]


def test_component_config_is_versioned_and_spans_survive_docbin(nlp):
    assert nlp.config["components"][FACTORY]["gazetteer"]["@misc"] == "qbank.services.v1"
    doc = nlp("DynamoDB and S3")
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (back,) = bin_.get_docs(nlp.vocab)
    assert [s.label_ for s in back.spans[SPANS_KEY]] == ["Amazon DynamoDB", "Amazon S3"]


def test_typo_matching_can_be_switched_off():
    plain = spacy.blank("en")
    plain.add_pipe(FACTORY, config={"fuzzy": False})
    assert names(plain, "through Cloud Font and DynamoDB") == ["Amazon DynamoDB"]


# -- deck terms and mentions -------------------------------------------------------------

DECK_TEXT = """\
AWS Sam - Serverless Application Model
A:
- SAM = Serverless Application Model
- DAX = DynamoDB Accelerator
- Read Capacity Units (RCU): throughput for reads
- S3 (Simple Storage Service) stores objects
---
AWS Cognito User Pools (CUP)
A:
- Create a serverless database of users
---
Which pool gives sign-in?
A:
Answer: a CUP
Then DynamoDB, and DynamoDB again;
and S3 with DynamoDB.
"""


def test_deck_terms_reads_definitions_parentheses_and_titles():
    terms = deck_terms(parse_deck(DECK_TEXT).cards)
    assert terms["SAM"] == "Serverless Application Model"
    assert terms["DAX"] == "DynamoDB Accelerator"
    assert terms["RCU"] == "Read Capacity Units"
    assert terms["S3"] == "Simple Storage Service"
    assert terms["CUP"] == "Cognito User Pools"
    assert "Create" not in terms


def test_mentions_map_to_source_lines_once_per_service_with_deck_terms(nlp):
    deck = parse_deck(DECK_TEXT)
    card = deck.cards[2]
    doc = nlp("\n".join(line.text for line in card.lines))
    result = mentions(doc, card, terms=deck_terms(deck.cards))
    assert [(m.service, m.line, m.text, m.source) for m in result] == [
        ("Amazon Cognito User Pools", 14, "CUP", "deck"),
        ("Amazon DynamoDB", 15, "DynamoDB", "gazetteer"),
        ("Amazon S3", 16, "S3", "gazetteer"),
    ]
    first = result[1]
    assert card.lines[2].text[first.start:first.end] == "DynamoDB" and first.start == 5
    assert all(m.card_id == card.card_id and m.card_index == 2 for m in result)


def test_mentions_without_terms_are_gazetteer_only(nlp):
    card = parse_deck(DECK_TEXT).cards[2]
    doc = nlp("\n".join(line.text for line in card.lines))
    assert [m.service for m in mentions(doc, card)] == ["Amazon DynamoDB", "Amazon S3"]


# -- the shared gold -------------------------------------------------------------------------

def _scorer():
    path = SHARED / "gold" / "score_facts.py"
    spec = importlib.util.spec_from_file_location("score_facts", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("deck_name", DECKS)
def test_services_recall_and_precision_on_shared_gold(nlp, deck_name):
    gold_path = SHARED / "gold" / f"{deck_name}.services.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"shared gold not found at {gold_path}")
    deck = read_deck(SHARED / "decks" / f"{deck_name}.txt")
    terms = deck_terms(deck.cards)
    texts = ("\n".join(line.text for line in card.lines) for card in deck.cards)
    rows = [
        {"card": m.card_index, "service": m.service, "text": m.text}
        for doc, card in zip(nlp.pipe(texts), deck.cards)
        for m in mentions(doc, card, terms=terms)
    ]
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp, fp, total, missed = _scorer().score_services(rows, gold)
    assert tp / total >= 0.95, f"recall {tp}/{total}; missed {missed}"
    assert tp / (tp + fp) >= 0.95, f"precision {tp}/{tp + fp}"


# -- the catalogue layers and the Azure/Microsoft curated layer (issue 10) ------------------------

@pytest.mark.parametrize("text, service", [
    ("Sign in with Azure AD", "Microsoft Entra ID"),                             # the product's current name
    ("sync with Azure AD Connect", "Microsoft Entra Connect"),                   # longest match
    ("use ZRS or RA-GRS for the account", "Zone-redundant storage"),
    ("use ZRS or RA-GRS for the account", "Read-access geo-redundant storage"),
    ("enable Event Hubs Capture to a lake", "Azure Event Hubs Capture"),
    ("Azure Cosmos DB for MongoDB accepts it", "Azure Cosmos DB for MongoDB"),
    ("Azure Blob Storage: move blobs to the Cool tier", "Azure Blob Storage Cool tier"),
    ("Route events with Eventarc", "Google Cloud Eventarc"),                     # from the discovery documents
    ("query it with Amazon DataZone", "Amazon DataZone"),                        # from botocore's models
    ("The Fraud Detector scores events", "Amazon Fraud Detector"),               # a Title Case catalogue name
])
def test_catalogue_and_azure_names(nlp, text, service):
    assert service in names(nlp, text)


@pytest.mark.parametrize("text", [
    "Open the Azure portal or the Azure CLI",        # tools, not services
    "Each AWS account has limits",                   # a common word after the provider: only as a name
    "Machine Learning for beginners",                # a catalogue title of everyday words needs its provider
    "The Cool tier is cheap for rarely read data",   # an access tier needs a cue word and its provider
])
def test_tools_and_everyday_catalogue_words_are_not_services(nlp, text):
    assert found(nlp, text) == []


def test_a_series_code_is_not_a_service(nlp):
    assert "Amazon S3" not in names(nlp, "The S0, S1 and S2 tiers share disks; pick S3 or greater.")
    assert "Amazon S3" in names(nlp, "Copy the S3 objects to S3 Glacier.")


def test_a_name_inside_a_longer_one_gives_no_provider_context(nlp):
    # "KMS" inside "Cloud KMS" must not make this a card about AWS
    assert names(nlp, "Cloud KMS keys and a Network Load Balancer") == ["Cloud KMS"]
    assert "Network Load Balancer" in names(nlp, "AWS KMS keys and a Network Load Balancer")


def test_azure_virtual_wan_is_its_own_service(nlp):
    """Round S: vWAN cards were labelled Azure Virtual Network, a different service."""
    assert names(nlp, "vWAN hubs route traffic between VNets")[0] == "Azure Virtual WAN"
    assert names(nlp, "Azure Virtual WAN standard hub") == ["Azure Virtual WAN"]
