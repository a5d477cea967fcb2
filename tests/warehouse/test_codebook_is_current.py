"""CODEBOOK.md lists exactly the indicators of seeds/indicators.csv."""

import pytest

from tests.conftest import PROJECT_DIR
from yilao_yixiao import codebook


def test_codebook_indicator_table_matches_the_seed():
    committed = (PROJECT_DIR / "CODEBOOK.md").read_text(encoding="utf-8")
    assert codebook.render(PROJECT_DIR / "CODEBOOK.md", PROJECT_DIR / "seeds") == committed, (
        "CODEBOOK.md is out of date: run `yyx codebook`"
    )


@pytest.mark.real_plans
def test_codebook_names_shared_concepts_with_their_jurisdictions():
    table = codebook.indicator_table(PROJECT_DIR / "seeds")
    row = next(line for line in table.splitlines() if line.startswith("| `nursing_bed_share_elderly_institutions`"))
    assert row.endswith("| ganzi, lincang, siping |")
