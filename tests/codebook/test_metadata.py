"""Metadata rules of CODEBOOK.md: notes cite what exists, descriptions are whole, each text says what it lacks."""

from __future__ import annotations

import re

from tests.codebook.conftest import SEEDS_DIR, read_seed
from tests.codebook.test_concepts import listed_units


def test_a_note_cites_only_seed_files_that_exist(values):
    cited = {
        (row["value_id"], name)
        for row in values
        for name in re.findall(r"[\w/]+\.csv", row["cleaning_note"])
        if not (SEEDS_DIR / name.removeprefix("seeds/")).is_file()
    }
    assert not cited, f"notes citing files that do not exist: {cited}"


def test_a_note_never_calls_a_codebook_unit_missing(values, codebook_text):
    units = listed_units(codebook_text)
    wrong = [
        row["value_id"]
        for row in values
        for unit in re.findall(r"unit (\w+) \(not in", row["cleaning_note"])
        if unit in units
    ]
    assert not wrong


def test_every_description_is_a_whole_sentence(indicators):
    cut_off = [code for code, row in indicators.items() if not row["description_en"].rstrip().endswith((".", ")"))]
    assert not cut_off, f"descriptions that stop mid-sentence: {cut_off}"


def test_every_document_says_what_its_text_is_missing():
    documents = read_seed("documents")
    silent = [row["document_id"] for row in documents if "Missing from the text:" not in row["notes"]]
    assert not silent


def test_the_file_finder_on_a_note_written_here():
    assert re.findall(r"[\w/]+\.csv", "sum of the cells (in seeds/county_allocations.csv)") == [
        "seeds/county_allocations.csv"
    ]
