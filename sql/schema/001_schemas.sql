-- core: normalized tables written by the pipeline; analytics: the public views.
create schema if not exists core;
create schema if not exists analytics;

-- Keys. The tables a run writes article by article and that grow with the news held (articles, actors,
-- quotes, figures, events, and the bookkeeping tables processing and article_signatures) declare their key
-- without a primary-key index: DuckDB writes a table's whole index again at every checkpoint, so each run,
-- however small, would pay for the size of the warehouse. Their writes replace rows by article (delete,
-- then insert), which needs no index, and the blocking asset checks <key>_unique_not_null
-- (<table>_<key>_unique_not_null for the bookkeeping tables) find a duplicate or missing key before the run
-- publishes anything. The other tables keep their primary key: they are written with `on conflict` /
-- `insert or replace`, or hold a row per poll, WARC file, URL alias, timeline event or timeline block.
