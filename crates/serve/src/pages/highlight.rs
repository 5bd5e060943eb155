//! Rendering an article body with its annotations as HTML.
//!
//! Annotations are byte spans into `body` that may overlap arbitrarily (a
//! quote containing entities, an event trigger straddling a quote's edge, a
//! bad span from a buggy stage). HTML needs properly nested elements, so the
//! renderer cuts the body at every span boundary and, for each piece, keeps
//! open exactly the annotations covering it, in one canonical order (outer
//! spans first). When two spans cross, the later one is closed at the end of
//! the earlier one and reopened right after it: the element is split, never
//! mis-nested. Boundaries are snapped to UTF-8 character boundaries first,
//! so no slice ever falls inside a character, and every piece of text goes
//! through maud's escaper, so article text can never inject markup.

use std::fmt::Write as _;

use maud::{Escaper, Markup, PreEscaped};
use parallax_core::{Paragraph, ParagraphKind, Span};

use super::links;

/// One highlight to draw over the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Byte span into the body (snapped to character boundaries when drawn).
    pub span: Span,
    /// What the span is.
    pub mark: Mark,
}

/// The kinds of highlight, each with what its element shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A quote: `mark.quote[data-speaker]`, coloured per speaker, with a
    /// visible `.quote-speaker` label at the start of its first piece.
    Quote {
        /// Who is quoted, as shown; `None` when the article names nobody.
        speaker: Option<String>,
        /// Colour slot of the speaker (the stylesheet defines [`SPEAKER_COLOURS`]).
        colour: usize,
        /// Whether this span starts the quote (split quotes label only their first part).
        first_part: bool,
    },
    /// An event trigger: `span.event[data-cameo]`.
    Event {
        /// CAMEO event code ("190").
        cameo: String,
        /// QuadClass 1–4, for colour.
        quad_class: u8,
        /// One line for the tooltip ("CAMEO 190 · PLOVER ASSAULT").
        description: String,
    },
    /// An entity mention: `span.entity[data-key]` linking to the entity page.
    Entity {
        /// Canonical key (`person:sybiha-andrii`).
        key: String,
        /// Entity type as in the JSON (`person`, `place`, …), for colour.
        entity_type: String,
        /// Canonical name, for the tooltip.
        name: String,
    },
}

/// Number of distinct speaker colours in the stylesheet (`.speaker-0` …).
pub const SPEAKER_COLOURS: usize = 8;

impl Mark {
    /// Among spans with the same extent, quotes are outermost and entities
    /// innermost, so an entity's link wraps only text.
    fn nesting_rank(&self) -> u8 {
        match self {
            Mark::Quote { .. } => 0,
            Mark::Event { .. } => 1,
            Mark::Entity { .. } => 2,
        }
    }
}

/// Renders `body` paragraph by paragraph with `annotations` highlighted and
/// an empty anchor `id="s{offset}"` at each offset of `anchors` (so links
/// to `#s{start}` land on the sentence, quote or figure they cite).
/// Without paragraphs the whole body is one paragraph.
pub fn render_body(
    body: &str,
    paragraphs: &[Paragraph],
    annotations: &[Annotation],
    anchors: &[usize],
) -> Markup {
    let whole = [Paragraph {
        span: Span::new(0, body.len()),
        kind: ParagraphKind::Paragraph,
    }];
    let paragraphs = if paragraphs.is_empty() && !body.is_empty() {
        &whole[..]
    } else {
        paragraphs
    };
    let spans: Vec<Option<(usize, usize)>> = annotations
        .iter()
        .map(|annotation| snap(body, annotation.span))
        .collect();
    let mut anchors: Vec<usize> = anchors
        .iter()
        .filter(|&&offset| offset <= body.len() && body.is_char_boundary(offset))
        .copied()
        .collect();
    anchors.sort_unstable();
    anchors.dedup();

    let mut html = String::with_capacity(body.len() * 2);
    let mut in_list = false;
    for paragraph in paragraphs {
        let Some((start, end)) = snap(body, paragraph.span) else {
            continue;
        };
        let is_item = paragraph.kind == ParagraphKind::ListItem;
        if is_item && !in_list {
            html.push_str("<ul>");
        } else if !is_item && in_list {
            html.push_str("</ul>");
        }
        in_list = is_item;
        let (open, close) = match paragraph.kind {
            ParagraphKind::Paragraph => ("<p>", "</p>"),
            ParagraphKind::Heading => ("<h3>", "</h3>"),
            ParagraphKind::ListItem => ("<li>", "</li>"),
            ParagraphKind::Blockquote => ("<blockquote><p>", "</p></blockquote>"),
        };
        html.push_str(open);
        render_paragraph(&mut html, body, (start, end), annotations, &spans, &anchors);
        html.push_str(close);
    }
    if in_list {
        html.push_str("</ul>");
    }
    PreEscaped(html)
}

