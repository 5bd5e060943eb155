//! Reading PolNeAR's attribution annotations (brat standoff files) into
//! byte spans of the article text, for the benchmark
//! (`examples/polnear_eval.rs`) and the attribution tagger's training program
//! (`examples/train_quotes.rs`). Not used by the finder itself.
//!
//! A brat line is `T<n>\t<Role> <start> <end>[;<start> <end>…]\t<text>`
//! for spans (offsets count characters) and `E<n>\tAttribution:T<a>
//! Content:T<b> Cue:T<c> Source:T<d>` for attributions.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use parallax_core::Span;

/// One annotated attribution, as byte spans of the article text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldAttribution {
    /// Content fragments (a content may be discontinuous).
    pub content: Vec<Span>,
    /// From the first to the last fragment of the source, if annotated.
    pub source: Option<Span>,
    /// Cue fragments.
    pub cue: Vec<Span>,
}

/// One article of a split: its name, text and annotation file.
pub struct PolnearArticle {
    /// File stem of the text.
    pub name: String,
    /// The article text.
    pub body: String,
    /// The brat annotation of the first annotator (by file name): some
    /// articles were annotated by several people, and one is the gold.
    pub annotation: String,
}

/// The articles of a split directory holding `text/NAME.txt` and
/// `attributions/NAME_ANNOTATOR.ann`, in name order; articles without an
/// annotation are left out.
pub fn read_split(split: &Path) -> std::io::Result<Vec<PolnearArticle>> {
    let mut texts: Vec<PathBuf> = fs::read_dir(split.join("text"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut annotations: Vec<PathBuf> = fs::read_dir(split.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    annotations.sort();
    let mut articles = Vec::new();
    for text in texts {
        let Some(stem) = text.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let annotation = annotations.iter().find(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                // `_ANNOTATOR.ann`, the annotator id without underscores (so
                // "a_b_x.ann" is not taken for article "a").
                n.strip_prefix(stem)
                    .and_then(|rest| rest.strip_prefix('_'))
                    .and_then(|rest| rest.strip_suffix(".ann"))
                    .is_some_and(|annotator| !annotator.contains('_'))
            })
        });
        let Some(annotation) = annotation else { continue };
        articles.push(PolnearArticle {
            name: stem.to_owned(),
            body: fs::read_to_string(&text)?,
            annotation: fs::read_to_string(annotation)?,
        });
    }
    Ok(articles)
}

/// The attributions of `ann` (a brat file) over `body`; malformed lines
/// and attributions without a content are skipped.
pub fn read_attributions(body: &str, ann: &str) -> Vec<GoldAttribution> {
    // brat offsets count characters; the rest of Parallax uses bytes.
    let bytes: Vec<usize> = body
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(body.len()))
        .collect();
    let to_byte = |c: usize| bytes.get(c).copied();
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut columns = line.split('\t');
        let (Some(id), Some(middle)) = (columns.next(), columns.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, offsets)) = middle.split_once(' ') else {
                continue;
            };
            let fragments: Vec<Span> = offsets
                .split(';')
                .filter_map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    let (a, b) = (to_byte(a.parse().ok()?)?, to_byte(b.parse().ok()?)?);
                    (a <= b).then(|| Span::new(a, b))
                })
                .collect();
            spans.insert(id, fragments);
        } else if id.starts_with('E') {
            events.push(middle);
        }
    }
    events
        .into_iter()
        .filter_map(|event| {
            let role = |name: &str| {
                event.split_whitespace().find_map(|kv| {
                    let (k, v) = kv.split_once(':')?;
                    (k == name).then(|| spans.get(v).cloned()).flatten()
                })
            };
            let content = role("Content").filter(|c| !c.is_empty())?;
            let source = role("Source").and_then(|s| Some(Span::new(s.first()?.start, s.last()?.end)));
            Some(GoldAttribution {
                content,
                source,
                cue: role("Cue").unwrap_or_default(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spans_in_bytes_and_skips_malformed_lines() {
        let body = "Ça va, he said it was over.";
        let ann = "T1\tSource 7 9\the\nT2\tCue 10 14\tsaid\nT3\tContent 15 26\tit was over\n\
                   T4\tAttribution 10 14\tsaid\nbroken line\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nE2\tAttribution:T4 Cue:T2\n";
        let gold = read_attributions(body, ann);
        assert_eq!(gold.len(), 1);
        let g = &gold[0];
        assert_eq!(g.source.and_then(|s| s.slice(body)), Some("he"));
        assert_eq!(g.cue[0].slice(body), Some("said"));
        assert_eq!(g.content[0].slice(body), Some("it was over"));
    }
}
