//! The fuzz targets run as a plain test on stable: every seed in
//! `fuzz/seeds/<target>/` (and every fixture, through `read_any` and each
//! reader) is replayed through the same entry point the fuzz target calls.
//! A crash found by `cargo fuzz` is kept by copying it into the seeds.

use std::path::{Path, PathBuf};

use parallax_read::fuzzing;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("read_any", fuzzing::read_any),
    ("warc", fuzzing::warc),
    ("feed", fuzzing::feed),
    ("jsonl", fuzzing::jsonl),
    ("html_decode", fuzzing::html_decode),
];

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.retain(|path| path.is_file());
    files.sort();
    files
}

#[test]
fn seeds_replay_through_their_targets() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds");
    let mut replayed = 0;
    for (name, target) in TARGETS {
        for seed in files_in(&seeds.join(name)) {
            target(&std::fs::read(&seed).unwrap());
            replayed += 1;
        }
    }
    assert!(
        replayed >= TARGETS.len(),
        "every target has seeds; found {replayed} in {}",
        seeds.display()
    );
}

#[test]
fn fixtures_replay_through_every_target() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = files_in(&fixtures);
    assert!(files.len() >= 10);
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for (_, target) in TARGETS {
            target(&bytes);
        }
    }
}
