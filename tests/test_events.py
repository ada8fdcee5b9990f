"""Events: typed, with participants, dates resolved against the publication date, and a CAMEO code."""

import datetime as dt

from pipelines.lib.extract.analysis import analyze

PUBLISHED = dt.date(2021, 12, 15)


def events(text: str, published: dt.date | None = PUBLISHED):
    return analyze(text, published, dt.date(2026, 11, 22)).events


def test_a_video_call_with_its_weekday_date():
    [call] = events("Presiden Vladimir Putin dan Xi Jinping sepakat dalam panggilan virtual pada Rabu (15/12).")
    assert (call.event_type, call.mode, call.date.iso(), call.cameo_code) == ("call", "video", "2021-12-15", "041")
    assert {"Vladimir Putin", "Xi Jinping", "Russia", "China"} <= set(call.participants)


def test_an_offset_is_anchored_on_the_previous_dated_event():
    text = (
        "Putin dan Xi Jinping berbicara melalui tautan video pada Rabu (15/12).\n\n"
        "Percakapan itu terjadi delapan hari setelah Putin berbicara dengan Presiden AS Joe Biden secara virtual."
    )
    first, second = events(text)
    assert second.date.iso() == "2021-12-07"
    assert {"Vladimir Putin", "Joe Biden"} <= set(second.participants) and "Xi Jinping" not in second.participants


def test_a_planned_meeting_with_a_month():
    [meeting] = events("Putin pun berharap untuk bertemu Xi di Olimpiade Musim Dingin di Beijing pada bulan Februari.")
    assert (meeting.event_type, meeting.status, meeting.date.iso(), meeting.location) == (
        "meeting",
        "planned",
        "2022-02",
        "Beijing",
    )
    assert meeting.cameo_code == "036"


def test_a_visit_and_a_weekday_that_fixes_the_year():
    [visit] = events("Xi tiba di Moskow pada Senin (20/3), untuk kunjungan tiga hari.", dt.date(2023, 3, 22))
    assert (visit.event_type, visit.date.iso(), visit.location) == ("visit", "2023-03-20", "Moskow")


def test_an_undated_event_takes_the_publication_month_and_says_so():
    [signing] = events("Putin dan Xi Jinping menandatangani beberapa dokumen kerja sama.", dt.date(2023, 3, 22))
    assert (signing.event_type, signing.date.iso(), signing.date_source) == ("agreement", "2023-03", "publication")


def test_an_anniversary_of_a_signing_is_not_a_signing():
    [event] = events("Tahun ini menandai peringatan 20 tahun penandatanganan perjanjian Rusia dan China.")
    assert event.event_type == "anniversary"


def test_a_reference_back_to_a_reported_meeting_is_not_a_new_event():
    assert events("Dalam pertemuan tersebut, Xi Jinping berbicara tentang perdamaian.") == []


def test_words_inside_a_direct_quote_are_not_events():
    assert events("“Kami akan bertemu lagi di Beijing,” kata Putin.") == []


def test_the_source_of_a_report_is_not_a_party_and_both_leaders_are_the_last_pair():
    text = (
        "Kremlin mengatakan Putin dan Xi membahas situasi di Ukraina melalui sambungan telepon pada Jumat.\n\n"
        "Menurut Peskov, pertemuan kedua pemimpin dijadwalkan berlangsung di Kazan bulan depan."
    )
    call, meeting = events(text, dt.date(2024, 4, 12))
    assert (call.event_type, call.date.iso(), call.location) == ("call", "2024-04-12", None)
    assert (meeting.status, meeting.date.iso(), meeting.location) == ("planned", "2024-05", "Kazan")
    assert {"Vladimir Putin", "Xi Jinping"} <= set(meeting.participants)
    assert "Dmitry Peskov" not in meeting.participants


def test_a_meeting_first_reported_after_usai_and_a_one_sided_signing_is_no_agreement():
    text = (
        "Prabowo dan Putin menandatangani deklarasi kemitraan seusai pertemuan bilateral di St Petersburg, "
        "Kamis (19/6).\n\n"
        "Trump meneken perintah eksekutif soal tarif pada Sabtu (1/2)."
    )
    found = events(text, dt.date(2025, 6, 20))
    assert {e.event_type for e in found} == {"agreement", "meeting"}
    assert all("Donald Trump" not in e.participants for e in found)
