"""Figures in Indonesian news: Indonesian sentences in, Figure records out."""

import pytest

from pipelines.lib.extract.figures.figures import Figure, extract_figures


def figs(text, **kwargs):
    """(kind, value, unit, qualifier, surface) of every figure, checking offsets."""
    out = []
    for f in extract_figures(text, **kwargs):
        assert isinstance(f, Figure)
        assert text[f.char_start : f.char_end] == f.surface
        out.append((f.kind, pytest.approx(f.value), f.unit, f.qualifier, f.surface))
    return out


def test_percent_and_money_in_one_sentence():
    assert figs("Perdagangan naik 31% menjadi $123 miliar.") == [
        ("percent", 31, "percent", None, "31%"),
        ("money", 123e9, "USD", None, "$123 miliar"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "currency", "surface"),
    [
        ("melampaui $123 miliar", 123e9, "USD", "$123 miliar"),
        ("lebih dari USD200 miliar", 200e9, "USD", "USD200 miliar"),
        ("sebesar US$ 1,5 triliun", 1.5e12, "USD", "US$ 1,5 triliun"),
        ("keuntungan Rp4 miliar", 4e9, "IDR", "Rp4 miliar"),
        ("anggaran Rp 4,5 triliun", 4.5e12, "IDR", "Rp 4,5 triliun"),
        ("harga Rp80.000 per kilogram", 80_000, "IDR", "Rp80.000"),
        ("senilai Rp.400 juta", 400e6, "IDR", "Rp.400 juta"),
        ("proyek senilai Rp 15 M", 15e9, "IDR", "Rp 15 M"),
        ("suap 550 ribu dolar AS", 550_000, "USD", "550 ribu dolar AS"),
        ("kekayaan 47,1 miliar dollar AS", 47.1e9, "USD", "47,1 miliar dollar AS"),
        ("pinjaman 10 juta yuan", 10e6, "CNY", "10 juta yuan"),
        ("transaksi 5 miliar rubel", 5e9, "RUB", "5 miliar rubel"),
        ("hibah €3 juta", 3e6, "EUR", "€3 juta"),
        ("kontrak 2 juta euro", 2e6, "EUR", "2 juta euro"),
        ("hadiah 99.000 lira", 99_000, "TRY", "99.000 lira"),
        ("investasi 2 miliar dolar Singapura", 2e9, "SGD", "2 miliar dolar Singapura"),
    ],
)
def test_money_in_every_written_form(text, value, currency, surface):
    [(kind, got, unit, _, surf)] = figs(text)
    assert (kind, got, unit, surf) == ("money", value, currency, surface)


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("naik 31%", 31, "31%"),
        ("tumbuh sebesar 30 persen", 30, "30 persen"),
        ("inflasi 0,5 persen", 0.5, "0,5 persen"),
        ("inflasi tahunan 2,75%", 2.75, "2,75%"),
        ("meskipun dua pertiganya telah didenominasi", 200 / 3, "dua pertiganya"),
        ("turun hampir separuh dibandingkan", 50, "separuh"),
        ("dan setengahnya ingin program dilanjutkan", 50, "setengahnya"),
        ("tiga persen saham", 3, "tiga persen"),
    ],
)
def test_percentages(text, value, surface):
    [(kind, got, unit, _, surf)] = figs(text)
    assert (kind, got, unit, surf) == ("percent", value, "percent", surface)


def test_a_fraction_in_an_idiom_is_no_figure():
    assert figs("Ia menjalankan tugas itu dengan setengah hati.") == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("kontrak dengan enam produsen untuk", 6, "produsen", "enam produsen"),
        ("membuat 150 juta dosis vaksin.", 150e6, "dosis vaksin", "150 juta dosis vaksin"),
        ("Enam nota kesepahaman diteken", 6, "nota kesepahaman", "Enam nota kesepahaman"),
        ("Dalam dua pernyataan bersama, Rusia", 2, "pernyataan bersama", "dua pernyataan bersama"),
        ("Xi mengingat tiga pertemuannya dengan Putin", 3, "pertemuan", "tiga pertemuannya"),
        ("total 14 pernyataan, protokol, memorandum, dan kesepakatan", 14, "pernyataan", "14 pernyataan"),
        ("tercatat 2.140 orang pemudik lokal", 2140, "pemudik lokal", "2.140 orang pemudik lokal"),
        ("sebanyak 29 penerbangan dibatalkan", 29, "penerbangan", "29 penerbangan"),
        ("sembilan belas kapal", 19, "kapal", "sembilan belas kapal"),
        ("dua puluh lima provinsi", 25, "provinsi", "dua puluh lima provinsi"),
        ("seratus desa", 100, "desa", "seratus desa"),
        ("seribu relawan", 1000, "relawan", "seribu relawan"),
        ("tiga ratus ribu pengungsi", 300_000, "pengungsi", "tiga ratus ribu pengungsi"),
        ("sedikitnya 20 WNI dievakuasi", 20, "WNI", "20 WNI"),
        ("kepada 1.500 pelaku UMKM", 1500, "pelaku UMKM", "1.500 pelaku UMKM"),
        ("5 orang tewas", 5, "orang", "5 orang"),
        ("Dua tersangka ditangkap", 2, "tersangka", "Dua tersangka"),
    ],
)
def test_counts_take_the_counted_noun(text, value, unit, surface):
    [(kind, got, got_unit, _, surf)] = figs(text)
    assert (kind, got, got_unit, surf) == ("count", value, unit, surface)


