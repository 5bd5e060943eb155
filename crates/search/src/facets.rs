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
    let touched: usize = segments.iter().map(|segment| segment.ordinals.len()).sum();
    let mut outlets: HashMap<&str, u64> = HashMap::new();
    let mut events: HashMap<&str, u64> = HashMap::new();
    let mut years: HashMap<u64, u64> = HashMap::new();
    // Documents per entity key; the key's label (its most frequent name)
    // is looked for afterwards, for the listed keys only.
    let mut entities: HashMap<&str, u64> = HashMap::with_capacity(touched);
    for segment in segments {
        for &(column, ordinal, count) in &segment.ordinals {
            let value = segment.values.value(column, ordinal);
            let count = u64::from(count);
            match column {
                OUTLET => *outlets.entry(value).or_default() += count,
                EVENT => *events.entry(value).or_default() += count,
                ENTITY => *entities.entry(entity_key_and_name(value).0).or_default() += count,
                _ => {}
            }
        }
        for (year, count) in &segment.years.0 {
            *years.entry(*year).or_default() += count;
        }
    }
    let listed_entities = top(entities.into_iter().collect());
    let labels = entity_labels(segments, &listed_entities);
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
        entities: listed_entities
            .into_iter()
            .map(|(key, count)| FacetCount {
                value: key.to_owned(),
                label: labels.get(key).map_or(key, |label| label).to_owned(),
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

/// An entity facet value: `key<TAB>name` (the name as one document spells
/// it), or a bare key.
fn entity_key_and_name(value: &str) -> (&str, &str) {
    value.split_once('\t').unwrap_or((value, value))
}

/// The label of each listed entity key: its most frequent name among the
/// counted documents (ties: the smallest name). Only the listed keys are
/// looked at, so no per-key name tally is kept for the thousands of keys a
/// common word's matches mention (that tally was a map per key, and its
/// allocations and hashing a tenth of a search's CPU).
fn entity_labels<'a>(segments: &'a [SegmentCounts], listed: &[(&'a str, u64)]) -> HashMap<&'a str, &'a str> {
    let mut names: HashMap<&str, HashMap<&str, u64>> =
        listed.iter().map(|(key, _)| (*key, HashMap::new())).collect();
    for segment in segments {
        for &(column, ordinal, count) in &segment.ordinals {
            if column != ENTITY {
                continue;
            }
            let (key, name) = entity_key_and_name(segment.values.value(column, ordinal));
            if let Some(tally) = names.get_mut(key) {
                *tally.entry(name).or_default() += u64::from(count);
            }
        }
    }
    names
        .into_iter()
        .filter_map(|(key, tally)| {
            let (name, _) = tally
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
            Some((key, name))
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(entities: &[&str], counted: &[(u32, u32)]) -> SegmentCounts {
        let mut columns: [Vec<String>; 3] = Default::default();
        columns[ENTITY] = entities.iter().map(|value| value.to_string()).collect();
        SegmentCounts {
            values: Arc::new(SegmentValues { columns }),
            ordinals: counted
                .iter()
                .map(|&(ordinal, count)| (ENTITY, ordinal, count))
                .collect(),
            years: YearCounts::default(),
        }
    }

    #[test]
    fn an_entity_is_labelled_by_its_most_frequent_name_across_segments() {
        let segments = [
            segment(
                &[
                    "person:sybiha\tAndrii Sybiga",
                    "person:sybiha\tAndrii Sybiha",
                    "place:kyiv\tKiev",
                ],
                &[(0, 2), (1, 1), (2, 1)],
            ),
            segment(
                &["person:sybiha\tAndrii Sybiha", "place:kyiv\tKyiv"],
                &[(0, 2), (1, 1)],
            ),
        ];
        let facets = merge(&segments);
        let listed: Vec<(&str, &str, u64)> = facets
            .entities
            .iter()
            .map(|f| (f.value.as_str(), f.label.as_str(), f.count))
            .collect();
        // Sybiha 3 × against Sybiga 2 ×; Kiev and Kyiv tie, the smaller name wins.
        assert_eq!(
            listed,
            [("person:sybiha", "Andrii Sybiha", 5), ("place:kyiv", "Kiev", 2)]
        );
    }

    #[test]
    fn years_are_counted_per_year() {
        let mut years = YearCounts::default();
        for year in [2024, 2025, 2024, 2019, 2024] {
            years.add(year);
        }
        let mut counted = years.0.clone();
        counted.sort_unstable();
        assert_eq!(counted, [(2019, 1), (2024, 3), (2025, 1)]);
    }
}
