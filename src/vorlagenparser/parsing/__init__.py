"""Pure parsers for printed values (dates, counts): text in, value or a reason out."""
