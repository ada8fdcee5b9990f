"""Dates in Indonesian news: phrases in, resolved dates out.

``when(text, reference)`` finds the single date mention in ``text`` and resolves it;
results are written as in the gold annotations: "2021-12-15" (day), "2022-02" (month),
"2021" (year).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipelines.lib.dates import (
    DateMention,
    ResolvedDate,
    find_date_mentions,
    find_publication_date,
    reference_date,
    resolve,
)

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"  # ../shared beside the repository
INGESTED = dt.date(2026, 11, 22)


def D(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def only_mention(text: str) -> DateMention:
    mentions = find_date_mentions(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def when(text: str, reference: str, **kwargs) -> str | None:
    resolved = resolve(only_mention(text), D(reference), **kwargs)
    return resolved.iso() if resolved else None


def mention_in(text: str, surface: str) -> DateMention:
    return next(m for m in find_date_mentions(text) if m.surface == surface)


def seed(prefix: str, fallback: str) -> str:
    """A seed article's text, or the sentences these tests need when the seeds are absent."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    return found[0].read_text(encoding="utf-8") if found else fallback


SEED_000 = seed(
    "000",
    "Perjanjian yang sudah dimulai sejak 2001 lalu. Sebelumnya, kedua kepala negara "
    "menandatangani perjanjian ini pada tahun 1992 ke 2000.",
)
SEED_001 = seed(
    "001",
    "Duet Negara Adidaya!\n\n28 Mei 2021, 08:37 WIB\nPotret Presiden Rusia\n\n"
    "Pernyataan tersebut ia sampaikan dalam sambungan telepon bersama Yang Jiechi pada Rabu, 26 Mei 2021.",
)
SEED_002 = seed(
    "002",
    "Presiden Rusia Vladimir Putin mengadakan pembicaraan dengan Presiden China Xi Jinping "
    "melalui tautan video di kediamannya di luar Moskow, Rusia, 15 Desember 2021. Foto: Sputnik.\n\n"
    "Putin dan Xi Jinping sepakat dalam panggilan virtual pada Rabu (15/12).\n\n"
    "Percakapan kedua pemimpin tersebut terjadi delapan hari setelah Putin berbicara dengan Joe Biden.\n\n"
    "Putin pun berharap untuk bertemu Xi di Olimpiade Musim Dingin di Beijing pada bulan Februari.",
)
SEED_003 = seed(
    "003",
    "kata Putin pada makan malam seremonial di Kremlin seperti dilansir rt.com, Rabu (22/3/2024).\n\n"
    "Presiden Rusia memuji peta jalan perdamaian yang diusulkan oleh China bulan lalu.\n\n"
    "Xi tiba di Moskow pada Senin (20/3), untuk kunjungan tiga hari. Pada Selasa (21/3) malam, KTT "
    "telah menghasilkan total 14 pernyataan.",
)
SEED_004 = seed(
    "004",
    "Sedang Trending 1 bulan yang lalu\n\nPresiden China Xi Jinping pada Selasa (21/1) mengatakan "
    "dirinya bersedia bekerja sama dengan Presiden Rusia Vladimir Putin. Xi mengingat kembali tiga "
    "pertemuannya dengan Putin tahun lalu. Xi menyatakan bahwa tahun ini menandai peringatan 80 tahun "
    "kemenangan Perang Dunia II.",
)


# --- The seed articles -------------------------------------------------------------------


def test_seed_000_has_no_publication_date_only_years():
    assert find_publication_date(SEED_000, INGESTED) is None
    years = [m.surface for m in find_date_mentions(SEED_000) if m.kind == "year"]
    assert years[:3] == ["2001 lalu", "tahun 1992", "2000"]


def test_seed_001_dateline_and_call_date():
    published = find_publication_date(SEED_001, INGESTED)
    assert published == ResolvedDate(D("2021-05-28"), "day", False, None)
    call = mention_in(SEED_001, "Rabu, 26 Mei 2021")
    assert resolve(call, published.value).iso() == "2021-05-26"


