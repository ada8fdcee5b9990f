"""strip_lines: Indonesian article text in, clean paragraphs + removed furniture + dateline place out."""

from pipelines.lib.text.furniture import Stripped, header_of, strip_lines


def body_of(s: Stripped) -> str:
    return "\n\n".join(s.lines)


def fragments(s: Stripped) -> list[str]:
    return [fragment for _, fragment in s.removed]


def test_read_also_editor_tags_and_end_marker_are_removed():
    text = """Putin mengatakan bahwa Rusia siap menggelar kerja sama dengan China.

Baca Juga: Usai TWK, 51 Pegawai KPK Akan Diberhentikan

Menurut Yang, kedua negara akan saling mendukung kepentingan inti.***

Editor: Budi Santoso

Tags

Terkini

Terpopuler"""
    s = strip_lines(text)
    body, removed, place = body_of(s), fragments(s), s.place
    assert body == (
        "Putin mengatakan bahwa Rusia siap menggelar kerja sama dengan China.\n\n"
        "Menurut Yang, kedua negara akan saling mendukung kepentingan inti."
    )
    assert "Editor: Budi Santoso" in removed and "Terpopuler" in removed
    assert place is None


def test_inline_read_also_inside_a_paragraph_is_cut():
    # The headline is the Title-Case run after "Baca juga:"; its last capital word starts the next sentence.
    text = (
        "Harga beras naik 10 persen pekan ini. Baca juga: Harga Cabai Melonjak Jelang Lebaran "
        "Pedagang mengeluhkan pasokan yang seret."
    )
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
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
        s = strip_lines(text)
        body, removed, got = body_of(s), fragments(s), s.place
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
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
    assert body == "Rusia dan China sepakat memperkuat kerja sama energi tahun ini."
    assert "(ANTARA FOTO/Budi)" in removed


def test_editor_initials_at_the_end_are_removed():
    s = strip_lines("Rosatom menyepakati program kerja sama jangka panjang. (dam)")
    body, removed = body_of(s), fragments(s)
    assert body == "Rosatom menyepakati program kerja sama jangka panjang."
    assert removed == ["(dam)"]


def test_subheadings_inside_the_body_stay():
    text = "Paragraf pertama tentang kerja sama kedua negara.\n\nFokus Kerja Sama\n\nParagraf kedua tentang hasilnya."
    s = strip_lines(text)
    body = body_of(s)
    assert "Fokus Kerja Sama" in body


def test_photo_credits_close_captions_but_not_sentences():
    text = """Menteri Keuangan berbicara kepada wartawan di Jakarta, Senin (3/3/2025). (REUTERS/Nama Fotografer)
Warga mengantre bantuan pangan di Cianjur, Jawa Barat. ANTARA/Nama Fotografer/abc.
Perahu nelayan bersandar di pelabuhan Muara Angke. Foto/Kantor Berita
Gubernur meninjau lokasi banjir di Bekasi (DOK. Humas Pemprov)
Presiden menyapa warga lewat siaran langsung. (Tangkapan layar YouTube/@akunresmi)
Para pemain merayakan gol kedua di stadion. (AP Photo/Nama Fotografer)
Pemerintah menyiapkan 2 juta ton beras untuk cadangan (AP Photo/Nama).
Harga cabai naik menjadi Rp60.000 per kilogram (Kementan/BPS).
Polisi menyita foto dan dokumen dari rumah tersangka, kata juru bicara (Polda).
Kunjungan itu adalah yang pertama sejak 2019 (kunjungan kenegaraan)."""
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
    assert body.split("\n\n") == [
        "Pemerintah menyiapkan 2 juta ton beras untuk cadangan.",
        "Harga cabai naik menjadi Rp60.000 per kilogram (Kementan/BPS).",
        "Polisi menyita foto dan dokumen dari rumah tersangka, kata juru bicara (Polda).",
        "Kunjungan itu adalah yang pertama sejak 2019 (kunjungan kenegaraan).",
    ]
    assert "(AP Photo/Nama)" in removed


def test_bylines_are_removed_and_a_dated_one_kept_for_the_header():
    text = """Rep: Nama Satu/ Red: Nama Dua
Oleh Nama Penulis
Laporan Wartawan Contoh.com, Nama Penulis
Nama Penulis - detikContoh
Nama Penulis, Jurnalis · Senin 03 Maret 2025 10:05 WIB
Oleh karena itu, pemerintah menaikkan anggaran subsidi pupuk tahun ini.
Oleh Presiden, rancangan itu dikembalikan ke DPR untuk dibahas ulang.
Andi, wartawan senior, ditangkap polisi kemarin."""
    s = strip_lines(text)
    assert s.lines == [
        "Oleh karena itu, pemerintah menaikkan anggaran subsidi pupuk tahun ini.",
        "Oleh Presiden, rancangan itu dikembalikan ke DPR untuk dibahas ulang.",
        "Andi, wartawan senior, ditangkap polisi kemarin.",
    ]
    assert ("date", "Nama Penulis, Jurnalis · Senin 03 Maret 2025 10:05 WIB") in s.removed
    assert "Senin 03 Maret 2025" in header_of(s)


