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
use std::sync::{Arc, Mutex, RwLock};

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
    /// The segment's facet columns and date column, opened once: opening a
    /// column by name looks it up in the segment's column directory, about
    /// 3% of a search's instructions when done per search.
    str_columns: [Option<StrColumn>; 3],
    day: Option<Column<u64>>,
    /// Per entity ordinal, the interned id of its key (the part before the
    /// tab): merging sums counts per key id in a dense array instead of
    /// hashing key strings (that hashing was half of a facet count).
    entity_keys: Vec<u32>,
}

impl SegmentValues {
    fn decode(segment: &SegmentReader, keys: &RwLock<KeyInterner>) -> tantivy::Result<SegmentValues> {
        let mut columns: [Vec<String>; 3] = Default::default();
        let mut str_columns: [Option<StrColumn>; 3] = Default::default();
        for ((values, opened), name) in columns.iter_mut().zip(&mut str_columns).zip(COLUMNS) {
            if let Some(column) = segment.fast_fields().str(name)? {
                let mut stream = column.dictionary().stream()?;
                values.reserve(column.num_terms());
                while stream.advance() {
                    values.push(String::from_utf8_lossy(stream.key()).into_owned());
                }
                *opened = Some(column);
            }
        }
        let mut keys = keys.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entity_keys = columns[ENTITY]
            .iter()
            .map(|value| keys.id(entity_key_and_name(value).0))
            .collect();
        drop(keys);
        Ok(SegmentValues {
            columns,
            str_columns,
            day: segment.fast_fields().u64("day").ok(),
            entity_keys,
        })
    }

    fn value(&self, column: usize, ordinal: u32) -> &str {
        self.columns[column]
            .get(ordinal as usize)
            .map_or("", String::as_str)
    }

    fn entity_key(&self, ordinal: u32) -> Option<u32> {
        self.entity_keys.get(ordinal as usize).copied()
    }
}

/// Entity keys numbered in order of first sight, across segments. Keys are
/// never forgotten (a merged segment's keys are mostly its parents'), so
/// it grows with the distinct keys ever indexed: a few MB at 100,000
/// articles.
#[derive(Default)]
struct KeyInterner {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
}

impl KeyInterner {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push(key.to_owned());
        self.ids.insert(key.to_owned(), id);
        id
    }
}

/// Decoded facet values of the index's segments and the counting arrays
/// searches reuse. One per index, shared by its searches.
#[derive(Default)]
pub struct FacetScratch {
    values: Mutex<HashMap<SegmentId, Arc<SegmentValues>>>,
    /// Zeroed count arrays, returned after each use.
    counts: Mutex<Vec<Vec<u32>>>,
    keys: RwLock<KeyInterner>,
}

