//! Running one query: clauses and filters to a tantivy query, ranked hits,
//! snippets with highlight ranges, facets and entity expansions.
//!
//! Every positive clause must match (in the title, the body or text, or
//! the quote speaker, or — for an entity name — through the entity key);
//! when no document matches them all, the query is re-run with any clause
//! matching and `relaxed` says so. Filters restrict without scoring.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::time::Instant;

use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, Bm25Weight, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Order, Score, Searcher, TantivyDocument, Term};

use crate::documents::date_number;
use crate::expand::{self, Frequencies, NamedEntity, MAX_NAME_WORDS};
use crate::facets::{count_matches, FacetScratch};
use crate::parse::{self, Clause};
use crate::query::{SearchKind, SearchQuery};
use crate::results::{ExpandedTerm, HitKind, SearchHit, SearchResults};
use crate::schema::{text_analyzer, Fields, KIND_ARTICLE, KIND_QUOTE};
use crate::snippet_analyzer::snippet_analyzer;
use crate::SearchError;

/// Most hits one page may ask for.
pub const MAX_LIMIT: usize = 500;
/// Deepest page start: the top-k collector reserves memory for
/// `offset + limit` hits, so an unbounded offset would be an allocation a
/// client chooses.
pub const MAX_OFFSET: usize = 10_000;
/// Snippet length in characters.
const SNIPPET_CHARS: usize = 240;
/// Score of a match through an entity key alone. Constant, because BM25
/// on the key field would favour documents with few keys (a quote, whose
/// only key is its speaker, outranked every article); below a typical text
/// match, so documents using the typed spelling come first.
pub(crate) const ENTITY_MATCH_SCORE: Score = 1.0;

/// One positive requirement: text words, optionally also met by an entity key.
struct Requirement {
    /// Analysed tokens of the words (a phrase when more than one).
    tokens: Vec<String>,
    /// The entity the words name, if expansion found one.
    entity: Option<NamedEntity>,
    /// The words as typed.
    typed: String,
}

/// Runs `request`; matches are counted (with their facets) up to
/// `count_limit` documents.
pub fn search(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchQuery,
    count_limit: usize,
    scratch: &FacetScratch,
) -> Result<SearchResults, SearchError> {
    let started = Instant::now();
    let mut analyzer = text_analyzer();
    let clauses = parse::parse(&request.text);
    let frequencies = IndexFrequencies {
        searcher,
        fields,
        analyzer: analyzer.clone(),
    };
    let requirements = requirements(&clauses, &mut analyzer, &frequencies);
    let matcher = Matcher {
        searcher,
        fields,
        kind: request.kind,
    };
    let filters = filters(fields, request, !requirements.is_empty())?;
    let exclusions: Vec<Box<dyn Query>> = clauses
        .iter()
        .filter(|c| c.negated)
        .filter_map(|c| matcher.words(&tokens(&mut analyzer, &c.text)))
        .collect();

    let limit = request.limit.min(MAX_LIMIT);
    if request.offset > MAX_OFFSET {
        return Err(SearchError::BadQuery(format!(
            "`offset` may be at most {MAX_OFFSET}; narrow the query with filters instead"
        )));
    }
    let count = |query: &dyn Query| {
        count_matches(searcher, query, count_limit, scratch).map_err(|source| SearchError::Index {
            context: "counting matches".to_owned(),
            source,
        })
    };
    let mut relaxed = false;
    let mut query = build(&matcher, &requirements, &exclusions, &filters, Occur::Must);
    let mut counted = count(&*query)?;
    if counted.total == 0 && requirements.len() > 1 {
        let any_word = build(&matcher, &requirements, &exclusions, &filters, Occur::Should);
        let any_counted = count(&*any_word)?;
        if any_counted.total > 0 {
            (query, counted, relaxed) = (any_word, any_counted, true);
        }
    }
    let ranked = match counted.total {
        0 => Vec::new(),
        _ => rank(searcher, &*query, request.offset, limit, requirements.is_empty())?,
    };

    let mut snippet_terms = BTreeMap::new();
    for requirement in &requirements {
        for token in &requirement.tokens {
            let documents = frequencies.term_documents(fields.text, token);
            if documents > 0 {
                snippet_terms.insert(token.clone(), 1.0 / (1.0 + documents as Score));
            }
        }
    }
    let expanded: Vec<&NamedEntity> = requirements.iter().filter_map(|r| r.entity.as_ref()).collect();
    let mut hits = Vec::with_capacity(ranked.len());
    for (score, address) in ranked {
        let doc: TantivyDocument = searcher.doc(address).map_err(|source| SearchError::Index {
            context: "reading a hit".to_owned(),
            source,
        })?;
        hits.push(hit(fields, &doc, score, &snippet_terms, &expanded, &mut analyzer));
    }
    Ok(SearchResults {
        total: counted.total,
        total_is_lower_bound: counted.lower_bound,
        hits,
        facets: counted.facets,
        expanded: requirements
            .iter()
            .filter_map(|r| {
                r.entity.as_ref().map(|e| ExpandedTerm {
                    word: r.typed.clone(),
                    key: e.key.clone(),
                    name: e.name.clone(),
                })
            })
            .collect(),
        relaxed,
        took_ms: started.elapsed().as_secs_f64() * 1_000.0,
    })
}

