//! Recognition and resolution of time expressions on fixture sentences.

use parallax_core::{DatePrecision, DateProvenance, PublishedDate, TimeExpression, TimeRelation};
use proptest::prelude::*;

use super::find_times;

/// Thursday 4 September 2025.
fn thursday() -> PublishedDate {
    PublishedDate::day(2025, 9, 4, DateProvenance::Header)
}

/// The only expression found in `text`.
fn one(text: &str, published: &PublishedDate) -> TimeExpression {
    let mut found = find_times(text, published);
    assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
    found.remove(0)
}

/// Text and date of every expression in `text`, published on Thursday.
fn dated(text: &str) -> Vec<(String, Option<String>)> {
    find_times(text, &thursday())
        .into_iter()
        .map(|t| (t.text, t.date))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    expected
        .iter()
        .map(|(text, date)| ((*text).to_owned(), Some((*date).to_owned())))
        .collect()
}

fn weekday(weekday: u32, direction: i32) -> TimeRelation {
    TimeRelation::Weekday { weekday, direction }
}

fn offset(amount: i32, unit: &str) -> TimeRelation {
    TimeRelation::Offset {
        amount,
        unit: unit.to_owned(),
    }
}

#[test]
fn absolute_dates() {
    let t = one("in Vladivostok on September 7, 2022, in Russia", &thursday());
    assert_eq!(
        (t.text.as_str(), t.date.as_deref()),
        ("September 7, 2022", Some("2022-09-07"))
    );
    assert_eq!(
        (t.relation, t.precision),
        (TimeRelation::Absolute, Some(DatePrecision::Day))
    );
    assert_eq!(
        dated("Crimea was seized in 2014. The file 2025-09-04 and on 4 September 2024 and 4th of May, 2023."),
        pairs(&[
            ("2014", "2014"),
            ("2025-09-04", "2025-09-04"),
            ("4 September 2024", "2024-09-04"),
            ("4th of May, 2023", "2023-05-04")
        ])
    );
    let month = one("It began in September 2022 with shelling.", &thursday());
    assert_eq!(
        (month.date.as_deref(), month.precision),
        (Some("2022-09"), Some(DatePrecision::Month))
    );
}

#[test]
fn periods_of_months_and_years() {
    let early = one("Talks stalled in early 2022.", &thursday());
    assert_eq!(
        (early.text.as_str(), early.date.as_deref()),
        ("early 2022", Some("2022"))
    );
    assert_eq!(early.part_of_period.as_deref(), Some("early"));
    let mid = one("Troops massed by mid-September, officials said.", &thursday());
    assert_eq!(
        (mid.text.as_str(), mid.date.as_deref()),
        ("mid-September", Some("2025-09"))
    );
    assert_eq!(mid.relation, TimeRelation::YearlessDate { month: 9, day: None });
    assert_eq!(mid.part_of_period.as_deref(), Some("mid"));
    let end = one("a deal by the end of 2025", &thursday());
    assert_eq!(
        (end.text.as_str(), end.part_of_period.as_deref()),
        ("the end of 2025", Some("late"))
    );
}

#[test]
fn yearless_dates_take_the_publication_year() {
    let t = one("Putin said on Sept. 5 that he saw no point.", &thursday());
    assert_eq!(t.text, "Sept. 5");
    assert_eq!(
        t.relation,
        TimeRelation::YearlessDate {
            month: 9,
            day: Some(5)
        }
    );
    assert_eq!(
        (t.date.as_deref(), t.precision),
        (Some("2025-09-05"), Some(DatePrecision::Day))
    );
    assert_eq!(
        dated("They met in May and on 4 September."),
        pairs(&[("May", "2025-05"), ("4 September", "2025-09-04")])
    );
    // More than two months ahead of publication: last year's.
    assert_eq!(
        dated("The strike on December 20 killed nine."),
        pairs(&[("December 20", "2024-12-20")])
    );
}