def test_embeds_promos_notices_and_closing_initials_are_removed():
    text = """Harga minyak dunia turun tiga persen pada perdagangan Selasa.
[Gambas:Video Contoh]
Simak Video 'Detik-detik Kapal Tanker Bersandar':
Analis memperkirakan harga akan kembali naik pekan depan. [Gambas:Video Contoh]
(abc/def)
[Gambas:Video Contoh]
BACA HALAMAN BERIKUTNYA
Baca berikutnya
Pilihan Editor: Harga Emas Naik Lagi Hari Ini
Simak breaking news dan berita pilihan kami langsung di ponselmu lewat WhatsApp Channel.
Dapatkan Berita Terbaru dengan Berlangganan Contoh Digital: mulai Rp 50.000/bulan
Dapatkan berita terkini dari Contoh hanya di sini, klik disini
Follow WhatsApp Channel Contoh untuk berita terbaru setiap hari! Follow
Artikel ini telah tayang di Contoh.com dengan judul Harga Minyak Turun
Dilarang keras mengambil konten tanpa izin tertulis dari redaksi.
* Fakta atau Hoaks? Kirim pesan WhatsApp ke nomor 0812 3456 7890
0812 3456 7890
Hotline: (021) 555 1234
(xyz)
minyak
harga minyak"""
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
    assert body == (
        "Harga minyak dunia turun tiga persen pada perdagangan Selasa.\n\n"
        "Analis memperkirakan harga akan kembali naik pekan depan."
    )
    assert "[Gambas:Video Contoh]" in removed and "(abc/def)" in removed and "harga minyak" in removed


def test_related_lists_after_headings_are_removed():
    text = """Paragraf pertama tentang rapat kabinet yang digelar di Istana pada Senin pagi.
Tag Terkait
Rapat Kabinet
Istana
Pilihan Redaksi
Menteri Baru Dilantik Pekan Depan
Paragraf kedua menjelaskan hasil rapat kabinet tersebut secara lebih rinci kepada publik."""
    s = strip_lines(text)
    body = body_of(s)
    assert body.split("\n\n") == [
        "Paragraf pertama tentang rapat kabinet yang digelar di Istana pada Senin pagi.",
        "Paragraf kedua menjelaskan hasil rapat kabinet tersebut secara lebih rinci kepada publik.",
    ]


def test_more_dateline_shapes():
    cases = {
        "CONTOH.CO, Jakarta - Menteri mengatakan hal itu pada Selasa.": ("Jakarta", "CONTOH.CO"),
        "Contoh6.com, Lima - Presiden tiba di Peru pada Sabtu.": ("Lima", "Contoh6.com"),
        "Jakarta, CNN Indonesia -- Menteri bertemu mitranya di Beijing.": ("Jakarta", "CNN Indonesia"),
        "Bandung - Banjir merendam ratusan rumah warga pada Senin.": ("Bandung", None),
    }
    for text, (place, outlet) in cases.items():
        s = strip_lines(text)
        assert (s.place, s.outlet) == (place, outlet), text
        assert s.lines[0][0].isupper() and not s.lines[0].startswith(("-", "Jakarta", "Lima"))


def test_navigation_counters_share_bars_and_bylines_are_removed():
    text = """Loncat ke konten utama
Lewati ke navigasi
Akses Situs
Berita Hari Ini
Lama baca 3 menit
5 menit membaca
Dibaca 1.204 kali
Bagikan: Facebook Twitter WhatsApp
Share: Telegram
Lihat komentar (12)
4 Komentar
Ikuti Contohwarta di WhatsApp dan Instagram
Follow contohwarta untuk update berita terkini
Redaksi Contoh Warta
Iklan - Scroll untuk melanjutkan
Banjir setinggi satu meter merendam permukiman warga di tepi sungai sejak Selasa pagi."""
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
    assert body == "Banjir setinggi satu meter merendam permukiman warga di tepi sungai sejak Selasa pagi."
    assert "Dibaca 1.204 kali" in removed and "Redaksi Contoh Warta" in removed


