"""Quotes: Indonesian news sentences in, attributed quotes out."""

from pipelines.lib.extract.quotes.marks import find_quoted
from pipelines.lib.extract.quotes.quotes import extract_quotes
from pipelines.lib.extract.sentences import MAX_SENTENCE, sentences


def quotes(text: str) -> list[tuple[str, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract_quotes(text)]


def test_direct_quote_attributed_after_the_closing_mark():
    text = "“China dan Rusia harus bekerja sama lebih erat,” kata Presiden China Xi Jinping kepada Putin."
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.kind, quote.cue, quote.addressee) == ("Xi Jinping", "direct", "kata", "Vladimir Putin")
    assert text[quote.char_start : quote.char_end] == quote.text == "China dan Rusia harus bekerja sama lebih erat"


def test_pronoun_attribution_goes_to_the_last_named_speaker():
    text = (
        "“Kerja sama ini menguntungkan kedua negara,” ujar Vladimir Putin.\n\n"
        "“Kami akan terus memperkuat hubungan strategis,” imbuhnya."
    )
    assert [q[0] for q in quotes(text)] == ["Vladimir Putin", "Vladimir Putin"]


def test_direct_quote_introduced_before_the_marks():
    text = (
        "Dalam pertemuan tersebut, Xi Jinping menyatakan “Hubungan baik kedua negara menjadi dasar perdamaian dunia.”"
    )
    assert quotes(text) == [("Xi Jinping", "direct", "Hubungan baik kedua negara menjadi dasar perdamaian dunia.")]


def test_every_quotation_mark_style():
    for opening, closing in (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")):
        text = f"{opening}Kami siap bekerja sama dengan semua pihak,{closing} kata Putin."
        assert quotes(text) == [("Vladimir Putin", "direct", "Kami siap bekerja sama dengan semua pihak")]


def test_a_quote_continued_in_the_next_paragraph_is_one_quote():
    text = "“Rusia dan China memiliki hubungan terbaik dalam sejarah.\n\n“Kami akan menjaga hubungan itu,” kata Putin."
    [(speaker, kind, said)] = quotes(text)
    assert speaker == "Vladimir Putin" and said.startswith("Rusia dan China") and said.endswith("menjaga hubungan itu")


def test_a_quotation_mark_that_never_closes_stays_in_its_paragraph():
    text = (
        "“Kami tidak pernah diajak bicara soal pemindahan pasar ini, kata Sutarno.\n\n"
        "“Kalau dipaksa pindah, pembeli kami akan hilang semua.\n\n"
        "Kepala Dinas Perdagangan Hendra Gunawan mengatakan bahwa relokasi tetap berjalan pada April."
    )
    spans = find_quoted(text)
    assert [(q.text[:9], q.close_at) for q in spans] == [("Kami tida", None), ("Kalau dip", None)]
    assert all("\n" not in q.text for q in spans)
    assert quotes(text) == [("Hendra Gunawan", "indirect", "relokasi tetap berjalan pada April.")]


def test_thousands_of_marks_and_sentences_in_one_paragraph_are_scanned_once():
    text = '"a" ' * 20_000 + "\n\n“Tidak ditutup. " + "Kalimat berikutnya. " * 20_000
    assert len(find_quoted(text)) == 20_001  # the last quotation runs to its paragraph's end
    # its full stops do not end sentences, up to a sentence's greatest length
    spans = sentences(text)
    assert any(s.text.startswith("“Tidak ditutup. Kalimat berikutnya. Kalimat berikutnya.") for s in spans)
    assert max(len(s.text) for s in spans) <= MAX_SENTENCE


def test_scare_quotes_are_not_quotes():
    text = (
        "Hubungan “stabil, kuat, dan dewasa” antara Rusia dan China terus berkembang. "
        "Barat memboikot olimpiade karena “kekejaman” hak asasi manusia."
    )
    assert quotes(text) == []


def test_indirect_quotes_with_and_without_bahwa():
    text = (
        "Putin mengatakan bahwa Rusia siap menggelar kerja sama dengan China.\n\n"
        "Putin pun menyatakan Rusia dan China memiliki hubungan terbaik."
    )
    assert quotes(text) == [
        ("Vladimir Putin", "indirect", "Rusia siap menggelar kerja sama dengan China."),
        ("Vladimir Putin", "indirect", "Rusia dan China memiliki hubungan terbaik."),
    ]


def test_menurut_and_trailing_attribution_without_marks():
    text = (
        "Menurut Yang Jiechi, Rusia dan China akan saling mendukung kepentingan inti.\n\n"
        "China dan Rusia mesti memperkuat hubungan bilateral, imbuh Yang."
    )
    assert quotes(text) == [
        ("Yang Jiechi", "indirect", "Rusia dan China akan saling mendukung kepentingan inti."),
        ("Yang Jiechi", "indirect", "China dan Rusia mesti memperkuat hubungan bilateral"),
    ]


def test_speaker_named_after_the_date_and_addressee_kept():
    text = "Yuri Ushakov mengatakan kepada wartawan bahwa Xi Jinping menawarkan dukungan kepada Putin."
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.addressee, quote.text) == (
        "Yuri Ushakov",
        "wartawan",
        "Xi Jinping menawarkan dukungan kepada Putin.",
    )
    [quote] = extract_quotes("Presiden China Xi Jinping pada Selasa (21/1) mengatakan dirinya bersedia bekerja sama.")
    assert quote.speaker == "Xi Jinping" and quote.text == "dirinya bersedia bekerja sama."