@pytest.mark.parametrize(
    ("text", "unit", "surface"),
    [
        ("Polisi menyita dua unit mobil dinas milik pemerintah daerah.", "mobil dinas", "dua unit mobil dinas"),
        ("Sebanyak 40 warga kini mengungsi ke balai desa.", "warga", "40 warga"),
        ("Rumah sakit merawat 12 pasien gagal ginjal sejak Senin.", "pasien gagal ginjal", "12 pasien gagal ginjal"),
        ("Hakim memeriksa tiga saksi ahli yang dihadirkan jaksa.", "saksi ahli", "tiga saksi ahli"),
        ("Klub itu mendatangkan dua pemain asing musim ini.", "pemain asing", "dua pemain asing"),
        ("Ia membeli dua mobil baru.", "mobil baru", "dua mobil baru"),
        ("Sebanyak 15 siswa baru tiba di asrama.", "siswa", "15 siswa"),  # "baru" = just
        ("Pemkot membangun 8 ruang kelas dan 2 laboratorium.", "ruang kelas", "8 ruang kelas"),
        ("Ia ditemani dua anak perempuannya.", "anak perempuan", "dua anak perempuannya"),  # a possessive ends it
        ("Petugas menemukan 20 butir peluru AK-47 di lokasi.", "peluru", "20 butir peluru"),  # a code ends it
        ("Bank itu membuka 30 kantor cabang Bank Daerah di Papua.", "kantor cabang", "30 kantor cabang"),  # a name
        ("Tercatat 50 kepala keluarga terdampak banjir.", "kepala keluarga", "50 kepala keluarga"),
        ("Sebanyak 7 anggota DPRD hadir.", "anggota DPRD", "7 anggota DPRD"),
    ],
)
def test_the_counted_noun_is_a_noun_phrase_that_ends_at_function_words_and_adverbs(text, unit, surface):
    [(kind, _, got_unit, _, got_surface)] = [f for f in figs(text) if f[4] == surface] or figs(text)[:1]
    assert (kind, got_unit, got_surface) == ("count", unit, surface)


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("kunjungan tiga hari", 3, "day", "tiga hari"),
        ("dalam 11 bulan pertama", 11, "month", "11 bulan"),
        ("memperpanjang 20 tahun persahabatan", 20, "year", "20 tahun"),
        ("Sengketa lahan itu berlarut dua dekade", 20, "year", "dua dekade"),
        ("Gedung itu berdiri hampir 1 abad", 100, "year", "1 abad"),
        ("delapan hari setelah", 8, "day", "delapan hari"),
        ("sekitar 2 minggu", 2, "week", "2 minggu"),
        ("setengah jam kemudian", 0.5, "hour", "setengah jam"),
        ("selama dua setengah tahun", 2.5, "year", "dua setengah tahun"),
        ("Perbaikan jembatan memakan waktu setahun.", 1, "year", "setahun"),  # one word: "se-" = one
        ("Pasien dirawat selama sepekan.", 1, "week", "sepekan"),
        ("Sebulan kemudian, harga kembali normal.", 1, "month", "Sebulan"),
    ],
)
def test_durations(text, value, unit, surface):
    [(kind, got, got_unit, _, surf)] = figs(text)
    assert (kind, got, got_unit, surf) == ("duration", value, unit, surface)


