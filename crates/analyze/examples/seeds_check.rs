//! The seeds acceptance check: reads, extracts and analyses each seed
//! article exactly as `parallax inspect` does, then checks every line of an
//! expectations file and prints PASS/FAIL per line and a summary by kind.
//! Exits 1 when a line fails.
//!
//! ```text
//! cargo run --release -p parallax-analyze --example seeds_check -- [EXPECTED] [SEEDS_DIR] [--dump SEED]
//! ```
//!
//! `EXPECTED` defaults to `bench/seeds/expected.tsv`, `SEEDS_DIR` to
//! `$PARALLAX_SHARED/data/seeds`. `--dump SEED` prints what the analysis
//! found in one seed (file name prefix), to write or debug expectations.
//!
//! Expectation lines are tab-separated: seed (file name prefix), kind
//! (`quote`, `speaker`, `key`, `metonym`, `figure`, `time`), anchor, expected.
//! The anchor is a short phrase of the body (its first occurrence); a part in
//! `[brackets]` marks the target inside it, otherwise the whole phrase is the
//! target. The expected column is `field=value` pairs joined by `;`; each
//! field is compared with what the annotation covering the target has (see
//! `fields_of_*` below for the field names). Lines starting with `#` are
//! comments.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parallax_analyze::figures::find_figures;
use parallax_analyze::times::find_times;
use parallax_core::{Analysis, Article, EntityMention, Figure, Quote, Span, TimeExpression, TimeRelation};
use parallax_read::{read_input, Input};

type Fields = BTreeMap<&'static str, String>;

/// One line of the expectations file.
struct Expectation {
    line: usize,
    seed: String,
    kind: String,
    anchor: String,
    expected: Vec<(String, String)>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--dump"))
        .map(|(_, a)| a)
        .collect();
    let expected_path = positional
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("bench/seeds/expected.tsv"));
    let seeds_dir = positional.get(1).map(PathBuf::from).unwrap_or_else(|| {
        let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
        PathBuf::from(shared).join("data/seeds")
    });
    let articles = match load_seeds(&seeds_dir) {
        Ok(articles) => articles,
        Err(error) => {
            eprintln!("seeds_check: {error}");
            std::process::exit(2);
        }
    };
    if let Some(seed) = dump {
        for (name, article) in articles.iter().filter(|(name, _)| name.starts_with(&seed)) {
            print_dump(name, article);
        }
        return;
    }
    let expectations = match std::fs::read_to_string(&expected_path) {
        Ok(text) => parse_expectations(&text),
        Err(error) => {
            eprintln!("seeds_check: {}: {error}", expected_path.display());
            std::process::exit(2);
        }
    };
    let mut summary: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for expectation in &expectations {
        let verdict = match articles
            .iter()
            .find(|(name, _)| name.starts_with(&expectation.seed))
        {
            None => Err(format!("no seed file starting with {}", expectation.seed)),
            Some((_, article)) => check(article, expectation),
        };
        let entry = summary.entry(expectation.kind.clone()).or_default();
        entry.1 += 1;
        match verdict {
            Ok(note) => {
                entry.0 += 1;
                let note = note.map(|n| format!(" ({n})")).unwrap_or_default();
                println!(
                    "PASS {} {:<7} {:?}{note}",
                    expectation.seed, expectation.kind, expectation.anchor
                );
            }
            Err(why) => println!(
                "FAIL {} {:<7} {:?} (line {}): {why}",
                expectation.seed, expectation.kind, expectation.anchor, expectation.line
            ),
        }
    }
    let (passed, total) = summary.values().fold((0, 0), |(p, t), (kp, kt)| (p + kp, t + kt));
    println!("\nsummary: {passed}/{total} passed");
    for (kind, (p, t)) in &summary {
        println!("  {kind:<8} {p}/{t}");
    }
    if passed < total {
        std::process::exit(1);
    }
}

/// Every `.txt` seed, read, extracted and analysed as `parallax inspect` does.
fn load_seeds(dir: &Path) -> Result<Vec<(String, Article)>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for document in read_input(&Input::File(path.clone())) {
            let document = document.map_err(|e| format!("{}: {}", path.display(), e.reason))?;
            let mut article = parallax_extract::extract(&document);
            parallax_analyze::annotate(&mut article);
            articles.push((name.clone(), article));
        }
    }
    Ok(articles)
}

