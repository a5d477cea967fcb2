"""The cleaned copy the rules read, and how each of its characters maps back to the original."""

from yilao_yixiao.extract.text import clean


def test_traditional_full_width_text_is_read_simplified_half_width_with_offsets_kept():
    original = "全縣養老床位達到１２００張（含護理型）。"
    cleaned = clean(original)
    assert cleaned.text == "全县养老床位达到1200张(含护理型)。"
    start = cleaned.text.index("1200张")
    low, high = cleaned.original_span(start, start + len("1200张"))
    assert original[low:high] == "１２００張"


def test_letter_o_for_zero_is_repaired_and_noted():
    cleaned = clean("建成站点3O个,培训20O人次,Office 不变")
    assert cleaned.text == "建成站点30个,培训200人次,Office 不变"
    assert [r.note for r in cleaned.repairs] == ["OCR letter O read as digit 0"] * 2


def test_per_cent_followed_by_letter_o_is_read_as_per_cent_and_stop():
    cleaned = clean("覆盖率不低于65%o下一句")
    assert cleaned.text == "覆盖率不低于65%。下一句"
    assert cleaned.repairs[0].note == "OCR %o read as %。 (per cent and full stop)"


def test_page_numbers_counting_up_at_line_starts_are_dropped_with_their_line_break():
    original = "".join(
        f"{n}、第{n}页的正文内容,截至20\n" if n == 3 else f"{n}、第{n}页的正文内容。\n" for n in range(1, 7)
    )
    original = original.replace("截至20\n4、", "截至20\n4、19年底")
    cleaned = clean(original)
    assert "截至2019年底" in cleaned.text
    assert not cleaned.text.startswith("1、")
    assert len(cleaned.repairs) == 6


def test_a_single_numbered_line_is_content_not_a_page_number():
    cleaned = clean("主要任务\n1、建设养老机构3所。\n其他内容\n")
    assert "1、建设养老机构3所" in cleaned.text
    assert cleaned.repairs == []