#[test]
fn months_that_are_words_or_names_are_not_dates() {
    assert!(find_times("Russia may march on. Theresa May spoke. May I ask?", &thursday()).is_empty());
    assert!(find_times("March on Kyiv, they said, and the Jan letter.", &thursday()).is_empty());
    assert!(find_times("2000 troops and 1,436 days; the 2022 invasion", &thursday()).is_empty());
}

#[test]
fn weekdays_resolve_to_the_most_recent_one() {
    let t = one(
        "Moscow launched more than 500 drones early on Wednesday.",
        &thursday(),
    );
    assert_eq!(t.text, "early on Wednesday");
    assert_eq!(t.relation, weekday(2, 0));
    assert_eq!(
        (t.date.as_deref(), t.part_of_day.as_deref()),
        (Some("2025-09-03"), Some("early"))
    );
    assert_eq!(
        dated("He spoke on Sunday, ahead of Monday's peace talks. Thursday was calm."),
        pairs(&[
            ("Sunday", "2025-08-31"),
            ("Monday", "2025-09-01"),
            ("Thursday", "2025-09-04")
        ])
    );
    let night = one("Strikes hit Kyiv on Tuesday night.", &thursday());
    assert_eq!(
        (night.text.as_str(), night.part_of_day.as_deref()),
        ("Tuesday night", Some("night"))
    );
}

#[test]
fn next_last_and_future_weekdays() {
    let next = one("They meet again next Monday.", &thursday());
    assert_eq!(
        (next.text.as_str(), next.relation.clone()),
        ("next Monday", weekday(0, 1))
    );
    assert_eq!(next.date.as_deref(), Some("2025-09-08"));
    let last = one("Since last Thursday, nothing moved.", &thursday());
    assert_eq!(
        (last.relation.clone(), last.date.as_deref()),
        (weekday(3, -1), Some("2025-08-28"))
    );
    let future = one("Zelensky will travel to Paris on Friday.", &thursday());
    assert_eq!(
        (future.relation.clone(), future.date.as_deref()),
        (weekday(4, 1), Some("2025-09-05"))
    );
}

#[test]
fn weekdays_inside_names_are_not_dates() {
    assert!(find_times("the Sunday Times reported. Black Friday sales", &thursday()).is_empty());
    let t = one("On Sunday Putin said so.", &thursday());
    assert_eq!(t.text, "Sunday");
}

#[test]
fn weekday_before_a_date_joins_it() {
    let t = one("on Wednesday, September 3, the drones came", &thursday());
    assert_eq!(
        (t.text.as_str(), t.date.as_deref()),
        ("Wednesday, September 3", Some("2025-09-03"))
    );
}

#[test]
fn deictic_words() {
    let night = one("Russia attacked Kyiv last night.", &thursday());
    assert_eq!(
        (night.text.as_str(), night.relation.clone()),
        ("last night", offset(-1, "day"))
    );
    assert_eq!(
        (night.date.as_deref(), night.part_of_day.as_deref()),
        (Some("2025-09-03"), Some("night"))
    );
    assert_eq!(
        dated("Yesterday and today, and tomorrow morning; the day before yesterday."),
        pairs(&[
            ("Yesterday", "2025-09-03"),
            ("today", "2025-09-04"),
            ("tomorrow morning", "2025-09-05"),
            ("the day before yesterday", "2025-09-02"),
        ])
    );
    assert!(find_times("USA Today reported", &thursday()).is_empty());
}

