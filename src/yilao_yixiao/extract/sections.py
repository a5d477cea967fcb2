"""Section headings (一、 （一） 1. （1） 专栏N) and the heading path in force at each position of the text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

CHINESE_ORDINAL = "[一二三四五六七八九十]{1,3}"
# Level, pattern of a heading's number. Headings start a line or follow a full stop (OCR texts run them inline).
HEADING_NUMBERS = [
    (1, re.compile(rf"{CHINESE_ORDINAL}、")),
    (2, re.compile(rf"\({CHINESE_ORDINAL}\)")),
    (3, re.compile(r"\d{1,2}\s?[.、](?!\d)")),
    (4, re.compile(r"\(\d{1,2}\)")),
    (2, re.compile(r"专栏\s?\d{1,2}")),
]
HEADING_START = re.compile(r"(?:^|(?<=[。\n]))[ \t\u3000]*")
TITLE_END = re.compile(r"[。;:!?\n]")
MAX_TITLE = 30


@dataclass(frozen=True)
class Heading:
    position: int
    end: int
    level: int


def find_headings(text: str) -> list[Heading]:
    headings = []
    for start_match in HEADING_START.finditer(text):
        start = start_match.end()
        for level, pattern in HEADING_NUMBERS:
            number = pattern.match(text, start)
            if not number:
                continue
            title_end = TITLE_END.search(text, number.end())
            end = title_end.start() if title_end else len(text)
            # A long run without a stop is a list item of prose, not a heading: keep its number and first words.
            end = min(end, number.end() + MAX_TITLE)
            if end > number.end():
                headings.append(Heading(start, end, level))
            break
    return headings


class SectionIndex:
    """Heading path (cleaned-text spans) in force at any position."""

    def __init__(self, text: str) -> None:
        self._positions: list[int] = []
        self._paths: list[tuple[Heading, ...]] = []
        path: list[Heading] = []
        for heading in find_headings(text):
            path = [h for h in path if h.level < heading.level] + [heading]
            self._positions.append(heading.position)
            self._paths.append(tuple(path))

    def path_at(self, position: int) -> tuple[Heading, ...]:
        index = bisect.bisect_right(self._positions, position) - 1
        return self._paths[index] if index >= 0 else ()
