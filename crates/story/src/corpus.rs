//! The articles of one story in a canonical order (by id, so any input order
//! gives the same report), and the lookups every assembler needs: the
//! sentence around a span, the text of a span, the date a span states.

use std::collections::BTreeSet;

use parallax_core::{Article, DatePrecision, Span, TimeExpression, TimeRelation};

use crate::report::{ArticleRef, Evidence};

/// The story's articles, sorted by id (duplicates by id dropped).
pub struct Corpus<'a> {
    /// Articles sorted by id.
    pub articles: Vec<&'a Article>,
}

impl<'a> Corpus<'a> {
    /// Sorts `articles` by id, then content hash, keeping one article per id.
    pub fn new(articles: &'a [Article]) -> Self {
        let mut sorted: Vec<&Article> = articles.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.content_hash.cmp(&b.content_hash)));
        sorted.dedup_by(|a, b| a.id == b.id);
        Corpus { articles: sorted }
    }

    /// The ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.articles.iter().map(|a| a.id.clone()).collect()
    }

    /// The article list of the report.
    pub fn refs(&self) -> Vec<ArticleRef> {
        self.articles
            .iter()
            .map(|a| ArticleRef {
                id: a.id.clone(),
                label: article_label(a),
                outlet: outlet_name(a),
                title: a.title.clone(),
                published: a.published.date.clone(),
                published_inferred: (a.published.provenance == Some(parallax_core::DateProvenance::Inferred))
                    .then(|| a.published.confidence.unwrap_or(0.0)),
                url: a.url.clone(),
            })
            .collect()
    }
}

/// When and where a quote was said, as far as its article tells.
#[derive(Debug, Clone, Default)]
pub struct Occasion {
    /// The date stated, with its precision.
    pub date: Option<(String, DatePrecision)>,
    /// Month and day stated, even when the year is unknown.
    pub month_day: Option<(u32, u32)>,
    /// True when the date is stated in full (needs no publication date).
    pub absolute: bool,
    /// Keys of the places stated.
    pub places: BTreeSet<String>,
}

/// The outlet's name, else its domain.
pub fn outlet_name(article: &Article) -> Option<String> {
    article
        .outlet
        .name
        .clone()
        .or_else(|| article.outlet.domain.clone())
}

/// Words of the body quoted to name an article that has nothing else.
const LABEL_WORDS: usize = 8;

/// A reader's name for the article: its outlet, else the agency it credits,
/// else its headline, else its first words.
pub fn article_label(article: &Article) -> String {
    if let Some(outlet) = outlet_name(article) {
        return outlet;
    }
    if let Some(agency) = article.agencies.first() {
        return format!("{agency} copy (outlet unknown)");
    }
    if let Some(title) = article.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        return format!("“{title}” (outlet unknown)");
    }
    let words: Vec<&str> = article.body.split_whitespace().take(LABEL_WORDS + 1).collect();
    let opening = words[..words.len().min(LABEL_WORDS)].join(" ");
    let ellipsis = if words.len() > LABEL_WORDS { "…" } else { "" };
    format!("“{opening}{ellipsis}” (outlet unknown)")
}

/// The text of `span` in the article (empty when the span is not a slice).
pub fn span_text(article: &Article, span: Span) -> String {
    span.slice(&article.body).unwrap_or("").trim().to_owned()
}

/// Evidence for `span` of `article`.
pub fn evidence(article: &Article, span: Span) -> Evidence {
    Evidence {
        article: article.id.clone(),
        span,
        text: span_text(article, span),
    }
}

/// The sentence containing byte `position`, or the span itself when the
/// article has no sentence there.
pub fn sentence_around(article: &Article, span: Span) -> Span {
    article
        .analysis
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.start < s.span.end.max(s.span.start + 1))
        .map_or(span, |s| s.span)
}

/// The first resolved date of a time expression inside `span` (the date a
/// sentence states), with its precision.
pub fn stated_date(article: &Article, span: Span) -> Option<(String, DatePrecision)> {
    article
        .analysis
        .times
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
        .find_map(|t| Some((t.date.clone()?, t.precision?)))
}

/// The month and day a time expression states, even without a year ("Sept.
/// 5" in an article whose publication date is unknown): enough to tell two
/// days apart.
pub fn month_day(time: &TimeExpression) -> Option<(u32, u32)> {
    match (&time.relation, &time.date, time.precision) {
        (
            TimeRelation::YearlessDate {
                month,
                day: Some(day),
            },
            _,
            _,
        ) => Some((*month, *day)),
        (_, Some(date), Some(DatePrecision::Day)) => {
            let mut parts = date.split('-').skip(1).map(|p| p.parse::<u32>().ok());
            Some((parts.next()??, parts.next()??))
        }
        _ => None,
    }
}

/// True when two dates can denote the same day: equal, or one is a coarser
/// prefix of the other ("2025-09" and "2025-09-03").
pub fn dates_compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Days between two `YYYY-MM-DD` dates, when both are full days.
pub fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day = |s: &str| -> Option<i64> {
        let mut parts = s.split('-');
        let y: i64 = parts.next()?.parse().ok()?;
        let m: i64 = parts.next()?.parse().ok()?;
        let d: i64 = parts.next()?.parse().ok()?;
        // Days from civil (Howard Hinnant's algorithm), enough to subtract.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe)
    };
    Some((day(a)? - day(b)?).abs())
}

/// The more precise of two dates (the longer string), the first on a tie.
pub fn more_precise(a: (String, DatePrecision), b: (String, DatePrecision)) -> (String, DatePrecision) {
    if b.1 > a.1 {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_arithmetic() {
        assert_eq!(days_apart("2025-09-03", "2025-09-05"), Some(2));
        assert_eq!(days_apart("2024-12-31", "2025-01-01"), Some(1));
        assert_eq!(days_apart("2025-09", "2025-09-01"), None);
        assert!(dates_compatible("2025-09", "2025-09-03"));
        assert!(!dates_compatible("2025-09-04", "2025-09-03"));
    }
}
