"""The build benchmark's own measuring: peak memory of a process and of its tree, the table."""
from __future__ import annotations

import argparse
import os
import sys

import pytest
from build_bench import COLUMNS, Run, Row, markdown, measure, sizes

HOLD_300_MIB = "import time; block = b'x' * (300 * 2**20); time.sleep(1)"


def test_measure_sees_the_peak_of_the_process_itself() -> None:
    run = measure([sys.executable, "-c", HOLD_300_MIB], os.environ)
    assert run.returncode == 0
    assert run.peak_mib >= 300
    assert run.tree_peak_mib >= run.peak_mib
    assert run.seconds >= 1
    assert 0 < run.cpu_seconds < run.seconds


def test_measure_counts_children_in_the_tree_only() -> None:
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLD_300_MIB!r}], check=True)"
    run = measure([sys.executable, "-c", parent], os.environ)
    assert run.returncode == 0
    assert run.peak_mib < 100
    assert run.tree_peak_mib >= 300


def test_measure_counts_the_cpu_time_of_the_process_and_its_children() -> None:
    spin = "import time; end = time.process_time() + 0.5\nwhile time.process_time() < end: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {spin!r}], check=True)\n{spin}"
    run = measure([sys.executable, "-c", parent], os.environ)
    assert run.returncode == 0
    assert run.cpu_seconds >= 1.0


def test_measure_keeps_output_and_exit_status() -> None:
    run = measure([sys.executable, "-c", "import sys; print('out'); sys.exit('err')"], os.environ)
    assert (run.returncode, run.stdout, run.stderr) == (1, "out\n", "err\n")


def test_table_reads_ratios_against_the_tokenizer_and_the_full_build() -> None:
    def run(seconds: float) -> Run:
        return Run(seconds, seconds / 2, 0, "", "", 512.0, 768.0)

    row = Row(cards=20000, questions=200000, accepted=180000, tokenizer_s=8.0, build=run(80.0), edited=200,
              rebuild=run(4.0), unchanged=run(1.5), missing=run(0.5))
    header, rule, line = markdown([row])
    assert [cell.strip() for cell in header.strip("|").split("|")] == list(COLUMNS)
    assert rule.count(":") == len(COLUMNS)
    assert [cell.strip() for cell in line.strip("|").split("|")] == [
        "20,000", "200,000 (180,000)", "2,500", "80.0", "40.0", "250", "10.0%", "512", "768", "4.0", "5.0%", "1.50", "0.50"]


def test_sizes_are_positive_counts_separated_by_commas() -> None:
    assert sizes("300,2000") == [300, 2000]
    for bad in ("1k", "0", "300,,2000"):
        with pytest.raises(argparse.ArgumentTypeError, match="card counts"):
            sizes(bad)
