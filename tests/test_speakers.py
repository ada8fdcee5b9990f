"""Speakers that no lexicon knows: sentences of news of every kind in, the person (or organisation) who spoke out."""

from pipelines.lib.extract.actors.actors import ArticleActors
from pipelines.lib.extract.quotes.quotes import extract_quotes


def speakers(text: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.kind) for q in extract_quotes(text)]


def speaker_names(text: str) -> list[str]:
    return [q.speaker for q in extract_quotes(text)]


# -- names found without titles, and the shorter names that stand for them ---------------------------------------


def test_a_person_introduced_without_a_title_speaks_by_pronoun():
    text = (
        "Rina Kusumawati, pemilik warung makan di Pasar Baru, mengeluhkan harga cabai yang terus naik.\n\n"
        "“Sekarang sekilo sudah tembus seratus ribu rupiah,” ujarnya."
    )
    assert speakers(text) == [("Rina Kusumawati", "direct")]


def test_a_given_name_later_is_the_full_name():
    text = (
        "Dokter spesialis anak Andi Wijaya Saputra menerima puluhan pasien demam berdarah setiap hari.\n\n"
        "“Sebagian besar pasien datang sudah dalam keadaan lemas,” kata Andi."
    )
    assert speaker_names(text) == ["Andi Wijaya Saputra"]


def test_a_nickname_in_parentheses_or_akrab_disapa_is_the_same_person():
    text = (
        "Pebulu tangkis muda Muhammad Rizky Pratama (Iky) melaju ke final setelah menang dua gim langsung.\n\n"
        "“Saya hanya ingin bermain lepas tanpa beban,” kata Iky seusai pertandingan.\n\n"
        "Pelatihnya, Siti Nurjanah Rahman, yang akrab disapa Nunung, memuji ketenangan anak didiknya.\n\n"
        "“Dia sudah jauh lebih matang dibanding tahun lalu,” ujar Nunung."
    )
    assert speaker_names(text) == ["Muhammad Rizky Pratama", "Siti Nurjanah Rahman"]


def test_a_rank_glued_to_the_name_and_the_surname_later():
    text = (
        "Kapolda Sulawesi Tengah Irjen Pol.Bambang Hermawan meninjau lokasi banjir bandang di Sigi.\n\n"
        "“Kami kerahkan tiga ratus personel untuk membantu evakuasi warga,” kata Hermawan."
    )
    assert speaker_names(text) == ["Bambang Hermawan"]


def test_degrees_and_honorifics_are_not_names():
    text = (
        "Ketua tim dokter, dr. Maya Lestari, SpPD-KEMD, mengatakan kondisi pasien terus membaik sejak Senin.\n\n"
        "Perencana kota Budi Hartono, ST, MEng., menjelaskan bahwa drainase lama tidak sanggup menampung hujan.\n\n"
        "Kepala Desa Sukamaju H Ujang Suryana mengatakan warga sudah mengungsi ke balai desa."
    )
    assert speaker_names(text) == ["Maya Lestari", "Budi Hartono", "Ujang Suryana"]
    names = {actor.name for actor in ArticleActors.scan(text).actors()}
    assert not names & {"MEng", "ST", "SpPD-KEMD", "H", "dr"}


def test_a_role_with_an_acronym_in_parentheses_before_the_name():
    text = (
        "Kepala Seksi Pengawasan dan Pengendalian (Kasi Wasdal) H Darmawan Putra menjelaskan, "
        "pedagang yang berjualan di trotoar akan ditertibkan mulai pekan depan."
    )
    assert speakers(text) == [("Darmawan Putra", "indirect")]


def test_a_company_in_the_role_is_not_the_speaker():
    text = (
        "“Permintaan semen naik sepuluh persen sejak awal tahun,” kata Wakil Presiden Direktur "
        "PT Sinar Kencana Abadi, Hendra Wijaya, di Surabaya, Kamis."
    )
    assert speaker_names(text) == ["Hendra Wijaya"]


# -- who a pronoun or a closing cue means ---------------------------------------------------------------------------


def test_a_pronoun_goes_to_the_subject_not_to_a_person_merely_mentioned():
    text = (
        "Hakim ketua Lestiani Purba membacakan putusan terhadap terdakwa Agus Salim di Pengadilan Negeri Medan.\n\n"
        "“Terdakwa terbukti secara sah dan meyakinkan bersalah,” katanya."
    )
    assert speaker_names(text) == ["Lestiani Purba"]


def test_a_closing_cue_with_a_surname_names_that_person():
    text = (
        "“Kami minta warga tetap tenang dan tidak terpancing kabar bohong,” kata Bupati Klaten Sri Mulyani.\n\n"
        "Kepala BPBD Klaten Joko Purnomo menambahkan bahwa posko pengungsian sudah disiapkan di tiga kecamatan.\n\n"
        "“Logistik cukup untuk dua minggu ke depan,” tutup Purnomo."
    )
    assert speaker_names(text) == ["Sri Mulyani", "Joko Purnomo", "Joko Purnomo"]


def test_pronoun_cues_with_an_adverb_after_them():
    text = (
        "Pelatih tim nasional, Darius Hutapea, mengatakan skuadnya sudah siap tampil di Hanoi.\n\n"
        "“Kami tidak akan bermain bertahan,” kata dia lagi.\n\n"
        "Menurut dia, lini tengah menjadi kunci permainan tim."
    )
    assert speaker_names(text) == ["Darius Hutapea"] * 3


def test_a_speaker_followed_by_a_manner_word():
    text = "“Saya sudah menunggu momen ini sepuluh tahun,” kata Lukas Wenda tertawa."
    assert speaker_names(text) == ["Lukas Wenda"]


# -- organisations speak ---------------------------------------------------------------------------------------------


