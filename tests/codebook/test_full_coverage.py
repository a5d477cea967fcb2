"""Full coverage is 100 (CODEBOOK.md): a complete-share wording with no digits is recorded as 100 percent."""

from __future__ import annotations

import re

import pytest

from tests.conftest import sources_dir

FULL_WORDS = re.compile(r"全覆盖|全覆蓋|全额|全額|应收尽收|应保尽保|应护尽护|全部|所有|尚无")


def test_a_full_coverage_figure_is_a_percent_of_100(values, indicators):
    wrong = [
        row["value_id"]
        for row in values
        if re.fullmatch(r"[^0-9]*", row["raw_text"])
        and FULL_WORDS.search(row["raw_text"])
        and row["raw_text"] != "尚无"
        and not (indicators[row["indicator_code"]]["unit"] == "percent" and row["value"] in {"100", "100.0"})
    ]
    assert not wrong


def test_a_full_coverage_figure_says_so_in_its_note(values):
    wrong = [
        row["value_id"]
        for row in values
        if FULL_WORDS.search(row["raw_text"])
        and row["raw_text"] != "尚无"
        and not re.search(r"100|full", row["cleaning_note"])
    ]
    assert not wrong


# Wordings of a complete share of a named group or amount; followed by 、 (a list of principles) or 足额
# (funds arriving "in full and on time") they are slogans, not figures; 健全覆盖 is "improve coverage".
FULL_MEASURE = re.compile(
    r"((?<!健)全覆盖|全覆蓋|全额|全額|应收尽收|应保尽保|全部纳入|所有符合条件|所有街道)(?![、]|足额)"
)


def full_coverage_sentences(text: str) -> list[str]:
    return [sentence for sentence in re.split(r"[。\n]", text) if FULL_MEASURE.search(sentence)]


def test_the_sentence_finder_on_a_plan_written_here():
    text = (
        "按照全覆盖、保基本方针推进。全县实现助餐服务全覆盖。在全额足额保障资金到位基础上安排经费。健全覆盖城乡的网络。"
    )
    assert full_coverage_sentences(text) == ["全县实现助餐服务全覆盖"]


def test_every_full_coverage_sentence_of_the_plans_has_its_row(values, documents):
    """Data assertion on the real plans: each sentence with a full-coverage wording holds a recorded quote."""
    sources = sources_dir()
    if not sources.is_dir():
        pytest.skip(f"source documents not found at {sources}")
    missing = []
    for document_id, document in documents.items():
        quotes = [row["source_quote"] for row in values if row["document_id"] == document_id]
        text = (sources / document["source_file"]).read_text(encoding="utf-8")
        missing += [
            (document_id, sentence[:40])
            for sentence in full_coverage_sentences(text)
            if not any(quote in sentence for quote in quotes)
        ]
    assert not missing, f"full-coverage wordings with no row: {missing}"