def test_a_role_in_apposition_names_the_speaker():
    text = (
        '"Sebagian pelaku praktik itu masih pelajar," kata Kasubdit II Ditreskrimum Polda Jambi, '
        "AKBP Bima Prasetyo, di Kota Jambi, Selasa."
    )
    assert quotes(text)[0][0] == "Bima Prasetyo"


def test_a_verb_that_is_not_speech_makes_no_quote():
    assert quotes("Putin menunjukkan dokumen perjanjian kepada wartawan di Kremlin.") == []


def test_reported_speech_ends_where_a_long_elaboration_begins():
    text = (
        "Pemerintah Rusia mengatakan Putin memberi tahu Xi tentang percakapannya dengan Biden, di mana presiden AS "
        "memperingatkan Rusia agar tidak menyerang Ukraina, yang disangkal oleh Moskow, dan Putin mengajukan "
        "tuntutannya untuk janji keamanan.\n\n"
        "Xi mengatakan kedua negara bekerja sama di bidang energi, yang menjadi tulang punggung hubungan."
    )
    assert quotes(text) == [
        ("Russia", "indirect", "Putin memberi tahu Xi tentang percakapannya dengan Biden"),
        # the first part is the longer one: the sentence is kept whole
        (
            "Xi Jinping",
            "indirect",
            "kedua negara bekerja sama di bidang energi, yang menjadi tulang punggung hubungan.",
        ),
    ]


def test_a_remark_added_after_a_direct_quote_is_reported_speech():
    text = "“Tujuan kami tidak berubah,” ujar Xi, seraya menambahkan bahwa China siap bekerja dengan pemerintahan baru."
    assert quotes(text) == [
        ("Xi Jinping", "direct", "Tujuan kami tidak berubah"),
        ("Xi Jinping", "indirect", "China siap bekerja dengan pemerintahan baru."),
    ]


def test_a_partial_quotation_inside_reported_speech_does_not_hide_it():
    text = (
        "Xi mengatakan kepada Putin bahwa China dan Rusia harus memperkuat koordinasi "
        '"dalam situasi internasional yang bergejolak".'
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.kind, quote.addressee) == ("Xi Jinping", "indirect", "Vladimir Putin")


def test_a_speaker_named_in_apposition_after_a_long_role():
    text = (
        "Kepala Seksi Urusan Umum dan Humas PT Angkasa I Bandara Internasional Lombok (BIL), Eka Asmadi, "
        "saat dihubungi melalui telepon dari Mataram, Kamis, mengatakan,pembatalan seluruh penerbangan "
        "itu dilakukan mulai tadi pagi.\n\n"
        '"Penutupan bandara ini dilakukan demi keselamatan penerbangan," katanya.'
    )
    assert quotes(text) == [
        ("Eka Asmadi", "indirect", "pembatalan seluruh penerbangan itu dilakukan mulai tadi pagi."),
        ("Eka Asmadi", "direct", "Penutupan bandara ini dilakukan demi keselamatan penerbangan"),
    ]


def test_a_description_of_the_last_speaker_and_a_relative_clause_before_the_verb():
    text = (
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Beijing. "
        "Diplomat senior Rusia itu juga mengatakan bahwa konferensi tanpa Moskow tidak ada gunanya.\n\n"
        "Modi, yang bertemu Putin di sela KTT, mengatakan India dan Rusia selalu berdiri bahu-membahu."
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Sergey Lavrov", "konferensi tanpa Moskow tidak ada gunanya."),
        ("Narendra Modi", "India dan Rusia selalu berdiri bahu-membahu."),
    ]


def test_a_news_agency_is_the_source_not_the_speaker():
    text = "Menurut kantor berita Xinhua, Xi mengatakan hubungan China-Rusia tidak ditujukan kepada pihak ketiga."
    assert quotes(text) == [("Xi Jinping", "indirect", "hubungan China-Rusia tidak ditujukan kepada pihak ketiga.")]


def test_an_organisation_quoted_twice_in_a_row():
    text = (
        "“Aktivitas ini tidak dianggap sebagai ancaman bagi kawasan,” kata NORAD dalam pernyataannya. "
        "“Kami akan terus memantau aktivitas pesaing di dekat Amerika Utara.”"
    )
    assert [q[0] for q in quotes(text)] == ["NORAD", "NORAD"]


def test_naming_someone_is_not_reported_speech():
    assert quotes("Putin menyebut Xi sebagai sahabat terbaiknya di panggung dunia.") == []


def test_according_to_nobody_is_no_quote():
    assert quotes("Menurut , harga beras naik tajam di pasar induk pekan ini.") == []


def test_a_relative_clause_inside_the_reported_clause_does_not_end_it():
    text = (
        "Kepala BPBD Kota Semarang, Endro Pudyo, mengatakan, warga yang tinggal di bantaran sungai, "
        "yang rawan banjir, diminta tetap waspada sampai akhir bulan.\n\n"
        "Endro mengatakan pompa air di Kaligawe sudah diperbaiki, yang selama bertahun-tahun menjadi penyebab utama "
        "genangan di kawasan industri itu."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "warga yang tinggal di bantaran sungai, yang rawan banjir, diminta tetap waspada sampai akhir bulan.",
        "pompa air di Kaligawe sudah diperbaiki",  # a long elaboration at the end is cut off
    ]
