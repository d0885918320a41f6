//! A synthetic event for benchmarks: `40 × scale` working sessions, each with a summary of
//! 200 note paragraphs (~625 bytes of Markdown each, ~5 MB in all at scale 1) and five
//! outcomes. Deterministic (a fixed LCG), so runs compare. A module of `bench/compile.rs` and
//! `bench/compile_scale.rs` (through `#[path]`).

pub fn synthetic_event(scale: usize) -> rapporteur::model::EventSnapshot {
    use rapporteur::model::*;
    const WORDS: [&str; 24] = [
        "migration",
        "compact",
        "member",
        "states",
        "support",
        "regular",
        "pathways",
        "data",
        "coordination",
        "agenda",
        "the",
        "of",
        "and",
        "to",
        "in",
        "rural",
        "development",
        "negotiations",
        "technical",
        "inputs",
        "GMG",
        "agreed",
        "noted",
        "should",
    ];
    let mut seed: u64 = 0x2018_0212;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let handles = ["maria", "daniel", "liwei", "sofia", "karim", "anna"];
    let participants = handles
        .iter()
        .enumerate()
        .map(|(i, h)| Participant {
            id: format!("p{i}"),
            name: format!("Person {h}"),
            entity: ["FAO", "IOM", "UNU", "O-SRSG", "UNHCR", "ILO"][i].to_string(),
            handle: h.to_string(),
            ..Participant::default()
        })
        .collect();
    let mut days = Vec::new();
    for d in 0..(4 * scale) {
        let mut sessions = Vec::new();
        for k in 0..10 {
            let id = format!("s{d}-{k}");
            let mut summary = String::with_capacity(200 * 640);
            for n in 0..200 {
                let mut p = String::with_capacity(700);
                p.push('@');
                p.push_str(handles[next() % handles.len()]);
                p.push_str(" noted that");
                while p.len() < 620 {
                    p.push(' ');
                    let w = WORDS[next() % WORDS.len()];
                    match next() % 29 {
                        0 => p.push_str(&format!("*{w}*")),
                        1 => p.push_str(&format!("**{w}**")),
                        2 => p.push_str(&format!("[{w}](https://example.org/{n})")),
                        _ => p.push_str(w),
                    }
                }
                summary.push_str(&p);
                summary.push_str(".\n\n");
            }
            let outcomes = (0..5)
                .map(|o| OutcomeView {
                    id: format!("{id}-o{o}"),
                    session_id: id.clone(),
                    kind: Decided::single(OutcomeKind::ALL[o % 4]),
                    text: format!("Outcome {o} of session {id} on technical inputs"),
                    lead: Decided::single("IOM".to_string()),
                    deadline: Decided::single("April 2018".to_string()),
                    status: Decided::single(OutcomeStatus::Draft),
                    confidential: Decided::single(false),
                    key_message: Decided::single(o == 0),
                    position: o as f64,
                    source: String::new(),
                })
                .collect();
            sessions.push(SessionView {
                id,
                start: Decided::single(ClockTime::new(9 + k as u32, 0)),
                end: Decided::single(ClockTime::new(10 + k as u32, 0)),
                title: Decided::single(format!("Session {k} of day {}", d + 1)),
                methodology: "Plenary discussion".into(),
                moderators: "FAO and IOM".into(),
                kind: Decided::single(SessionKind::Working),
                summary,
                outcomes,
                ..SessionView::default()
            });
        }
        days.push(DayView {
            id: format!("d{d}"),
            date: None,
            label: format!("Day {}", d + 1),
            sessions,
        });
    }
    EventSnapshot {
        id: "synthetic".into(),
        info: EventInfo {
            title: "Synthetic retreat".into(),
            group: "Benchmark Group".into(),
            venue: "Nowhere".into(),
            ..EventInfo::default()
        },
        days,
        participants,
        conflicts: Vec::new(),
        carried: Vec::new(),
    }
}
