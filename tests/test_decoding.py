"""From bytes to clean text: wrong encodings, invisible characters, hostile markup."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from pipelines.lib.text.characters import control_share, strip_invisible
from pipelines.lib.text.decoding import UndecodableInput, declared_charset, decode_html, decode_text
from pipelines.lib.text.html_tree import PageTooComplex, flatten_nesting, parse_html, too_deep
from pipelines.lib.text.plain_page import page_from_text

SENTENCE = "“Kami siap – kapan saja,” kata Putin."


def page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}<title>Judul</title></head><body><p>{body}</p></body></html>"


def test_windows_1252_declared_as_utf8_comes_out_right():
    decoded = decode_html(page('<meta charset="utf-8">', SENTENCE).encode("cp1252"))
    assert SENTENCE in decoded.text and decoded.encoding == "cp1252"


def test_a_page_mixing_utf8_and_windows_1252_bytes_is_read_byte_run_by_byte_run():
    utf8, cp1252 = page('<meta charset="utf-8">', "Kafé @").encode().split(b"@")
    decoded = decode_html(utf8 + SENTENCE.encode("cp1252") + cp1252)
    assert "Kafé " + SENTENCE in decoded.text and decoded.encoding == "utf-8+cp1252"


@pytest.mark.parametrize(
    ("tag", "codec"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),  # as browsers read it
        ('<meta charset="koi8-r">', "koi8-r"),
        ('<meta charset="utf-16">', "utf-8"),  # a byte-oriented page is no UTF-16 without a BOM
        ('<meta charset="no-such-charset">', None),
        ('<meta charset="utf-7">', None),  # not for the web
        ('<meta charset="base64">', "base64"),  # not a text encoding: decoding it fails, UTF-8 is used
    ],
)
def test_the_declared_charset(tag, codec):
    assert declared_charset(page(tag, "x").encode()) == codec


def test_a_declared_legacy_charset_is_honoured():
    text = "Москва заявила"
    assert text in decode_html(page('<meta charset="koi8-r">', text).encode("koi8_r")).text


def test_a_declared_codec_that_is_no_text_encoding_is_ignored():
    content = page('<meta charset="zlib">', SENTENCE).encode("cp1252")
    assert SENTENCE in decode_html(content).text


def test_an_undeclared_non_latin_legacy_page_is_detected():
    text = "Москва заявила, что переговоры продолжатся на следующей неделе."
    content = f"<html><head><title>Новости</title></head><body><p>{text * 20}</p></body></html>".encode("koi8_r")
    assert text in decode_html(content).text


def test_valid_utf8_wins_over_a_stale_declaration():
    assert SENTENCE in decode_html(page('<meta charset="iso-8859-1">', SENTENCE).encode()).text


def test_byte_order_marks_decide():
    assert decode_text(b"\xef\xbb\xbf" + SENTENCE.encode()).text == SENTENCE
    assert decode_text(SENTENCE.encode("utf-16")).text == SENTENCE
    with pytest.raises(UndecodableInput, match="UTF-16"):
        decode_text("abc".encode("utf-16") + b"\x00")


def test_plain_text_in_windows_1252_shows_itself_by_its_punctuation():
    assert decode_text(SENTENCE.encode("cp1252")).text == SENTENCE
    # only accented letters: ISO-8859-1, -2, -5 ... would each read them differently
    with pytest.raises(UndecodableInput, match="not valid UTF-8"):
        decode_text("Kafé baru di Jakarta.".encode("latin-1"))


def test_zero_width_bidi_and_control_characters_are_removed():
    assert strip_invisible("Pu\u200btin dan X\u00adi Jin\u2060ping\ufeff") == "Putin dan Xi Jinping"
    assert strip_invisible("\u202bRusia\u202c \u2066China\u2069 \u200eIndia\u200f") == "Rusia China India"
    assert strip_invisible("satu\x00\x07dua\x0ctiga\u2028empat\r\n") == "satudua\ntiga\nempat\r\n"
    assert strip_invisible("Babak\u200b\x0c\u200b\x0bkedua") == "Babak\n\nkedua"  # each break kept in a run


def test_names_with_invisible_characters_match_the_lexicon_after_cleaning():
    text = "Putin dan Xi bertemu\n\nPresiden Rusia Vladi\u200bmir Pu\u202etin\u202c bertemu Presiden China Xi Jinping."
    assert page_from_text(text).body == "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping."


def test_binary_read_as_text_is_full_of_control_characters():
    assert control_share("Teks berita biasa.\n\nParagraf kedua.") == 0
    assert control_share(bytes(range(1, 256)).decode("cp1252", "replace")) > 0.1


def test_entities_declared_in_a_doctype_are_never_expanded():
    doctype = '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    tree = parse_html(doctype + "<html><head><title>T</title></head><body><p>x &b; y &amp; &eacute;</p></body></html>")
    assert tree.xpath("string(//p)") == "x  y & é"


def test_an_xml_document_is_no_html_page():
    assert parse_html('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "a">]>\n<r>&a;</r>') is None


def test_100_000_nested_divs_keep_their_paragraph():
    n = 100_000
    tree = parse_html("<html><body>" + "<div>" * n + "<p>Isi berita.</p>" + "</div>" * n + "</body></html>")
    assert tree.xpath("string(//p)") == "Isi berita."


def test_a_tree_is_too_deep_from_an_element_with_248_ancestors_on():
    def nested(divs: int):
        return load_html("<html><body>" + "<div>" * divs + "x" + "</div>" * divs + "</body></html>")

    assert not too_deep(nested(246))  # the innermost <div> under <html>, <body> and 245 others: 247 ancestors
    assert too_deep(nested(247)) and too_deep(nested(300))
    assert too_deep(nested(20), levels=21) and not too_deep(nested(20), levels=22)


def test_flattening_drops_only_the_tags_nested_too_deep():
    # wrappers (div, b) from the third level on go, content tags (p) from the fourth; text stays
    html = "<div><div><div><p>a<b>b</b><p>c</div></div></div><script>if (a<b) {}</script>"
    assert flatten_nesting(html, wrapper_depth=2, max_depth=3) == (
        "<div><div><p>ab<p>c</div></div><script>if (a<b) {}</script>"
    )


def test_thousands_of_inline_tags_in_a_paragraph_are_unwrapped():
    # trafilatura's //p//text() is quadratic in the text pieces they would leave
    tree = parse_html("<html><body><p>" + "<b>kata</b> " * 20_000 + "</p><p><a href='/x'>tautan</a></p></body></html>")
    assert not tree.xpath("//b") and tree.xpath("//a") and len(tree.xpath("//p")[0].xpath("text()")) == 1


def test_a_page_of_more_elements_than_any_article_is_too_complex():
    with pytest.raises(PageTooComplex, match="150002 elements"):
        parse_html("<html><body>" + "<i></i>" * 150_000 + "</body></html>")