def test_seed_002_caption_date_call_and_the_biden_call_eight_days_before():
    published = find_publication_date(SEED_002, INGESTED)
    assert published.iso() == "2021-12-15"
    xi_call = resolve(mention_in(SEED_002, "Rabu (15/12)"), D("2021-12-15"))
    assert xi_call.iso() == "2021-12-15"
    biden = mention_in(SEED_002, "delapan hari setelah")
    assert biden.kind == "offset" and biden.offset_days == -8
    assert resolve(biden, D("2021-12-15"), anchor=xi_call).iso() == "2021-12-07"


def test_seed_002_planned_meeting_in_february_is_next_year():
    february = mention_in(SEED_002, "bulan Februari")
    assert february.future_cue  # "Putin pun berharap untuk bertemu ..."
    assert resolve(february, D("2021-12-15")).iso() == "2022-02"


def test_seed_003_publication_date_with_wrong_year_is_corrected():
    published = find_publication_date(SEED_003, INGESTED)
    assert published.iso() == "2023-03-22"
    assert published.is_contradiction
    assert published.note == "weekday Rabu contradicts 22/3/2024 (a Friday); 2023 fits"


def test_seed_003_days_of_the_visit_and_last_month():
    ref = D("2023-03-22")
    assert resolve(mention_in(SEED_003, "Senin (20/3)"), ref).iso() == "2023-03-20"
    assert resolve(mention_in(SEED_003, "Selasa (21/3)"), ref).iso() == "2023-03-21"
    last_month = resolve(mention_in(SEED_003, "bulan lalu"), ref)
    assert (last_month.iso(), last_month.precision) == ("2023-02", "month")


def test_seed_004_undated_article_weekday_fixes_the_year():
    assert find_publication_date(SEED_004, INGESTED) is None
    call = resolve(mention_in(SEED_004, "Selasa (21/1)"), INGESTED)
    assert call.iso() == "2025-01-21" and not call.is_contradiction


def test_seed_004_reference_date_from_the_pinned_weekday():
    # Without a publication date, "tahun ini" should be the year of the events (2025), not 2026.
    ref = reference_date(SEED_004, INGESTED)
    assert ref == D("2025-01-21")
    assert resolve(mention_in(SEED_004, "tahun lalu"), ref).iso() == "2024"
    assert resolve(next(m for m in find_date_mentions(SEED_004) if m.surface == "tahun ini"), ref).iso() == "2025"


# --- Absolute dates and the weekday check ------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pada Rabu, 26 Mei 2021.", "2021-05-26"),
        ("dilansir rt.com, Kamis (23/3/2023).", "2023-03-23"),
        ("(22/3/2024)", "2024-03-22"),
        ("15 Des 2021", "2021-12-15"),
        ("2021-12-03", "2021-12-03"),
        ("on March 22, 2023", "2023-03-22"),
        ("on 22 March 2023", "2023-03-22"),
    ],
)
def test_absolute_dates_are_taken_as_written(text, expected):
    assert only_mention(text).kind == "absolute"
    assert when(text, "2030-01-01") == expected


def test_weekday_contradicting_the_year_picks_the_nearest_fitting_year():
    resolved = resolve(only_mention("Rabu (22/3/2024)"), D("2024-03-22"))
    assert resolved.value == D("2023-03-22") and resolved.precision == "day"
    assert resolved.is_contradiction and "2023 fits" in resolved.note


def test_impossible_dates():
    assert find_date_mentions("(31/2/2024)") == []  # no 31 February in any year
    assert when("(29/2/2023)", "2024-03-01") is None  # 2023 is no leap year


# --- Day and month without a year --------------------------------------------------------


def test_day_month_with_weekday_is_latest_agreeing_date_not_after_reference():
    assert when("Selasa (21/1)", "2026-11-22") == "2025-01-21"  # 21/1/2026 was a Wednesday
    assert when("Rabu (15/12)", "2021-12-15") == "2021-12-15"  # the reference day itself