/// The requested page of hits with their scores: by score (a top-k
/// collector on its own, so block-max WAND may skip postings that cannot
/// reach the page), or newest first when there is no text (score 0).
fn rank(
    searcher: &Searcher,
    query: &dyn Query,
    offset: usize,
    limit: usize,
    by_date: bool,
) -> Result<Vec<(Score, DocAddress)>, SearchError> {
    let error = |source| SearchError::Index {
        context: "searching".to_owned(),
        source,
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let top = TopDocs::with_limit(limit).and_offset(offset);
    if by_date {
        let dated = searcher
            .search(query, &top.order_by_u64_field("day", Order::Desc))
            .map_err(error)?;
        return Ok(dated.into_iter().map(|(_, address)| (0.0, address)).collect());
    }
    searcher.search(query, &top).map_err(error)
}

/// The positive clauses, with runs of words that name an entity grouped
/// (longest name first) and expanded.
fn requirements(
    clauses: &[Clause],
    analyzer: &mut TextAnalyzer,
    frequencies: &dyn Frequencies,
) -> Vec<Requirement> {
    let positive: Vec<&Clause> = clauses.iter().filter(|c| !c.negated).collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < positive.len() {
        // A quoted phrase is a name candidate on its own; plain words may
        // join their plain neighbours.
        let longest = if positive[at].quoted {
            1
        } else {
            positive[at..]
                .iter()
                .take(MAX_NAME_WORDS)
                .take_while(|c| !c.quoted)
                .count()
        };
        let mut taken = 1;
        let mut entity = None;
        for words in (1..=longest).rev() {
            let phrase = positive[at..at + words]
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(found) = expand::resolve(&phrase, frequencies) {
                taken = words;
                entity = Some(found);
                break;
            }
        }
        let typed = positive[at..at + taken]
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let tokens = tokens(analyzer, &typed);
        if !tokens.is_empty() || entity.is_some() {
            out.push(Requirement {
                tokens,
                entity,
                typed,
            });
        }
        at += taken;
    }
    out
}

/// The queries that match words and entity keys in the fields of the
/// kinds of document asked for.
struct Matcher<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    kind: SearchKind,
}

impl Matcher<'_> {
    /// Where words are looked for. Articles only search every document's
    /// `text` and need the kind filter ([`filters`]); quotes only have a
    /// field of their own.
    fn text_field(&self) -> Field {
        match self.kind {
            SearchKind::All | SearchKind::Articles => self.fields.text,
            SearchKind::Quotes => self.fields.quote_text,
        }
    }

    fn entity_field(&self) -> Field {
        match self.kind {
            SearchKind::All | SearchKind::Articles => self.fields.entity_match,
            SearchKind::Quotes => self.fields.speaker_entity,
        }
    }

    /// The analysed tokens in the searched field: a term, or a phrase when
    /// several.
    fn words(&self, tokens: &[String]) -> Option<Box<dyn Query>> {
        let field = self.text_field();
        match tokens {
            [] => None,
            [token] => Some(Box::new(TermQuery::new(
                Term::from_field_text(field, token),
                IndexRecordOption::WithFreqs,
            ))),
            _ => Some(Box::new(PhraseQuery::new(
                tokens.iter().map(|t| Term::from_field_text(field, t)).collect(),
            ))),
        }
    }

    /// The entity key in the searched key field, scoring
    /// [`ENTITY_MATCH_SCORE`] wherever it matches. The key fields have no
    /// length norms and a key occurs once per document, so BM25 gives the
    /// key one score in every document: boosted to `ENTITY_MATCH_SCORE` it
    /// is a constant score, yet still a term query that block-max WAND can
    /// prune. Should BM25 give no usable score (no statistics yet), the
    /// key is wrapped in a constant-score query instead.
    fn entity(&self, key: &str) -> Box<dyn Query> {
        let term = Term::from_field_text(self.entity_field(), key);
        let once = Bm25Weight::for_terms(self.searcher, std::slice::from_ref(&term))
            .map(|weight| weight.score(1, 1))
            .unwrap_or(0.0);
        let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
        if once.is_finite() && once > 0.0 {
            Box::new(BoostQuery::new(Box::new(query), ENTITY_MATCH_SCORE / once))
        } else {
            Box::new(ConstScoreQuery::new(Box::new(query), ENTITY_MATCH_SCORE))
        }
    }

    /// Everything that meets one requirement.
    fn alternatives(&self, requirement: &Requirement) -> Vec<Box<dyn Query>> {
        let entity = requirement.entity.as_ref().map(|entity| self.entity(&entity.key));
        self.words(&requirement.tokens)
            .into_iter()
            .chain(entity)
            .collect()
    }
}

