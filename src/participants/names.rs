//! What a list says about one person, word by word: honorifics ("Ms.", "H.E. Mr.", "S.E. Sra.",
//! "Mme", "г-н", "السيد") that go to the title and never into the name, the key two spellings
//! of one person share ("SMITH, John" and "Mr. John Smith"), e-mail addresses, and the words
//! that make a line a job title rather than an organisation.

use crate::entities::fold;

/// Honorifics, compared without their final dot and without case (Latin), each a whole word.
const HONORIFICS: &[&str] = &[
    // English
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "h.e",
    "hon",
    "amb",
    "sir",
    "dame",
    "rev",
    "lord",
    "lady",
    "excellency",
    // French
    "m",
    "mme",
    "mlle",
    "pr",
    "s.e",
    // Spanish and Portuguese
    "sr",
    "sra",
    "srta",
    "doña",
    "dña",
    "excmo",
    "excma",
    "ilmo",
    "ilma",
    "sres",
    // Russian
    "г-н",
    "г-жа",
    "господин",
    "госпожа",
    // Arabic
    "السيد",
    "السيدة",
    "الدكتور",
    "الدكتورة",
    "سعادة",
    "معالي",
];

fn is_honorific_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',', ':']).to_lowercase();
    !w.is_empty() && HONORIFICS.contains(&w.as_str())
}

/// Splits the honorifics off the front of a name: `("H.E. Mr.", "Pietro Parolin")`.
/// "H.E." and "S.E." may be written with or without a space after their first dot.
pub fn split_honorifics(text: &str) -> (String, String) {
    let text = text.trim();
    let mut title: Vec<&str> = Vec::new();
    let mut rest = text;
    loop {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        // "H. E." written as two words.
        let two = rest[word_end..].trim_start();
        let joined_end = two.find(char::is_whitespace).unwrap_or(two.len());
        let pair = format!("{word}{}", &two[..joined_end]);
        if (word == "H." || word == "S.") && is_honorific_word(&pair) {
            title.push(word);
            title.push(&two[..joined_end]);
            rest = two[joined_end..].trim_start();
            continue;
        }
        // Keep at least one word for the name.
        if word.is_empty() || !is_honorific_word(word) || rest[word_end..].trim().is_empty() {
            break;
        }
        title.push(word);
        rest = rest[word_end..].trim_start();
    }
    (title.join(" "), rest.trim().to_string())
}

/// Whether a line starts with an honorific followed by a name: the first line of a person.
pub fn starts_with_honorific(line: &str) -> bool {
    let (title, name) = split_honorifics(line);
    !title.is_empty() && name.chars().any(char::is_alphabetic)
}

/// The key two spellings of one person share: honorifics dropped, folded (case, accents,
/// punctuation), the words sorted, so "SMITH, John" and "Mr. John Smith" match.
pub fn person_key(name: &str) -> String {
    let (_, name) = split_honorifics(name);
    let folded = fold(&name);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words.join(" ")
}

/// The first e-mail address in a text ("E-mail: a.b@un.org" → "a.b@un.org").
pub fn email_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '<' | '>' | '(' | ')'))
        .map(|w| w.trim_start_matches("mailto:"))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '"' | '\'' | '[' | ']' | ':')))
        .find(|w| {
            let Some((user, host)) = w.split_once('@') else {
                return false;
            };
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.contains('@')
        })
        .map(str::to_string)
}

/// Whether a line holds only contact details: an e-mail address, or a label such as "Tel:"
/// with a number (a line "MAIL" alone is an acronym, not a label).
pub fn is_contact_line(line: &str) -> bool {
    let f = fold(line);
    let first = f.split(' ').next().unwrap_or("");
    let digits = line.chars().filter(char::is_ascii_digit).count();
    const LABELS: [&str; 14] = [
        "tel",
        "telephone",
        "phone",
        "fax",
        "mobile",
        "mob",
        "cell",
        "email",
        "mail",
        "courriel",
        "correo",
        "telefono",
        "телефон",
        "tél",
    ];
    email_in(line).is_some()
        || (LABELS.contains(&first) && (digits >= 6 || line.contains(':')))
        || (line.trim_start().starts_with('+') && digits >= 6)
}

