//! Counting a query's matches and their facets (outlet, year, entity,
//! event type), up to a limit.
//!
//! Ranking runs apart (a top-k collector that may skip whole blocks of
//! postings), so counting is what visits every match: for a common word,
//! hundreds of thousands of documents at 100,000 articles. It therefore
//! stops after [`count_matches`]'s `limit` documents, in index order, and
//! says so; below the limit, the total and the facets are exact.
//!
//! Facets read each counted document's fast-field ordinals and count them
//! per segment in a dense array (reused between searches through a
//! [`FacetScratch`], so no search allocates and zeroes one per column);
//! only the ordinals counted are turned into values, through the segment's
//! decoded dictionaries ([`SegmentValues`], decoded once per segment: a
//! dictionary is compressed in blocks, and decoding the blocks a search
//! needs cost more than the counting itself).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, DocSet, Searcher, SegmentReader, TERMINATED};

use crate::results::{FacetCount, Facets};

/// Values listed per facet (the most frequent first).
pub const FACET_VALUES: usize = 20;

/// What counting a query's matches found.
pub struct Counted {
    /// Documents counted: every match, or `limit` of them.
    pub total: usize,
    /// Whether more documents match than were counted.
    pub lower_bound: bool,
    /// Facets of the counted documents.
    pub facets: Facets,
}

/// The string columns counted as facets, and their names in the index.
const OUTLET: usize = 0;
const ENTITY: usize = 1;
const EVENT: usize = 2;
const COLUMNS: [&str; 3] = ["outlet", "entity_label", "event"];

/// The values of one segment's facet columns, by ordinal.
pub struct SegmentValues {
    columns: [Vec<String>; 3],
}

impl SegmentValues {
    fn decode(segment: &SegmentReader) -> tantivy::Result<SegmentValues> {
        let mut columns: [Vec<String>; 3] = Default::default();
        for (values, name) in columns.iter_mut().zip(COLUMNS) {
            if let Some(column) = segment.fast_fields().str(name)? {
                let mut stream = column.dictionary().stream()?;
                values.reserve(column.num_terms());
                while stream.advance() {
                    values.push(String::from_utf8_lossy(stream.key()).into_owned());
                }
            }
        }
        Ok(SegmentValues { columns })
    }

    fn value(&self, column: usize, ordinal: u32) -> &str {
        self.columns[column]
            .get(ordinal as usize)
            .map_or("", String::as_str)
    }
}

/// Decoded facet values of the index's segments and the counting arrays
/// searches reuse. One per index, shared by its searches.
#[derive(Default)]
pub struct FacetScratch {
    values: Mutex<HashMap<SegmentId, Arc<SegmentValues>>>,
    /// Zeroed count arrays, returned after each use.
    counts: Mutex<Vec<Vec<u32>>>,
}

impl FacetScratch {
    /// The decoded values of `segment`, decoding them on first use.
    fn values(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentValues>> {
        let id = segment.segment_id();
        if let Some(values) = self.values.lock().ok().and_then(|map| map.get(&id).cloned()) {
            return Ok(values);
        }
        let decoded = Arc::new(SegmentValues::decode(segment)?);
        if let Ok(mut map) = self.values.lock() {
            map.insert(id, decoded.clone());
        }
        Ok(decoded)
    }

    /// Forgets the values of segments that are no longer in the index
    /// (merged away or deleted): after a reload, and whenever more are
    /// held than `searcher` has segments (the reader also reloads on its
    /// own when another process commits).
    pub fn forget_other_segments(&self, searcher: &Searcher) {
        let segments = searcher.segment_readers();
        if let Ok(mut map) = self.values.lock() {
            if map.len() > segments.len() {
                map.retain(|id, _| segments.iter().any(|s| s.segment_id() == *id));
            }
        }
    }

    /// Decodes the values of every segment now, so the first searches do not pay for it.
    pub fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for segment in searcher.segment_readers() {
            self.values(segment)?;
        }
        Ok(())
    }

    fn take_counts(&self, len: usize) -> Vec<u32> {
        let mut counts = self
            .counts
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default();
        if counts.len() < len {
            counts.resize(len, 0);
        }
        counts
    }

    fn give_back(&self, counts: Vec<u32>) {
        if let Ok(mut pool) = self.counts.lock() {
            pool.push(counts);
        }
    }
}

/// Counts the live documents matching `query` and their facets, segment by
/// segment in index order, stopping once `limit` documents are counted and
/// another one matches.
pub fn count_matches(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
    scratch: &FacetScratch,
) -> tantivy::Result<Counted> {
    scratch.forget_other_segments(searcher);
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut total = 0;
    let mut lower_bound = false;
    let mut segments = Vec::new();
    for segment in searcher.segment_readers() {
        let mut docs = weight.scorer(segment, 1.0)?;
        let mut doc = docs.doc();
        if doc == TERMINATED {
            continue;
        }
        let mut counter = SegmentCounter::open(segment, scratch)?;
        let alive = segment.alive_bitset();
        while doc != TERMINATED {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                if total == limit {
                    lower_bound = true;
                    break;
                }
                total += 1;
                counter.count(doc);
            }
            doc = docs.advance();
        }
        segments.push(counter.finish(scratch));
        if lower_bound {
            break;
        }
    }
    Ok(Counted {
        total,
        lower_bound,
        facets: merge(&segments),
    })
}

/// Counting one segment's documents.
struct SegmentCounter {
    values: Arc<SegmentValues>,
    columns: Vec<(usize, ColumnCounts)>,
    day: Option<Column<u64>>,
    years: YearCounts,
}

