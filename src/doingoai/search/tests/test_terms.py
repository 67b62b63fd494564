import doctest
import unicodedata

import pytest

from doingoai.search import terms
from doingoai.search.terms import (
    ERROR_EMPTY,
    ERROR_SHORT,
    ERROR_SHORT_PREFIX,
    QueryError,
    Term,
    highlight_html,
    html_to_plain,
    query_parse,
    snippet_html,
)


def test_the_examples_in_the_docstrings_hold():
    result = doctest.testmod(terms)
    assert result.failed == 0 and result.attempted > 0


def test_a_query_is_folded_into_terms():
    assert query_parse('Viện trợ "Hội Chữ thập đỏ" hoi* 1.250') == [
        Term(raw="Viện", words=("vien",)),
        Term(raw="trợ", words=("tro",)),
        Term(raw="Hội Chữ thập đỏ", words=("hoi", "chu", "thap", "do")),
        Term(raw="hoi", words=("hoi",), prefix=True),
        Term(raw="1.250", words=("1", "250")),
    ]


def test_a_repeated_word_counts_once_and_punctuation_alone_is_no_term():
    assert query_parse("WWF wwf , - …") == [Term(raw="WWF", words=("wwf",))]


def test_an_unclosed_quote_runs_to_the_end():
    assert query_parse('"doan ra') == [Term(raw="doan ra", words=("doan", "ra"))]


@pytest.mark.parametrize(
    "query, message", [("", ERROR_EMPTY), ('""', ERROR_EMPTY), ("ý", ERROR_SHORT), ("a*", ERROR_SHORT_PREFIX)]
)
def test_nothing_or_too_little_to_search_says_so(query, message):
    with pytest.raises(QueryError) as error:
        query_parse(query)
    assert str(error.value) == message


def test_a_single_letter_word_is_kept_beside_others():
    assert [t.words for t in query_parse("ở Lào")] == [("o",), ("lao",)]


def test_hits_are_whole_words_and_a_prefix_runs_to_the_end_of_the_word():
    text = "Hội nghị về hồi hương; hỏi ý kiến"
    assert (
        highlight_html(text, query_parse("hoi"))
        == "<mark>Hội</mark> nghị về <mark>hồi</mark> hương; <mark>hỏi</mark> ý kiến"
    )
    assert highlight_html("Khoi, hoinghi", query_parse("hoi*")) == "Khoi, <mark>hoinghi</mark>"


def test_a_phrase_is_marked_whole_across_its_punctuation():
    assert highlight_html("Số 1.250 người", query_parse("1.250")) == "Số <mark>1.250</mark> người"


def test_decomposed_text_is_marked_on_its_own_characters():
    text = unicodedata.normalize("NFD", "Đoàn ra")
    assert highlight_html(text, query_parse("doan")) == "<mark>Đoàn</mark> ra"


def test_a_long_text_gives_a_window_around_the_hit_cut_at_words():
    text = "Mở đầu dài dòng. " * 40 + "Tiếp nhận viện trợ của WWF. " + "Phần sau dài dòng. " * 40
    html = snippet_html(text, query_parse("WWF"))
    assert html.startswith("…") and html.endswith("…") and "<mark>WWF</mark>" in html
    assert len(html) < 400 and " dò…" not in html and "…òng" not in html


def test_terms_far_apart_get_a_fragment_each():
    text = "Đoàn KOICA đến thăm. " + "Nội dung khác. " * 60 + "Dự án của JICA hoàn thành."
    html = snippet_html(text, query_parse("KOICA JICA"))
    assert "<mark>KOICA</mark>" in html and "<mark>JICA</mark>" in html and " … " in html


def test_a_text_without_a_hit_shows_its_beginning():
    assert snippet_html("Không phát sinh.", query_parse("WWF")) == "Không phát sinh."
    assert snippet_html("chữ " * 100, query_parse("WWF")).endswith("chữ…")


def test_plain_text_for_the_terminal():
    html = snippet_html("Viện trợ <WWF>", query_parse("wwf"))
    assert html_to_plain(html) == "Viện trợ <[WWF]>"