fn parse_expectations(text: &str) -> Vec<Expectation> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let [seed, kind, anchor, expected, ..] = columns[..] else {
            eprintln!("seeds_check: line {}: expected 4 tab-separated columns", i + 1);
            std::process::exit(2);
        };
        let expected = expected
            .split(';')
            .filter(|pair| !pair.trim().is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((field, value)) => (field.trim().to_owned(), value.trim().to_owned()),
                None => (pair.trim().to_owned(), String::new()),
            })
            .collect();
        out.push(Expectation {
            line: i + 1,
            seed: seed.to_owned(),
            kind: kind.to_owned(),
            anchor: anchor.to_owned(),
            expected,
        });
    }
    out
}

/// The target span of an anchor: its first occurrence in the body, narrowed
/// to the `[bracketed]` part when there is one. An anchor found as written
/// is taken whole, so text with literal brackets ("Donald [Trump]") works.
fn locate(body: &str, anchor: &str) -> Option<Span> {
    if let Some(at) = body.find(anchor) {
        return Some(Span::new(at, at + anchor.len()));
    }
    let plain: String = anchor.chars().filter(|c| *c != '[' && *c != ']').collect();
    let at = body.find(&plain)?;
    match (anchor.find('['), anchor.find(']')) {
        (Some(open), Some(close)) if open < close => Some(Span::new(at + open, at + close - '['.len_utf8())),
        _ => Some(Span::new(at, at + plain.len())),
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// What a line is checked against: a text with its annotations.
struct Annotated<'a> {
    text: &'a str,
    analysis: std::borrow::Cow<'a, Analysis>,
}

/// Checks one line. `Ok(Some(note))` passes with a remark: a time or figure
/// in text that extraction removed (a photo caption) is checked by running
/// the time and figure finders on that removed text alone.
fn check(article: &Article, expectation: &Expectation) -> Result<Option<String>, String> {
    let anchor = &expectation.anchor;
    if let Some(target) = locate(&article.body, anchor) {
        let annotated = Annotated {
            text: &article.body,
            analysis: std::borrow::Cow::Borrowed(&article.analysis),
        };
        return check_in(&annotated, target, expectation).map(|()| None);
    }
    let removed = article
        .removed
        .iter()
        .find_map(|r| locate(&r.text, anchor).map(|target| (r, target)))
        .ok_or_else(|| "anchor not in the extracted body".to_owned())?;
    let (removed, target) = removed;
    if !matches!(expectation.kind.as_str(), "figure" | "time") {
        return Err(format!("in text removed by extraction ({})", removed.reason));
    }
    let analysis = Analysis {
        figures: find_figures(&removed.text),
        times: find_times(&removed.text, &article.published),
        ..Default::default()
    };
    let annotated = Annotated {
        text: &removed.text,
        analysis: std::borrow::Cow::Owned(analysis),
    };
    check_in(&annotated, target, expectation)
        .map(|()| Some(format!("in text removed by extraction ({})", removed.reason)))
}

fn check_in(annotated: &Annotated, target: Span, expectation: &Expectation) -> Result<(), String> {
    let body = annotated.text;
    let analysis = annotated.analysis.as_ref();
    let candidates: Vec<Fields> = match expectation.kind.as_str() {
        "quote" | "speaker" => quotes_covering(&analysis.quotes, target)
            .into_iter()
            .map(|q| fields_of_quote(body, q))
            .collect(),
        "key" | "metonym" => best_by_overlap(&analysis.entities, target, |m| m.span)
            .into_iter()
            .map(|m| fields_of_mention(body, m))
            .collect(),
        "figure" => best_by_overlap(&analysis.figures, target, |f| f.span)
            .into_iter()
            .map(|f| fields_of_figure(body, f))
            .collect(),
        "time" => best_by_overlap(&analysis.times, target, |t| t.span)
            .into_iter()
            .map(fields_of_time)
            .collect(),
        other => return Err(format!("unknown kind {other:?}")),
    };
    if candidates.is_empty() {
        return Err(format!("no {} annotation covers the target", expectation.kind));
    }
    // Several annotations may cover the target (a partial quote inside an
    // indirect one); the line passes when one of them has every field.
    let mut mismatches = Vec::new();
    for fields in &candidates {
        let wrong: Vec<String> = expectation
            .expected
            .iter()
            .filter(|(field, value)| !same(fields.get(field.as_str()).map(String::as_str), value))
            .map(|(field, value)| {
                let got = fields.get(field.as_str()).map(String::as_str).unwrap_or("-");
                format!("{field}: expected {value:?}, got {got:?}")
            })
            .collect();
        if wrong.is_empty() {
            return Ok(());
        }
        mismatches.push(wrong.join(", "));
    }
    Err(mismatches.join(" | "))
}

/// Compares loosely on typography only: case and curly apostrophes.
fn same(got: Option<&str>, expected: &str) -> bool {
    let norm = |s: &str| s.replace('’', "'").to_lowercase();
    match got {
        Some(got) => norm(got) == norm(expected),
        None => expected == "-",
    }
}

fn quotes_covering(quotes: &[Quote], target: Span) -> Vec<&Quote> {
    quotes
        .iter()
        .filter(|q| {
            let pieces = if q.parts.is_empty() {
                vec![q.span]
            } else {
                q.parts.clone()
            };
            pieces
                .iter()
                .any(|p| p.start <= target.start && target.end <= p.end)
        })
        .collect()
}

/// The annotations overlapping the target most (ties all kept).
fn best_by_overlap<T>(items: &[T], target: Span, span: impl Fn(&T) -> Span) -> Vec<&T> {
    let best = items.iter().map(|i| overlap(span(i), target)).max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    items
        .iter()
        .filter(|i| overlap(span(i), target) == best)
        .collect()
}

fn text_of(body: &str, span: Span) -> String {
    span.slice(body).unwrap_or("").to_owned()
}

fn fields_of_quote(body: &str, q: &Quote) -> Fields {
    let mut f = Fields::new();
    f.insert("kind", format!("{:?}", q.kind).to_lowercase());
    f.insert(
        "speaker",
        q.speaker
            .as_ref()
            .map(|s| s.key.clone())
            .unwrap_or_else(|| "-".into()),
    );
    f.insert("source", q.source.clone().unwrap_or_else(|| "-".into()));
    f.insert("reporter", q.reporter.clone().unwrap_or_else(|| "-".into()));
    f.insert(
        "cue",
        q.cue
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_else(|| "-".into()),
    );
    f.insert("text", text_of(body, q.span));
    f
}

fn fields_of_mention(body: &str, m: &EntityMention) -> Fields {
    let mut f = Fields::new();
    f.insert("key", m.key.clone());
    f.insert("type", format!("{:?}", m.entity_type).to_lowercase());
    f.insert("form", format!("{:?}", m.form).to_lowercase());
    f.insert("metonym_of", m.metonym_of.clone().unwrap_or_else(|| "-".into()));
    f.insert("kb_id", m.kb_id.clone().unwrap_or_else(|| "-".into()));
    f.insert("text", text_of(body, m.span));
    f
}

fn fields_of_figure(body: &str, fig: &Figure) -> Fields {
    let mut f = Fields::new();
    f.insert("value", format!("{}", fig.value));
    f.insert("counts", fig.counts.clone().unwrap_or_else(|| "-".into()));
    f.insert("unit", fig.unit.clone().unwrap_or_else(|| "-".into()));
    f.insert("qualifier", format!("{:?}", fig.qualifier).to_lowercase());
    f.insert("part_of", fig.part_of.clone().unwrap_or_else(|| "-".into()));
    f.insert("text", text_of(body, fig.span));
    f
}

/// The relation in one compact word: `absolute`, `yearless:9-5`,
/// `weekday:2:-1` (weekday, direction), `offset:-1:week`.
fn relation_of(relation: &TimeRelation) -> String {
    match relation {
        TimeRelation::Absolute => "absolute".into(),
        TimeRelation::YearlessDate { month, day } => match day {
            Some(day) => format!("yearless:{month}-{day}"),
            None => format!("yearless:{month}"),
        },
        TimeRelation::Weekday { weekday, direction } => format!("weekday:{weekday}:{direction}"),
        TimeRelation::Offset { amount, unit } => format!("offset:{amount}:{unit}"),
    }
}

fn fields_of_time(t: &TimeExpression) -> Fields {
    let mut f = Fields::new();
    f.insert("relation", relation_of(&t.relation));
    f.insert("date", t.date.clone().unwrap_or_else(|| "-".into()));
    f.insert("end", t.end.clone().unwrap_or_else(|| "-".into()));
    f.insert("part_of_day", t.part_of_day.clone().unwrap_or_else(|| "-".into()));
    f.insert(
        "part_of_period",
        t.part_of_period.clone().unwrap_or_else(|| "-".into()),
    );
    f.insert("text", t.text.clone());
    f
}

fn print_fields(label: &str, fields: &Fields) {
    let joined: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
    println!("  {label} {}", joined.join("; "));
}

fn print_dump(name: &str, article: &Article) {
    let body = &article.body;
    println!("== {name} published={:?}", article.published.date);
    for m in &article.analysis.entities {
        print_fields(&format!("entity#{}", m.entity), &fields_of_mention(body, m));
    }
    for q in &article.analysis.quotes {
        print_fields("quote", &fields_of_quote(body, q));
    }
    for fig in &article.analysis.figures {
        print_fields("figure", &fields_of_figure(body, fig));
    }
    for t in &article.analysis.times {
        print_fields("time", &fields_of_time(t));
    }
}
