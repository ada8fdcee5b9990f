"""Outlet names -> the sites they stand for (lexicon outlets.toml)."""

from pipelines.lib.text.outlets import mentioned_site, outlet_domain


def test_outlet_names_map_to_domains():
    assert outlet_domain("ANTARA") == "antaranews.com"
    assert outlet_domain("CNN Indonesia") == "cnnindonesia.com"
    assert outlet_domain("detikNews") == outlet_domain("detikFinance") == "detik.com"
    assert outlet_domain("SINDOnews") == "sindonews.com"
    assert outlet_domain("ANTARA/Xinhua") == "antaranews.com"
    assert outlet_domain("TEMPO.CO") == "tempo.co"
    assert outlet_domain("Contohwarta") is None
    assert mentioned_site(["Follow Berita Okezone di Google News"]) == "okezone.com"
    assert mentioned_site(["Ikuti Whatsapp Channel Republika"]) == "republika.co.id"
    assert mentioned_site(["Ikuti berita bisnis terkini di Google News"]) is None
