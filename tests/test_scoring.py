"""The scorer follows shared/gold/README.md: overlap rules, one-to-one matching, optional items."""

from pipelines.lib.eval.scoring import KindScore, date_matches, figure_matches, quote_matches


def test_a_quote_matches_by_speaker_and_word_overlap():
    gold = {"speaker": "Vladimir Putin", "text": "Rusia siap bekerja sama dengan China dalam banyak hal"}
    assert quote_matches(gold, {"speaker": "vladimir putin", "text": "Rusia siap bekerja sama dengan China dalam hal"})
    assert not quote_matches(gold, {"speaker": "Xi Jinping", "text": gold["text"]})
    assert not quote_matches(
        gold,
        {
            "speaker": "Vladimir Putin",
            "text": gold["text"] + " dan juga Xi mengatakan bahwa kedua negara akan terus memperkuat hubungan",
        },
    )


def test_a_gold_speaker_may_accept_several_names():
    gold = {"speaker": ["Raden Brotoseno", "Brotoseno"], "text": "Saya tidak pernah menerima uang dari siapa pun"}
    assert quote_matches(gold, {"speaker": "Brotoseno", "text": gold["text"]})
    assert quote_matches(gold, {"speaker": "raden brotoseno", "text": gold["text"]})
    assert not quote_matches(gold, {"speaker": "Raden", "text": gold["text"]})


def test_money_must_agree_on_the_currency():
    gold = {"kind": "money", "value": 123e9, "unit": "USD"}
    assert figure_matches(gold, {"kind": "money", "value": 123e9, "unit": "usd"})
    assert not figure_matches(gold, {"kind": "money", "value": 123e9, "unit": "IDR"})


def test_dates_are_compared_at_the_gold_precision():
    assert date_matches({"date": "2022-02", "precision": "month"}, {"date": "2022-02-14"})
    assert not date_matches({"date": "2021-12-15", "precision": "day"}, {"date": "2021-12"})


def test_matching_is_one_to_one_and_finds_the_best_assignment():
    score = KindScore("figures")
    gold = [{"kind": "count", "value": 2}, {"kind": "count", "value": 2, "required": False}]
    predictions = [{"kind": "count", "value": 2}]
    score.add("doc", gold, predictions, figure_matches)
    assert (score.recall, score.precision) == (1.0, 1.0)
    score = KindScore("figures")
    score.add("doc", [{"kind": "count", "value": 2}], [{"kind": "count", "value": 2}] * 2, figure_matches)
    assert score.precision == 0.5
