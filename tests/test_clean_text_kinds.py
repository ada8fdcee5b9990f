"""page_from_html on pages built from the shapes that break clean text on unseen outlets: headline
lists with timestamps, a second article appended, a "Baca juga" link glued to the next sentence, a
body split by a reaction widget, a lead and a section outside the body's element."""

from pathlib import Path

from pipelines.lib.text.html_page import page_from_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def fixture(name: str):
    return page_from_html((FIXTURES / name).read_text(encoding="utf-8"))


def paragraphs(page) -> list[str]:
    return page.body.split("\n\n")


def test_headline_lists_with_timestamps_and_a_second_article_are_cut():
    # A trending strip (headline and time inside one link) above the body, a grid of headlines
    # with "N jam lalu" below it, then the next article: its headline, date line and dateline.
    page = fixture("timestamp_lists_and_next_article.html")
    body = paragraphs(page)
    assert body[0].startswith("Majelis hakim Pengadilan Tipikor Makassar menolak eksepsi")
    assert body[-1].startswith("Kuasa hukum terdakwa mengatakan pihaknya menghormati putusan sela")
    assert len(body) == 6
    for gone in ("Paus Terdampar", "Harga Gabah", "Pasar Murah", "jam lalu", "maraton", "Ribuan Pelari"):
        assert gone not in page.body
    assert page.dateline_place == "Makassar"


def test_read_also_links_glued_to_the_next_sentence_are_cut_and_the_sentence_kept():
    page = fixture("read_also_glued.html")
    body = paragraphs(page)
    assert "Sebagai informasi, gelandang tersebut mencetak enam gol dan sembilan assist" in body[2]
    assert body[4] == (
        "Selain itu, klub juga tengah bernegosiasi dengan dua pemain asing untuk memperkuat lini belakang."
    )
    for gone in ("Baca", "BACA", "Kiper Senior", "stadion kebanggaan", "Suporter Gelar"):
        assert gone not in page.body
    assert len(body) == 6


def test_a_body_split_by_a_reaction_widget_is_whole_and_the_widget_gone():
    # trafilatura stops at the first body element and keeps the widget; the rest of the body is
    # in a second element after it, which the region around the body and readability both hold.
    page = fixture("cut_short_widget.html")
    body = paragraphs(page)
    assert len(body) == 6
    assert body[3].startswith("Hingga pekan ini tercatat 214 kasus demam berdarah")
    assert body[-1].startswith("Dinas kesehatan mengimbau warga")
    for gone in ("reaksi Anda", "Senang", "Sedih", "Beri nilai"):
        assert gone not in page.body


def test_a_lead_above_the_body_element_and_a_section_in_its_own_wrapper_stay():
    page = fixture("lost_lead_and_section.html")
    body = paragraphs(page)
    assert body[0].startswith("Pabrik baterai kendaraan listrik di kawasan industri timur kota")
    assert page.dateline_place == "Semarang"
    assert "Pelatihan bagi lulusan SMK" in body
    assert body[body.index("Pelatihan bagi lulusan SMK") + 1].startswith("Sebelum pabrik beroperasi")
    assert body[-1].startswith("Pemerintah provinsi berharap")
    assert len(body) == 8


def test_put_back_paragraphs_need_the_agreement_of_both_views():
    # The second body element is in the region but readability is given no say here: a page
    # whose extra element is a list of short teaser blurbs gets none of them back.
    teasers = "".join(
        f'<div class="x-item"><p>Blurb singkat nomor {i} tentang harga pangan hari ini.</p></div>' for i in range(6)
    )
    body = "".join(
        f"<p>Paragraf ke-{i} menjelaskan bahwa pemerintah kabupaten menambah anggaran perbaikan jalan desa "
        f"yang rusak akibat banjir pada awal tahun ini.</p>"
        for i in range(5)
    )
    html = f'<html lang="id"><body><div class="wrap"><div class="article-text">{body}</div>{teasers}</div></body>'
    page = page_from_html(html)
    assert "Blurb" not in page.body
    assert len(paragraphs(page)) == 5


