//! `agency-credit`: lines crediting a news agency or the wire staff who
//! reported the story ("- Agence France-Presse", "(Reuters)", "— AP",
//! "With AFP", "Reporting by …; Editing by …"). The agencies become
//! metadata; reporters named in "Reporting by"/"Writing by" become authors,
//! editors do not (they did not write the story). An agency named in the
//! dateline of the first paragraph ("KYIV, Sept 4 (Reuters) -") is recorded
//! too, but that paragraph is article text and stays.
//!
//! Agencies no table knows are recognised by their place in a credit (see
//! [`CreditSlot`]): an organisation-shaped name after "reporting by", in
//! the dateline's brackets, or alone on a sign-off line below the article's
//! last paragraph ("- Baltwire"). The sign-off needs the tail cleared of
//! bios and teasers first ([`remove_sign_off_credits`]), and only there is
//! it a credit: inside the article "- Sanders." attributes a quote.

use once_cell::sync::Lazy;
use regex::Regex;

use super::Page;
use crate::credits::{agency_by_credit, agency_name, looks_like_person_name, CreditSlot};
use crate::text::shape;

/// Rule name for agency credit lines.
pub const RULE: &str = "agency-credit";

/// Credit lines are short; a longer line naming an agency is a paragraph.
const MAX_CREDIT_WORDS: usize = 30;

/// "With AFP", "AFP contributed to this report", "Source: Reuters",
/// (not "From Reuters:", which introduces a quotation in the article),
/// "This story was produced with AP": the agency is in group `agency`.
static CREDIT_PHRASE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:with|via|source|sources|additional reporting by|additional reporting from|compiled by|this (?:story|article|report) (?:was )?(?:produced|written|published|reported|originally published) (?:with|by))\s*:?\s*(?P<agency>.+?)|(?P<agency2>.+?)\s+(?:contributed to this (?:report|article|story)|contributed reporting))\.?$",
    )
    .expect("credit phrase pattern is valid")
});

/// "Reporting by A and B in Kyiv; Writing by C; Editing by D".
static STAFF_CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\b")
        .expect("staff credit pattern is valid")
});

/// One "<role> by <names>" clause of a staff credit.
static STAFF_CLAUSE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?P<role>(?:additional\s+)?(?:reporting|writing|editing|compiled|research))\s+by\s+(?P<names>.+)$")
        .expect("staff clause pattern is valid")
});

/// "PLACE, date (Agency) -" at the start of a paragraph.
/// Removes credit lines and records the agencies and reporters they name.
pub fn remove_agency_credits(page: &mut Page) {
    let first_prose = page.first_prose();
    for i in 0..page.len() {
        if !page.is_open(i) || page.line(i).word_count() > MAX_CREDIT_WORDS {
            continue;
        }
        let text = page.text(i).to_owned();
        if let Some(agency) = credited_agency(&text) {
            page.findings.add_agency(&agency);
            page.remove(i, RULE);
        } else if STAFF_CREDIT.is_match(&text) {
            let credited = staff_credits(&text);
            for reporter in &credited.reporters {
                page.findings.add_author(reporter);
            }
            for agency in &credited.agencies {
                page.findings.add_agency(agency);
            }
            page.remove(i, RULE);
        }
    }
    if let Some(first) = first_prose {
        if let Some(agency) = crate::credits::dateline_agency(page.text(first)) {
            page.findings.add_agency(&agency);
        }
    }
}

/// Removes sign-off lines naming an agency no table knows ("- Baltwire")
/// below the last paragraph, once the tail's bios and teasers are gone.
pub fn remove_sign_off_credits(page: &mut Page) {
    let Some(last_prose) = page.last_prose() else {
        return;
    };
    for i in last_prose + 1..page.len() {
        if !page.is_open(i) {
            continue;
        }
        if let Some(agency) = sign_off_agency(page.text(i)) {
            page.findings.add_agency(&agency);
            page.remove(i, RULE);
        }
    }
}

/// The agency of a sign-off line, "- Baltwire", "— Baltwire" or
/// "(Baltwire)": a dash-led or bracketed line whose name has the shape of
/// an agency even when no table knows it.
fn sign_off_agency(text: &str) -> Option<String> {
    let text = text.trim();
    let dash_led = text.starts_with(['-', '–', '—']);
    let bracketed = text.starts_with('(') && text.trim_end_matches('.').ends_with(')');
    if !(dash_led || bracketed) {
        return None;
    }
    let name = text
        .trim_start_matches(|c: char| c.is_whitespace() || "-–—(".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || ").".contains(c));
    agency_by_credit(name, CreditSlot::SignOff)
}

/// The agency a whole line credits: the line is an agency name with dashes
/// or brackets around it, or a credit phrase naming one.
fn credited_agency(text: &str) -> Option<String> {
    let bare = text
        .trim_start_matches(|c: char| c.is_whitespace() || "-–—•*(©".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || ").".contains(c));
    if bare.is_empty() {
        return None;
    }
    if let Some(agency) = agency_name(bare).filter(|_| !shape::is_prose(bare)) {
        return Some(agency.to_string());
    }
    let caps = CREDIT_PHRASE.captures(bare)?;
    let named = caps.name("agency").or_else(|| caps.name("agency2"))?.as_str();
    // "With AFP and Reuters" names two; the first is enough to credit, the
    // rest are added when they are agencies too.
    named
        .split([',', '/', '&'])
        .flat_map(|part| part.split(" and "))
        .find_map(|part| agency_name(part.trim()))
        .map(|agency| agency.to_string())
}

