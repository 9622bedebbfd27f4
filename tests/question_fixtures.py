"""Hand-made questions of every type, with the characters exporters must escape."""
from __future__ import annotations

from dataclasses import replace

from pipeline.types import Option, Question

NASTY = "a~b=c#d{e}f:g\\h <i>&amp; “ünïcødé” ✓ 日本"


def q(qid: str, type_: str, stem: str, answer: str, **kw: object) -> Question:
    defaults: dict[str, object] = dict(deck_id="deck-α", card_id=f"card-{qid}", card_index=int(qid[-1]), line=3,
                                       fact_id=f"fact-{qid}", subject="Lambda", difficulty=0.5)
    defaults.update(kw)
    return Question(question_id=qid, type=type_, stem=stem, answer=answer, **defaults)  # type: ignore[arg-type]


def all_types() -> list[Question]:
    """One question per type (two multichoice), nasty text everywhere."""
    return [
        q("q1", "cloze", f"The max timeout {{of}} Lambda is ____ (see {NASTY}).", "15 minutes",
          answer_value=900.0, answer_unit="s", difficulty=0.2),
        q("q2", "term_cloze", "Use ____ for key:value = data~", "DynamoDB", subject="Storage", difficulty=0.8,
          extra=(("cloze", "Use {{c1::DynamoDB}} for key:value = data~"),)),
        q("q3", "multi_cloze", "x", "",
          extra=(("cloze", "Memory {{c1::128 MB}} to {{c2::10,240 MB}}, in {{c3::1 MB}} steps #1 {x}."),)),
        q("q4", "multichoice", f"Which is right? {NASTY}", "56",
          options=(Option(0, "54 = x", False, 54.0), Option(1, "56", True, 56.0),
                   Option(2, "#58 {a}", False, 58.0), Option(3, "~64: b\\", False, 64.0)), difficulty=0.1),
        q("q5", "numerical", "How many seconds is the default timeout: {x}?", "3 seconds",
          answer_value=3.0, answer_unit="s", extra=(("accepted", ["3 s", "3 seconds"]), ("tolerance", 0.5))),
        q("q6", "calculated", "A function with 512 MB runs 2 s. How many GB-seconds?", "1",
          answer_value=1.0, difficulty=0.9,
          extra=(("dataset", [{"m": 512, "t": 2}, {"m": 1024, "t": 3}, {"m": 256, "t": 4}]),
                 ("formula", "{m} / 1024 * {t}"),
                 ("template", "A function with {m} MB runs {t} s. How many GB-seconds?"),
                 ("tolerance", 0.01))),
        q("q7", "truefalse", f"S3 is object storage: {NASTY}", "true", subject=None),
        q("q8", "shortanswer", "Which service runs code without servers?", "AWS Lambda {λ}",
          subject="Compute", fact_id=None, difficulty=None),
        q("q9", "multichoice", "Which are serverless?", "Lambda",
          options=(Option(0, "Lambda", True), Option(1, "Fargate", True), Option(2, "EC2", False))),
    ]


def changed(questions: list[Question]) -> list[Question]:
    """The same questions after a regeneration that changed one value (IDs stable)."""
    return [replace(x, answer="20 minutes", stem=x.stem.replace("max", "maximum")) if x.question_id == "q1" else x
            for x in questions]
