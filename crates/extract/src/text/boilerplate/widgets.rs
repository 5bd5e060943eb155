//! `ui-widget`, `advertisement` and the inline list widget: page-layout lines
//! (buttons, counters, "3 min read", "Avatar"), advertising labels, and the
//! "list 1 of 3 <headline> … end of list" block that some sites inline into
//! the article (removed whole, as `related-links`).

use once_cell::sync::Lazy;
use regex::Regex;

use super::lexicon::{classify, Section};
use super::related;
use super::Page;

/// Rule name for layout widgets.
pub const UI_RULE: &str = "ui-widget";
/// Rule name for advertising labels.
pub const AD_RULE: &str = "advertisement";

/// An item of an inline list widget: "list 2 of 3" followed by a headline
/// (often glued to it: "list 2 of 3Ferry services suspended").
static LIST_ITEM: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^[-•*·]?\s*list\s+(\d+)\s+of\s+(\d+)").expect("list pattern is valid"));
/// The line closing an inline list widget.
static LIST_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^[-•*·]?\s*end\s+of\s+list\.?$").expect("end pattern is valid"));

/// Removes layout widgets, advertising labels and inline list widgets.
pub fn remove_widgets(page: &mut Page) {
    for i in 0..page.len() {
        match classify(page.text(i)) {
            Some(Section::UiWidget) => page.remove(i, UI_RULE),
            Some(Section::Advertisement) => page.remove(i, AD_RULE),
            _ => {}
        }
    }
    remove_list_widgets(page);
}

/// Removes "list k of n" items and the "end of list" line after them; the
/// lines between the items and the end marker are part of the widget too,
/// but only within the widget's announced size, so a missing end marker
/// cannot swallow the article.
fn remove_list_widgets(page: &mut Page) {
    let mut i = 0;
    while i < page.len() {
        let Some(total) = LIST_ITEM
            .captures(page.text(i))
            .and_then(|caps| caps.get(2)?.as_str().parse::<usize>().ok())
        else {
            if LIST_END.is_match(page.text(i)) {
                page.remove(i, related::RULE);
            }
            i += 1;
            continue;
        };
        let window_end = (i + total.saturating_mul(2) + 1).min(page.len());
        let end_marker = (i..window_end).find(|&j| LIST_END.is_match(page.text(j)));
        let last = end_marker.unwrap_or(i);
        for j in i..=last {
            if end_marker.is_some() || LIST_ITEM.is_match(page.text(j)) {
                page.remove(j, related::RULE);
            }
        }
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    #[test]
    fn removes_an_inline_list_widget_whole() {
        let text = "The port reopened on Monday after a week of storms, officials said.\n\
            - list 1 of 2Storm batters the northern coast\n\
            - list 2 of 2Ferry services suspended\n\
            end of list\n\
            Shipping companies said delays would last into next week.";
        let (_, verdicts) = run(text);
        assert_eq!(
            reason_for(&verdicts, "- list 1 of 2Storm batters the northern coast"),
            Some("related-links")
        );
        assert_eq!(reason_for(&verdicts, "end of list"), Some("related-links"));
        assert_eq!(
            reason_for(
                &verdicts,
                "Shipping companies said delays would last into next week."
            ),
            None
        );
    }

    #[test]
    fn removes_widgets_and_ad_labels() {
        let text =
            "4 min read\nAdvertisement\nAvatar\n\nThe port reopened on Monday, officials said.\n\nShow More";
        let (_, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "4 min read"), Some("ui-widget"));
        assert_eq!(reason_for(&verdicts, "Advertisement"), Some("advertisement"));
        assert_eq!(reason_for(&verdicts, "Avatar"), Some("ui-widget"));
        assert_eq!(reason_for(&verdicts, "Show More"), Some("ui-widget"));
    }

    #[test]
    fn keeps_a_sentence_about_a_list() {
        let text = "The list of 3 candidates was published on Monday, officials said.";
        let (_, verdicts) = run(text);
        assert_eq!(verdicts[0].1, None);
    }
}
