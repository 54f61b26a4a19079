//! Parsing and validating guide files (format 1) with `FILE:LINE:COLUMN` errors.