def test_organisations_speak():
    text = (
        "“Pemadaman bergilir di Sumatera Utara berakhir pekan depan,” kata PLN dalam keterangan tertulisnya.\n\n"
        "Menurut Kementerian Kesehatan, kasus demam berdarah tahun ini naik dua kali lipat.\n\n"
        "Pada Maret lalu, Tokopedia mengatakan, transaksi selama Ramadan naik tiga puluh persen."
    )
    assert speaker_names(text) == ["PLN", "Kementerian Kesehatan", "Tokopedia"]


# -- nobody nameable ---------------------------------------------------------------------------------------------------


def test_an_unnamed_speaker_and_its_pronouns_are_no_one_named():
    text = (
        "Direktur Utama PT Kereta Api Indonesia Dedi Kurniawan meninjau stasiun Gambir pada Jumat.\n\n"
        "“Kereta tambahan selalu penuh sejak pekan lalu,” kata seorang petugas stasiun.\n\n"
        "“Penumpang mulai datang sejak subuh,” tambahnya.\n\n"
        "Petugas itu menambahkan, antrean baru reda menjelang siang."
    )
    assert speakers(text) == []


def test_a_described_speaker_from_a_named_place_is_still_unnamed():
    text = (
        "Seorang warga Kecamatan Cibeunying, yang rumahnya terendam, mengaku sudah tiga hari mengungsi.\n\n"
        "“Kami belum menerima bantuan apa pun,” katanya."
    )
    assert speakers(text) == []


def test_degrees_between_the_name_and_an_adjunct():
    text = (
        "Ketua majelis hakim Rudi Hartanto, SH, MH, dalam amar putusannya menyatakan terdakwa terbukti "
        "menerima suap dari rekanan dinas."
    )
    assert speakers(text) == [("Rudi Hartanto", "indirect")]


def test_an_acronym_before_a_name_is_the_institution_not_a_place():
    text = (
        "“Kami minta bank tetap hati-hati menyalurkan kredit,” kata Kepala Eksekutif Pengawas Perbankan "
        "OJK Dian Kartika Sari."
    )
    assert speaker_names(text) == ["Dian Kartika Sari"]


def test_a_place_noun_before_a_capitalised_word_makes_it_a_place():
    text = (
        "Mantan Kepala Dinas Pekerjaan Umum Kota Tegal, Ir. Agus Wibisono, MT, divonis enam tahun penjara.\n\n"
        "“Saya akan banding,” kata Agus."
    )
    assert speaker_names(text) == ["Agus Wibisono"]
    assert "Tegal" not in ArticleActors.scan(text).people


def test_an_interrupted_quotation_is_the_same_speakers():
    text = "“Dia tidak membuat kesalahan,” tutur Rizal Fahmi, “dan itu modal penting untuk laga berikutnya.”"
    assert speakers(text) == [("Rizal Fahmi", "direct"), ("Rizal Fahmi", "direct")]


def test_a_quotation_without_a_cue_goes_on_with_the_speaker_before_it():
    text = (
        "Wakil Ketua DPRD Kota Batu, Nur Hidayati, mengatakan bahwa anggaran pupuk bersubsidi belum cair. "
        "“Petani sudah menunggu sejak awal musim tanam.”\n\n"
        "Keluhan serupa datang dari Slamet Riyadi, petani di Desa Tulungrejo. "
        "“Kalau pupuk telat, panen pasti mundur.”"
    )
    # the second quotation follows another person's introduction: it is not Nur Hidayati's
    assert speakers(text) == [("Nur Hidayati", "indirect"), ("Nur Hidayati", "direct")]


def test_a_role_alone_names_the_one_person_given_it_and_alias_gives_a_nickname():
    text = (
        "Kapolres Garut AKBP Wahyu Nugroho mengatakan para pelaku ditangkap di rumah kontrakan.\n\n"
        "“Kami sita lima sepeda motor curian,” ungkap Kapolres.\n\n"
        "Salah satu pelaku, Deni Kurniadi alias Ucok, merupakan residivis kasus serupa.\n\n"
        "“Saya terpaksa karena butuh uang,” ujar Ucok kepada wartawan."
    )
    assert speaker_names(text) == ["Wahyu Nugroho", "Wahyu Nugroho", "Deni Kurniadi"]


def test_a_headline_in_the_body_names_no_one():
    text = (
        "Polisi Bekuk Pencuri Motor Lintas Provinsi, Warga Lega\n\n"
        "Kapolres Garut AKBP Wahyu Nugroho mengatakan pelaku sudah beraksi di lima kabupaten.\n\n"
        "“Kami masih mendalami jaringannya,” katanya."
    )
    assert speaker_names(text) == ["Wahyu Nugroho", "Wahyu Nugroho"]
    assert set(ArticleActors.scan(text).people) == {"Wahyu Nugroho"}


def test_the_subject_is_the_name_a_sentence_is_about_not_the_team_in_its_role():
    text = (
        "Persita Tangerang menelan kekalahan 0-2 di kandang sendiri, Minggu malam.\n\n"
        "Pelatih Persita, Divaldo Alves, mengakui timnya tampil buruk.\n\n"
        "“Kami kehilangan banyak bola di lini tengah,” ucap pelatih asal Portugal itu."
    )
    assert speaker_names(text) == ["Divaldo Alves"]


def test_a_long_institution_name_speaks_without_its_acronym():
    text = (
        "Badan Pengatur Hilir Minyak dan Gas Bumi (BPH Migas) juga menyatakan akan mengawasi penyaluran "
        "bahan bakar bersubsidi selama libur panjang."
    )
    assert speakers(text) == [("Badan Pengatur Hilir Minyak dan Gas Bumi", "indirect")]
