"""strip_furniture: Indonesian article text in, clean paragraphs + removed furniture + dateline place out."""

from pipelines.lib.clean import NoArticleText, guess_language, strip_furniture


def test_read_also_editor_tags_and_end_marker_are_removed():
    text = """Putin mengatakan bahwa Rusia siap menggelar kerja sama dengan China.

Baca Juga: Usai TWK, 51 Pegawai KPK Akan Diberhentikan

Menurut Yang, kedua negara akan saling mendukung kepentingan inti.***

Editor: Alfiansyah

Tags

Terkini

Terpopuler"""
    body, removed, place = strip_furniture(text)
    assert body == ("Putin mengatakan bahwa Rusia siap menggelar kerja sama dengan China.\n\n"
                    "Menurut Yang, kedua negara akan saling mendukung kepentingan inti.")
    assert "Editor: Alfiansyah" in removed and "Terpopuler" in removed
    assert place is None


def test_inline_read_also_inside_a_paragraph_is_cut():
    # The headline is the Title-Case run after "Baca juga:"; its last capital word starts the next sentence.
    text = ("Harga beras naik 10 persen pekan ini. Baca juga: Harga Cabai Melonjak Jelang Lebaran "
            "Pedagang mengeluhkan pasokan yang seret.")
    body, removed, _ = strip_furniture(text)
    assert body == "Harga beras naik 10 persen pekan ini. Pedagang mengeluhkan pasokan yang seret."
    assert removed == ["Baca juga: Harga Cabai Melonjak Jelang Lebaran"]


def test_outlet_datelines_are_removed_and_place_kept():
    cases = {
        "Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan dibatalkan.": "Mataram, NTB",
        "JAKARTA, KOMPAS.com - Menteri mengatakan hal itu pada Selasa.": "Jakarta",
        "Beijing (XYZ) - Presiden China berbicara dengan Presiden Rusia.": "Beijing",
        "CONTOHBERITA.CO.ID – Presiden menandatangani beberapa dokumen.": None,
    }
    for text, place in cases.items():
        body, removed, got = strip_furniture(text)
        assert got == place, text
        assert body[0].isupper() and "-" not in body[:3] and len(removed) == 1


def test_captions_credits_and_banners_are_furniture():
    text = """Presiden Rusia Vladimir Putin di Moskow, Rusia, 15 Desember 2021. Foto: Sputnik.
Potret Presiden Rusia Vladimir Putin (kiri) /Youtube/euronews
Contoh.co Dapatkan aplikasi di Play Store
Rusia dan China sepakat memperkuat kerja sama energi tahun ini (ANTARA FOTO/Budi).
Silakan baca konten menarik lainnya dari Contoh.com di Google News dan Whatsapp Channel!
Exit mobile version
Copyright © 2024 Contoh"""
    body, removed, _ = strip_furniture(text)
    assert body == "Rusia dan China sepakat memperkuat kerja sama energi tahun ini."
    assert "(ANTARA FOTO/Budi)" in removed


def test_editor_initials_at_the_end_are_removed():
    body, removed, _ = strip_furniture("Rosatom menyepakati program kerja sama jangka panjang. (dam)")
    assert body == "Rosatom menyepakati program kerja sama jangka panjang."
    assert removed == ["(dam)"]


def test_subheadings_inside_the_body_stay():
    text = "Paragraf pertama tentang kerja sama kedua negara.\n\nFokus Kerja Sama\n\nParagraf kedua tentang hasilnya."
    body, _, _ = strip_furniture(text)
    assert "Fokus Kerja Sama" in body


def test_language_guess_from_function_words():
    assert guess_language("Presiden mengatakan bahwa kerja sama yang dibangun dengan China akan diperkuat") == "id"
    assert guess_language("The president said that the deal with China was signed in the capital") == "en"
    assert guess_language("Putin Xi") is None


def test_no_article_text_is_a_value_error():
    assert issubclass(NoArticleText, ValueError)
