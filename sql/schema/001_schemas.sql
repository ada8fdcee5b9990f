-- core: normalized tables written by the pipeline; analytics: the public views.
create schema if not exists core;
create schema if not exists analytics;

-- Keys. The tables a run writes article by article and that grow with the news held (articles, actors,
-- quotes, figures, events) declare their key without a primary-key index: DuckDB writes a table's whole
-- index again at every checkpoint, so each run, however small, would pay for the size of the warehouse.
-- Their writes replace rows by article (delete, then insert), which needs no index, and the blocking asset
-- checks <key>_unique_not_null find a duplicate or missing key before the run publishes anything.
-- The other tables keep their primary key: those written with `on conflict` / `insert or replace`, and the
-- bookkeeping that no check covers (processing, article_signatures).
