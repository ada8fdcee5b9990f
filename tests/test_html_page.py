"""page_from_html: real and adversarial HTML pages -> Page with a clean article body."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipelines.lib.text.html_page import page_from_html
from pipelines.lib.text.page import NoArticleText

FIXTURES = Path(__file__).parent / "fixtures" / "html"
REALDATA = Path(__file__).parents[1].parent / "shared" / "realdata" / "id-news-dev"


def fixture(name: str):
    return page_from_html((FIXTURES / name).read_text(encoding="utf-8"))


def test_short_body_followed_by_a_long_related_list():
    page = fixture("short_body_long_related.html")
    assert page.body.startswith("Wali Kota Bandung meresmikan taman baca")
    assert "2.000 buku" in page.body
    assert "Timnas Indonesia" not in page.body and "Berita Terkait" not in page.body
    assert "Editor" not in page.body
    assert page.dateline_place == "Bandung"
    assert page.metadata_date == "2024-03-12"
    assert page.title == "Wali Kota Resmikan Taman Baca di Kelurahan Sukamaju"
    assert page.language == "id"


def test_gallery_captions_and_photo_credits_are_dropped():
    page = fixture("gallery_captions.html")
    assert page.body.startswith("Ribuan warga memadati tepian Sungai Musi")
    assert "hadiah total Rp150 juta" in page.body
    for furniture in ("ANTARA FOTO", "Foto:", "Dok. Humas", "Galeri", "Jembatan Ampera", "mendayung"):
        assert furniture not in page.body
    assert "Minggu (10/3/2024)" in page.header_text  # captions keep their dates for the date finder


def test_listing_page_has_no_article_text():
    with pytest.raises(NoArticleText, match=r"listing of \d+ links"):
        fixture("listing.html")


def test_related_list_bigger_than_the_body():
    page = fixture("related_bigger_than_body.html")
    assert page.body == (
        "Petani garam di Kabupaten Sumenep mulai memanen garam lebih awal karena kemarau datang lebih cepat "
        "tahun ini.\n\nMenurut dinas perikanan setempat, produksi garam rakyat diperkirakan mencapai 300.000 ton "
        "hingga akhir musim."
    )
    assert page.dateline_place == "Sumenep"


def test_prose_in_a_script_without_spaces_is_kept():
    # No line is sentence-shaped by word count (the text has no spaces) and the page has a
    # dozen headline links: trafilatura's substantial text is kept, not taken for a listing.
    page = fixture("no_spaces_prose.html")
    assert page.body.startswith("市は十二日、中心部の商店街にある空き店舗を改修し")
    assert "国の補助金も活用する方針だ。" in page.body
    assert "市議会" not in page.body and "このサイトについて" not in page.body
    assert len(page.body.split("\n\n")) == 4
    assert page.language == "ja"


def test_table_only_page_keeps_its_table():
    page = fixture("table_only.html")
    assert "1 SMA Negeri 3 Bandung 9 7 1 1 21-6 22" in page.body
    assert "10 SMA Bina Bangsa Kuningan 9 0 2 7 4-17 2" in page.body
    assert "Pedoman Media Siber" not in page.body and "Stadion Mini" not in page.body


def test_empty_page_raises():
    with pytest.raises(NoArticleText):
        page_from_html("<html><body><nav><a href='/'>Beranda</a></nav></body></html>")


def token_f1(predicted: str, expected: str) -> float:
    p, g = (Counter(re.findall(r"\w+", t.lower())) for t in (predicted, expected))
    common = sum((p & g).values())
    return 0.0 if not common else 2 * common / (sum(p.values()) + sum(g.values()))


@pytest.mark.skipif(not REALDATA.is_dir(), reason="shared realdata folder absent")
def test_real_indonesian_pages_token_f1():
    items = json.loads((REALDATA / "expected.json").read_text())
    scores = []
    for item in items:
        page = page_from_html((REALDATA / item["file"]).read_bytes(), item["url"])
        scores.append(token_f1(page.body, item["content"]))
        assert page.site in {"antaranews.com", "kompas.com", "kapanlagi.com"}
        assert page.language == "id"
    assert sum(scores) / len(scores) >= 0.95


def test_site_from_an_outlet_name_in_the_dateline_when_the_url_is_unknown():
    paragraphs = "".join(
        f"<p>Kalimat ke-{i} menjelaskan bahwa pemerintah daerah menambah armada bus sekolah gratis "
        f"untuk murid di kawasan pinggiran kota tahun ini.</p>"
        for i in range(2, 8)
    )
    html = f"""<html lang="id"><head><title>Bus Sekolah Gratis Ditambah</title></head><body><article>
    <h1>Bus Sekolah Gratis Ditambah</h1>
    <p>Surabaya (ANTARA) - Pemerintah Kota Surabaya menambah sepuluh armada bus sekolah gratis mulai pekan depan.</p>
    {paragraphs}
    <p>(abc/def)</p>
    </article></body></html>"""
    page = page_from_html(html)
    assert page.site == "antaranews.com"
    assert page.body.startswith("Pemerintah Kota Surabaya menambah")
    assert "(abc/def)" not in page.body


def test_the_headline_drops_a_channel_glued_to_the_title():
    html = (
        "<html><head><title>Situs.com: Musik - Penyanyi Ini Digerebek Polisi Karena Pesta</title></head><body>"
        "<h1>Penyanyi Ini Digerebek Polisi Karena Pesta</h1><article>"
        + (
            "<p>Polisi mendatangi rumah seorang penyanyi setelah warga mengeluhkan pesta yang terlalu bising "
            "di malam hari.</p>"
        )
        * 4
        + "</article></body></html>"
    )
    assert page_from_html(html).title == "Penyanyi Ini Digerebek Polisi Karena Pesta"
