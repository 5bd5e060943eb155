//! Sentence boundaries (being written).
