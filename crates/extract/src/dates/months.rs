//! Month names and abbreviations in the languages Parallax meets most in
//! international news (English, German, French, Spanish, Italian,
//! Portuguese, Dutch, Polish, Russian, Ukrainian), mapped to month numbers.
//!
//! Names that mean different months in different languages (Croatian
//! "listopad" is October, Czech/Polish "listopad" is November) are left out:
//! an unknown month is better than a wrong one.

/// Month number (1–12) for a word such as "Sept.", "septembre", "сентября".
/// Case-insensitive; a trailing period (abbreviation) is ignored.
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.is_empty() {
        return None;
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

/// All spellings per month, lower-case. Abbreviations are listed without the
/// period.
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "stycznia",
        "styczeń",
        "января",
        "январь",
        "січня",
        "січень",
    ],
    &[
        "february",
        "feb",
        "febr",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "lutego",
        "luty",
        "февраля",
        "февраль",
        "лютого",
        "лютий",
    ],
    &[
        "march",
        "mar",
        "märz",
        "maerz",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "marca",
        "marzec",
        "марта",
        "март",
        "березня",
        "березень",
    ],
    &[
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "kwietnia",
        "kwiecień",
        "апреля",
        "апрель",
        "квітня",
        "квітень",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maggio",
        "maio",
        "mei",
        "maja",
        "maj",
        "мая",
        "май",
        "травня",
        "травень",
    ],
    &[
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "czerwca",
        "czerwiec",
        "июня",
        "июнь",
        "червня",
        "червень",
    ],
    &[
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "lipca",
        "lipiec",
        "июля",
        "июль",
        "липня",
        "липень",
    ],
    &[
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "sierpnia",
        "sierpień",
        "августа",
        "август",
        "серпня",
        "серпень",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
        "września",
        "wrzesień",
        "сентября",
        "сентябрь",
        "вересня",
        "вересень",
    ],
    &[
        "october",
        "oct",
        "okt",
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "października",
        "październik",
        "октября",
        "октябрь",
        "жовтня",
        "жовтень",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopada",
        "ноября",
        "ноябрь",
        "листопада",
        "листопад",
    ],
    &[
        "december",
        "dec",
        "dez",
        "dezember",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "grudnia",
        "grudzień",
        "декабря",
        "декабрь",
        "грудня",
        "грудень",
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_and_abbreviations_in_several_languages() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("septiembre"), Some(9));
        assert_eq!(month_number("сентября"), Some(9));
        assert_eq!(month_number("März"), Some(3));
        assert_eq!(month_number("déc."), Some(12));
    }

    #[test]
    fn rejects_other_words() {
        assert_eq!(month_number("Wednesday"), None);
        assert_eq!(month_number("listopad"), None);
        assert_eq!(month_number(""), None);
        assert_eq!(month_number("."), None);
    }
}
