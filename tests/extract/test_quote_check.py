"""The tool refuses to write a quote that is not in the source, rather than "fixing" it."""

import dataclasses

import pytest

from yilao_yixiao.extract.rows import QuoteNotInSource, check_quotes

SOURCE = "到2025年，全市养老床位达到6000张。"


def test_rows_whose_quotes_are_in_the_source_pass(extractor):
    rows = extractor.extract(SOURCE, "d")
    check_quotes(rows, SOURCE)
    assert rows[0].source_quote == "全市养老床位达到6000张"


def test_a_quote_not_in_the_source_is_refused_with_its_row(extractor):
    row = extractor.extract(SOURCE, "d")[0]
    wrong = dataclasses.replace(row, source_quote="全市养老床位达到7000张")
    with pytest.raises(QuoteNotInSource, match=r"row 1 \(d_001\): quote not in the source"):
        check_quotes([wrong], SOURCE)


def test_a_raw_text_outside_its_quote_is_refused(extractor):
    row = extractor.extract(SOURCE, "d")[0]
    with pytest.raises(QuoteNotInSource, match="raw_text '6001张' not in its quote"):
        check_quotes([dataclasses.replace(row, raw_text="6001张")], SOURCE)
