//! Tokens (being written).
