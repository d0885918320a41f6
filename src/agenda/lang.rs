//! The words agendas are written with, in the languages the importers read: month and weekday
//! names, the word for "day", half-day words, range words between times, document-kind lines,
//! and the housekeeping vocabulary that makes a row logistics. Data only: the grammar that uses
//! it lives in `times`, `days` and `classify`.
//!
//! Languages: English, French, Spanish, Italian, Portuguese and German month and weekday names,
//! Russian (nominative and genitive months), and the Chinese 年/月/日 forms (in `days`).
//! Words are compared lowercase with accents kept; abbreviations are listed where agendas use
//! them ("Sept.", "févr.", "nov").

/// Month names and abbreviations, by month number (1-based index + 1).
#[rustfmt::skip]
pub const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "janvier", "janv", "enero", "ene", "gennaio", "janeiro", "januar", "января", "январь"],
    &["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "febrero", "feb", "febbraio", "fevereiro", "februar", "февраля", "февраль"],
    &["march", "mar", "mars", "marzo", "março", "marz", "märz", "марта", "март"],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель"],
    &["may", "mai", "mayo", "maggio", "maio", "мая", "май"],
    &["june", "jun", "juin", "junio", "giugno", "junho", "juni", "июня", "июнь"],
    &["july", "jul", "juillet", "juil", "julio", "luglio", "julho", "juli", "июля", "июль"],
    &["august", "aug", "août", "aout", "agosto", "ago", "августа", "август"],
    &["september", "sep", "sept", "septembre", "septiembre", "setiembre", "sett", "settembre", "setembro", "сентября", "сентябрь"],
    &["october", "oct", "octobre", "octubre", "ottobre", "outubro", "oktober", "okt", "октября", "октябрь"],
    &["november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь"],
    &["december", "dec", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "dezember", "dez", "декабря", "декабрь"],
];

/// Weekday names and abbreviations (Monday first).
#[rustfmt::skip]
pub const WEEKDAYS: [&[&str]; 7] = [
    &["monday", "mon", "lundi", "lun", "lunes", "lunedì", "lunedi", "segunda", "montag", "понедельник", "пн"],
    &["tuesday", "tue", "tues", "mardi", "mar", "martes", "martedì", "martedi", "terça", "dienstag", "вторник", "вт"],
    &["wednesday", "wed", "mercredi", "mer", "miércoles", "miercoles", "mercoledì", "mercoledi", "quarta", "mittwoch", "среда", "ср"],
    &["thursday", "thu", "thur", "thurs", "jeudi", "jeu", "jueves", "giovedì", "giovedi", "quinta", "donnerstag", "четверг", "чт"],
    &["friday", "fri", "vendredi", "ven", "viernes", "venerdì", "venerdi", "sexta", "freitag", "пятница", "пт"],
    &["saturday", "sat", "samedi", "sam", "sábado", "sabado", "sabato", "samstag", "суббота", "сб"],
    &["sunday", "sun", "dimanche", "dim", "domingo", "domenica", "sonntag", "воскресенье", "вс"],
];

/// The word for "day" in "Day 2", "Jour 2", "Día 2".
pub const DAY_WORDS: &[&str] = &[
    "day", "jour", "journée", "día", "dia", "giorno", "tag", "день",
];

/// Words that may stand in a day heading besides the date: half days ("matin",
/// "après-midi"), and the Russian year abbreviation.
#[rustfmt::skip]
pub const HEADING_FILLERS: &[&str] = &[
    "morning", "afternoon", "evening", "matin", "matinée", "après", "apres", "midi", "soir",
    "soirée", "mañana", "tarde", "noche", "утро", "вечер", "am", "pm", "г", "года", "год",
];

/// Words that join two times into a range ("10:00 to 11:00", "9:00 a 9:20", "9h à 10h").
pub const RANGE_WORDS: &[&str] = &[
    "to", "until", "till", "a", "à", "al", "hasta", "au", "до", "bis",
];

