"""A plan's text prepared for matching, with every character traced back to the original.

Rules match on a cleaned copy (half-width, Simplified, OCR repairs) while quotes and offsets are taken from the
original: `CleanText.origin[i]` is the offset in the original of the cleaned character i, so any span found in the
cleaned text maps back to a verbatim span of the source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from yilao_yixiao.provenance import PUNCTUATION_VARIANTS, _traditional_to_simplified

# Dashes that plans use between the two ends of a range or as "not stated" table cells; kept distinct from "-".
KEEP_AS_IS = {"—", "–", "―", "、", "。", "《", "》", "〔", "〕", "【", "】"}
OCR_LETTER_O = re.compile(r"(?<=[0-9])[Oo](?=[0-9%万亿个张所人名家户处年]|$)|(?<=[0-9][0-9])[Oo](?![A-Za-z])")
OCR_PER_MILLE = re.compile(r"(?<=[0-9])%[oO](?![A-Za-z])")
# "12、" glued to the start of a line: the page (or line) numbers of an OCR export.
GLUED_LINE_NUMBER = re.compile(r"^(\d{1,3})、(?=\S)")


@dataclass(frozen=True)
class Repair:
    """One change the cleaning made that is not a mere change of script or width."""

    original_start: int
    original_end: int
    note: str


@dataclass
class CleanText:
    original: str
    text: str
    origin: list[int]
    repairs: list[Repair] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets [start, end) of the cleaned span [start, end)."""
        if start >= end:
            position = self.origin[start] if start < len(self.origin) else len(self.original)
            return position, position
        return self.origin[start], self.origin[end - 1] + 1

    def repairs_within(self, start: int, end: int) -> list[Repair]:
        """Repairs that touch the cleaned span [start, end)."""
        low, high = self.original_span(start, end)
        return [r for r in self.repairs if r.original_start < high and r.original_end > low]


def _width_and_script(original: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(original):
        folded = char if char in KEEP_AS_IS else unicodedata.normalize("NFKC", char).translate(PUNCTUATION_VARIANTS)
        for piece in folded:
            chars.append(piece)
            origin.append(offset)
    simplified = _traditional_to_simplified().convert("".join(chars))
    if len(simplified) == len(chars):
        return list(simplified), origin
    # OpenCC's phrase table changed a length: fall back to a character-by-character conversion.
    return [_traditional_to_simplified().convert(c) or c for c in chars], origin


def _glued_line_numbers(original: str) -> list[tuple[int, int, str]]:
    """Spans of line-start numbers that count up line by line (1、 2、 3、 …): page numbers, not content."""
    found = []
    offset = 0
    for line in original.splitlines(keepends=True):
        match = GLUED_LINE_NUMBER.match(line)
        if match:
            found.append((offset, offset + match.end(), match.group(1)))
        offset += len(line)
    # Only a run that counts up by one from line to line is a page numbering; single list items are content.
    counting = [
        span
        for i, span in enumerate(found)
        if (i > 0 and int(found[i - 1][2]) + 1 == int(span[2]))
        or (i + 1 < len(found) and int(span[2]) + 1 == int(found[i + 1][2]))
    ]
    return counting if len(counting) >= 5 else []


def clean(original: str) -> CleanText:
    chars, origin = _width_and_script(original)
    repairs: list[Repair] = []
    drop: set[int] = set()
    for start, end, number in _glued_line_numbers(original):
        # The line break before a page number is the page's, not the text's: "…20" + "21年…" is "2021年".
        line_break = start - 1 if start and original[start - 1] == "\n" else start
        repairs.append(Repair(line_break, end, f"line-start page number {number}、 dropped"))
        drop.update(range(line_break, end))
    keep = [i for i, o in enumerate(origin) if o not in drop]
    chars = [chars[i] for i in keep]
    origin = [origin[i] for i in keep]
    text = "".join(chars)

    # OCR repairs that change length: rebuild with the origin list kept in step.
    out_chars: list[str] = []
    out_origin: list[int] = []
    i = 0
    per_mille = {m.start() for m in OCR_PER_MILLE.finditer(text)}
    letter_o = {m.start() for m in OCR_LETTER_O.finditer(text)}
    while i < len(text):
        if i in per_mille:
            # "%o" is an OCR misreading of "%。" (or of ‰, whose value is then not recoverable): keep the per cent
            # sign and read the o as the full stop, so the sentence ends where the printed one did.
            out_chars.extend("%。")
            out_origin.extend((origin[i], origin[i + 1]))
            repairs.append(Repair(origin[i], origin[i + 1] + 1, "OCR %o read as %。 (per cent and full stop)"))
            i += 2
            continue
        if i in letter_o:
            out_chars.append("0")
            out_origin.append(origin[i])
            repairs.append(Repair(origin[i], origin[i] + 1, "OCR letter O read as digit 0"))
            i += 1
            continue
        out_chars.append(text[i])
        out_origin.append(origin[i])
        i += 1
    return CleanText(original=original, text="".join(out_chars), origin=out_origin, repairs=repairs)
