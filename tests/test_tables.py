"""Markdown tables: which row label and column header name a character of a table row."""
from __future__ import annotations

from pipeline.tables import cell_at, find_tables, pipe_aligned, pipe_delimited, pipe_grid, split_row
from pipeline.types import Line

CARD = [
    "Queue limits by tier",
    "| Limit | Basic | Premium |",
    "|:---|---:|:-:|",
    "| Max message size | 256 KB | 100 MB |",
    "| Retention (days) | 1 | 90 |",
    "",
    "- A note after the table | with a pipe",
]


def test_finds_header_and_body_rows() -> None:
    (table,) = find_tables(CARD)
    assert (table.header_line, table.first_row, table.last_row) == (1, 3, 4)
    assert table.headers == ("Limit", "Basic", "Premium")


def test_cell_names_its_row_label_and_column_header() -> None:
    line = CARD[3]
    cell = cell_at(CARD, 3, line.index("100 MB"))
    assert cell is not None
    assert (cell.row_label, cell.column_header, cell.text, cell.column) == ("Max message size", "Premium", "100 MB", 2)
    assert line[cell.span[0]:cell.span[1]] == "100 MB"
    assert CARD[cell.header_line][cell.header_span[0]:cell.header_span[1]] == "Premium"
    assert not cell.is_label


def test_padding_belongs_to_its_cell_and_the_label_is_column_zero() -> None:
    line = CARD[4]
    assert cell_at(CARD, 4, line.index("| 90") + 1).column_header == "Premium"  # the space before "90"
    label = cell_at(CARD, 4, line.index("Retention"))
    assert label is not None and label.is_label and label.row_label == "Retention (days)"


def test_no_cell_outside_table_bodies() -> None:
    assert cell_at(CARD, 1, CARD[1].index("Basic")) is None       # the header row
    assert cell_at(CARD, 2, 1) is None                            # the separator
    assert cell_at(CARD, 6, CARD[6].index("with")) is None        # a pipe in a bullet after the table
    assert cell_at(CARD, 0, 0) is None and cell_at(CARD, 99, 0) is None


def test_rows_without_outer_pipes_and_escaped_pipes() -> None:
    lines = ["Setting | Default", "--- | ---", r"Mode a\|b | 30 seconds"]
    (table,) = find_tables(lines)
    assert table.headers == ("Setting", "Default")
    cell = cell_at(lines, 2, lines[2].index("30"), tables=[table])
    assert cell is not None and (cell.row_label, cell.column_header) == (r"Mode a\|b", "Default")
    assert [lines[2][s:e] for s, e in split_row(lines[2])] == [r"Mode a\|b", "30 seconds"]


def test_a_separator_without_body_rows_is_no_table() -> None:
    assert find_tables(["| a | b |", "|---|---|", "plain text"]) == ()


def test_columns_aligned_with_spaces_become_pipe_rows_and_nothing_else_does() -> None:
    table = [Line(1, "tier  size      IOPS"), Line(2, "P10   128GiB    500"), Line(3, "P15   256GiB    1100")]
    assert [line.text for line in pipe_aligned(table)] == ["| tier | size | IOPS |", "| P10 | 128GiB | 500 |",
                                                           "| P15 | 256GiB | 1100 |"]
    assert [line.number for line in pipe_aligned(table)] == [1, 2, 3]
    not_tables = [
        [Line(1, "gp3      SSD  1GiB-16TiB"), Line(2, "gp2      SSD  1GiB-16TiB"), Line(3, "io1      SSD  4GiB-16TiB")],  # no header
        [Line(1, "Max size  is what  matters"), Line(2, "row one  has  9 GB"), Line(3, "row two  is long  enough to  differ")],
        [Line(1, "- tier  size  IOPS"), Line(2, "- P10  128GiB  500"), Line(3, "- P15  256GiB  1100")],   # bullets
    ]
    for lines in not_tables:
        assert pipe_aligned(lines) == lines