def test_day_month_without_weekday_is_latest_such_date_not_after_reference():
    assert when("pada 20 Desember", "2021-12-15") == "2020-12-20"
    assert when("pada 10 Desember", "2021-12-15") == "2021-12-10"
    assert when("Jakarta (15/12) -", "2021-12-15") == "2021-12-15"


def test_day_month_in_future_tense_is_the_next_such_date():
    assert when("KTT akan digelar pada 20 Januari", "2021-12-15") == "2022-01-20"


# --- Weekday alone -----------------------------------------------------------------------


def test_weekday_alone_is_the_latest_such_day_not_after_reference():
    # 2021-12-15 is a Wednesday.
    assert when("Ia datang pada Senin.", "2021-12-15") == "2021-12-13"
    assert when("sebagaimana warta pada Rabu, Xi", "2021-12-15") == "2021-12-15"
    assert when("kata Putin, Rabu.", "2021-12-15") == "2021-12-15"
    assert when("Rabu lalu", "2021-12-15") == "2021-12-08"  # "lalu": strictly before


def test_weekday_in_future_tense_is_the_next_such_day():
    assert when("Ia akan datang pada Senin.", "2021-12-15") == "2021-12-20"
    assert when("Rabu depan", "2021-12-15") == "2021-12-22"


# --- Month alone -------------------------------------------------------------------------


def test_month_without_year():
    assert when("pada bulan Februari", "2021-12-15") == "2021-02"  # no future cue: the past one
    assert when("Putin berharap bertemu pada bulan Februari", "2021-12-15") == "2022-02"
    assert when("bulan Februari", "2021-12-15", future=True) == "2022-02"  # caller knows the tense
    assert when("pada Maret", "2021-12-15") == "2021-03"
    assert when("Desember lalu", "2021-12-15") == "2020-12"
    assert when("sejak Maret 2020", "2021-12-15") == "2020-03"


# --- Years -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sejak 2001 lalu", "2001"),
        ("pada tahun 2022", "2022"),
        ("misi ke asteroid tahun 2024 nanti", "2024"),
        ("akhir 2021", "2021"),
    ],
)
def test_years_after_a_cue(text, expected):
    assert when(text, "2021-12-15") == expected


def test_year_range_gives_both_years():
    assert [m.year for m in find_date_mentions("pada tahun 1992 ke 2000")] == [1992, 2000]


# --- Relative to the reference -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("kemarin", "2021-12-14", "day"),
        ("dua hari lalu", "2021-12-13", "day"),
        ("pekan lalu", "2021-12-08", "day"),  # approximate: a week before
        ("bulan lalu", "2021-11", "month"),
        ("1 bulan yang lalu", "2021-11", "month"),
        ("tahun lalu", "2020", "year"),
        ("tahun lampau", "2020", "year"),
        ("tahun ini", "2021", "year"),
        ("tahun depan", "2022", "year"),
        ("80 tahun silam", "1941", "year"),
    ],
)
def test_relative_dates(text, expected, precision):
    resolved = resolve(only_mention(text), D("2021-12-15"))
    assert (resolved.iso(), resolved.precision) == (expected, precision)


def test_week_is_approximate():
    assert resolve(only_mention("pekan lalu"), D("2021-12-15")).note == "approximate: pekan lalu"


def test_vague_counts_are_not_dates():
    assert find_date_mentions("beberapa tahun lalu") == []


# --- Offsets from another event ----------------------------------------------------------


def test_offset_needs_an_anchor():
    assert when("tiga hari sebelum KTT", "2021-12-15") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("delapan hari setelah", "2021-12-07"),
        ("tiga hari sebelum", "2021-12-18"),
        ("sehari setelah", "2021-12-14"),
        ("dua puluh satu hari setelah", "2021-11-24"),
    ],
)
def test_offset_from_anchor(text, expected):
    anchor = ResolvedDate(D("2021-12-15"), "day")
    assert when(text, "2030-01-01", anchor=anchor) == expected


