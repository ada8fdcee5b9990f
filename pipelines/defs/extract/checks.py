from pipelines.defs.checks import key_check, offsets_check

quote_id_check = key_check("quotes", "core.quotes", "quote_id")
figure_id_check = key_check("figures", "core.figures", "figure_id")
event_id_check = key_check("events", "core.events", "event_id")
actor_id_check = key_check("actors", "core.actors", "actor_id")
quote_offsets_check = offsets_check("quotes", "core.quotes", "quote_text")
figure_offsets_check = offsets_check("figures", "core.figures", "surface")