def test_copyright_and_agency_credits_make_a_caption():
    text = """Warga menunggu kereta di stasiun Manggarai. ©CONTOH/Nama Fotografer
Kapal tanker bersandar di pelabuhan Dumai, Riau. Fotokita/Nama Fotografer
Harga minyak naik dua persen pada perdagangan Selasa."""
    s = strip_lines(text)
    assert s.lines == ["Harga minyak naik dua persen pada perdagangan Selasa."]
    assert [k for k, _ in s.removed] == ["caption", "caption"]


def test_bracketed_initials_and_editor_codes_are_cut():
    text = """Gubernur meresmikan jembatan itu pada Senin. "Semoga bermanfaat," katanya. (Ant/B-3)
Jembatan sepanjang 80 meter itu menghubungkan dua desa.
(dari berbagai sumber/abc)
Warga menyambut gembira peresmian tersebut.
[abc]"""
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
    assert body.split("\n\n") == [
        'Gubernur meresmikan jembatan itu pada Senin. "Semoga bermanfaat," katanya.',
        "Jembatan sepanjang 80 meter itu menghubungkan dua desa.",
        "Warga menyambut gembira peresmian tersebut.",
    ]
    assert "(Ant/B-3)" in removed and "[abc]" in removed


def test_linked_headlines_after_the_last_paragraph_are_removed_subheadings_stay():
    text = """Pemerintah menaikkan anggaran subsidi pupuk pada tahun depan.

Dampak bagi Petani

Petani di Jawa Tengah menyambut baik kebijakan tersebut, kata ketua kelompok tani.

Terkait
Harga Gabah Kering Panen Naik di Tingkat Petani
Bulog Serap 2 Juta Ton Beras Hingga Akhir Tahun"""
    s = strip_lines(text)
    body, removed = body_of(s), fragments(s)
    assert "Dampak bagi Petani" in body
    assert body.endswith("kata ketua kelompok tani.")
    assert "Bulog Serap 2 Juta Ton Beras Hingga Akhir Tahun" in removed
    # the same list without a heading
    s = strip_lines(text.replace("Terkait\n", ""))
    body, removed = body_of(s), fragments(s)
    assert body.endswith("kata ketua kelompok tani.") and "Harga Gabah" not in body


def test_headline_lists_with_timestamps_or_counters_are_removed():
    text = """Dinas pendidikan menunda ujian sekolah satu pekan karena banyak gedung sekolah rusak diterjang angin.
Harga Cabai Rawit Turun Drastis di Pasar Tradisional
2 jam lalu
Tim Voli Putri Melaju ke Semifinal Kejuaraan Nasional
3 jam lalu
Warga Keluhkan Bau Sampah dari Tempat Pembuangan Akhir 5 jam lalu
Kepala dinas mengatakan jadwal baru akan diumumkan melalui sekolah masing-masing pada Senin.
1
Banjir Rob Genangi Jalan Utama Pelabuhan
12.345 views
2
Pasien Demam Berdarah Meningkat di Tiga Kecamatan
9.876 views"""
    s = strip_lines(text)
    assert s.lines == [
        "Dinas pendidikan menunda ujian sekolah satu pekan karena banyak gedung sekolah rusak diterjang angin.",
        "Kepala dinas mengatakan jadwal baru akan diumumkan melalui sekolah masing-masing pada Senin.",
    ]


def test_an_agenda_and_a_price_table_stay():
    agenda = """Panitia menyusun jadwal kegiatan festival budaya selama tiga hari di alun-alun kota.
Jumat, 7 Juni 2024
Pembukaan dan pawai budaya keliling kota
Sabtu, 8 Juni 2024
Lomba tari tradisional antarsekolah
Minggu, 9 Juni 2024
Pentas musik daerah dan penutupan"""
    assert len(strip_lines(agenda).lines) == 4
    prices = """Saham sektor perbankan ditutup melemah pada perdagangan sore ini di bursa.
BBRI BANK RAKYAT INDONESIA 4.550 -1,2%
BMRI BANK MANDIRI TBK 6.125 -0,8%
BBCA BANK CENTRAL ASIA 9.800 -0,5%
Analis memperkirakan tekanan jual masih berlanjut hingga akhir pekan."""
    assert len(strip_lines(prices).lines) == 5


def test_a_counter_widget_is_removed():
    text = """Warga menyambut baik rencana pembangunan pasar baru di pusat kecamatan yang dimulai tahun depan.
Senang12
Sedih40
Terkejut7
Marah3
Bagaimana reaksi Anda setelah membaca artikel ini?
1,2 rb Bagikan
Camat berjanji para pedagang lama mendapat prioritas untuk menempati kios di pasar baru tersebut."""
    s = strip_lines(text)
    assert s.lines == [
        "Warga menyambut baik rencana pembangunan pasar baru di pusat kecamatan yang dimulai tahun depan.",
        "Camat berjanji para pedagang lama mendapat prioritas untuk menempati kios di pasar baru tersebut.",
    ]