/// Lines that only name the kind of document; never an event title.
#[rustfmt::skip]
pub const DOCUMENT_KINDS: &[&str] = &[
    "agenda", "provisional agenda", "draft agenda", "tentative agenda", "annotated agenda",
    "programme", "program", "provisional programme", "tentative programme", "draft programme",
    "programme of work", "concept note", "concept note and agenda", "schedule",
    "tentative schedule", "overview schedule", "timetable", "ordre du jour",
    "ordre du jour provisoire", "programme provisoire", "note conceptuelle", "programa",
    "programa provisional", "orden del día", "agenda provisional", "nota conceptual", "horario",
    "программа", "повестка дня", "议程", "日程", "会议议程", "jadwal",
];

/// Housekeeping words that make a row logistics wherever they stand in its title: breaks and
/// meals in each language.
#[rustfmt::skip]
pub const LOGISTICS_ANYWHERE: &[&str] = &[
    // English
    "break", "breaks", "lunch", "lunchtime", "dinner", "breakfast", "cocktail", "cocktails",
    "coffee", "catering", "refreshments", "brunch",
    // French
    "pause", "déjeuner", "dejeuner", "petit-déjeuner", "dîner", "diner", "repas", "apéritif",
    "aperitif", "buffet",
    // Spanish, Italian, Portuguese
    "pausa", "receso", "almuerzo", "comida", "cena", "desayuno", "refrigerio", "pranzo",
    "almoço", "intervalo",
    // Russian
    "кофе-брейк", "обед", "ужин", "завтрак", "перерыв",
    // Chinese
    "茶歇", "午餐", "晚餐", "早餐", "午休", "报到", "签到", "注册",
];

/// Housekeeping words that make a short title (six words or fewer) logistics: arrival,
/// registration, receptions, social time, departures.
#[rustfmt::skip]
pub const LOGISTICS_SHORT: &[&str] = &[
    // English
    "registration", "register", "reception", "check-in", "checkin", "arrival", "arrivals",
    "departure", "departures", "photo", "networking", "tea", "social", "party", "dance",
    "pizza", "sign-up", "signup", "badges", "doors", "leave", "transport", "bus",
    // French
    "accueil", "inscription", "inscriptions", "café", "cafe", "café-klatch", "pot", "départ",
    "arrivée", "soirée", "réception",
    // Spanish
    "registro", "inscripción", "inscripciones", "acreditación", "acreditacion", "llegada",
    "salida", "recepción", "recepcion", "café",
    // Russian
    "регистрация", "отъезд", "заселение", "встреча", "приезд", "трансфер",
];

/// Phrases (lowercase, words separated by single spaces) that make a short title logistics.
#[rustfmt::skip]
pub const LOGISTICS_PHRASES: &[&str] = &[
    "check in", "pick up", "free evening", "ouverture de la salle", "ouverture des portes",
    "5 à 7", "soirée libre", "tarde libre", "noche libre",
];

/// The month number of a month name or abbreviation in any of the languages ("Feb", "févr.",
/// "сентября").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

/// The weekday (0 = Monday) of a weekday name or abbreviation.
pub fn weekday(word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 2 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|names| names.contains(&w.as_str()))
}

/// Whether a whole line only names the kind of document ("Provisional agenda", "Horario").
pub fn is_document_kind(line: &str) -> bool {
    let l: String = line
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    !l.is_empty() && DOCUMENT_KINDS.contains(&l.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_in_each_language() {
        assert_eq!(month_number("Feb"), Some(2));
        assert_eq!(month_number("févr."), Some(2));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("noviembre"), Some(11));
        assert_eq!(month_number("сентября"), Some(9));
        assert_eq!(month_number("ma"), None);
        assert_eq!(weekday("Jueves"), Some(3));
        assert_eq!(weekday("Четверг"), Some(3));
        assert_eq!(weekday("samedi"), Some(5));
        assert!(is_document_kind("Provisional Agenda"));
        assert!(is_document_kind("# Schedule"));
        assert!(!is_document_kind("Agenda item 3"));
    }
}
