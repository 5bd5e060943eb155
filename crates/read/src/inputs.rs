//! Turning command-line arguments into [`Input`]s: files as given,
//! directories walked recursively, glob patterns expanded, `-` for stdin.
//!
//! Within a directory or a pattern, files come in sorted order; arguments
//! keep the order the user gave them, and a file named twice is read once.
//! Walking a directory skips hidden entries and files that are clearly not
//! articles (images, media, archives, fonts, code); a file named explicitly is
//! always kept, so the reader can say what is wrong with it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::{Input, ReadError};

/// Extensions (after any `.gz`) of files a directory walk passes over.
const NOT_ARTICLE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "svg", "heic", "avif", "mp3", "mp4",
    "m4a", "wav", "ogg", "webm", "mov", "avi", "mkv", "flac", "pdf", "zip", "tar", "tgz", "7z", "rar", "bz2",
    "xz", "zst", "woff", "woff2", "ttf", "otf", "eot", "css", "js", "mjs", "map", "exe", "dll", "so",
    "dylib", "o", "a", "class", "jar", "wasm", "db", "sqlite", "sqlite3", "parquet", "pyc", "doc", "docx",
    "xls", "xlsx", "ppt", "pptx", "odt", "lock", "cdx", "idx",
];

/// Expands CLI arguments: files, directories (recursive, skipping hidden
/// files/dirs and files that are clearly not articles, e.g. images), glob
/// patterns (`data/*.warc.gz`), and `-` for stdin. Deterministic order (sorted
/// within each directory or pattern). A path that does not exist, a pattern
/// that matches nothing, or an unreadable directory entry → [`ReadError`].
pub fn expand_inputs(args: &[String]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |input: Input, inputs: &mut Vec<Input>| {
        if seen.insert(input.clone()) {
            inputs.push(input);
        }
    };
    for arg in args {
        if arg == "-" {
            push(Input::Stdin, &mut inputs);
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            for found in walk_directory(path, &mut errors) {
                push(Input::File(found), &mut inputs);
            }
        } else if path.exists() {
            push(Input::File(path.to_path_buf()), &mut inputs);
        } else if is_pattern(arg) {
            for found in expand_pattern(arg, &mut errors) {
                push(Input::File(found), &mut inputs);
            }
        } else {
            errors.push(ReadError::whole(arg, "no such file or directory"));
        }
    }
    (inputs, errors)
}

fn is_pattern(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

/// Files matching a glob pattern, sorted; matched directories are walked.
fn expand_pattern(pattern: &str, errors: &mut Vec<ReadError>) -> Vec<PathBuf> {
    // As in a shell, `*` does not match a leading dot: hidden files stay out.
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let entries = match glob::glob_with(pattern, options) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(ReadError::whole(pattern, format!("invalid pattern: {error}")));
            return Vec::new();
        }
    };
    let mut matched = Vec::new();
    for entry in entries {
        match entry {
            Ok(path) => matched.push(path),
            Err(error) => errors.push(ReadError::whole(
                &error.path().display().to_string(),
                error.to_string(),
            )),
        }
    }
    if matched.is_empty() {
        errors.push(ReadError::whole(pattern, "no files match this pattern"));
    }
    matched.sort();
    let mut files = Vec::new();
    for path in matched {
        if path.is_dir() {
            files.extend(walk_directory(&path, errors));
        } else {
            files.push(path);
        }
    }
    files
}

/// Article files under a directory, recursively, in sorted order.
fn walk_directory(root: &Path, errors: &mut Vec<ReadError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && !is_clearly_not_an_article(entry.path()) => {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(root).display().to_string();
                errors.push(ReadError::whole(
                    &path,
                    format!("cannot read directory entry: {error}"),
                ));
            }
        }
    }
    files
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn is_clearly_not_an_article(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.')
        .is_some_and(|(_, extension)| NOT_ARTICLE_EXTENSIONS.contains(&extension))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn expands_directories_patterns_and_stdin() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/nested")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for file in [
            "a.txt",
            "b/nested/c.html",
            "b/d.warc.gz",
            "e.png",
            ".hidden.txt",
            ".git/x.txt",
            "f.tar.gz",
        ] {
            fs::write(root.join(file), "x").unwrap();
        }
        let root_arg = root.display().to_string();
        let (inputs, errors) =
            expand_inputs(&[root_arg.clone(), "-".to_owned(), format!("{root_arg}/*.txt")]);
        assert!(errors.is_empty(), "{errors:?}");
        let expected = vec![
            Input::File(root.join("a.txt")),
            Input::File(root.join("b/d.warc.gz")),
            Input::File(root.join("b/nested/c.html")),
            Input::Stdin,
        ];
        assert_eq!(inputs, expected, "a.txt matched by the pattern is not repeated");
    }

    #[test]
    fn explicit_files_are_kept_and_missing_ones_reported() {
        let dir = tempfile::tempdir().unwrap();
        let image = dir.path().join("photo.png");
        fs::write(&image, "x").unwrap();
        let missing = dir.path().join("missing.txt").display().to_string();
        let no_match = format!("{}/*.warc", dir.path().display());
        let (inputs, errors) = expand_inputs(&[image.display().to_string(), missing.clone(), no_match]);
        assert_eq!(inputs, vec![Input::File(image)]);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].origin.path, missing);
        assert_eq!(errors[0].reason, "no such file or directory");
        assert_eq!(errors[1].reason, "no files match this pattern");
    }
}
