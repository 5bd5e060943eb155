//! The English number vocabulary: cardinal words, scales, fraction
//! denominators and the plural "round numbers" used for vague quantities.

/// What a cardinal number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    /// 0–9.
    Unit(f64),
    /// 10–19.
    Teen(f64),
    /// 20, 30, … 90.
    Tens(f64),
    /// "hundred".
    Hundred,
    /// "dozen": multiplies what precedes it by 12.
    Dozen,
    /// "thousand", "million", "billion", "trillion".
    Scale(f64),
}

/// The cardinal meaning of a folded word, if it has one.
pub(crate) fn number_word(lower: &str) -> Option<NumberWord> {
    use NumberWord::*;
    Some(match lower {
        "zero" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Teen(10.0),
        "eleven" => Teen(11.0),
        "twelve" => Teen(12.0),
        "thirteen" => Teen(13.0),
        "fourteen" => Teen(14.0),
        "fifteen" => Teen(15.0),
        "sixteen" => Teen(16.0),
        "seventeen" => Teen(17.0),
        "eighteen" => Teen(18.0),
        "nineteen" => Teen(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "dozen" => Dozen,
        _ => Scale(scale_word(lower)?),
    })
}

/// "thousand", "million", "billion", "trillion" as multipliers.
pub(crate) fn scale_word(lower: &str) -> Option<f64> {
    Some(match lower {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scale words and their newsroom abbreviations that may follow a numeral
/// ("2.4 million", "$5bn", "1.2 trn").
pub(crate) fn numeral_scale(lower: &str) -> Option<f64> {
    match lower {
        "bn" => Some(1e9),
        "mn" | "mln" => Some(1e6),
        "tn" | "trn" => Some(1e12),
        _ => scale_word(lower),
    }
}

/// The denominator a fraction word names ("fifth" → 5, "thirds" → 3).
pub(crate) fn denominator(lower: &str) -> Option<f64> {
    Some(match lower {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        _ => return None,
    })
}

/// Plural round numbers that state a vague quantity ("dozens of",
/// "hundreds of", "tens of thousands"), with the round number itself.
pub(crate) fn vague_plural(lower: &str) -> Option<f64> {
    Some(match lower {
        "tens" => 10.0,
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// A cheap test that a folded word may start a number in words: every
/// number word, article and vague plural starts with one of these letters
/// and is at most nine letters long ("seventeen", "thousands"). Lets the
/// reader skip most words of running text without a lexicon lookup.
pub(crate) fn may_start_number(lower: &str) -> bool {
    const FIRST_LETTERS: &[u8] = b"abdefhmnostz";
    lower.len() <= 9
        && lower
            .as_bytes()
            .first()
            .is_some_and(|b| FIRST_LETTERS.contains(b))
}