impl FacetScratch {
    /// The decoded values of `segment`, decoding them on first use.
    fn values(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentValues>> {
        let id = segment.segment_id();
        if let Some(values) = self.values.lock().ok().and_then(|map| map.get(&id).cloned()) {
            return Ok(values);
        }
        let decoded = Arc::new(SegmentValues::decode(segment, &self.keys)?);
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
        facets: merge(&segments, scratch),
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
        let values = scratch.values(segment)?;
        let mut columns = Vec::new();
        for (index, column) in values.str_columns.iter().enumerate() {
            if let Some(column) = column.clone() {
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
            day: values.day.clone(),
            values,
            columns,
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
fn merge(segments: &[SegmentCounts], scratch: &FacetScratch) -> Facets {
    let mut outlets: HashMap<&str, u64> = HashMap::new();
    let mut events: HashMap<&str, u64> = HashMap::new();
    let mut years: HashMap<u64, u64> = HashMap::new();
    let interner = scratch
        .keys
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Documents per entity key id, in a dense array; the key's label (its
    // most frequent name) is looked for afterwards, for the listed keys only.
    let mut per_key = scratch.take_counts(interner.keys.len());
    let mut touched: Vec<u32> = Vec::new();
    for segment in segments {
        for &(column, ordinal, count) in &segment.ordinals {
            match column {
                OUTLET => {
                    *outlets.entry(segment.values.value(column, ordinal)).or_default() += u64::from(count)
                }
                EVENT => {
                    *events.entry(segment.values.value(column, ordinal)).or_default() += u64::from(count)
                }
                ENTITY => {
                    let Some(slot) = segment
                        .values
                        .entity_key(ordinal)
                        .and_then(|id| per_key.get_mut(id as usize).map(|slot| (id, slot)))
                    else {
                        continue;
                    };
                    let (id, slot) = slot;
                    if *slot == 0 {
                        touched.push(id);
                    }
                    *slot += count;
                }
                _ => {}
            }
        }
        for (year, count) in &segment.years.0 {
            *years.entry(*year).or_default() += count;
        }
    }
    let key_counts: Vec<(&str, u64)> = touched
        .iter()
        .map(|&id| {
            (
                interner.keys[id as usize].as_str(),
                u64::from(per_key[id as usize]),
            )
        })
        .collect();
    let listed_entities = top(key_counts);
    // The listed keys' ids, to find their names by id.
    let listed_ids: Vec<(u32, u64)> = listed_entities
        .iter()
        .filter_map(|(key, count)| interner.ids.get(*key).map(|&id| (id, *count)))
        .collect();
    for &id in &touched {
        per_key[id as usize] = 0;
    }
    scratch.give_back(per_key);
    let labels = entity_labels(segments, &listed_ids);
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
                label: interner
                    .ids
                    .get(key)
                    .and_then(|id| labels.get(id))
                    .copied()
                    .unwrap_or(key)
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

/// An entity facet value: `key<TAB>name` (the name as one document spells
/// it), or a bare key.
fn entity_key_and_name(value: &str) -> (&str, &str) {
    value.split_once('\t').unwrap_or((value, value))
}

/// The label of each listed entity key: its most frequent name among the
/// counted documents (ties: the smallest name). Only the ordinals of the
/// listed keys (found by key id, no string work) are looked at, so no
/// per-key name tally is kept for the thousands of keys a common word's
/// matches mention.
fn entity_labels<'a>(segments: &'a [SegmentCounts], listed: &[(u32, u64)]) -> HashMap<u32, &'a str> {
    let mut names: Vec<(u32, HashMap<&'a str, u64>)> =
        listed.iter().map(|(id, _)| (*id, HashMap::new())).collect();
    for segment in segments {
        for &(column, ordinal, count) in &segment.ordinals {
            if column != ENTITY {
                continue;
            }
            let Some(id) = segment.values.entity_key(ordinal) else {
                continue;
            };
            if let Some((_, tally)) = names.iter_mut().find(|(listed, _)| *listed == id) {
                let (_, name) = entity_key_and_name(segment.values.value(column, ordinal));
                *tally.entry(name).or_default() += u64::from(count);
            }
        }
    }
    names
        .into_iter()
        .filter_map(|(id, tally)| {
            let (name, _) = tally
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
            Some((id, name))
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

    fn segment(scratch: &FacetScratch, entities: &[&str], counted: &[(u32, u32)]) -> SegmentCounts {
        let mut columns: [Vec<String>; 3] = Default::default();
        columns[ENTITY] = entities.iter().map(|value| value.to_string()).collect();
        let mut keys = scratch.keys.write().unwrap();
        let entity_keys = entities
            .iter()
            .map(|value| keys.id(entity_key_and_name(value).0))
            .collect();
        SegmentCounts {
            values: Arc::new(SegmentValues {
                columns,
                str_columns: Default::default(),
                day: None,
                entity_keys,
            }),
            ordinals: counted
                .iter()
                .map(|&(ordinal, count)| (ENTITY, ordinal, count))
                .collect(),
            years: YearCounts::default(),
        }
    }

    #[test]
    fn an_entity_is_labelled_by_its_most_frequent_name_across_segments() {
        let scratch = FacetScratch::default();
        let segments = [
            segment(
                &scratch,
                &[
                    "person:sybiha\tAndrii Sybiga",
                    "person:sybiha\tAndrii Sybiha",
                    "place:kyiv\tKiev",
                ],
                &[(0, 2), (1, 1), (2, 1)],
            ),
            segment(
                &scratch,
                &["person:sybiha\tAndrii Sybiha", "place:kyiv\tKyiv"],
                &[(0, 2), (1, 1)],
            ),
        ];
        let facets = merge(&segments, &scratch);
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