/// Per-ordinal counts of one string column, and which ordinals were counted.
struct ColumnCounts {
    column: StrColumn,
    counts: Vec<u32>,
    touched: Vec<u32>,
}

/// One segment's counts: (column, ordinal, count) and years.
struct SegmentCounts {
    values: Arc<SegmentValues>,
    ordinals: Vec<(usize, u32, u32)>,
    years: YearCounts,
}

/// Documents per year. A match set spans a handful of years, so a short
/// list searched from the end beats hashing the year of every counted
/// document (SipHash of the years was ~5% of a search's CPU at 70,000
/// articles).
#[derive(Default)]
struct YearCounts(Vec<(u64, u64)>);

impl YearCounts {
    fn add(&mut self, year: u64) {
        match self.0.iter_mut().rev().find(|(y, _)| *y == year) {
            Some((_, count)) => *count += 1,
            None => self.0.push((year, 1)),
        }
    }
}

impl SegmentCounter {
    fn open(segment: &SegmentReader, scratch: &FacetScratch) -> tantivy::Result<SegmentCounter> {
        let mut columns = Vec::new();
        for (index, name) in COLUMNS.iter().enumerate() {
            if let Some(column) = segment.fast_fields().str(name)? {
                columns.push((
                    index,
                    ColumnCounts {
                        counts: scratch.take_counts(column.num_terms()),
                        column,
                        touched: Vec::new(),
                    },
                ));
            }
        }
        Ok(SegmentCounter {
            values: scratch.values(segment)?,
            columns,
            day: segment.fast_fields().u64("day").ok(),
            years: YearCounts::default(),
        })
    }

    fn count(&mut self, doc: DocId) {
        for (_, column) in &mut self.columns {
            for ordinal in column.column.term_ords(doc) {
                if let Some(slot) = column.counts.get_mut(ordinal as usize) {
                    if *slot == 0 {
                        column.touched.push(ordinal as u32);
                    }
                    *slot += 1;
                }
            }
        }
        if let Some(day) = self.day.as_ref().and_then(|column| column.first(doc)) {
            self.years.add(day / 10_000);
        }
    }

    /// The counts, with the count arrays zeroed and handed back.
    fn finish(self, scratch: &FacetScratch) -> SegmentCounts {
        let mut ordinals = Vec::new();
        for (index, column) in self.columns {
            let mut counts = column.counts;
            for ordinal in column.touched {
                ordinals.push((index, ordinal, counts[ordinal as usize]));
                counts[ordinal as usize] = 0;
            }
            scratch.give_back(counts);
        }
        SegmentCounts {
            values: self.values,
            ordinals,
            years: self.years,
        }
    }
}

/// Sums the segments' counts by value and keeps the most frequent values.
fn merge(segments: &[SegmentCounts]) -> Facets {
    let mut outlets: HashMap<&str, u64> = HashMap::new();
    let mut events: HashMap<&str, u64> = HashMap::new();
    let mut years: HashMap<u64, u64> = HashMap::new();
    // Entity key → (documents, documents per name), to label a key by its
    // most frequent name.
    let mut entities: HashMap<&str, (u64, HashMap<&str, u64>)> = HashMap::new();
    for segment in segments {
        for &(column, ordinal, count) in &segment.ordinals {
            let value = segment.values.value(column, ordinal);
            let count = u64::from(count);
            match column {
                OUTLET => *outlets.entry(value).or_default() += count,
                EVENT => *events.entry(value).or_default() += count,
                ENTITY => {
                    let (key, name) = value.split_once('\t').unwrap_or((value, value));
                    let entry = entities.entry(key).or_default();
                    entry.0 += count;
                    *entry.1.entry(name).or_default() += count;
                }
                _ => {}
            }
        }
        for (year, count) in &segment.years.0 {
            *years.entry(*year).or_default() += count;
        }
    }
    let counted = |(value, count): (&str, u64)| FacetCount {
        value: value.to_owned(),
        label: value.to_owned(),
        count,
    };
    Facets {
        outlets: top(outlets.into_iter().collect())
            .into_iter()
            .map(counted)
            .collect(),
        years: top(years
            .iter()
            .map(|(year, count)| (year.to_string(), *count))
            .collect())
        .into_iter()
        .map(|(year, count)| FacetCount {
            value: year.clone(),
            label: year,
            count,
        })
        .collect(),
        entities: top(entities.iter().map(|(key, (count, _))| (*key, *count)).collect())
            .into_iter()
            .map(|(key, count)| FacetCount {
                value: key.to_owned(),
                label: entities[key]
                    .1
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map_or(key, |(name, _)| name)
                    .to_owned(),
                count,
            })
            .collect(),
        events: top(events.into_iter().collect())
            .into_iter()
            .map(|(code, count)| FacetCount {
                value: code.to_owned(),
                label: event_label(code),
                count,
            })
            .collect(),
    }
}

/// "CAMEO 19" for a CAMEO root, the PLOVER type itself otherwise.
fn event_label(code: &str) -> String {
    if code.bytes().all(|b| b.is_ascii_digit()) {
        format!("CAMEO {code}")
    } else {
        code.to_owned()
    }
}

/// The most frequent values, ties broken by value so the order is stable.
fn top<V: Ord>(mut counts: Vec<(V, u64)>) -> Vec<(V, u64)> {
    let order = |a: &(V, u64), b: &(V, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    if counts.len() > FACET_VALUES {
        counts.select_nth_unstable_by(FACET_VALUES, order);
        counts.truncate(FACET_VALUES);
    }
    counts.sort_unstable_by(order);
    counts
}
