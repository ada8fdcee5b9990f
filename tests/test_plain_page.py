"""page_from_text: plain-text pages (furniture left in) -> Page, checked against the gold of the 5 seeds."""

import json
from pathlib import Path

import pytest

from pipelines.lib.text.page import NoArticleText
from pipelines.lib.text.plain_page import page_from_text

SHARED = Path(__file__).parents[1].parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
DOCS = json.loads(GOLD.read_text())["documents"] if GOLD.is_file() else []


def test_title_dateline_and_site_from_an_outlet_dateline():
    page = page_from_text("""Trending

Banjir Rendam Ratusan Rumah di Bandung - Contohwarta

Sedang Trending 2 jam yang lalu

Bandung (CONTOHWARTA) - Banjir merendam ratusan rumah warga di Kabupaten Bandung pada Senin malam.

Warga mengungsi ke balai desa setempat sambil menunggu air surut.

Silakan baca konten menarik lainnya dari Contohwarta.com di Google News!""")
    assert page.title == "Banjir Rendam Ratusan Rumah di Bandung"
    assert page.site == "contohwarta.com"
    assert page.dateline_place == "Bandung"
    assert page.body.startswith("Banjir merendam ratusan rumah")
    assert "Silakan baca" not in page.body
    assert "2 jam yang lalu" in page.header_text
    assert page.metadata_date is None and page.language == "id"


def test_date_line_and_caption_go_to_header_text():
    page = page_from_text("""Harga Beras Naik Jelang Ramadhan

28 Mei 2021, 08:37 WIB
Pedagang menata beras di pasar induk, Jakarta, 27 Mei 2021. Foto: Dok. Contoh

CONTOHKABAR.COM - Harga beras di pasar induk naik 10 persen dalam sepekan terakhir menjelang Ramadhan.""")
    assert page.site == "contohkabar.com"
    assert page.body == "Harga beras di pasar induk naik 10 persen dalam sepekan terakhir menjelang Ramadhan."
    assert "28 Mei 2021, 08:37 WIB" in page.header_text
    assert "27 Mei 2021. Foto: Dok. Contoh" in page.header_text


def test_banner_lines_before_the_title_are_skipped_and_name_the_site():
    page = page_from_text("""detikNews
Internasional

Gempa Magnitudo 6 Guncang Lepas Pantai Selatan Jawa

Nama Reporter - detikNews
Senin, 03 Mar 2025 10:15 WIB

Foto: Warga berkumpul di lapangan usai gempa (dok. BPBD)

Jakarta - Gempa bermagnitudo 6 mengguncang lepas pantai selatan Jawa pada Senin pagi.

Warga sempat berhamburan ke luar rumah, tetapi tidak ada laporan kerusakan berat.""")
    assert page.title == "Gempa Magnitudo 6 Guncang Lepas Pantai Selatan Jawa"
    assert page.site == "detik.com"
    assert page.dateline_place == "Jakarta"
    assert page.body.startswith("Gempa bermagnitudo 6 mengguncang")
    assert "Nama Reporter" not in page.body and "Senin, 03 Mar 2025" in page.header_text


def test_site_from_an_outlet_name_without_a_domain():
    cases = {
        "Surabaya (ANTARA) - Harga beras di pasar tradisional naik lima persen pekan ini.": "antaranews.com",
        "Jakarta, CNN Indonesia -- Harga beras di pasar tradisional naik lima persen pekan ini.": "cnnindonesia.com",
        "CONTOHKABAR.CO.ID, Medan -- Harga beras di pasar tradisional naik lima persen pekan ini.": "contohkabar.co.id",
    }
    for lead, site in cases.items():
        page = page_from_text(f"Harga Beras Naik Lima Persen\n\n{lead}\n\nPedagang mengeluhkan pasokan yang seret.")
        assert page.site == site, lead
        assert page.body.startswith("Harga beras di pasar"), lead
    # only the follow banner at the end names the outlet
    page = page_from_text("""Harga Beras Naik Lima Persen

Nama Reporter
Rabu, 5 Maret 2025 - 09:10 WIB

MEDAN - Harga beras di pasar tradisional naik lima persen pekan ini.

(abc)

Follow Berita Okezone di Google News""")
    assert page.site == "okezone.com"
    assert page.body == "Harga beras di pasar tradisional naik lima persen pekan ini."
    assert "Nama Reporter" not in page.body


