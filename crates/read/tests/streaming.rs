//! Containers are streamed with bounded memory: a generated 1,000-record WARC
//! (plain and gzip, one member per record) and a 1,000-line JSONL, each ~10
//! MiB of records, are read through the iterator while a counting allocator
//! records the peak of live heap bytes, which must stay under 1 MiB. One test function
//! only, so no other test allocates in this binary at the same time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_read::{read_input, Input};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(live, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(pointer, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const RECORDS: usize = 1_000;
/// Each page is ~10 KiB, so each container holds ~10 MiB of records.
const PAGE_PARAGRAPHS: usize = 200;

fn warc_record(index: usize) -> Vec<u8> {
    let page = format!(
        "<html><body>{}</body></html>",
        format!("<p>Paragraph of article {index} with some words.</p>").repeat(PAGE_PARAGRAPHS)
    );
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/{index}\r\n\
         WARC-Date: 2025-09-04T10:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Reads `path` to the end, dropping each document, and returns how many
/// documents came out and the peak of live heap bytes above the start.
fn stream_and_measure(path: &std::path::Path) -> (usize, usize, usize) {
    let baseline = LIVE.load(Ordering::SeqCst);
    PEAK.store(baseline, Ordering::SeqCst);
    let mut documents = 0;
    let mut errors = 0;
    for result in read_input(&Input::File(path.to_path_buf())) {
        match result {
            Ok(document) => {
                assert!(document.content.len() > 1000);
                documents += 1;
            }
            Err(_) => errors += 1,
        }
    }
    (documents, errors, PEAK.load(Ordering::SeqCst) - baseline)
}

#[test]
fn containers_stream_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let plain_path = dir.path().join("big.warc");
    let gz_path = dir.path().join("big.warc.gz");
    let jsonl_path = dir.path().join("big.jsonl");
    {
        let mut plain = std::fs::File::create(&plain_path).unwrap();
        let mut gz = std::fs::File::create(&gz_path).unwrap();
        let mut jsonl = std::fs::File::create(&jsonl_path).unwrap();
        for index in 0..RECORDS {
            let record = warc_record(index);
            plain.write_all(&record).unwrap();
            gz.write_all(&gzip(&record)).unwrap();
            let text = format!("Sentence {index} of the article. ").repeat(PAGE_PARAGRAPHS);
            let line = serde_json::json!({"url": format!("https://example.org/{index}"), "maintext": text});
            writeln!(jsonl, "{line}").unwrap();
        }
    }
    let uncompressed_size = std::fs::metadata(&plain_path).unwrap().len() as usize;
    for path in [&plain_path, &gz_path, &jsonl_path] {
        let (documents, errors, peak) = stream_and_measure(path);
        assert_eq!((documents, errors), (RECORDS, 0), "{}", path.display());
        // One document (~10 KiB) plus fixed buffers (64 KiB sniff, 64 KiB
        // reader, gzip window): well under 1 MiB, against ~10 MiB of records.
        assert!(
            peak < 1024 * 1024 && peak * 10 < uncompressed_size,
            "{}: peak {peak} bytes for {uncompressed_size} bytes of records",
            path.display()
        );
        eprintln!(
            "{}: peak {peak} bytes for {uncompressed_size} bytes of records",
            path.display()
        );
    }
}