/// Snaps a span to character boundaries inside `body` (start down, end up);
/// `None` when nothing is left.
pub fn snap(body: &str, span: Span) -> Option<(usize, usize)> {
    let mut start = span.start.min(body.len());
    while !body.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.min(body.len());
    while !body.is_char_boundary(end) {
        end += 1;
    }
    (start < end).then_some((start, end))
}

/// One open element: which annotation, and whether it opened a link
/// (links cannot nest, so an entity inside an entity gets none).
struct Open {
    index: usize,
    linked: bool,
}

fn render_paragraph(
    html: &mut String,
    body: &str,
    (start, end): (usize, usize),
    annotations: &[Annotation],
    spans: &[Option<(usize, usize)>],
    anchors: &[usize],
) {
    // Every annotation clipped to the paragraph, in nesting order.
    let mut inside: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .filter_map(|(index, span)| {
            let (s, e) = (*span)?;
            let (s, e) = (s.max(start), e.min(end));
            (s < e).then_some((index, s, e))
        })
        .collect();
    inside.sort_by_key(|&(index, _, _)| {
        let (s, e) = spans[index].unwrap_or_default();
        (
            s,
            std::cmp::Reverse(e),
            annotations[index].mark.nesting_rank(),
            index,
        )
    });
    let first_anchor = anchors.partition_point(|&offset| offset < start);
    let last_anchor = anchors.partition_point(|&offset| offset < end);
    let anchors = &anchors[first_anchor..last_anchor];

    let mut cuts: Vec<usize> = vec![start, end];
    for &(_, s, e) in &inside {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.extend_from_slice(anchors);
    cuts.sort_unstable();
    cuts.dedup();

    let mut stack: Vec<Open> = Vec::new();
    for window in cuts.windows(2) {
        let (from, to) = (window[0], window[1]);
        let wanted: Vec<usize> = inside
            .iter()
            .filter(|&&(_, s, e)| s <= from && to <= e)
            .map(|&(index, _, _)| index)
            .collect();
        let kept = stack
            .iter()
            .zip(&wanted)
            .take_while(|(open, &index)| open.index == index)
            .count();
        while stack.len() > kept {
            if let Some(open) = stack.pop() {
                close_tag(html, &annotations[open.index].mark, open.linked);
            }
        }
        if anchors.binary_search(&from).is_ok() {
            let _ = write!(html, "<span class=\"anchor\" id=\"s{from}\"></span>");
        }
        for &index in &wanted[kept..] {
            let in_link = stack.iter().any(|open| open.linked);
            let starts_here = spans[index].is_some_and(|(s, _)| s == from);
            let linked = open_tag(html, &annotations[index].mark, in_link, starts_here);
            stack.push(Open { index, linked });
        }
        escape_into(html, &body[from..to]);
    }
    while let Some(open) = stack.pop() {
        close_tag(html, &annotations[open.index].mark, open.linked);
    }
}

/// Writes the opening tag(s) of `mark`; returns whether a link was opened.
fn open_tag(html: &mut String, mark: &Mark, in_link: bool, starts_here: bool) -> bool {
    match mark {
        Mark::Quote {
            speaker,
            colour,
            first_part,
        } => {
            let piece = if starts_here { "" } else { " quote-continued" };
            let _ = write!(
                html,
                "<mark class=\"quote speaker-{}{piece}\" data-speaker=\"",
                colour % SPEAKER_COLOURS
            );
            escape_into(html, speaker.as_deref().unwrap_or(""));
            html.push_str("\">");
            if *first_part && starts_here {
                let label = speaker.as_deref().unwrap_or("unattributed");
                html.push_str("<span class=\"quote-speaker\" title=\"");
                escape_into(html, label);
                html.push_str("\">");
                escape_into(html, label);
                html.push_str("</span>");
            }
            false
        }
        Mark::Event {
            cameo,
            quad_class,
            description,
        } => {
            let _ = write!(html, "<span class=\"event quad-{quad_class}\" data-cameo=\"");
            escape_into(html, cameo);
            html.push_str("\" title=\"");
            escape_into(html, description);
            html.push_str("\">");
            false
        }
        Mark::Entity {
            key,
            entity_type,
            name,
        } => {
            html.push_str("<span class=\"entity type-");
            escape_into(html, entity_type);
            html.push_str("\" data-key=\"");
            escape_into(html, key);
            html.push_str("\" title=\"");
            escape_into(html, name);
            html.push_str("\">");
            if in_link {
                return false;
            }
            html.push_str("<a href=\"");
            escape_into(html, &links::entity(key));
            html.push_str("\">");
            true
        }
    }
}

fn close_tag(html: &mut String, mark: &Mark, linked: bool) {
    match mark {
        Mark::Quote { .. } => html.push_str("</mark>"),
        Mark::Event { .. } => html.push_str("</span>"),
        Mark::Entity { .. } if linked => html.push_str("</a></span>"),
        Mark::Entity { .. } => html.push_str("</span>"),
    }
}

fn escape_into(html: &mut String, text: &str) {
    let _ = Escaper::new(html).write_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(start: usize, end: usize, key: &str) -> Annotation {
        Annotation {
            span: Span::new(start, end),
            mark: Mark::Entity {
                key: key.to_owned(),
                entity_type: "person".to_owned(),
                name: key.to_owned(),
            },
        }
    }

    fn quote(start: usize, end: usize, speaker: &str) -> Annotation {
        Annotation {
            span: Span::new(start, end),
            mark: Mark::Quote {
                speaker: Some(speaker.to_owned()),
                colour: 1,
                first_part: true,
            },
        }
    }

    fn event(start: usize, end: usize) -> Annotation {
        Annotation {
            span: Span::new(start, end),
            mark: Mark::Event {
                cameo: "036".to_owned(),
                quad_class: 1,
                description: "CAMEO 036".to_owned(),
            },
        }
    }

    fn render(body: &str, annotations: &[Annotation], anchors: &[usize]) -> String {
        render_body(body, &[], annotations, anchors).into_string()
    }

    /// Checks that every tag opened is closed in reverse order, and returns
    /// the text with tags removed.
    fn check_nesting(html: &str) -> String {
        let mut stack: Vec<String> = Vec::new();
        let mut text = String::new();
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            text.push_str(&rest[..lt]);
            let gt = rest[lt..].find('>').expect("unterminated tag") + lt;
            let tag = &rest[lt + 1..gt];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "bad nesting in {html}");
            } else {
                let name = tag.split_whitespace().next().unwrap_or("").to_owned();
                stack.push(name);
            }
            rest = &rest[gt + 1..];
        }
        text.push_str(rest);
        assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
        text
    }

    #[test]
    fn crossing_spans_are_split_not_misnested() {
        // quote [0, 10) and event [5, 15) cross.
        let body = "0123456789abcdefghij";
        let html = render(body, &[quote(0, 10, "Ann"), event(5, 15)], &[]);
        let text = check_nesting(&html);
        assert_eq!(text, format!("Ann{body}"), "label plus the body, nothing lost");
        assert_eq!(
            html.matches("class=\"event").count(),
            2,
            "event split in two: {html}"
        );
        assert!(html.contains("<mark class=\"quote speaker-1\" data-speaker=\"Ann\">"));
    }

    #[test]
    fn nested_spans_stay_nested() {
        let body = "He said Andrii Sybiha will come.";
        let html = render(
            body,
            &[quote(3, 31, "Zelensky"), entity(8, 21, "person:sybiha-andrii")],
            &[],
        );
        check_nesting(&html);
        assert_eq!(html.matches("<mark").count(), 1, "quote not split: {html}");
        assert!(html.contains(
            "<span class=\"entity type-person\" data-key=\"person:sybiha-andrii\" \
             title=\"person:sybiha-andrii\"><a href=\"/entities/person%3Asybiha-andrii\">Andrii Sybiha</a></span>"
        ));
    }

    #[test]
    fn identical_spans_nest_quote_event_entity() {
        let body = "Kyiv";
        let html = render(
            body,
            &[entity(0, 4, "place:kyiv"), event(0, 4), quote(0, 4, "X")],
            &[],
        );
        check_nesting(&html);
        let quote_at = html.find("<mark").unwrap();
        let event_at = html.find("class=\"event").unwrap();
        let entity_at = html.find("class=\"entity").unwrap();
        assert!(quote_at < event_at && event_at < entity_at, "{html}");
    }

    #[test]
    fn entity_inside_entity_gets_no_nested_link() {
        let body = "Foreign Minister of Ukraine";
        let html = render(
            body,
            &[entity(0, 27, "org:mfa"), entity(20, 27, "country:ukr")],
            &[],
        );
        check_nesting(&html);
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
    }

    #[test]
    fn spans_inside_utf8_characters_are_snapped() {
        // "Kyiv’s" — the apostrophe is 3 bytes (4..7); spans cut into it.
        let body = "Kyiv’s air force";
        let html = render(body, &[entity(0, 5, "place:kyiv"), event(9, 12)], &[5]);
        let text = check_nesting(&html);
        assert_eq!(text, body);
        assert!(
            html.contains("<a href=\"/entities/place%3Akyiv\">Kyiv’</a>"),
            "{html}"
        );
        assert!(!html.contains("id=\"s5\""), "anchor inside a character dropped");
    }

    #[test]
    fn out_of_range_and_empty_spans_are_ignored() {
        let body = "short";
        let html = render(
            body,
            &[entity(3, 3, "a:b"), entity(10, 20, "c:d"), event(2, 99)],
            &[99],
        );
        let text = check_nesting(&html);
        assert_eq!(text, body);
        assert_eq!(html.matches("class=\"entity").count(), 0);
        assert!(
            html.contains("<span class=\"event quad-1\" data-cameo=\"036\" title=\"CAMEO 036\">ort</span>")
        );
    }

    #[test]
    fn article_text_is_escaped() {
        let body = "<script>alert(\"x\")</script> & more";
        let html = render(body, &[quote(0, 8, "<b>evil</b>")], &[0]);
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; more"),
            "{html}"
        );
        assert!(html.contains("data-speaker=\"&lt;b&gt;evil&lt;/b&gt;\""));
    }

    #[test]
    fn anchors_mark_offsets_and_paragraphs_become_blocks() {
        let body = "First one. Second.\n\nNext para.";
        let paragraphs = [
            Paragraph {
                span: Span::new(0, 18),
                kind: ParagraphKind::Paragraph,
            },
            Paragraph {
                span: Span::new(20, 30),
                kind: ParagraphKind::Heading,
            },
        ];
        let html = render_body(body, &paragraphs, &[quote(11, 25, "Ann")], &[0, 11, 20]).into_string();
        check_nesting(&html);
        assert!(html.starts_with("<p><span class=\"anchor\" id=\"s0\"></span>First one. "));
        assert!(html.contains(
            "<h3><span class=\"anchor\" id=\"s20\"></span><mark class=\"quote speaker-1 quote-continued\""
        ));
        assert_eq!(
            html.matches("quote-speaker").count(),
            1,
            "label only on the first piece"
        );
        assert!(
            !html.contains("\n\n"),
            "the separator is not part of any paragraph"
        );
    }

    #[test]
    fn list_items_are_grouped_in_one_list() {
        let body = "a\n\nb\n\nc";
        let kinds = [
            ParagraphKind::ListItem,
            ParagraphKind::ListItem,
            ParagraphKind::Paragraph,
        ];
        let paragraphs: Vec<Paragraph> = [(0, 1), (3, 4), (6, 7)]
            .iter()
            .zip(kinds)
            .map(|(&(s, e), kind)| Paragraph {
                span: Span::new(s, e),
                kind,
            })
            .collect();
        let html = render_body(body, &paragraphs, &[], &[]).into_string();
        assert_eq!(html, "<ul><li>a</li><li>b</li></ul><p>c</p>");
    }
}
