"""`yyx verify-provenance`: every figure traces back to a quote in its source document."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import PROJECT_DIR
from tests.seed_edits import set_cell
from yilao_yixiao import provenance
from yilao_yixiao.cli import app


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PROJECT_DIR / "seeds", tmp_path / "seeds"))


def test_every_seeded_figure_is_verified(sources):
    report = provenance.verify(PROJECT_DIR / "seeds", sources)
    assert report.ok, "\n".join(map(str, report.failures))
    assert report.rows_checked > 300
    assert report.documents_checked == 5


def test_cli_prints_a_summary(sources):
    result = CliRunner().invoke(
        app, ["verify-provenance", "--sources", str(sources), "--project-dir", str(PROJECT_DIR)]
    )
    assert result.exit_code == 0
    assert "rows checked" in result.output and "0 failed" in result.output


def test_a_broken_quote_is_reported_with_file_line_and_column(seeds_copy, sources):
    line = set_cell(
        seeds_copy / "indicator_values.csv", "lincang_012", "source_quote", "每千人口拥有3岁以下婴幼儿托位数4个"
    )
    report = provenance.verify(seeds_copy, sources)
    messages = [str(f) for f in report.failures]
    assert any(
        m.startswith(f"indicator_values.csv, line {line}, column 'source_quote' (lincang_012): quote not found")
        for m in messages
    ), messages


def test_raw_text_outside_its_quote_is_reported(seeds_copy, sources):
    set_cell(seeds_copy / "indicator_values.csv", "zhoukou_015", "raw_text", "800个")
    report = provenance.verify(seeds_copy, sources)
    assert any(f.column == "raw_text" and f.row_id == "zhoukou_015" for f in report.failures)


def test_a_value_that_does_not_parse_needs_a_note(seeds_copy, sources):
    set_cell(seeds_copy / "county_allocations.csv", "zhoukou_taikang_elderly_meal_service_sites", "value", "39")
    report = provenance.verify(seeds_copy, sources)
    failure = next(f for f in report.failures if f.row_id == "zhoukou_taikang_elderly_meal_service_sites")
    assert failure.column == "value" and "does not parse" in failure.reason


def test_a_changed_source_file_fails_its_checksum(tmp_path, seeds_copy, sources):
    changed = Path(shutil.copytree(sources, tmp_path / "sources"))
    target = changed / "003_0bb242f35e1bb50b.txt"
    target.chmod(0o644)
    target.write_text(target.read_text(encoding="utf-8").replace("8.3万人", "8.4万人"), encoding="utf-8")
    report = provenance.verify(seeds_copy, changed)
    reasons = [f.reason for f in report.failures]
    assert any("sha256" in r for r in reasons)
    assert any(f.row_id == "lincang_002" and f.column == "source_quote" for f in report.failures)


@pytest.mark.parametrize(
    ("raw_text", "value"),
    [
        ("12.59万人", 125900),
        ("1萬元", 10000),
        ("650亿", 65_000_000_000),
        ("100O人次", 1000),
        ("55%o", 55),
        (">99%", 99),
        ("九十日内", 90),
        ("一處", 1),
        ("1—2个", 2),
        ("0.31", 0.31),
    ],
)
def test_printed_numbers_parse(raw_text, value):
    assert provenance.number_parses(raw_text, value)


def test_a_different_number_does_not_parse():
    assert not provenance.number_parses("700个", 70)


def test_normaliser_bridges_script_width_and_spacing():
    assert provenance.normalise("中央預算內投資按每個新增托位給予1萬元") == provenance.normalise(
        "中央预算内投资按每个新增托位给予1万元"
    )
    assert provenance.normalise("截至2020年底，全市") == provenance.normalise("截至2020年底,全市")
    assert provenance.normalise("合计\n\n700\n\n8890") == provenance.normalise("合计 700 8890")
    assert provenance.normalise("“一刻钟”") == provenance.normalise('"一刻钟"')


printable = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=60)


@given(printable)
def test_normalising_twice_changes_nothing(text):
    once = provenance.normalise(text)
    assert provenance.normalise(once) == once


@given(printable, st.lists(st.sampled_from([" ", "\n", "\t", "\u3000", "\r\n"]), max_size=5), st.data())
def test_whitespace_anywhere_does_not_matter(text, spaces, data):
    spaced = text
    for space in spaces:
        position = data.draw(st.integers(min_value=0, max_value=len(spaced)))
        spaced = spaced[:position] + space + spaced[position:]
    assert provenance.normalise(spaced) == provenance.normalise(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=40))
def test_full_width_ascii_equals_half_width(text):
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert unicodedata.normalize("NFKC", full_width) == text
    assert provenance.normalise(full_width) == provenance.normalise(text)


# The documents' own alphabet: Simplified characters, digits, Chinese and ASCII punctuation and spacing.
# (Arbitrary Unicode would not hold: NFKC composes a combining mark with the character before it, and OpenCC
# converts some Traditional characters by phrase, so a cut-out fragment can normalise differently.)
document_text = st.text(
    alphabet=st.sampled_from(list("养老托育服务机构床位护理型占比万亿个张户所，。、：；（）“”《》0123456789.% \n"))
)


@given(document_text, document_text, document_text)
def test_a_quote_taken_from_a_text_is_found_in_it(before, quote, after):
    assert provenance.normalise(quote) in provenance.normalise(before + quote + after)
