"""Find a seed's quote and printed figure in a document's text, as character offsets of the original text.

Seeds cite a figure by its sentence (`source_quote`) and its printed form (`raw_text`), not by position. The
match uses provenance.normalise — the rule `yyx verify-provenance` checks quotes with — applied one character at
a time, so every character of the normalised text knows which original character it came from.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from yilao_yixiao.provenance import normalise


@functools.lru_cache(maxsize=65_536)
def _normalised_char(char: str) -> str:
    return normalise(char)


def _normalise_per_char(text: str) -> str:
    return "".join(_normalised_char(char) for char in text)


@dataclass(frozen=True)
class NormalisedText:
    """A text reduced by provenance.normalise, with the original offset of each normalised character."""

    original: str
    normalised: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> NormalisedText:
        pieces, origins = [], []
        for index, char in enumerate(text):
            piece = _normalised_char(char)
            pieces.append(piece)
            origins.extend([index] * len(piece))
        return cls(text, "".join(pieces), tuple(origins))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the normalised characters start..end (end exclusive, end > start)."""
        return self.origins[start], self.origins[end - 1] + 1

    def find_all(self, needle: str) -> list[int]:
        positions, position = [], self.normalised.find(needle)
        while needle and position >= 0:
            positions.append(position)
            position = self.normalised.find(needle, position + 1)
        return positions


def _needles(fragment: str) -> list[str]:
    # Character-wise and whole-string normalisation differ only where OpenCC converts a phrase; try both.
    return list(dict.fromkeys(n for n in (_normalise_per_char(fragment), normalise(fragment)) if n))


def locate_quote(document: NormalisedText | str, source_quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Offsets (start, end) of the quote in the original text, or None when it does not occur.

    When the quote occurs more than once, the occurrence nearest `near` (an original offset) wins, else the first.
    """
    text = document if isinstance(document, NormalisedText) else NormalisedText.of(document)
    for needle in _needles(source_quote):
        positions = text.find_all(needle)
        if positions:
            spans = [text.original_span(p, p + len(needle)) for p in positions]
            if near is None:
                return spans[0]
            return min(spans, key=lambda span: abs(span[0] - near))
    return None


def locate_figure(
    document: NormalisedText | str, source_quote: str, raw_text: str = "", near: int | None = None
) -> tuple[int, int] | None:
    """Offsets of the printed figure (`raw_text`) inside its quote, else of the quote; None when the quote is absent.

    An empty raw_text, or one the quote does not contain, highlights the whole quote.
    """
    text = document if isinstance(document, NormalisedText) else NormalisedText.of(document)
    quote_span = locate_quote(text, source_quote, near)
    if quote_span is None:
        return None
    if not raw_text.strip():
        return quote_span
    inside = NormalisedText.of(text.original[quote_span[0] : quote_span[1]])
    for needle in _needles(raw_text):
        positions = inside.find_all(needle)
        if positions:
            start, end = inside.original_span(positions[0], positions[0] + len(needle))
            return quote_span[0] + start, quote_span[0] + end
    return quote_span