def test_a_photo_page_with_an_intro_keeps_the_intro_and_is_a_gallery():
    page = fixture("photo_gallery.html")
    assert page.page_kind == "gallery"
    assert page.body.startswith("Ratusan layang-layang aneka bentuk memenuhi langit pantai selatan")
    for gone in ("FOTO:", "naga sepanjang 30 meter", "Bagikan", "dilihat", "views", "Banjir Bandang"):
        assert gone not in page.body


def test_a_gallery_of_captions_only_gets_its_captions_as_body_without_credits():
    page = fixture("captions_only_gallery.html")
    assert page.page_kind == "gallery"
    assert paragraphs(page) == [
        "Petani memetik buah kopi merah di kebun milik kelompok tani di lereng gunung, Sabtu (6/4/2024).",
        "Buah kopi yang sudah dipetik dijemur di atas para-para bambu selama dua pekan.",
        "Seorang pekerja menyortir biji kopi kering sebelum dikirim ke gudang koperasi.",
        "Pengepul menimbang karung berisi biji kopi yang dibeli dari petani setempat.",
    ]
    assert "Dedi Kurnia" in page.header_text and "2.310" not in page.body


def test_a_video_page_and_articles_with_many_links_or_photos_are_told_apart():
    video = (
        '<html lang="id"><head><meta property="og:type" content="video.other"></head><body><article>'
        "<h1>Detik-detik Banjir Bandang Terjang Permukiman</h1>"
        '<iframe src="https://player.contoh.test/v/123"></iframe>'
        "<p>Rekaman warga memperlihatkan arus deras menyeret kendaraan yang terparkir di tepi sungai.</p>"
        "</article></body></html>"
    )
    assert page_from_html(video).page_kind == "video"
    for name in ("short_body_long_related.html", "related_bigger_than_body.html", "gallery_captions.html"):
        assert fixture(name).page_kind == "article", name


def test_an_article_that_describes_itself_is_not_rejected_as_a_listing():
    # Little prose survives the cleaning and the page has many headline links, but the page
    # says it is an article and describes itself in a sentence: that sentence is its body.
    links = "".join(f'<li><a href="/b/{i}">Judul berita lain nomor {i} hari ini</a></li>' for i in range(30))
    html = (
        '<html lang="id"><head><meta property="og:type" content="article">'
        '<meta property="og:description" content="Pemerintah kota menutup sementara jembatan tua di '
        'pusat kota selama dua bulan untuk perbaikan fondasi yang retak."></head>'
        f"<body><ul>{links}</ul><div><span>Jembatan ditutup</span></div></body></html>"
    )
    page = page_from_html(html)
    assert page.body.startswith("Pemerintah kota menutup sementara jembatan tua")


def test_an_infinite_scroll_page_keeps_only_the_first_article():
    # The next story is appended as a sibling <article> with its own headline and no dateline.
    def story(title: str, topic: str) -> str:
        sentences = "".join(
            f"<p>Kalimat ke-{i} tentang {topic} menjelaskan langkah pemerintah daerah dalam menangani "
            f"persoalan itu sepanjang tahun ini.</p>"
            for i in range(1, 6)
        )
        return f"<article><h2>{title}</h2>{sentences}</article>"

    html = (
        '<html lang="id"><head><title>Sekolah Terapung Dibuka di Danau</title></head><body><div class="stream">'
        + story("Sekolah Terapung Dibuka di Danau", "sekolah terapung")
        + story("Harga Telur Ayam Kembali Naik", "harga telur")
        + "</div></body></html>"
    )
    page = page_from_html(html)
    assert "sekolah terapung" in page.body and "harga telur" not in page.body
    assert len(paragraphs(page)) == 5


def test_a_gallery_flattened_into_one_paragraph_loses_credits_counters_and_most_viewed():
    # All slides, credits, the share counter and a "most viewed" block are inline in one <div>:
    # trafilatura returns them as one line.
    page = fixture("flattened_gallery.html")
    assert page.page_kind == "gallery"
    assert page.body == (
        "Pedagang sayur mendayung sampan di antara perahu pembeli pada Sabtu pagi. Seorang ibu memilih buah "
        "jeruk dari perahu pedagang di tengah gerimis. Wisatawan memotret suasana pasar dari dermaga kayu di "
        "tepi sungai."
    )