#[test]
fn calendar_offsets() {
    let week = one("Talks failed last week.", &thursday());
    assert_eq!(week.relation, offset(-1, "week"));
    assert_eq!(
        (week.date.as_deref(), week.end.as_deref()),
        (Some("2025-08-25"), Some("2025-08-31"))
    );
    assert_eq!(week.precision, Some(DatePrecision::Day));
    let this_week = one("He travels this week.", &thursday());
    assert_eq!(
        (this_week.date.as_deref(), this_week.end.as_deref()),
        (Some("2025-09-01"), Some("2025-09-07"))
    );
    let earlier = one("It was agreed earlier this month.", &thursday());
    assert_eq!(
        (earlier.text.as_str(), earlier.relation.clone()),
        ("earlier this month", offset(0, "month"))
    );
    assert_eq!(
        (earlier.date.as_deref(), earlier.part_of_period.as_deref()),
        (Some("2025-09"), Some("earlier"))
    );
    assert_eq!(
        dated("last month, this year, two days ago and a year ago"),
        pairs(&[
            ("last month", "2025-08"),
            ("this year", "2025"),
            ("two days ago", "2025-09-02"),
            ("a year ago", "2024")
        ])
    );
    assert_eq!(
        dated("It fell twenty-one days ago."),
        pairs(&[("twenty-one days ago", "2025-08-14")])
    );
    assert!(find_times("in the last week of the war and the last months", &thursday()).is_empty());
}

#[test]
fn unknown_publication_date_keeps_relations_without_dates() {
    let unknown = PublishedDate::unknown();
    let found = find_times(
        "On Wednesday and last night, and on Sept. 5, and last week; in 2014.",
        &unknown,
    );
    let relations: Vec<(TimeRelation, Option<String>)> =
        found.into_iter().map(|t| (t.relation, t.date)).collect();
    assert_eq!(
        relations,
        [
            (weekday(2, 0), None),
            (offset(-1, "day"), None),
            (
                TimeRelation::YearlessDate {
                    month: 9,
                    day: Some(5)
                },
                None
            ),
            (offset(-1, "week"), None),
            (TimeRelation::Absolute, Some("2014".to_owned())),
        ]
    );
}

#[test]
fn month_precision_publication_resolves_months_not_weekdays() {
    let september = PublishedDate::month(2025, 9, DateProvenance::Url);
    let found = find_times("on Wednesday, last month, on Sept. 5", &september);
    let dates: Vec<Option<&str>> = found.iter().map(|t| t.date.as_deref()).collect();
    assert_eq!(dates, [None, Some("2025-08"), Some("2025-09-05")]);
}

#[test]
fn spans_match_text() {
    let body = "Kyiv’s air force said on Wednesday — «Sept. 5» — that 2 days ago…";
    for t in find_times(body, &thursday()) {
        assert_eq!(body.get(t.span.start..t.span.end), Some(t.text.as_str()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_are_ordered(
        body in proptest::collection::vec(
            prop_oneof![
                Just("Sept."), Just("5"), Just("May"), Just("2014"), Just("-"), Just(","), Just("on"),
                Just("Wednesday"), Just("last"), Just("week"), Just("night"), Just("early"), Just("mid"),
                Just("ago"), Just("two"), Just("’s"), Just("the"), Just("end"), Just("of"), Just("09"),
                Just("31"), Just("é"), Just("\n"), Just("next"), Just("Monday"), Just("a"), Just("year"),
            ],
            0..40,
        ).prop_map(|parts| parts.join(" ")),
        glue in "[ \\-.,]{0,1}",
    ) {
        let body = body.replace(' ', &glue);
        for published in [thursday(), PublishedDate::unknown(), PublishedDate::year(2025, DateProvenance::Url)] {
            let found = find_times(&body, &published);
            let mut last_end = 0;
            for t in &found {
                prop_assert!(t.span.start >= last_end && t.span.start < t.span.end);
                prop_assert!(body.is_char_boundary(t.span.start) && body.is_char_boundary(t.span.end));
                prop_assert_eq!(body.get(t.span.start..t.span.end), Some(t.text.as_str()));
                last_end = t.span.end;
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,200}") {
        let found = find_times(&body, &thursday());
        for t in &found {
            prop_assert!(body.is_char_boundary(t.span.start) && body.is_char_boundary(t.span.end));
        }
    }
}
