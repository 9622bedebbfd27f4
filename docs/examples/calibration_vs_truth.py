"""How close calibration came to the hidden difficulties of simulate_responses.py (Spearman ρ).

Usage: python docs/examples/calibration_vs_truth.py BANK.duckdb OUT_DIR/true_b.csv
"""
import sys

import duckdb
import pandas as pd
from scipy.stats import spearmanr

t = pd.read_csv(sys.argv[2])
with duckdb.connect(sys.argv[1], read_only=True) as con:
    s = con.execute("SELECT question_id, b, facility, prior_b, difficulty FROM item_stats").df()
m = t.merge(s, on="question_id")
print(len(m), "rho(b, true_b) = %.3f" % spearmanr(m.b, m.true_b).statistic,
      "rho(prior_b, true_b) = %.3f" % spearmanr(m.prior_b, m.true_b).statistic)