/// Words that make a line a job title ("Director", "Conseillère", "Jefe de…").
const POSITION_WORDS: &[&str] = &[
    "director",
    "directeur",
    "directrice",
    "directora",
    "officer",
    "minister",
    "ministre",
    "ministro",
    "ministra",
    "adviser",
    "advisor",
    "conseiller",
    "conseillère",
    "asesor",
    "asesora",
    "consejero",
    "consejera",
    "secretary",
    "secrétaire",
    "secretario",
    "secretaria",
    "head",
    "chef",
    "jefe",
    "jefa",
    "chief",
    "delegate",
    "délégué",
    "déléguée",
    "delegado",
    "delegada",
    "consultant",
    "consultante",
    "consultor",
    "consultora",
    "ambassador",
    "ambassadeur",
    "ambassadrice",
    "embajador",
    "embajadora",
    "manager",
    "coordinator",
    "coordonnateur",
    "coordonnatrice",
    "coordinateur",
    "coordinador",
    "coordinadora",
    "specialist",
    "spécialiste",
    "especialista",
    "expert",
    "experte",
    "experto",
    "experta",
    "representative",
    "représentant",
    "représentante",
    "representante",
    "president",
    "président",
    "présidente",
    "presidente",
    "chair",
    "chairperson",
    "co-chair",
    "professor",
    "professeur",
    "profesor",
    "profesora",
    "counsellor",
    "counselor",
    "attaché",
    "attache",
    "assistant",
    "assistante",
    "asistente",
    "analyst",
    "analyste",
    "analista",
    "researcher",
    "chercheur",
    "chercheuse",
    "investigador",
    "investigadora",
    "student",
    "étudiant",
    "estudiante",
    "member",
    "membre",
    "miembro",
    "deputy",
    "adjoint",
    "adjointe",
    "adjunto",
    "adjunta",
    "envoy",
    "envoyé",
    "enviado",
    "rapporteur",
    "rapporteuse",
    "relator",
    "relatora",
    "spokesperson",
    "journalist",
    "journaliste",
    "periodista",
    "photographer",
    "editor",
    "fellow",
    "intern",
    "stagiaire",
    "lecturer",
    "scientist",
    "economist",
    "économiste",
    "economista",
    "lawyer",
    "juriste",
    "abogado",
    "abogada",
    "commissioner",
    "commissaire",
    "administrator",
    "administrateur",
    "administradora",
    "administrador",
    "executive",
    "focal",
    "lead",
    "senior",
    "associate",
    "principal",
    "under-secretary-general",
    "assistant-secretary-general",
    "директор",
    "советник",
    "секретарь",
    "начальник",
    "руководитель",
    "заместитель",
    "посол",
    "министр",
    "эксперт",
    "主任",
    "司长",
    "处长",
    "顾问",
    "秘书",
    "大使",
    "部长",
    "专家",
    "مدير",
    "مستشار",
    "سكرتير",
    "وزير",
    "سفير",
    "خبير",
    "رئيس",
];

/// Whether a line reads as a job title rather than an organisation's name.
pub fn looks_like_position(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| POSITION_WORDS.contains(&w))
        || POSITION_WORDS
            .iter()
            .filter(|w| !w.is_ascii())
            .any(|w| lower.contains(*w))
}

/// Whether a text could be a person's name without an honorific: two to six words, each
/// starting with a capital letter (or a particle such as "de", "van", "al-"), no digits.
pub fn looks_like_bare_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    const PARTICLES: [&str; 12] = [
        "de", "da", "do", "dos", "das", "del", "la", "van", "von", "der", "bin", "e",
    ];
    words.iter().all(|w| {
        let w = w.trim_end_matches(',');
        w.chars().next().is_some_and(char::is_uppercase)
            || PARTICLES.contains(&w)
            || w.starts_with("al-")
            || w.starts_with("el-")
    }) && !text.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_go_to_the_title() {
        let s = |t: &str| split_honorifics(t);
        assert_eq!(
            s("H.E. Mr. Pietro Parolin"),
            ("H.E. Mr.".into(), "Pietro Parolin".into())
        );
        assert_eq!(
            s("S.E. Sra. María Espinosa"),
            ("S.E. Sra.".into(), "María Espinosa".into())
        );
        assert_eq!(
            s("H. E. Ms. Ana Lee"),
            ("H. E. Ms.".into(), "Ana Lee".into())
        );
        assert_eq!(
            s("Mme Claire Martin"),
            ("Mme".into(), "Claire Martin".into())
        );
        assert_eq!(s("Dr Ravi Shah"), ("Dr".into(), "Ravi Shah".into()));
        assert_eq!(
            s("Prof. Dr. Hans Meier"),
            ("Prof. Dr.".into(), "Hans Meier".into())
        );
        assert_eq!(
            s("г-жа Анна Петрова"),
            ("г-жа".into(), "Анна Петрова".into())
        );
        assert_eq!(s("Miss"), ("".into(), "Miss".into()));
        assert_eq!(s("Marie Curie"), ("".into(), "Marie Curie".into()));
        assert!(starts_with_honorific("Mr. Ghulam Amiry"));
        assert!(!starts_with_honorific("Ministry of Energy"));
    }

    #[test]
    fn one_person_one_key() {
        assert_eq!(person_key("Ms. Jane SMITH"), person_key("SMITH, Jane"));
        assert_eq!(person_key("Dr. José Núñez"), person_key("Jose Nunez"));
        assert_ne!(person_key("Jane Smith"), person_key("John Smith"));
    }

    #[test]
    fn emails_and_positions() {
        assert_eq!(
            email_in("E-mail: a.b@un.org;").as_deref(),
            Some("a.b@un.org")
        );
        assert_eq!(email_in("mailto:x@y.int").as_deref(), Some("x@y.int"));
        assert_eq!(email_in("no address @ here"), None);
        assert!(is_contact_line("Tel: +41 22 917 1234"));
        assert!(!is_contact_line("MAIL"));
        assert!(looks_like_position("Senior Programme Management Officer"));
        assert!(looks_like_position("Directeur Général de l'Environnement"));
        assert!(!looks_like_position("Ministry of Foreign Affairs"));
        assert!(looks_like_bare_name("Philippe de la Cruz"));
        assert!(!looks_like_bare_name("Observers"));
    }
}