def test_a_duration_in_two_parts_gives_two_figures():
    assert figs("divonis 4 tahun 6 bulan penjara") == [
        ("duration", 4, "year", None, "4 tahun"),
        ("duration", 6, "month", None, "6 bulan"),
    ]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("lebih dari 40 juta bibit", "more_than"),
        ("melampaui $200 miliar", "more_than"),
        ("setidaknya 12 WNI", "more_than"),  # "at least": a lower bound
        ("sedikitnya 331 orang", "more_than"),
        ("100 orang lebih, kata polisi", "more_than"),
        ("kurang dari 0,5 persen", "less_than"),
        ("di bawah 18 tahun", "less_than"),
        ("sekitar 5 persen", "approx"),
        ("kira-kira 5 persen", "approx"),
        ("hampir 5 persen", "approx"),
        ("sekira Rp.400 juta", "approx"),
        ("hingga Rp 10 juta", "up_to"),
        ("sampai 18 bulan", "up_to"),
        ("mencapai 5 persen", None),
        ("Lebih dari itu, 5 negara anggota menolak", None),  # "lebih dari itu" qualifies nothing
    ],
)
def test_qualifiers_come_from_the_words_before(text, qualifier):
    [figure] = extract_figures(text)
    assert figure.qualifier == qualifier
    assert not figure.surface.lower().startswith(("lebih", "kurang", "sekitar", "hingga"))


@pytest.mark.parametrize(
    "text",
    [
        "yang sudah dimulai sejak 2001 lalu",  # years
        "pada tahun 1992 ke 2000 untuk mengembangkan",
        "mencapai rekor tertinggi pada tahun 2022, tumbuh",
        "misi ke asteroid tahun 2024 nanti",
        "di Moskow, Rusia, 15 Desember 2021.",  # dates
        "pada Rabu (15/12).",
        "seperti dilansir rt.com, Rabu (22/3/2024).",
        "28 Mei 2021, 08:37 WIB",  # times
        "mulai pukul 10.00 hingga pukul 08.45 WITA",
        "hubungi 0812-3456-7890",  # phone numbers
        "konsultasi keamanan putaran ke-16.",  # ordinals
        "kedua negara dan kedua pemimpin",  # "kedua" = both
        "salah satu cara",  # idioms
        "warga saling menolong satu sama lain",
        "perwakilan kedua belah pihak hadir",
        "dua belah pihak",
        "pandemi Covid-19 dan KTT G20",  # names
        "pesawat Boeing 737 MAX",
        "Pasal 5 ayat 2 UU No. 20 Tahun 2001",  # labels
        "Perang Dunia II",
        "Ribuan orang dan puluhan polisi berjaga",  # vague quantities
        "Kapal itu membawa 250 ton beras sejauh 43 km.",  # small measurements
        "hadiah yang diserahkan dua kepada panitia",  # a number before a preposition
        "naik dari 100 menjadi 200",  # numbers without a unit
        "setiap 100 orang penduduk",  # the base of a ratio
        "film 7 HARI MENEMBUS WAKTU",  # a title in capitals
        "KTT APEC di Lima pekan lalu",  # a capitalized number word is a name
    ],
)
def test_not_figures(text):
    assert figs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Toko itu menjual iPhone 15 model terbaru kepada pelanggan.",  # a brand in mixed case
        "Harga iPhone 15 Turun Drastis Jelang Peluncuran",  # ... in a headline too
        "Gamer antre membeli PlayStation 5 unit bekas di mal.",
        "Xiaomi 14 Ultra Resmi Meluncur di Indonesia",  # a model word after it
        "Ponsel Galaxy S24 dijual mulai bulan depan.",  # letters glued to it
        "Saham PT Tiga Pilar Sejahtera Food anjlok.",  # a company
        "PT Tiga Serangkai Raih Penghargaan Nasional",
        "Balapan Formula 1 seri Mandalika digelar.",  # a competition and its edition
        "Persib menjuarai Liga 1 musim ini.",
        "Timnas melaju ke Piala Dunia 2026 tahun depan.",
        "Vaksin COVID-19 dosis ketiga tersedia.",
        "Mobil listrik Model 3 laris di Eropa.",
    ],
)
def test_digits_of_a_name_are_no_count(text):
    assert [f for f in figs(text) if f[0] == "count"] == []


def test_a_sentence_of_names_is_no_headline():
    # many capitalized names, but it ends with a full stop: a number word in capitals is a name
    assert figs("Direksi Bank Tiga Pilar menemui Gubernur Jawa Barat di Bandung.") == []


def test_a_scaled_measurement_is_a_count_of_its_measure():
    assert figs("Rusia memasok sekitar 107 juta ton minyak, atau 50 miliar meter kubik gas") == [
        ("count", 107e6, "ton", "approx", "107 juta ton"),
        ("count", 50e9, "meter kubik", None, "50 miliar meter kubik"),
    ]


