//! How alike two articles are as reports of one story.
//!
//! Score = (sum over shared features of their rarity weight) / sqrt(|A| |B|)
//! × a date factor. The rarity weight depends only on the feature's document
//! frequency `df` (how many articles of the index have it), not on the index
//! size: `ln(1 + RARITY_SCALE / df)`. That choice is deliberate. With the
//! classic `ln(N / df)` every article added would change every score; with a
//! weight of `df` alone, adding an article changes only the scores of pairs
//! sharing one of its features, which is what lets the index re-score
//! incrementally and still give exactly the scores a from-scratch computation
//! over the same set would give. Features shared by more than [`MAX_DF`]
//! articles weigh nothing: they are background ("government", "Obama" in a
//! year of US politics), and ignoring them bounds the work an addition causes.

use chrono::NaiveDate;

/// Document frequency at which a feature's weight is `ln 2`: a feature shared
/// by a handful of articles weighs about three times one shared by fifty.
pub const RARITY_SCALE: f64 = 50.0;

/// Features in more articles than this are background and weigh nothing.
pub const MAX_DF: usize = 60;

/// Days apart within which two reports are as likely to be about one story
/// as same-day reports (a triplet of outlets covers an event within ~3 days).
pub const SAME_STORY_DAYS: i64 = 3;

/// Beyond [`SAME_STORY_DAYS`], every this many further days halve the score:
/// stories do run for weeks, but a shared cast of names months apart is more
/// often a different event.
pub const DATE_HALF_LIFE_DAYS: f64 = 14.0;

/// The rarity weight of a feature shared by `df` articles.
pub fn rarity(df: usize) -> f64 {
    if df == 0 || df > MAX_DF {
        return 0.0;
    }
    (1.0 + RARITY_SCALE / df as f64).ln()
}

/// The date factor of two publication days (1 when either is unknown: no
/// evidence either way).
pub fn date_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let apart = (a - b).num_days().abs();
            let beyond = (apart - SAME_STORY_DAYS).max(0) as f64;
            1.0 / (1.0 + beyond / DATE_HALF_LIFE_DAYS)
        }
        _ => 1.0,
    }
}

/// Story similarity of two articles given as de-duplicated feature lists
/// sorted by `key`, publication days, and each feature's document
/// frequency. The sum runs over shared features in `key` order; with a key
/// that is a function of the feature itself (not of when it was first seen),
/// the same pair over the same set of articles gives a bit-identical score
/// however it was reached.
pub fn story_similarity<T: Copy, K: Ord>(
    a: (&[T], Option<NaiveDate>),
    b: (&[T], Option<NaiveDate>),
    key: impl Fn(T) -> K,
    df: impl Fn(T) -> usize,
) -> f64 {
    let ((fa, day_a), (fb, day_b)) = (a, b);
    if fa.is_empty() || fb.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < fa.len() && j < fb.len() {
        match key(fa[i]).cmp(&key(fb[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += rarity(df(fa[i]));
                i += 1;
                j += 1;
            }
        }
    }
    let norm = ((fa.len() * fb.len()) as f64).sqrt();
    shared / norm * date_factor(day_a, day_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn rare_shared_features_score_higher_than_common_ones() {
        let (a, b) = ([1, 2], [1, 3]);
        let rare = story_similarity((&a, None), (&b, None), |x| x, |_| 2);
        let common = story_similarity((&a, None), (&b, None), |x| x, |_| 40);
        assert!(rare > common && common > 0.0);
        assert_eq!(
            story_similarity((&a, None), (&b, None), |x| x, |_| MAX_DF + 1),
            0.0
        );
    }

    #[test]
    fn distant_dates_lower_the_score() {
        assert_eq!(date_factor(day(2014, 1, 1), day(2014, 1, 3)), 1.0);
        assert!(date_factor(day(2014, 1, 1), day(2014, 3, 1)) < 0.3);
        assert_eq!(date_factor(None, day(2014, 1, 1)), 1.0);
        let shared = [1];
        let near = story_similarity(
            (&shared, day(2014, 1, 1)),
            (&shared, day(2014, 1, 2)),
            |x| x,
            |_| 2,
        );
        let far = story_similarity(
            (&shared, day(2014, 1, 1)),
            (&shared, day(2014, 6, 1)),
            |x| x,
            |_| 2,
        );
        assert!(far < near);
    }

    #[test]
    fn no_features_no_similarity() {
        let (a, b): ([u32; 0], [u32; 1]) = ([], [1]);
        assert_eq!(story_similarity((&a, None), (&b, None), |x| x, |_| 2), 0.0);
    }
}