def test_a_second_article_after_the_body_is_cut_from_its_headline():
    text = """PALU, Warta Tengah - Pemerintah provinsi menyiapkan 40 hektare lahan relokasi warga terdampak likuefaksi.
Warga yang direlokasi akan menerima rumah tipe 36 lengkap dengan sertifikat tanah atas nama mereka.
Gubernur Resmikan Jembatan Baru di Perbatasan Kabupaten
Senin, 3 Juni 2024 14:20 WITA
PALU, Warta Tengah - Jembatan sepanjang 120 meter yang menghubungkan dua kabupaten resmi dibuka untuk umum.
Jembatan itu memangkas waktu tempuh warga dari dua jam menjadi tiga puluh menit."""
    s = strip_lines(text)
    assert s.place == "Palu"
    assert s.lines == [
        "Pemerintah provinsi menyiapkan 40 hektare lahan relokasi warga terdampak likuefaksi.",
        "Warga yang direlokasi akan menerima rumah tipe 36 lengkap dengan sertifikat tanah atas nama mereka.",
    ]
    # the same outlet's dateline again, with no headline above it, starts another article too
    again = """PALU, Warta Tengah - Harga gabah kering panen di tingkat petani naik menjadi Rp6.500 per kilogram.
Petani berharap harga itu bertahan hingga akhir musim panen.
PALU, Warta Tengah - Tim SAR menemukan nelayan yang hilang sejak Jumat di perairan teluk."""
    assert len(strip_lines(again).lines) == 2


def test_a_read_also_link_at_the_start_of_a_paragraph_keeps_the_sentence_glued_to_it():
    # With the page's link text the cut is exact, whatever the headline's case; without it a
    # word glued to the next sentence ("...terakhirSelain") marks the end.
    linked = "Baca juga: harga tiket kapal naik jelang libur sekolah kapal tambahan disiapkan dinas perhubungan besok."
    s = strip_lines(linked, headlines={"hargatiketkapalnaikjelanglibursekolah"})
    assert s.lines == ["kapal tambahan disiapkan dinas perhubungan besok."]
    glued = "BACA JUGA: rumah sakit daerah buka poli baruSelain itu, dokter spesialis ditambah dua orang tahun ini."
    assert strip_lines(glued).lines == ["Selain itu, dokter spesialis ditambah dua orang tahun ini."]
    inline = "Harga beras stabil pekan ini. Baca juga: pasar induk sepi pembeliPedagang berharap kondisi segera pulih."
    assert strip_lines(inline).lines == ["Harga beras stabil pekan ini. Pedagang berharap kondisi segera pulih."]
    # a link alone on its line is furniture, as before
    assert strip_lines("Baca juga: Harga Tiket Kapal Naik Jelang Libur Sekolah").lines == []


def test_a_counter_tail_glued_after_the_last_sentence_is_cut():
    text = (
        "Petugas menutup jalan selama perbaikan gorong-gorong. 1,2 rb Bagikan Terpopuler 1 Kebakaran Gudang "
        "Tekstil 12.345 views 2 Harga Bawang Merah Naik 9.876 views"
    )
    assert strip_lines(text).lines == ["Petugas menutup jalan selama perbaikan gorong-gorong."]
    # a count inside the paragraph's last sentence stays
    kept = "Video kampanye itu sudah ditonton 12.345 kali dilihat warga sejak Senin, kata panitia."
    assert strip_lines(kept).lines == [kept]


def test_headline_lists_that_put_the_time_first_or_a_label_between_are_removed():
    text = """Jaksa menuntut terdakwa penipuan arisan daring dengan hukuman empat tahun penjara.
10:15 WIB
Stok Beras di Gudang Bulog Cukup hingga Akhir Tahun
09:40 WIB
Pemkab Bangun Tiga Puskesmas Baru di Wilayah Perbatasan
Hakim menunda sidang putusan hingga pekan depan karena salah satu anggota majelis sakit.
Kereta Cepat Tambah Jadwal Perjalanan Akhir Pekan
3 jam lalu
EKONOMI
Nilai Ekspor Kopi Naik pada Kuartal Ketiga
4 jam lalu"""
    assert strip_lines(text).lines == [
        "Jaksa menuntut terdakwa penipuan arisan daring dengan hukuman empat tahun penjara.",
        "Hakim menunda sidang putusan hingga pekan depan karena salah satu anggota majelis sakit.",
    ]


def test_read_also_with_other_separators_is_cut_inline():
    text = "Harga beras stabil pekan ini. Baca juga » pasar induk sepi pembeliPedagang berharap kondisi segera pulih."
    assert strip_lines(text).lines == ["Harga beras stabil pekan ini. Pedagang berharap kondisi segera pulih."]