def test_times_is_a_count_but_a_multiplier_is_not():
    assert figs("Terdakwa sudah lebih dari 40 kali sidang, dua kali mangkir tahun ini.") == [
        ("count", 40, "kali", "more_than", "40 kali"),
        ("count", 2, "kali", None, "dua kali"),
    ]
    assert figs("Ekspor naik 3 kali lipat.") == []
    assert figs("Harga tiket kini empat kali lebih mahal.") == []


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Maskapai menunda 14 penerbangan domestik serta tiga internasional.",
            ("count", 3, "penerbangan internasional", None, "tiga internasional"),
        ),
        (
            "Tabrakan bus itu membuat lima orang tewas dan 12 luka-luka.",
            ("count", 12, "orang luka-luka", None, "12 luka-luka"),
        ),
        (
            "Klub memakai 3 pemain asing serta sekitar 20 lokal.",
            ("count", 20, "pemain lokal", "approx", "20 lokal"),
        ),
    ],
)
def test_a_number_sharing_the_noun_of_the_count_before_it(text, second):
    assert figs(text)[1] == second


@pytest.mark.parametrize(
    "text",
    [
        "Harga naik dari 100 menjadi 200 dan 300 lagi.",  # no count before it
        "Sebanyak 5 rumah rusak. Dan 3 lainnya aman.",  # another sentence; "lainnya" describes nothing
        "Tercatat 5 rumah rusak akibat angin kencang semalam di desa dan 2 parah.",  # too far apart
    ],
)
def test_no_shared_noun_without_a_count_joined_before(text):
    assert [f for f in figs(text) if f[2].endswith(("lagi", "lainnya", "parah"))] == []


def test_negative_numbers():
    assert figs("ekonomi tumbuh di kisaran -1,7% hingga minus 2 persen") == [
        ("percent", -1.7, "percent", None, "-1,7%"),
        ("percent", -2, "percent", "up_to", "minus 2 persen"),
    ]


def test_a_dash_range_gives_its_upper_end_with_the_currency_written_before():
    assert figs("biaya Rp 1-2 miliar dan naik 5-6 persen") == [
        ("money", 2e9, "IDR", None, "Rp 1-2 miliar"),
        ("percent", 6, "percent", None, "6 persen"),
    ]


def test_a_headline_in_title_case_still_gives_its_counts():
    assert figs("Wali Kota dan Bupati Tandatangani Enam Nota Kesepahaman di Surabaya") == [
        ("count", 6, "nota kesepahaman", None, "Enam Nota Kesepahaman"),
    ]


def test_every_mention_is_a_figure_with_its_own_offsets():
    text = "Bus itu membawa 40 penumpang. Sopir mengatakan 40 penumpang selamat."
    assert [(f.value, f.char_start, f.surface) for f in extract_figures(text)] == [
        (40, 16, "40 penumpang"),
        (40, 47, "40 penumpang"),
    ]
    assert [f.char_start for f in extract_figures(text, repeats=False)] == [16]


@pytest.mark.parametrize(
    "text",
    [
        "Gempa serupa melanda kota itu 30 tahun silam.",  # a point in time: "ago"
        "Pelaku ditangkap dua hari yang lalu di rumahnya.",
        "Pabrik itu tutup tiga bulan lalu.",
        "Sekolah itu menggelar peringatan 50 tahun berdirinya.",  # an anniversary
        "Warga memperingati 100 hari wafatnya sang seniman.",
        "Klub itu merayakan 90 tahun berdirinya pekan ini.",
        "Setahun lalu, banjir melanda kota itu.",
        "Rapat koordinasi digelar sebulan sekali.",  # a frequency
        "Kehidupan sehari-hari nelayan berubah.",
    ],
)
def test_a_point_in_time_a_frequency_or_an_anniversary_is_no_duration(text):
    assert figs(text) == []


def test_a_duration_before_the_future_is_still_a_duration():
    assert figs("Jumlah guru berkurang empat tahun ke depan.") == [("duration", 4, "year", None, "empat tahun")]


def test_offsets_point_into_the_text_given():
    text = "\n\nBerita Baru, Moskow – Putin dan Xi sepakat.\nPerdagangan naik 31% menjadi $123 miliar."
    for f in extract_figures(text):
        assert text[f.char_start : f.char_end] == f.surface


def test_a_paragraph_of_trade_news():
    text = (
        "Menteri Perdagangan mengatakan ekspor kopi naik 12% dalam 9 bulan pertama tahun ini "
        "menjadi $2 miliar, dan pemerintah menargetkan melampaui $3 miliar tahun depan.\n\n"
        "Ia mengatakan kontrak sudah ditandatangani dengan tujuh eksportir untuk mengirim "
        "lebih dari 40 juta karung kopi."
    )
    assert figs(text) == [
        ("percent", 12, "percent", None, "12%"),
        ("duration", 9, "month", None, "9 bulan"),
        ("money", 2e9, "USD", None, "$2 miliar"),
        ("money", 3e9, "USD", "more_than", "$3 miliar"),
        ("count", 7, "eksportir", None, "tujuh eksportir"),
        ("count", 40e6, "kopi", "more_than", "40 juta karung kopi"),
    ]


def test_no_figures_in_empty_text():
    assert extract_figures("") == []
