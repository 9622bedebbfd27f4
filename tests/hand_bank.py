"""A small bank built by hand, so every analytics number can be worked out on paper.

Deck `d1` (4 cards):
  card 0 "Lambda limits": F1 900 s (duration, AWS Lambda), F2 10 GiB (size, AWS Lambda)
  card 1 "S3 limits":     F3 5 TiB (size, Amazon S3), F4 3500 (count, Amazon S3), F5 $0.023 (price, no subject)
  card 2 "Quiz":          no facts; one short-answer question on Amazon SQS
  card 3 "Empty":         nothing
Questions (type, status, difficulty, reject reason):
  Q1 F1 cloze        accepted 0.25
  Q2 F1 multichoice  accepted 0.55
  Q3 F2 cloze        rejected 0.30 "answer leaked in stem: 10 GB"
  Q4 F3 cloze        accepted 0.95
  Q5 F3 multichoice  rejected 0.50 "duplicate stem"
  Q6 F4 cloze        rejected 1.00 "answer leaked in stem: 3500"
  Q7 -  shortanswer  accepted None (subject Amazon SQS)
  Q8 -  term_cloze   rejected 0.05 (no reason given; subject AWS Lambda)
  Q9 F3+F4 multi_cloze accepted 0.65 (no fact_id; fact_ids in extra)
Deck `d2` (1 card): G1 128 MiB (size, Amazon S3) with one accepted cloze, difficulty 0.45.
Exam `quiz` (`quiz_exam()`, saved only by the tests that want it): Q1 easy, Q2 medium, Q4 hard from d1;
blueprint: 3 cloze/multichoice items, easy:hard 1:1, at most 1 per subject.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.exams import ExamItem, ExamSet
from pipeline.store import DeckBuild, Store
from pipeline.types import Card, CardFacts, Deck, Fact, Line, Option, Question, ServiceMention


def _card(deck_id: str, index: int, title: str, answer: str) -> Card:
    first = index * 4 + 1
    return Card(card_id=f"{deck_id}c{index}", deck_id=deck_id, index=index,
                title_lines=(Line(first, title),), answer_lines=(Line(first + 2, answer),))


def _fact(fid: str, card: Card, text: str, value: float, unit: str | None, kind: str, subject: str | None) -> Fact:
    return Fact(fact_id=fid, card_id=card.card_id, card_index=card.index, line=card.answer_lines[0].number,
                text=text, value=value, unit=unit, kind=kind, subject=subject, attribute="limit")  # type: ignore[arg-type]


def _q(qid: str, card: Card, qtype: str, status: str, difficulty: float | None, *, fact: Fact | None = None,
       reason: str | None = None, subject: str | None = None, fact_ids: tuple[str, ...] = ()) -> Question:
    options = ()
    if qtype == "multichoice":
        options = tuple(Option(position=i, text=t, is_correct=i == 0) for i, t in enumerate(("a", "b", "c", "d")))
    return Question(question_id=qid, deck_id=card.deck_id, card_id=card.card_id, card_index=card.index,
                    line=card.answer_lines[0].number, type=qtype, stem=f"stem of {qid}", answer="x",  # type: ignore[arg-type]
                    fact_id=fact.fact_id if fact else None, options=options, subject=subject,
                    status=status, reject_reason=reason, difficulty=difficulty,  # type: ignore[arg-type]
                    extra=(("fact_ids", fact_ids),) if fact_ids else ())


def _deck(deck_id: str, cards: tuple[Card, ...]) -> Deck:
    return Deck(deck_id=deck_id, name=deck_id, path=f"{deck_id}.txt", content_hash=f"hash-{deck_id}", cards=cards)


def d1_build() -> DeckBuild:
    c0 = _card("d1", 0, "Lambda limits", "Timeout 900 seconds, memory up to 10 GB")
    c1 = _card("d1", 1, "S3 limits", "Objects up to 5 TB, 3500 PUT per prefix, $0.023 per GB")
    c2 = _card("d1", 2, "Quiz", "Answer: Amazon SQS")
    c3 = _card("d1", 3, "Empty", "nothing to see")
    f1 = _fact("F1", c0, "900 seconds", 900, "s", "duration", "AWS Lambda")
    f2 = _fact("F2", c0, "10 GB", 10 * 1024**3, "B", "size", "AWS Lambda")
    f3 = _fact("F3", c1, "5 TB", 5 * 1024**4, "B", "size", "Amazon S3")
    f4 = _fact("F4", c1, "3500 PUT", 3500, "count", "count", "Amazon S3")
    f5 = _fact("F5", c1, "$0.023", 0.023, "USD", "price", None)
    lam = ServiceMention(card_id=c0.card_id, card_index=0, line=1, text="Lambda", service="AWS Lambda")
    lam2 = ServiceMention(card_id=c0.card_id, card_index=0, line=3, text="Lambda", service="AWS Lambda")
    s3 = ServiceMention(card_id=c1.card_id, card_index=1, line=5, text="S3", service="Amazon S3")
    sqs = ServiceMention(card_id=c2.card_id, card_index=2, line=11, text="Amazon SQS", service="Amazon SQS")
    questions = (
        _q("Q1", c0, "cloze", "accepted", 0.25, fact=f1),
        _q("Q2", c0, "multichoice", "accepted", 0.55, fact=f1),
        _q("Q3", c0, "cloze", "rejected", 0.30, fact=f2, reason="answer leaked in stem: 10 GB"),
        _q("Q4", c1, "cloze", "accepted", 0.95, fact=f3, subject="Amazon S3"),
        _q("Q5", c1, "multichoice", "rejected", 0.50, fact=f3, reason="duplicate stem"),
        _q("Q6", c1, "cloze", "rejected", 1.00, fact=f4, reason="answer leaked in stem: 3500"),
        _q("Q7", c2, "shortanswer", "accepted", None, subject="Amazon SQS"),
        _q("Q8", c0, "term_cloze", "rejected", 0.05, subject="AWS Lambda"),
        _q("Q9", c1, "multi_cloze", "accepted", 0.65, fact_ids=("F3", "F4")),
    )
    return DeckBuild(
        deck=_deck("d1", (c0, c1, c2, c3)), settings_hash="s",
        card_facts=(CardFacts(c0, (f1, f2), (lam, lam2)), CardFacts(c1, (f3, f4, f5), (s3,)),
                    CardFacts(c2, (), (sqs,)), CardFacts(c3)),
        questions=questions,
    )


def d2_build() -> DeckBuild:
    c0 = _card("d2", 0, "Lambda package", "Memory starts at 128 MB")
    g1 = _fact("G1", c0, "128 MB", 128 * 1024**2, "B", "size", "Amazon S3")
    return DeckBuild(deck=_deck("d2", (c0,)), settings_hash="s", card_facts=(CardFacts(c0, (g1,)),),
                     questions=(_q("GQ1", c0, "cloze", "accepted", 0.45, fact=g1),))


def quiz_exam() -> ExamSet:
    return ExamSet(exam_id="E1", name="quiz", seed=1, count=3, types=("cloze", "multichoice"),
                   difficulty_mix=(("easy", 1.0), ("hard", 1.0)), per_subject=1, deck_ids=("d1",),
                   items=(ExamItem(0, "Q1", "easy", "d1:card 0"), ExamItem(1, "Q2", "medium", "d1:card 0"),
                          ExamItem(2, "Q4", "hard", "Amazon S3")))


def write_hand_bank(path: Path) -> Path:
    with Store(path) as store:
        store.write_build(d1_build())
        store.write_build(d2_build())
    return path