def test_outlet_prefix_before_the_title_is_dropped():
    page = page_from_text("""Contohkabar.com - Harga Emas Turun Rp5.000 Hari Ini

Rabu, 12 Maret 2025 | 09:30 WIB

Ilustrasi emas batangan. (Shutterstock)

Harga emas batangan turun Rp5.000 per gram pada perdagangan Rabu pagi.""")
    assert page.title == "Harga Emas Turun Rp5.000 Hari Ini"
    assert page.site == "contohkabar.com"
    assert page.body == "Harga emas batangan turun Rp5.000 per gram pada perdagangan Rabu pagi."


def test_only_furniture_raises():
    with pytest.raises(NoArticleText, match="no article text"):
        page_from_text("Judul Saja\n\nBaca Juga: Berita Lain\n\nEditor: Siti")


@pytest.mark.skipif(not DOCS, reason="shared gold folder absent")
@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d["doc"])
def test_seed_matches_gold(doc):
    page = page_from_text((SHARED / "seeds" / doc["doc"]).read_text())
    assert page.title == doc["title"]
    assert page.site == doc["site"]
    assert page.language == doc["language"]
    for text in doc["body_must_contain"]:
        assert text in page.body
    for text in doc["body_must_not_contain"]:
        assert text not in page.body


def test_menu_breadcrumb_and_accessibility_lines_are_never_the_title():
    page = page_from_text("""Contohwarta.com
Akses Situs
Lompat ke konten utama
Beranda   Berita   Ekonomi   Bola   Otomotif   Tekno   Gaya Hidup
Home > Berita > Daerah

Jalan Lintas Provinsi Ambles, Warga Diminta Memutar

Redaksi Contoh Warta
Dibaca 812 kali
Kamis, 6 Maret 2025 | 10:00 WIB

Jalan lintas provinsi di Kecamatan Sukamaju ambles sepanjang 20 meter setelah hujan deras semalaman.

Petugas memasang rambu dan meminta pengendara memutar lewat jalan desa.

Bagikan: WhatsApp | Facebook | X

Berita Terkait
Jembatan Darurat Dibangun di Desa Sukamaju
Hujan Deras Diprakirakan Turun Hingga Akhir Pekan""")
    assert page.title == "Jalan Lintas Provinsi Ambles, Warga Diminta Memutar"
    assert page.site == "contohwarta.com"
    assert page.body.split("\n\n") == [
        "Jalan lintas provinsi di Kecamatan Sukamaju ambles sepanjang 20 meter setelah hujan deras semalaman.",
        "Petugas memasang rambu dan meminta pengendara memutar lewat jalan desa.",
    ]


def test_a_short_label_is_the_title_only_without_a_longer_line():
    page = page_from_text("""Sorotan Pekan

Jalan Tol Baru Dibuka untuk Umum Mulai Besok

Jalan tol sepanjang 40 kilometer itu dibuka untuk umum mulai Jumat pagi, kata pengelola.""")
    assert page.title == "Jalan Tol Baru Dibuka untuk Umum Mulai Besok"
    page = page_from_text("""Banjir Bandang

Banjir bandang melanda tiga desa di kaki gunung pada Minggu dini hari, kata petugas BPBD setempat.""")
    assert page.title == "Banjir Bandang"


def test_site_from_a_domain_the_text_spells_for_a_banner_name():
    page = page_from_text("""KABARCONTOH.ID
Beranda | Nasional | Daerah | Indeks

Bupati Resmikan Pasar Rakyat di Kecamatan Sukamaju

Penulis: Tim Kabar Contoh | Editor: Nama P.

KABARCONTOH.ID, SUKAMAJU - Bupati meresmikan pasar rakyat yang dibangun dengan dana desa pada Senin.

Ikuti Berita Terbaru Kabar Contoh di Google News""")
    assert page.title == "Bupati Resmikan Pasar Rakyat di Kecamatan Sukamaju"
    assert page.site == "kabarcontoh.id"
    assert page.body == "Bupati meresmikan pasar rakyat yang dibangun dengan dana desa pada Senin."
