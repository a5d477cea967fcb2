"""Section headings (一、 （一） 1. （1） 专栏N) and the heading path in force at each position of the text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

CHINESE_ORDINAL = "[一二三四五六七八九十]{1,3}"
# Level, pattern of a heading's number. Headings start a line or follow a full stop (OCR texts run them inline).
HEADING_NUMBERS = [
    (0, re.compile(rf"第{CHINESE_ORDINAL}[章篇部分]\s*")),
    (1, re.compile(rf"{CHINESE_ORDINAL}、")),
    (2, re.compile(rf"\({CHINESE_ORDINAL}\)")),
    (3, re.compile(r"\d{1,2}\s?[.、](?!\d)")),
    (4, re.compile(r"\(\d{1,2}\)")),
    (2, re.compile(r"专栏\s?\d{1,2}")),
]
HEADING_START = re.compile(r"(?:^|(?<=[。\n]))[ \t\u3000]*")
# A title ends at a stop or where the next heading's number starts on the same line ("规划背景(一)…").
# Headings: 第一章 (level 0), 一、 (1), (一) (2), 1. (3), (1) (4); 专栏N boxes sit at level 2.
TITLE_END = re.compile(rf"[。;:!?\n]|\({CHINESE_ORDINAL}\)|(?<![\d.])\d{{1,2}}\s?\.(?!\d)|专栏\s?\d")
MAX_TITLE = 30
PROSE_OPENING = re.compile(r"(?:力争|争取)?(?:到|截至|截止|至)\s*(?:19|20)\d{2}")


@dataclass(frozen=True)
class Heading:
    position: int
    end: int
    level: int


def find_headings(text: str) -> list[Heading]:
    headings = []
    for start_match in HEADING_START.finditer(text):
        start = start_match.end()
        position = start
        while position < len(text):
            heading = _heading_at(text, position)
            if heading is None:
                break
            headings.append(heading)
            # Headings run on without a stop in OCR texts: "一、规划背景(一)“十三五”时期取得的成就".
            position = heading.end
    return headings


def _heading_at(text: str, start: int) -> Heading | None:
    for level, pattern in HEADING_NUMBERS:
        number = pattern.match(text, start)
        if not number:
            continue
        title_end = TITLE_END.search(text, number.end())
        end = title_end.start() if title_end else len(text)
        if PROSE_OPENING.match(text, number.end()):
            # "（一）力争到2025年，全区建成…" is a numbered paragraph, not a titled section: keep its number only.
            end = number.end()
            return Heading(start, end, level)
        # A long run without a stop is a list item of prose, not a heading: keep its number and first words.
        end = min(end, number.end() + MAX_TITLE)
        return Heading(start, end, level) if end > number.end() else None
    return None


class SectionIndex:
    """Heading path (cleaned-text spans) in force at any position."""

    def __init__(self, text: str) -> None:
        self._positions: list[int] = []
        self._paths: list[tuple[Heading, ...]] = []
        path: list[Heading] = []
        self.headings = find_headings(text)
        for heading in self.headings:
            path = [h for h in path if h.level < heading.level] + [heading]
            self._positions.append(heading.position)
            self._paths.append(tuple(path))

    def path_at(self, position: int) -> tuple[Heading, ...]:
        index = bisect.bisect_right(self._positions, position) - 1
        return self._paths[index] if index >= 0 else ()
