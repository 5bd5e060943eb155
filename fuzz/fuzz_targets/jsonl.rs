//! Fuzz target: `parallax_read::fuzzing::jsonl` on arbitrary bytes must not panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| parallax_read::fuzzing::jsonl(bytes));
