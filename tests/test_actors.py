"""Actors: canonical names from whatever the article writes."""

from pipelines.lib.extract.actors.actors import ArticleActors, actor_id
from pipelines.lib.extract.actors.lexicon import load_lexicon
from pipelines.lib.extract.actors.roles import role_and_name

ARTICLE = (
    "Presiden Rusia Vladimir Putin menerima ajudan Rusia, Yuri Ushakov, di Moskow. "
    "Ushakov kemudian bertemu Menteri Luar Negeri China Wang Yi. "
    "Kepala Seksi Humas PT Angkasa Pura I Lombok, Syaifudin Ahmad, ikut hadir. "
    "Syaifudin mengatakan penerbangan dibatalkan."
)


def resolve(phrase: str, text: str = ARTICLE, year: int = 2021) -> str | None:
    actor = ArticleActors.scan(text, year).resolve(phrase)
    return actor.name if actor else None


def test_titles_and_roles_are_stripped():
    assert resolve("Presiden Rusia Vladimir Putin") == "Vladimir Putin"
    assert resolve("ajudan Rusia, Yuri Ushakov") == "Yuri Ushakov"


def test_surname_and_role_only_mentions_link_to_the_full_name():
    assert resolve("Ushakov") == "Yuri Ushakov"
    assert resolve("Putin") == "Vladimir Putin"
    assert resolve("Presiden Rusia") == "Vladimir Putin"


def test_a_misspelled_surname_is_tolerated():
    assert resolve("Putih") == "Vladimir Putin"


def test_countries_by_their_english_short_name():
    assert resolve("Tiongkok") == "China"
    assert resolve("Pemerintah Rusia") == "Russia"
    assert resolve("Amerika Serikat") == "United States"


def test_people_the_lexicon_does_not_know_are_found_by_their_titles():
    actors = ArticleActors.scan(ARTICLE)
    assert "Syaifudin Ahmad" in actors.people
    assert resolve("Syaifudin") == "Syaifudin Ahmad"


def test_acronym_aliases_count_only_in_capitals():
    actors = ArticleActors.scan("Ia datang ke kantor as usual, lalu AS menjatuhkan sanksi.")
    assert [m.surface for m in actors.mentions] == ["AS"]


def test_actor_ids_are_stable_and_case_insensitive():
    assert actor_id("Xi Jinping") == actor_id("XI JINPING")
    assert actor_id("Xi Jinping").startswith("act_")


def test_an_institution_speaks_as_an_organisation():
    actors = ArticleActors.scan("Kepolisian Sumatera Selatan mengatakan tak ada penangkapan.")
    actor = actors.resolve("Kepolisian Sumatera Selatan")
    assert (actor.name, actor.kind) == ("Kepolisian Sumatera Selatan", "organization")


def test_a_name_written_with_runs_of_spaces_keeps_its_place_in_the_phrase():
    phrase = "Ketua Majelis Hakim Pengadilan Negeri Surabaya,  Dwi   Hartono"
    named = role_and_name(load_lexicon("id"), phrase)
    assert (named.role, named.name) == ("Ketua Majelis Hakim Pengadilan Negeri Surabaya", "Dwi Hartono")
    assert phrase[named.start : named.end] == "Dwi   Hartono"
    named = role_and_name(load_lexicon("id"), "Direktur Utama PT Sinar Abadi, Hendra\u00a0Wijaya")
    assert (named.name, named.end - named.start) == ("Hendra Wijaya", 13)
