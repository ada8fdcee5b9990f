"""Events on any topic: the date an event's own words give, the parties that take part, the same
actors the quotes use. Sentences of trade, sport, courts, health and business news."""

import datetime as dt

from pipelines.lib.dates import find_date_mentions
from pipelines.lib.extract.analysis import analyze

PUBLISHED = dt.date(2024, 7, 10)
LEADERS = "Presiden Joko Widodo dan Perdana Menteri Anwar Ibrahim bertemu di Istana Bogor, Senin (8/7).\n\n"


def events(text: str, published: dt.date | None = PUBLISHED):
    return analyze(text, published, dt.date(2026, 11, 22)).events


def one(text: str, kind: str, published: dt.date | None = PUBLISHED):
    [event] = [e for e in events(text, published) if e.event_type == kind]
    return event


# -- a date from a plan or an older period does not date a signing ----------------------------


def test_a_plans_target_year_is_not_lent_to_the_next_sentences_signing():
    text = (
        "Indonesia dan Malaysia membuat rencana kawasan perdagangan bebas pada tahun 2030.\n\n"
        "Menteri perdagangan kedua negara menandatangani perjanjian dagang di Jakarta."
    )
    signing = one(text, "agreement")
    assert (signing.date.iso(), signing.date_source) == ("2024-07", "publication")


def test_a_signing_that_has_happened_is_not_dated_after_the_article():
    text = "Indonesia dan Australia menandatangani perjanjian dagang yang ditargetkan berlaku pada tahun 2030."
    assert one(text, "agreement").date.iso() == "2024-07"


def test_a_span_of_years_does_not_date_a_signing_the_text_dates_before():
    text = (
        "Jepang dan Vietnam merundingkan kerja sama ekonomi sejak 2008. "
        "Sebelumnya, kedua negara menandatangani perjanjian ini pada tahun 1995 hingga 2000."
    )
    signing = one(text, "agreement")
    assert (signing.date.iso(), signing.date_source) == ("2008", "context")
    assert {"Japan", "Vietnam"} <= set(signing.participants)


def test_a_list_of_years_leaves_a_contract_undated_but_dates_a_series_of_drills():
    contract = one("Gazprom dan Sinopec menandatangani kontrak pasokan gas pada tahun 2019 dan 2020.", "agreement")
    assert contract.date is None
    drills = one("Rusia dan China menggelar latihan militer bersama pada 2019 dan 2020.", "exercise")
    assert drills.date.iso() == "2019"


def test_a_year_that_opens_a_paragraph_after_a_dated_one_is_found():
    [_, year] = find_date_mentions(LEADERS + "Pada 2009, kedua negara meneken perjanjian perbatasan.")
    assert (year.surface, year.year) == ("2009", 2009)


# -- leaders of today are no parties to an old treaty -----------------------------------------


def test_both_leaders_of_today_are_not_parties_to_a_treaty_signed_years_before():
    text = (
        LEADERS + "Pada 2009, kedua kepala negara menandatangani perjanjian perbatasan antara Indonesia dan Malaysia."
    )
    signing = one(text, "agreement")
    assert signing.date.iso() == "2009"
    assert set(signing.participants) == {"Indonesia", "Malaysia"}


def test_both_leaders_of_a_recent_signing_are_the_articles_people():
    text = LEADERS + "Kedua pemimpin menandatangani perjanjian perbatasan antara Indonesia dan Malaysia pada 2022."
    signing = one(text, "agreement")
    assert {"Joko Widodo", "Anwar Ibrahim", "Indonesia", "Malaysia"} <= set(signing.participants)


def test_a_leader_named_in_an_old_signing_stays_a_party():
    text = LEADERS + "Joko Widodo dan Anwar Ibrahim menandatangani nota kesepahaman itu pada 2015."
    assert {"Joko Widodo", "Anwar Ibrahim"} <= set(one(text, "agreement").participants)


# -- a rival or a benchmark takes no part -----------------------------------------------------


def test_the_industry_two_countries_want_to_overtake_is_no_party_to_their_deal():
    text = "Indonesia dan Vietnam menyepakati kerja sama kendaraan listrik untuk menyaingi industri otomotif Jepang."
    assert set(one(text, "agreement").participants) == {"Indonesia", "Vietnam"}


def test_the_rival_of_a_merger_is_no_party_to_it():
    deal = one("Rosneft dan Sinopec sepakat melakukan merger untuk mengimbangi Gazprom.", "agreement")
    assert {"Rosneft", "Sinopec"} <= set(deal.participants) and "Gazprom" not in deal.participants


def test_a_benchmark_before_the_signing_is_no_party_either():
    text = "Dibandingkan Jepang, Indonesia dan Malaysia lebih cepat menandatangani perjanjian dagang itu."
    assert "Japan" not in one(text, "agreement").participants