def test_a_table_with_one_column_per_product_has_no_row_labels() -> None:
    """Round AE (functions #1, #15): under "| Lambda | Azure Consumption |" the Lambda cell was read as the label of
    the Azure one ("$0.0000166667 / GB-s (Azure Consumption): _____")."""
    lines = ["| Lambda x86 | Azure Consumption |", "|---|---|", "| $0.0000166667 / GB-s | $0.000016 / GB-s |",
             "| 128 MB - 10,240 MB | 1.5 GB per instance |"]
    (table,) = find_tables(lines)
    assert not table.labelled
    first = cell_at(lines, 2, 3)
    assert first is not None and not first.is_label and first.row_label == "" and first.column_header == "Lambda x86"
    second = cell_at(lines, 2, lines[2].index("$0.000016 "))
    assert second is not None and second.row_label == ""
    (labelled,) = find_tables(CARD)
    assert labelled.labelled


def test_rows_written_with_semicolons_or_tabs_under_a_header_are_a_table() -> None:
    """Round AI (etl #4, #5, #8, #12, #15, #17, #19): "Service; limit; value; note" over "Glue; jobs per account;
    1,000; adjustable" was read line by line, so a cell had no header ("G.2X; 2; 8; _____; 128 GB"). A sentence
    with two semicolons is no table, nor are rows under a header that holds numbers."""
    lines = [Line(1, "Service; limit; value; note"), Line(2, "Glue; jobs per account; 1,000; adjustable"),
             Line(3, "Glue; triggers per account; 1,000; "), Line(4, "Worker\tDPU\tvCPU"), Line(5, "G.1X\t1\t4"),
             Line(6, "G.2X\t2\t8"), Line(7, "Lambda scales fast; it bills per ms; cold starts vary by 100 ms.")]
    out = pipe_delimited(lines)
    assert out[1].text == "| Glue | jobs per account | 1,000 | adjustable |" and out[2].text.endswith("| 1,000 |  |")
    assert out[4].text == "| G.1X | 1 | 4 |" and out[6] == lines[6]
    header = cell_at([line.text for line in out[:3]], 1, out[1].text.index("1,000"))
    assert header is not None and header.column_header == "value" and header.row_label.startswith("Glue")
    numbered = [Line(1, "wk1; 3; 4"), Line(2, "wk2; 5; 6"), Line(3, "wk3; 7; 8")]
    assert pipe_delimited(numbered) == numbered


def test_an_ascii_grid_table_reads_as_a_markdown_table() -> None:
    """Round AN (edge-5g): "+----+" borders around "| a | b |" rows left the rows without headers, so every stem
    showed table pipes; borders between every row are dropped too."""
    grid = ["+------+--------+", "| type | target |", "+------+--------+", "| eMBB | 20 Gbps |", "+------+--------+",
            "| mMTC | 1,000,000 devices |", "+------+--------+", "- after the table: 4 ms"]
    out = pipe_grid([Line(n, text) for n, text in enumerate(grid, 1)])
    assert [line.text for line in out] == ["| type | target |", "|---|---|", "| eMBB | 20 Gbps |",
                                           "| mMTC | 1,000,000 devices |", "- after the table: 4 ms"]
    assert [line.number for line in out] == [2, 3, 4, 6, 8]



def test_a_units_row_joins_its_header_and_a_header_may_name_columns_with_digits() -> None:
    """Round AQ (warehouse #15, #19): "1-yr commit" names a column; a units row ("\tcredits\tservers") under
    the header is part of it, not the header itself."""
    rows = [Line(1, "edition\t$/slot-hour\t1-yr commit"), Line(2, "Standard\t0.04\tn/a"), Line(3, "Enterprise\t0.06\t0.048"),
            Line(5, "size\tcredits/hr\tnodes"), Line(6, "\tcredits\tservers"), Line(7, "X-Small\t1\t1"),
            Line(8, "Small\t2\t2")]
    assert [line.text for line in pipe_delimited(rows)] == [
        "| edition | $/slot-hour | 1-yr commit |", "| Standard | 0.04 | n/a |", "| Enterprise | 0.06 | 0.048 |",
        "| size | credits/hr | nodes, servers |", "| X-Small | 1 | 1 |", "| Small | 2 | 2 |"]