def test_offset_keeps_the_coarser_precision_of_the_anchor():
    anchor = ResolvedDate(D("2021-12-01"), "month")
    assert when("delapan hari setelah", "2030-01-01", anchor=anchor) == "2021-11"


# --- Things that are not dates -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Anggaran APBN 2022 naik.",
        "pandemi Covid-19",
        "putaran ke-16",
        "harga Rp 2.021 per liter",
        "setengah (1/2) porsi",
        "rasio 1/2 dari total",
        "layanan 24/7",
        "hingga 2000 orang",
        "Agustus Sani berbicara",
        "hukuman 5 Bulan Penjara",
        "peringatan 75 tahun hubungan",
        "setiap minggu",
    ],
)
def test_not_dates(text):
    assert find_date_mentions(text) == []


# --- Publication date --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Judul\n\n28 Mei 2021, 08:37 WIB\nIsi berita.", "2021-05-28"),
        ("Judul\nSenin, 28 Mei 2018 | 08:37 WIB\nIsi berita.", "2018-05-28"),
        ("Judul\nJumat, 22 Maret 2024 - 10:15\nIsi berita.", "2024-03-22"),
        ("JAKARTA - Presiden berbicara di Istana, Rabu (22/3/2023).", "2023-03-22"),
    ],
)
def test_publication_date_shapes(text, expected):
    assert find_publication_date(text, INGESTED).iso() == expected


def test_historical_date_in_prose_is_not_the_publication_date():
    prose = (
        "Presiden Joko Widodo memimpin upacara peringatan kemerdekaan di Istana Merdeka " * 4
        + "yang diproklamasikan pada 17 Agustus 1945 oleh Soekarno dan Hatta di Jakarta."
    )
    assert find_publication_date("Judul\n\n" + prose, INGESTED) is None
    assert find_publication_date("Judul\n\n" + prose + " Kata dia, Rabu (15/12/2021).", INGESTED).iso() == "2021-12-15"


def test_a_year_alone_is_no_publication_date():
    assert find_publication_date("Kerja sama sejak 2001 dan tahun 1992 ke 2000.", INGESTED) is None


def test_publication_date_after_ingestion_is_ignored():
    assert find_publication_date("Judul\n28 Mei 2030, 08:37 WIB\n", D("2026-11-22")) is None


def test_language_without_a_date_lexicon_falls_back_to_indonesian():
    assert [m.kind for m in find_date_mentions("Talks on March 22, 2023 in Moscow", language="en")] == ["absolute"]


def test_mention_offsets_point_into_the_text():
    text = "Xi tiba di Moskow pada Senin (20/3), untuk kunjungan tiga hari."
    (m,) = find_date_mentions(text)
    assert (m.kind, m.day, m.month, m.weekday) == ("day_month", 20, 3, 0)
    assert text[m.start : m.end] == m.surface == "Senin (20/3)"


def test_day_month_with_lalu_is_strictly_past():
    assert when("pada 23 Maret lalu", "2023-03-23") == "2022-03-23"


def test_a_month_of_last_or_next_year():
    reference = dt.date(2025, 5, 8)
    [mention] = find_date_mentions("Putin berkunjung ke Beijing pada Mei tahun lalu.")
    assert resolve(mention, reference).iso() == "2024-05"
    [mention] = find_date_mentions("KTT itu digelar bulan Maret tahun depan.")
    assert resolve(mention, reference).iso() == "2026-03"


def test_a_date_outside_the_calendar_resolves_to_none():
    # the storm, three days before 1 January of year 1, would be in year 0: no datetime holds it
    first, offset = find_date_mentions("Pada 1 Januari 0001 hujan turun, tiga hari setelah badai itu.")
    anchor = resolve(first, D("2025-01-01"))
    assert anchor.iso() == "0001-01-01"
    assert resolve(offset, D("2025-01-01"), anchor=anchor) is None
    [last_year] = find_date_mentions("tahun lalu")
    assert resolve(last_year, dt.date(1, 6, 1)) is None