/// One query matching any of `queries`; `None` when there are none.
fn union(mut queries: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        // A lone term query prunes on its own (a one-clause boolean query
        // would score every match).
        1 => queries.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    }
}

/// The whole query: every requirement (`Occur::Must`) or any of them
/// (`Occur::Should`), exclusions, filters.
fn build(
    matcher: &Matcher,
    requirements: &[Requirement],
    exclusions: &[Box<dyn Query>],
    filters: &[Box<dyn Query>],
    occur: Occur,
) -> Box<dyn Query> {
    let any_word = requirements.len() == 1 || occur == Occur::Should;
    if any_word && !requirements.is_empty() && exclusions.is_empty() && filters.is_empty() {
        // One flat disjunction: with single words it is all term queries,
        // and only that lets the top-k collector use block-max WAND and skip
        // the postings of common words that cannot reach the page ("the"
        // matches nearly every document). Matches and scores are the nested
        // form's below.
        let all: Vec<Box<dyn Query>> = requirements
            .iter()
            .flat_map(|r| matcher.alternatives(r))
            .collect();
        if let Some(query) = union(all) {
            return query;
        }
    }
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut any_of: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for requirement in requirements {
        let Some(requirement) = union(matcher.alternatives(requirement)) else {
            continue;
        };
        match occur {
            Occur::Should => any_of.push((Occur::Should, requirement)),
            _ => parts.push((Occur::Must, requirement)),
        }
    }
    // Beside a required filter a `Should` clause only scores, so "any of
    // the words" is one required disjunction.
    if !any_of.is_empty() {
        parts.push((Occur::Must, Box::new(BooleanQuery::new(any_of))));
    }
    if parts.is_empty() {
        parts.push((Occur::Must, Box::new(AllQuery)));
    }
    for exclusion in exclusions {
        parts.push((Occur::MustNot, exclusion.box_clone()));
    }
    for filter in filters {
        parts.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(parts))
}

/// Filter queries from the request's outlet, dates, entity, event and kind.
/// "Quotes only" is a filter only when no words are searched: words are
/// then looked for in the quotes' own field ([`Matcher`]), which is the
/// filter already.
fn filters(
    fields: &Fields,
    request: &SearchQuery,
    words_searched: bool,
) -> Result<Vec<Box<dyn Query>>, SearchError> {
    let exact = |field: Field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    if let Some(outlet) = request.outlet.as_deref().filter(|o| !o.is_empty()) {
        out.push(exact(fields.outlet, outlet));
    }
    if let Some(entity) = request.entity.as_deref().filter(|e| !e.is_empty()) {
        out.push(exact(fields.entity, entity));
    }
    if let Some(event) = request.event.as_deref().filter(|e| !e.is_empty()) {
        out.push(exact(fields.event, &event.to_ascii_uppercase()));
    }
    match request.kind {
        SearchKind::All => {}
        SearchKind::Quotes if words_searched => {}
        SearchKind::Articles => out.push(exact(fields.kind, KIND_ARTICLE)),
        SearchKind::Quotes => out.push(exact(fields.kind, KIND_QUOTE)),
    }
    let from = date_bound(request.from.as_deref(), "from")?;
    let to = date_bound(request.to.as_deref(), "to")?;
    if from.is_some() || to.is_some() {
        // A partial date covers its whole period: `to=2025-06` ends on the
        // last day of June; `from=2025-06` starts at its first day. Dates
        // of month or year precision sort before that period's days.
        let lower = from.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_u64(fields.day_filter, d))
        });
        let upper = to.map_or(Bound::Unbounded, |d| {
            let end = if d % 100 == 0 {
                if d % 10_000 == 0 {
                    d + 9_999
                } else {
                    d + 99
                }
            } else {
                d
            };
            Bound::Included(Term::from_field_u64(fields.day_filter, end))
        });
        out.push(Box::new(RangeQuery::new(lower, upper)));
    }
    Ok(out)
}

