from pipelines.defs.checks import key_check

article_id_check = key_check("articles", "core.articles", "article_id")
