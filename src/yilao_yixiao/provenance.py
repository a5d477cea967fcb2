"""Verify that every seeded figure traces back to its source document.

For each row of indicator_values and county_allocations: the quote occurs in the document, the printed text
occurs in the quote, and the stored number parses from the printed text (or a cleaning note says why not).
For each document: the file's sha256 matches the documents seed. For each registered finding: its quotes
still occur in the document, so the register fails loudly once a source changes.

Matching is done on normalised text (see `normalise`), because the documents were copied from web pages and
OCR with inconsistent spacing, full-width and half-width punctuation, and Changzhi's in Traditional characters.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from opencc import OpenCC

QUOTE_SEPARATOR = " ‖ "

# Punctuation NFKC leaves alone but that the documents write in several ways.
PUNCTUATION_VARIANTS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "、": ",",
        "。": ".",
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "《": "<",
        "》": ">",
        "〈": "<",
        "〉": ">",
    }
)
WHITESPACE = re.compile(r"\s+")


@functools.cache
def _traditional_to_simplified() -> OpenCC:
    return OpenCC("t2s")


def normalise(text: str) -> str:
    """Text reduced to what a quote must share with its document.

    1. Unicode NFKC: full-width letters, digits and ASCII punctuation become half-width (（ → (, ％ → %, ２ → 2).
    2. Traditional characters become Simplified (OpenCC t2s), so a quote matches in either script.
    3. Quotation marks, dashes and CJK brackets that NFKC keeps are mapped to one ASCII form each.
    4. All whitespace is removed: the texts break lines and table cells arbitrarily and pad with spaces.
    5. NFKC once more, because removing a space can put a combining mark next to a letter it composes with.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _traditional_to_simplified().convert(text)
    text = text.translate(PUNCTUATION_VARIANTS)
    return unicodedata.normalize("NFKC", WHITESPACE.sub("", text))


CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
ARABIC_NUMBER = re.compile(r"([0-9]+(?:\.[0-9]+)?)([万萬亿億]?)")
CHINESE_NUMBER = re.compile(r"[零〇一二两兩三四五六七八九十百千]+")
# OCR reads a zero as the letter O inside numbers ("100O人次").
OCR_LETTER_O = re.compile(r"(?<=[0-9])[Oo](?=[0-9]|[^A-Za-z]|$)")


def _chinese_numeral_value(numeral: str) -> int:
    total, current = 0, 0
    for char in numeral:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        else:
            total += (current or 1) * CHINESE_UNITS[char]
            current = 0
    return total + current


def printed_numbers(raw_text: str) -> list[float]:
    """Every number the printed text can be read as: Arabic (with 万/亿), OCR-repaired, or Chinese numerals."""
    text = unicodedata.normalize("NFKC", raw_text)
    numbers = []
    for candidate in {text, OCR_LETTER_O.sub("0", text)}:
        for digits, multiplier in ARABIC_NUMBER.findall(candidate):
            numbers.append(float(digits) * MULTIPLIERS.get(multiplier, 1))
    for numeral in CHINESE_NUMBER.findall(text):
        numbers.append(float(_chinese_numeral_value(numeral)))
    return numbers


def number_parses(raw_text: str, value: float) -> bool:
    return any(math.isclose(number, value, rel_tol=1e-9, abs_tol=1e-9) for number in printed_numbers(raw_text))


@dataclass(frozen=True)
class ProvenanceFailure:
    file: str
    line: int | None
    column: str | None
    row_id: str | None
    reason: str

    def __str__(self) -> str:
        where = (
            self.file
            + (f", line {self.line}" if self.line else "")
            + (f", column {self.column!r}" if self.column else "")
        )
        return f"{where}{f' ({self.row_id})' if self.row_id else ''}: {self.reason}"


@dataclass
class ProvenanceReport:
    rows_checked: int = 0
    rows_verified: int = 0
    rows_explained: int = 0
    documents_checked: int = 0
    failures: list[ProvenanceFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        return (
            f"{self.rows_checked} rows checked: {self.rows_verified} verified, {self.rows_explained} verified with a "
            f"cleaning note, {len({(f.file, f.line) for f in self.failures if f.line})} failed; "
            f"{self.documents_checked} documents checked"
        )


def _read_seed(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            yield reader.line_num, row


def _load_documents(seeds_dir: Path, sources_dir: Path, report: ProvenanceReport) -> dict[str, str]:
    """document_id → normalised text; checks each file's sha256 against the documents seed."""
    texts = {}
    for line, row in _read_seed(seeds_dir / "documents.csv"):
        report.documents_checked += 1
        path = sources_dir / row["source_file"]
        if not path.exists():
            report.failures.append(
                ProvenanceFailure("documents.csv", line, "source_file", row["document_id"], f"{path} does not exist")
            )
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != row["source_sha256"].strip().lower():
            report.failures.append(
                ProvenanceFailure(
                    "documents.csv",
                    line,
                    "source_sha256",
                    row["document_id"],
                    f"{path.name} has sha256 {digest}, the seed records {row['source_sha256']}",
                )
            )
        texts[row["document_id"]] = normalise(raw.decode("utf-8"))
    return texts


def _check_figure(
    file: str, line: int, row: dict[str, str], row_id: str, document: str | None, report: ProvenanceReport
) -> None:
    report.rows_checked += 1
    failures = []
    if document is None:
        failures.append(
            ProvenanceFailure(file, line, "document_id", row_id, f"unknown document {row['document_id']!r}")
        )
    else:
        quote = normalise(row["source_quote"])
        if not quote:
            failures.append(ProvenanceFailure(file, line, "source_quote", row_id, "the quote is empty"))
        elif quote not in document:
            failures.append(
                ProvenanceFailure(
                    file, line, "source_quote", row_id, f"quote not found in the document: {row['source_quote']!r}"
                )
            )
        if normalise(row["raw_text"]) not in quote:
            failures.append(
                ProvenanceFailure(
                    file, line, "raw_text", row_id, f"raw_text {row['raw_text']!r} is not inside the quote"
                )
            )
    explained = False
    if row["value"].strip():
        value = float(row["value"])
        if not number_parses(row["raw_text"], value):
            if row.get("cleaning_note", "").strip():
                explained = True
            else:
                failures.append(
                    ProvenanceFailure(
                        file,
                        line,
                        "value",
                        row_id,
                        f"value {row['value']} does not parse from raw_text {row['raw_text']!r} "
                        "and no cleaning_note says why",
                    )
                )
    report.failures.extend(failures)
    if not failures:
        if explained:
            report.rows_explained += 1
        else:
            report.rows_verified += 1


def verify(seeds_dir: Path, sources_dir: Path) -> ProvenanceReport:
    report = ProvenanceReport()
    documents = _load_documents(seeds_dir, sources_dir, report)
    for line, row in _read_seed(seeds_dir / "indicator_values.csv"):
        _check_figure("indicator_values.csv", line, row, row["value_id"], documents.get(row["document_id"]), report)
    for line, row in _read_seed(seeds_dir / "county_allocations.csv"):
        _check_figure(
            "county_allocations.csv", line, row, row["allocation_id"], documents.get(row["document_id"]), report
        )

    value_documents = {row["value_id"]: row["document_id"] for _, row in _read_seed(seeds_dir / "indicator_values.csv")}
    for line, row in _read_seed(seeds_dir / "audit_findings.csv"):
        document_ids = {value_documents.get(value_id.strip()) for value_id in row["value_ids"].split(",")}
        texts = [documents[d] for d in document_ids if d in documents]
        for quote in row["source_quotes"].split(QUOTE_SEPARATOR):
            if not any(normalise(quote) in text for text in texts):
                report.failures.append(
                    ProvenanceFailure(
                        "audit_findings.csv",
                        line,
                        "source_quotes",
                        row["check_id"],
                        f"quote no longer found in the document: {quote!r}",
                    )
                )
    return report