fn date_bound(value: Option<&str>, name: &str) -> Result<Option<u64>, SearchError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => date_number(v).map(Some).ok_or_else(|| {
            SearchError::BadQuery(format!("`{name}` must be YYYY, YYYY-MM or YYYY-MM-DD, not {v:?}"))
        }),
    }
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// One hit with its snippet: around the best match of the query's words
/// and of the spellings under which expanded entities occur in this document.
fn hit(
    fields: &Fields,
    doc: &TantivyDocument,
    score: Score,
    query_terms: &BTreeMap<String, Score>,
    expanded: &[&NamedEntity],
    analyzer: &mut TextAnalyzer,
) -> SearchHit {
    let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_owned);
    let number = |field: Field| doc.get_first(field).and_then(|v| v.as_u64()).map(|n| n as usize);
    // Only quote documents carry a span.
    let is_quote = doc.get_first(fields.span_start).is_some();
    let mut terms = query_terms.clone();
    for mention in doc.get_all(fields.mention).filter_map(|v| v.as_str()) {
        let Some((key, surface)) = mention.split_once('\t') else {
            continue;
        };
        if expanded.iter().any(|e| e.key == key) {
            for token in tokens(analyzer, surface) {
                terms.entry(token).or_insert(1.0);
            }
        }
    }
    let body = doc.get_first(fields.body).and_then(|v| v.as_str()).unwrap_or("");
    let snippets = snippet_analyzer(terms.keys());
    let generator = SnippetGenerator::new(terms, snippets, fields.body, SNIPPET_CHARS);
    let snippet = generator.snippet(body);
    let (snippet, highlights) = if snippet.is_empty() {
        (lead(body, SNIPPET_CHARS), Vec::new())
    } else {
        let ranges = snippet.highlighted().iter().map(|r| [r.start, r.end]).collect();
        (snippet.fragment().to_owned(), ranges)
    };
    let span = match (number(fields.span_start), number(fields.span_end)) {
        (Some(start), Some(end)) if is_quote => Some(parallax_core::Span::new(start, end)),
        _ => None,
    };
    SearchHit {
        kind: if is_quote {
            HitKind::Quote
        } else {
            HitKind::Article
        },
        article: text(fields.article).unwrap_or_default(),
        title: text(fields.title),
        outlet: text(fields.outlet),
        published: text(fields.published),
        speaker: text(fields.speaker),
        span,
        snippet,
        highlights,
        score,
    }
}

/// The opening of a text, cut at a word boundary near `max_chars`.
fn lead(text: &str, max_chars: usize) -> String {
    let end = text.char_indices().nth(max_chars).map_or(text.len(), |(i, _)| i);
    if end == text.len() {
        return text.to_owned();
    }
    let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    format!("{}…", text[..cut].trim_end())
}

/// Document frequencies from the live index, for expansion's guards.
struct IndexFrequencies<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    analyzer: TextAnalyzer,
}

impl IndexFrequencies<'_> {
    fn term_documents(&self, field: Field, token: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(field, token))
            .unwrap_or(0)
    }
}

impl Frequencies for IndexFrequencies<'_> {
    fn key_documents(&self, key: &str) -> u64 {
        self.term_documents(self.fields.entity, key)
    }

    fn word_documents(&self, word: &str) -> u64 {
        let mut analyzer = self.analyzer.clone();
        tokens(&mut analyzer, word)
            .first()
            .map_or(0, |token| self.term_documents(self.fields.text, token))
    }
}

#[cfg(test)]
mod tests {
    use super::lead;

    #[test]
    fn lead_cuts_at_a_word_boundary() {
        assert_eq!(lead("short text", 100), "short text");
        assert_eq!(lead("Київ said the talks would resume", 12), "Київ said…");
    }
}