/// Who a staff credit says reported or wrote the story.
#[derive(Debug, Default)]
struct StaffCredits {
    /// People credited with reporting or writing.
    reporters: Vec<String>,
    /// Organisations credited with reporting ("Additional reporting by
    /// Baltwire").
    agencies: Vec<String>,
}

/// The people and agencies a staff credit names as reporters or writers.
fn staff_credits(text: &str) -> StaffCredits {
    let inner = text.trim().trim_start_matches('(').trim_end_matches([')', '.']);
    let mut credited = StaffCredits::default();
    for clause in inner.split(';') {
        let Some(caps) = STAFF_CLAUSE.captures(clause.trim()) else {
            continue;
        };
        let role = caps
            .name("role")
            .map(|m| m.as_str().to_lowercase())
            .unwrap_or_default();
        if !(role.contains("reporting") || role.contains("writing")) {
            continue;
        }
        let names = caps.name("names").map(|m| m.as_str()).unwrap_or_default();
        for part in names.split(',').flat_map(|p| p.split(" and ")) {
            // "Tom Smith in Kyiv" -> "Tom Smith".
            let name = part.split(" in ").next().unwrap_or_default().trim();
            if looks_like_person_name(name) {
                credited.reporters.push(name.to_owned());
            } else if let Some(agency) = agency_by_credit(name, CreditSlot::ReportingBy) {
                credited.agencies.push(agency);
            }
        }
    }
    credited
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    const ARTICLE: &str =
        "The central bank raised its key rate by half a point on Thursday, citing inflation.\n\
        Economists had expected a smaller rise, a survey showed.\n";

    #[test]
    fn removes_agency_lines_and_records_agencies() {
        for (credit, agency) in [
            ("- Agence France-Presse", "Agence France-Presse"),
            ("(Reuters)", "Reuters"),
            ("— AP", "AP"),
        ] {
            let (page, verdicts) = run(&format!("{ARTICLE}{credit}"));
            assert_eq!(reason_for(&verdicts, credit), Some("agency-credit"), "{credit}");
            let canonical = crate::credits::agency_name(agency).expect("a known agency");
            assert_eq!(page.findings.agencies, [canonical], "{credit}");
        }
    }

    #[test]
    fn staff_credits_give_reporters_not_editors() {
        let credit = "Reporting by Anna Lindqvist in Oslo; Editing by Mark Tenner";
        let (page, verdicts) = run(&format!("{ARTICLE}{credit}"));
        assert_eq!(reason_for(&verdicts, credit), Some("agency-credit"));
        assert_eq!(page.findings.authors, ["Anna Lindqvist"]);
    }

    #[test]
    fn keeps_a_paragraph_that_mentions_an_agency() {
        let text = format!("{ARTICLE}Reuters could not independently verify the figures.");
        let (page, verdicts) = run(&text);
        assert_eq!(
            reason_for(&verdicts, "Reuters could not independently verify the figures."),
            None
        );
        assert!(page.findings.agencies.is_empty());
    }

    #[test]
    fn credits_name_agencies_no_table_knows() {
        for credit in [
            "Additional reporting by Baltwire",
            "Reporting by Baltwire; Editing by Mark Tenner",
            "- Baltwire",
            "(Baltwire)",
        ] {
            let (page, verdicts) = run(&format!("{ARTICLE}{credit}"));
            assert_eq!(reason_for(&verdicts, credit), Some("agency-credit"), "{credit}");
            assert_eq!(page.findings.agencies, ["Baltwire"], "{credit}");
            assert!(page.findings.authors.is_empty(), "{credit}");
        }
        let dateline = "RIGA, May 2 (Baltwire) - Latvia's central bank raised rates on Thursday, it said.";
        let (page, verdicts) = run(dateline);
        assert_eq!(verdicts[0].1, None);
        assert_eq!(page.findings.agencies, ["Baltwire"]);
    }

    #[test]
    fn a_sign_off_inside_the_article_attributes_a_quote() {
        let text = format!("“We will cut taxes for every family.”\n- Harlow.\n\n{ARTICLE}");
        let (page, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, "- Harlow."), None);
        assert!(page.findings.agencies.is_empty());
    }

    #[test]
    fn keeps_cue_lines_and_people_out_of_the_agencies() {
        for line in ["(Applause)", "- Ends", "- Jane Doe"] {
            let (page, _) = run(&format!("{ARTICLE}{line}"));
            assert!(page.findings.agencies.is_empty(), "{line}");
        }
        let (page, _) = run(&format!("{ARTICLE}Additional reporting by Anna Lindqvist"));
        assert!(page.findings.agencies.is_empty());
        assert_eq!(page.findings.authors, ["Anna Lindqvist"]);
        let (page, _) = run("WASHINGTON (CNN) - The Senate passed the bill on Friday, leaders said.");
        assert!(page.findings.agencies.is_empty());
    }

    #[test]
    fn dateline_agency_is_recorded_and_the_paragraph_kept() {
        let text = "OSLO, March 3 (Reuters) - Norway's central bank raised rates on Thursday, it said.";
        let (page, verdicts) = run(text);
        assert_eq!(verdicts[0].1, None);
        assert_eq!(page.findings.agencies, ["Reuters"]);
    }
}
