"""Page furniture left in a body gives no figures: counters, timestamps and headline lists.
The pages are made up from the patterns; the article's own figures stay."""

import time

import pytest

from pipelines.lib.extract.figures.figures import extract_figures
from pipelines.lib.extract.figures.page_lines import furniture_lines, title_case


def surfaces(text):
    return [f.surface for f in extract_figures(text)]


ARTICLE = (
    "Dinas Kesehatan mencatat 120 kasus campak sepanjang Januari.\n\n"
    "Kepala dinas mengatakan anggaran Rp 2 miliar disiapkan untuk pengasapan."
)


def test_a_view_counter_line_gives_no_figure():
    text = ARTICLE + "\n\n5.713 views\n\nDibaca 1.093 kali"
    assert surfaces(text) == ["120 kasus campak", "Rp 2 miliar"]


def test_a_most_viewed_block_flattened_into_one_line_gives_no_figure():
    text = (
        ARTICLE + "\n\nTerpopuler 1 Harga Cabai Naik Dua Kali Lipat 5.713 views "
        "2 Tiga Pemain Baru Bergabung dengan Klub 3.210 views"
    )
    assert surfaces(text) == ["120 kasus campak", "Rp 2 miliar"]


def test_a_gallery_link_gives_no_figure():
    assert surfaces(ARTICLE + "\n\n12 Foto\n\nSaksikan Juga") == ["120 kasus campak", "Rp 2 miliar"]


def test_related_headlines_with_timestamps_give_no_figures():
    text = (
        "Berita Terkait\n\n"
        "Delapan Desa Terendam Banjir Setelah Hujan Deras Semalam\n\n2 jam lalu\n\n"
        "Pemkot Bangun 15 Sekolah Baru di Pinggiran Kota\n\n5 jam lalu\n\n" + ARTICLE
    )
    assert surfaces(text) == ["120 kasus campak", "Rp 2 miliar"]


def test_a_headline_carrying_its_timestamp_gives_no_figure():
    text = ARTICLE + "\n\nEmpat Tersangka Korupsi Dana Desa Ditahan Kejaksaan 10:45 WIB"
    assert surfaces(text) == ["120 kasus campak", "Rp 2 miliar"]


def test_a_list_of_headlines_without_timestamps_gives_no_figures():
    text = (
        ARTICLE + "\n\nTiga Kebijakan Baru Wali Kota untuk Pedagang Pasar\n\n"
        "Harga Beras Turun 5 Persen Jelang Panen Raya\n\n"
        "Sebanyak 30 Kapal Ilegal Ditangkap di Perairan Natuna"
    )
    assert surfaces(text) == ["120 kasus campak", "Rp 2 miliar"]


def test_a_subhead_between_paragraphs_is_article_text():
    text = ARTICLE + "\n\nTiga Langkah Pencegahan\n\nWarga diminta menguras 2 bak air setiap pekan."
    assert surfaces(text) == ["120 kasus campak", "Rp 2 miliar", "Tiga Langkah", "2 bak air"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Unggahan itu menuai 300 komentar dari warganet.",  # a counter word in a sentence
        "Video itu sudah ditonton 5 juta kali sejak Senin.",
        "Kebakaran terjadi dua jam lalu, dan 14 rumah hangus.",
    ],
)
def test_counter_and_timestamp_words_in_a_sentence_are_article_text(sentence):
    assert furniture_lines([sentence]) == set()


def test_title_case():
    assert title_case("Delapan Desa Terendam Banjir Bandang")
    assert not title_case("Direksi Bank Tiga Pilar menemui Gubernur Jawa Barat di Bandung.")
    assert not title_case("Warga diminta menguras bak air setiap pekan")


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000 + " views",  # a digit run read once, not from every digit on
        "5 orang tewas dan 3 luka-luka " * 5_000,  # one long line of counts sharing nouns
    ],
)
def test_long_lines_are_read_in_linear_time(text):
    began = time.perf_counter()
    extract_figures(text)
    assert time.perf_counter() - began < 20