def test_the_opponent_of_a_match_plays_in_it():
    match = one(
        "Tim nasional Indonesia akan melawan Vietnam pada laga final di Hanoi, Minggu (14/7) malam nanti.", "other"
    )
    assert (match.status, match.date.iso(), match.location) == ("planned", "2024-07-14", "Hanoi")
    assert {"Indonesia", "Vietnam"} <= set(match.participants)


# -- the date of an announcement is not the date of what it announces -------------------------


def test_last_week_dates_the_announcement_not_the_contract_to_be_signed():
    text = (
        "Kementerian Kesehatan Malaysia, pekan lalu, mengumumkan rumah sakit pemerintah akan menandatangani "
        "kontrak pengadaan vaksin dengan Singapura."
    )
    contract = one(text, "agreement")
    assert (contract.status, contract.date) == ("planned", None)


def test_the_day_a_ministry_speaks_does_not_date_a_signing_it_reports():
    text = (
        "Kementerian Kesehatan Malaysia, Senin (8/7), mengatakan kedua rumah sakit telah menandatangani kontrak "
        "pengadaan vaksin dengan Singapura."
    )
    contract = one(text, "agreement")
    assert (contract.date.iso(), contract.date_source) == ("2024-07", "publication")


def test_a_date_of_saying_in_the_call_itself_dates_the_call():
    text = (
        "Presiden Prabowo Subianto pada Senin (8/7) menyatakan dalam panggilan video dengan Presiden Vladimir Putin "
        "bahwa kedua negara akan memperluas kerja sama."
    )
    assert one(text, "call").date.iso() == "2024-07-08"


def test_a_planned_event_takes_no_date_already_past():
    text = "Federasi sepak bola Jepang dan Korea Selatan, Senin lalu, berencana menandatangani nota kerja sama."
    assert one(text, "agreement").date is None


# -- events take the article's actors ---------------------------------------------------------


def test_ministers_the_lexicon_does_not_know_meet_as_the_article_names_them():
    text = (
        "Menteri Perdagangan Budi Santoso bertemu Menteri Perdagangan Malaysia Tengku Zafrul Aziz "
        "di Kuala Lumpur, Selasa (9/7)."
    )
    meeting = one(text, "meeting")
    assert {"Budi Santoso", "Tengku Zafrul Aziz"} <= set(meeting.participants)
    assert (meeting.date.iso(), meeting.location) == ("2024-07-09", "Kuala Lumpur")


def test_a_speaker_named_in_full_once_takes_part_by_first_name_later():
    text = (
        "“Kami ingin liga berjalan sehat,” kata Ketua Umum PSSI Erick Thohir.\n\n"
        "Erick bertemu Presiden Joko Widodo di Istana Merdeka, Selasa (9/7)."
    )
    assert {"Erick Thohir", "Joko Widodo"} <= set(one(text, "meeting").participants)


def test_the_agency_a_report_is_taken_from_is_no_party_but_agencies_can_sign():
    text = "Indonesia dan Australia menandatangani perjanjian dagang di Canberra, seperti dilansir Xinhua."
    assert set(one(text, "agreement").participants) == {"Indonesia", "Australia"}
    pact = one("Kantor berita Xinhua dan TASS menandatangani nota kerja sama pertukaran berita.", "agreement")
    assert {"Xinhua", "TASS"} <= set(pact.participants)


# -- what companies, courts and police do -----------------------------------------------------


def test_a_joint_venture_and_a_settlement_are_agreements():
    venture = one("Gazprom dan Sinopec mendirikan perusahaan patungan untuk membangun pabrik gas.", "agreement")
    assert {"Gazprom", "Sinopec"} <= set(venture.participants)
    settlement = one("Gazprom dan Rosneft mencapai kesepakatan damai dalam sengketa pasokan gas.", "agreement")
    assert {"Gazprom", "Rosneft"} <= set(settlement.participants)


def test_a_case_handed_to_prosecutors_is_an_event_between_the_two_offices():
    text = "Kepolisian Thailand melimpahkan tersangka penipuan daring ke Kejaksaan Agung Indonesia, Kamis (4/7)."
    handover = one(text, "other")
    assert (handover.date.iso(), set(handover.participants)) == ("2024-07-04", {"Thailand", "Indonesia"})


def test_a_meeting_without_a_plan_has_happened():
    text = (
        "Menteri Luar Negeri Retno Marsudi dan Menteri Luar Negeri Jepang Yoko Kamikawa yang tanpa direncanakan "
        "bertemu di Bandara Soekarno-Hatta, Senin (8/7)."
    )
    meeting = one(text, "meeting")
    assert (meeting.status, meeting.date.iso()) == ("occurred", "2024-07-08")


def test_signing_this_treaty_is_news_but_that_meeting_points_back():
    signing = one(
        "Kedua negara, Indonesia dan Malaysia, akhirnya menandatangani perjanjian ini pada 2022.", "agreement"
    )
    assert signing.date.iso() == "2022"
    assert events("Dalam pertemuan itu, Indonesia dan Malaysia membahas perbatasan.") == []
