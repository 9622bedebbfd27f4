"""Simulate 60 learners answering 40 questions of a bank (Rasch model), plus a few raw answers.

Usage: python docs/examples/simulate_responses.py BANK.duckdb OUT_DIR
Writes OUT_DIR/responses.csv (for `qbank responses import`) and OUT_DIR/true_b.csv (the hidden difficulties).
"""
import csv
import sys
from pathlib import Path

import duckdb
import numpy as np

BANK, OUT = sys.argv[1], Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(7)
with duckdb.connect(BANK, read_only=True) as con:
    items = [qid for (qid,) in con.sql(
        "SELECT question_id FROM questions WHERE status = 'accepted' "
        "AND type IN ('multichoice', 'truefalse', 'numerical', 'cloze') "
        "ORDER BY question_id LIMIT 40").fetchall()]
    timeout = con.execute("SELECT question_id FROM questions WHERE type = 'numerical' "
                          "AND answer = '900 seconds'").fetchone()[0]
true_b = dict(zip(items, rng.normal(0, 1, len(items))))        # hidden item difficulties
theta = rng.normal(0, 1, 60)                                    # hidden learner abilities

with open(OUT / "responses.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["learner_id", "question_id", "correct", "response", "answered_at"])
    for i, t in enumerate(theta):
        for qid, b in true_b.items():
            p = 1 / (1 + np.exp(-(t - b)))
            w.writerow([f"learner{i:02d}", qid, int(rng.random() < p), "", "2025-01-15T10:00:00"])
    for learner, answer in [("dana", "15 minutes"), ("eli", "15 seconds"), ("fay", "900 s")]:
        w.writerow([learner, timeout, "", answer, "2025-01-16T09:30:00"])   # raw: `qbank grade` scores it
    w.writerow(["gus", "no-such-question", "1", "", ""])                     # a bad row, reported
with open(OUT / "true_b.csv", "w", newline="") as f:
    csv.writer(f).writerows([("question_id", "true_b"), *true_b.items()])
