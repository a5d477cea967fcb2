"""`yyx extract`: a rule-based reader that proposes cited indicator rows from a plan's text."""

from yilao_yixiao.extract.extractor import Extractor
from yilao_yixiao.extract.rows import COLUMNS, ProposedRow, QuoteNotInSource, columns_for, write_csv

__all__ = ["COLUMNS", "Extractor", "ProposedRow", "QuoteNotInSource", "columns_for", "write_csv"]
