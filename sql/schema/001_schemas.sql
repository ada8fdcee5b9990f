-- core: normalized tables written by the pipeline; analytics: the public views.
create schema if not exists core;
create schema if not exists analytics;
