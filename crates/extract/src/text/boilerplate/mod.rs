//! Boilerplate removal for scraped text: a [`Page`] of lines, each either
//! still open (article text until a rule says otherwise) or removed with the
//! name of the rule that removed it. Rule families live in one module each
//! and run in a fixed order (see [`remove_boilerplate`]); later rules see
//! what earlier ones removed, e.g. a teaser is only recognised once the
//! widgets after it are gone. Rules also report what the chrome told about
//! the article ([`Findings`]: byline names, the outlet in a bio, credited
//! agencies), which metadata turns into fields with provenance.
//!
//! Rule names are documented in `docs/boilerplate.md`.

pub mod agency;
pub mod bio;
pub mod captions;
pub mod dateline;
pub mod lexicon;
pub mod masthead;
pub mod promo;
pub mod related;
pub mod repeats;
pub mod teaser;
pub mod title;
pub mod widgets;

use parallax_core::{PublishedDate, Removed};

use super::header::Header;
use super::lines::Line;
use super::shape;

/// What the chrome said about the article, gathered while removing it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    /// The headline found at the top of the text (or repeated in it).
    pub title: Option<String>,
    /// People from byline lines and author bios, in order found.
    pub authors: Vec<String>,
    /// Agencies from credit lines.
    pub agencies: Vec<String>,
    /// Outlet names stated by masthead lines or author bios.
    pub outlet_names: Vec<String>,
    /// Publication date from a date line or dateline at the top.
    pub published: Option<PublishedDate>,
    /// A paywall prompt stands after the last article paragraph.
    pub paywall_gate: bool,
}

impl Findings {
    /// Adds a person unless already listed (case-insensitively).
    pub fn add_author(&mut self, name: &str) {
        push_unique(&mut self.authors, name);
    }

    /// Adds an agency unless already listed.
    pub fn add_agency(&mut self, name: &str) {
        push_unique(&mut self.agencies, name);
    }

    /// Adds an outlet name unless already listed.
    pub fn add_outlet(&mut self, name: &str) {
        push_unique(&mut self.outlet_names, name);
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|v| v.eq_ignore_ascii_case(value)) {
        list.push(value.to_owned());
    }
}

/// The lines of a scraped text and what the rules decided about each.
#[derive(Debug, Clone)]
pub struct Page {
    lines: Vec<Line>,
    removed: Vec<Option<&'static str>>,
    /// Metadata evidence found in the chrome.
    pub findings: Findings,
}

impl Page {
    /// A page with every line open.
    pub fn new(lines: Vec<Line>) -> Self {
        let removed = vec![None; lines.len()];
        Page {
            lines,
            removed,
            findings: Findings::default(),
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when the page has no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line at `i`.
    pub fn line(&self, i: usize) -> &Line {
        &self.lines[i]
    }

    /// The text of the line at `i`.
    pub fn text(&self, i: usize) -> &str {
        &self.lines[i].text
    }

    /// True when no rule has removed line `i`.
    pub fn is_open(&self, i: usize) -> bool {
        i < self.lines.len() && self.removed[i].is_none()
    }

    /// The rule that removed line `i`, if any.
    pub fn removal(&self, i: usize) -> Option<&'static str> {
        self.removed.get(i).copied().flatten()
    }

    /// Marks line `i` removed by `rule` (the first rule to remove it wins).
    pub fn remove(&mut self, i: usize, rule: &'static str) {
        if self.is_open(i) {
            self.removed[i] = Some(rule);
        }
    }

    /// Indices of the open lines, in order.
    pub fn open_lines(&self) -> Vec<usize> {
        (0..self.lines.len()).filter(|&i| self.is_open(i)).collect()
    }

    /// The first open line after `i`.
    pub fn next_open(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| self.is_open(j))
    }

    /// The last open line before `i`.
    pub fn previous_open(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.is_open(j))
    }

    /// The first open line that reads as running prose: everything open
    /// before it is the page's top matter (masthead, byline, headline).
    pub fn first_prose(&self) -> Option<usize> {
        (0..self.lines.len()).find(|&i| self.is_open(i) && shape::is_prose(self.text(i)))
    }

    /// The last open line that reads as running prose.
    pub fn last_prose(&self) -> Option<usize> {
        (0..self.lines.len())
            .rev()
            .find(|&i| self.is_open(i) && shape::is_prose(self.text(i)))
    }

    /// The removed lines with their rules, in input order.
    pub fn removals(&self) -> Vec<Removed> {
        self.lines
            .iter()
            .zip(&self.removed)
            .filter_map(|(line, rule)| rule.map(|rule| Removed::new(line.text.clone(), rule)))
            .collect()
    }
}

/// Runs every rule family over the page, in an order where each rule can
/// rely on the chrome removed before it.
pub fn remove_boilerplate(page: &mut Page, header: &Header) {
    // Unambiguous chrome first: lexicon lines and self-delimiting widgets.
    promo::remove_promos(page);
    widgets::remove_widgets(page);
    related::remove_related_blocks(page);
    agency::remove_agency_credits(page);
    captions::remove_captions(page);
    // Promos known only by shape, at the edges the rules above cleared.
    promo::remove_edge_promos(page);
    // Top matter: outlet and byline lines, then the headline.
    dateline::remove_date_lines(page);
    masthead::remove_masthead_and_byline(page, header);
    title::remove_title_lines(page, header.title.as_deref());
    // Tail matter, recognisable once the widgets around it are gone. A
    // teaser and a bio can stand in either order at the end, and each is
    // only recognised once the other is gone: the teaser rule runs on both
    // sides of the bio rule.
    teaser::remove_teasers(page);
    bio::remove_author_bios(page);
    repeats::remove_repeated_paragraphs(page);
    // A related-links header kept because a paragraph followed it is chrome
    // after all when that paragraph turned out to be a repeat.
    related::remove_related_blocks(page);
    teaser::remove_teasers(page);
    agency::remove_sign_off_credits(page);
    promo::detect_paywall_gate(page);
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::text::lines::segment;

    /// A page of the given text with every rule run, and the text of each
    /// line with its removal reason.
    pub fn run(text: &str) -> (Page, Vec<(String, Option<&'static str>)>) {
        let mut page = Page::new(segment(text));
        remove_boilerplate(&mut page, &Header::default());
        let verdicts = (0..page.len())
            .map(|i| (page.text(i).to_owned(), page.removal(i)))
            .collect();
        (page, verdicts)
    }

    /// The reason the line with exactly this text was removed.
    pub fn reason_for(verdicts: &[(String, Option<&'static str>)], text: &str) -> Option<&'static str> {
        verdicts
            .iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("no line {text:?}"))
            .1
    }
}
