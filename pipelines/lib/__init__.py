"""Plain-Python extraction library: text in, records out. No Dagster import here."""
