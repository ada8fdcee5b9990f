"""Reporting cues: found by their stem whatever their affix, before, after or inside what is reported."""

from pipelines.lib import lexicons
from pipelines.lib.extract.quotes.cue_words import cue_words, inflect
from pipelines.lib.extract.quotes.cues import load_cues
from pipelines.lib.extract.quotes.quotes import extract_quotes


def quotes(text: str) -> list[tuple[str, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract_quotes(text)]


# -- morphology ---------------------------------------------------------------------------------------------------


def test_the_nasal_prefix_takes_the_shape_of_the_stem():
    morphology = lexicons.load("quotes", "id")["morphology"]
    forms = {stem: inflect(stem, "meN-kan", morphology)[0][0] for stem in ("kata", "tutur", "papar", "sebut", "ungkap")}
    assert forms == {
        "kata": "mengatakan",
        "tutur": "menuturkan",
        "papar": "memaparkan",
        "sebut": "menyebutkan",
        "ungkap": "mengungkapkan",
    }
    assert inflect("klaim", "meN-", morphology)[0] == ["mengklaim"]  # a consonant cluster keeps its first letter
    assert inflect("lanjut", "meN-kan", morphology) == (["melanjutkan"], ["dilanjutkan"])


def test_every_form_of_a_stem_is_a_cue():
    cues = load_cues("id")
    assert {"mengaku", "menilai", "mengatakan", "berkata", "menandaskan"} <= cues.speech_verbs
    assert {"mengimbau", "meminta", "mencontohkan", "menyampaikan"} <= cues.weak_speech_verbs
    assert {"tutup", "tandas", "pungkas", "sambung", "lanjut", "dikatakannya", "katanya"} <= cues.words.after
    assert {"dikatakannya", "tandasnya", "tutupnya"} <= cues.words.pronoun_after
    assert "menambah" not in cues.speech_verbs  # "menambah jumlah" adds, it says nothing


def test_a_lexicon_of_stems_makes_its_own_forms():
    lexicon = {
        "cue_stems": {"lapor": {"after": ["-"], "weak": ["meN-kan"]}},
        "morphology": {
            "pronoun_suffix": "nya",
            "passive_prefix": "di",
            "nasal": {"name": "meN", "prefix": "me", "rules": [{"letters": "l", "nasal": ""}]},
        },
        "cues": {},
    }
    words = cue_words(lexicon)
    assert words.weak == {"melaporkan"} and words.after == {"lapor", "lapornya"}


# -- cue positions ---------------------------------------------------------------------------------------------------


def test_cues_after_before_and_around_the_quotation():
    text = (
        "Kepala Dinas Pendidikan Kota Padang, Yusrizal Anwar, menegaskan: “Sekolah tetap buka seperti biasa.”\n\n"
        "“Tidak ada libur tambahan,” dikatakannya.\n\n"
        "Ujian semester, lanjutnya, tetap digelar pada pekan kedua Juni."
    )
    assert quotes(text) == [
        ("Yusrizal Anwar", "direct", "Sekolah tetap buka seperti biasa."),
        ("Yusrizal Anwar", "direct", "Tidak ada libur tambahan"),
        ("Yusrizal Anwar", "indirect", "tetap digelar pada pekan kedua Juni."),
    ]


def test_a_cue_with_its_subject_inside_the_reported_clause():
    text = (
        "Pengamat transportasi Darmaningtyas Wibowo menilai tarif baru terlalu tinggi.\n\n"
        "Bukan tidak mungkin, ia melanjutkan, penumpang kembali beralih ke sepeda motor."
    )
    assert quotes(text)[-1] == ("Darmaningtyas Wibowo", "indirect", "penumpang kembali beralih ke sepeda motor.")


def test_affixed_cues_report_speech():
    text = (
        "Ketua RT setempat, Joko Susilo, mengaku tidak pernah menerima laporan soal bangunan liar itu.\n\n"
        "Ia menilai warga enggan melapor karena takut.\n\n"
        "Joko mengimbau, warga segera melapor bila melihat pembangunan tanpa izin."
    )
    assert [(q.speaker, q.cue) for q in extract_quotes(text)] == [
        ("Joko Susilo", "mengaku"),
        ("Joko Susilo", "menilai"),
        ("Joko Susilo", "mengimbau"),
    ]


def test_a_reported_clause_opened_by_bahwa_with_a_pronoun_subject():
    text = "Pelatih Persikas, Asep Saepuloh, menyatakan bahwa ia tidak puas dengan hasil imbang itu."
    assert quotes(text) == [("Asep Saepuloh", "indirect", "ia tidak puas dengan hasil imbang itu.")]


def test_kata_role_comma_name_comma_date():
    text = "“Stok beras aman sampai Lebaran,” kata Kepala Bulog Cabang Cirebon, Hendra Kusuma, di Cirebon, Senin (4/3)."
    assert quotes(text) == [("Hendra Kusuma", "direct", "Stok beras aman sampai Lebaran")]


def test_kata_dia_and_menurut_dia_with_a_comma():
    text = (
        "Kepala Puskesmas Tanjung, Ratna Sari, mengatakan stok vaksin menipis.\n\n"
        "“Kami sudah minta kiriman tambahan,” kata dia, seraya menambahkan bahwa kiriman tiba pekan depan.\n\n"
        "Menurut dia, warga yang belum divaksin bisa datang setiap Selasa."
    )
    assert [q[0] for q in quotes(text)] == ["Ratna Sari"] * 4
