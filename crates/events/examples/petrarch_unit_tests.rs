//! PETRARCH's unit-test suite (284 records coded against its fictional-world
//! dictionaries), coded from the sentences' text (not the bundled parses).
//!
//! ```text
//! cargo run --release -p parallax-events --example petrarch_unit_tests [-- --verbose]
//! ```
//!
//! Reads `$PARALLAX_SHARED/data/events/petrarch-unit-tests/`. A record is
//! exact when the set of (source, target, code) triples equals the expected
//! set (`noevents` = empty), and root-right when the same holds with codes cut
//! to their two-digit root.

use std::collections::BTreeSet;
use std::path::Path;

use parallax_events::petrarch::{PetrarchCoder, Triple};

struct Record {
    id: String,
    date: u32,
    text: String,
    expected: BTreeSet<Triple>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag.get(start..)?.find('"')?;
    tag.get(start..start + len).map(str::to_owned)
}

fn records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for chunk in xml.split("<Sentence ").skip(1) {
        let Some(body) = chunk.split("</Sentence>").next() else {
            continue;
        };
        let head = body.split('>').next().unwrap_or("");
        let text = body
            .split("<Text>")
            .nth(1)
            .and_then(|t| t.split("</Text>").next())
            .map(|t| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        let mut expected = BTreeSet::new();
        for coding in body.split("<EventCoding ").skip(1) {
            let tag = coding.split('>').next().unwrap_or("");
            // `noevents` and `error` (discards, bad input) both expect no event.
            if tag.contains("noevents") || tag.contains("error") {
                continue;
            }
            let field = |n| attribute(tag, n).unwrap_or_default();
            expected.insert((field("sourcecode"), field("targetcode"), field("eventcode")));
        }
        out.push(Record {
            id: attribute(head, "id").unwrap_or_default(),
            date: attribute(head, "date")
                .and_then(|d| d.parse().ok())
                .unwrap_or(20000101),
            text,
            expected,
        });
    }
    out
}

/// The XML character entities the record texts use ("&amp;TIETYPE").
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn root(triples: &BTreeSet<Triple>) -> BTreeSet<Triple> {
    triples
        .iter()
        .map(|(s, t, c)| (s.clone(), t.clone(), c.chars().take(2).collect()))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    // `--only PREFIX`: code only the records whose id starts with PREFIX, verbosely.
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
    let dir = Path::new(&shared).join("data/events/petrarch-unit-tests");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let xml = read("PETR.UnitTest.records.xml");
    if xml.is_empty() {
        eprintln!("no unit-test records in {}", dir.display());
        std::process::exit(2);
    }
    let coder = PetrarchCoder::new(
        &read("PETR.Validate.verbs.txt"),
        &read("PETR.Validate.actors.txt"),
        &read("PETR.Validate.agents.txt"),
    )
    // The suite's environment names a discard file, as PETRARCH's runs do.
    .with_discards(&read("PETR.Validate.discards.txt"));
    let records: Vec<Record> = records(&xml)
        .into_iter()
        .filter(|r| only.is_none_or(|p| r.id.starts_with(p.as_str())))
        .collect();
    let (mut exact, mut rooted) = (0, 0);
    for r in &records {
        let got: BTreeSet<Triple> = coder.code(&r.text, r.date).into_iter().collect();
        let ok = got == r.expected;
        exact += ok as usize;
        rooted += (root(&got) == root(&r.expected)) as usize;
        if (verbose && !ok) || only.is_some() {
            println!(
                "{}\t{}\n\texpected {:?}\n\tgot      {:?}",
                r.id, r.text, r.expected, got
            );
        }
    }
    let n = records.len().max(1) as f64;
    println!(
        "PETRARCH unit tests: {} records, exact {} ({:.1}%), root {} ({:.1}%)",
        records.len(),
        exact,
        100.0 * exact as f64 / n,
        rooted,
        100.0 * rooted as f64 / n
    );
}
