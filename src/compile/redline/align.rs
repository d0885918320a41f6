//! Which paragraph of the earlier draft is which paragraph of the later one.
//!
//! Each unit (a paragraph, a heading, a list item, a table row, a part) has a key. Paragraphs
//! with a stable id (outcomes, the introduction, the organisation of the meeting …) are keyed by
//! it, so a paragraph keeps its identity wherever it moves and whatever number it gets.
//! Paragraphs drawn from a summary's Markdown have only a position (`<session>/summary/3`), so
//! they are keyed by their text within their session: inserting a paragraph does not make every
//! later one "changed". The key sequences are aligned with `similar`'s patience diff; a unit
//! whose key moved is found again by its key; what is left of a replaced stretch is paired by
//! how alike the texts are (a reworded paragraph is "changed", not "removed" plus "added").

use super::tokens::likeness;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// A unit as the alignment sees it.
pub struct Keyed {
    pub key: String,
    /// Units of one family may be paired by likeness; a stable key has none.
    pub family: Option<String>,
    pub text: String,
}

/// One place in the merged sequence, in the later draft's order: a unit of the later draft
/// (with its earlier counterpart, if any), or a unit of the earlier draft that is gone, put
/// where it stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Kept { to: usize, from: Option<usize> },
    Gone { from: usize },
}

/// How alike two texts must be to count as one paragraph reworded.
const ALIKE: f32 = 0.5;

/// Aligns `from` with `to`; every unit of each side appears exactly once.
pub fn align(from: &[Keyed], to: &[Keyed]) -> Vec<Slot> {
    let fk: Vec<&str> = from.iter().map(|u| u.key.as_str()).collect();
    let tk: Vec<&str> = to.iter().map(|u| u.key.as_str()).collect();
    let mut partner_of_to: Vec<Option<usize>> = vec![None; to.len()];
    let mut paired_from = vec![false; from.len()];
    // Stretches that differ: (removed from-indices, added to-indices).
    let mut hunks: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &fk, &tk) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    partner_of_to[new_index + k] = Some(old_index + k);
                    paired_from[old_index + k] = true;
                }
            }
            other => hunks.push((other.old_range().collect(), other.new_range().collect())),
        }
    }
    // A unit whose key moved elsewhere.
    let added: Vec<usize> = hunks.iter().flat_map(|(_, a)| a.clone()).collect();
    for t in added {
        if let Some(f) = (0..from.len()).find(|&f| !paired_from[f] && from[f].key == to[t].key) {
            partner_of_to[t] = Some(f);
            paired_from[f] = true;
        }
    }
    // What is left of each stretch, paired by likeness within a family.
    for (removed, added) in &hunks {
        for &t in added {
            if partner_of_to[t].is_some() {
                continue;
            }
            let Some(fam) = &to[t].family else { continue };
            let best = removed
                .iter()
                .filter(|&&f| !paired_from[f] && from[f].family.as_ref() == Some(fam))
                .map(|&f| (f, likeness(&from[f].text, &to[t].text)))
                .filter(|(_, r)| *r >= ALIKE)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((f, _)) = best {
                partner_of_to[t] = Some(f);
                paired_from[f] = true;
            }
        }
    }
    // The merged order: each gone unit right after the nearest earlier unit that stayed.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); to.len() + 1];
    let to_of_from: Vec<Option<usize>> = {
        let mut v = vec![None; from.len()];
        for (t, f) in partner_of_to.iter().enumerate() {
            if let Some(f) = f {
                v[*f] = Some(t);
            }
        }
        v
    };
    for f in (0..from.len()).filter(|&f| !paired_from[f]) {
        let anchor = (0..f).rev().find_map(|g| to_of_from[g]);
        after[anchor.map_or(0, |t| t + 1)].push(f);
    }
    let mut out = Vec::with_capacity(from.len() + to.len());
    out.extend(after[0].iter().map(|&f| Slot::Gone { from: f }));
    for t in 0..to.len() {
        out.push(Slot::Kept {
            to: t,
            from: partner_of_to[t],
        });
        out.extend(after[t + 1].iter().map(|&f| Slot::Gone { from: f }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(key: &str, family: Option<&str>, text: &str) -> Keyed {
        Keyed {
            key: key.into(),
            family: family.map(String::from),
            text: text.into(),
        }
    }

    #[test]
    fn inserted_reworded_removed_and_moved_units_are_told_apart() {
        let from = [
            k("intro", None, "Intro"),
            k(
                "s#Alpha beta gamma delta",
                Some("s"),
                "Alpha beta gamma delta",
            ),
            k(
                "s#Will be removed entirely here",
                Some("s"),
                "Will be removed entirely here",
            ),
            k("o1", None, "Outcome one"),
            k("o2", None, "Outcome two"),
        ];
        let to = [
            k("intro", None, "Intro"),
            k("s#Brand new paragraph", Some("s"), "Brand new paragraph"),
            k(
                "s#Alpha beta gamma epsilon",
                Some("s"),
                "Alpha beta gamma epsilon",
            ),
            k("o2", None, "Outcome two"),
            k("o1", None, "Outcome one, reworded"),
        ];
        let slots = align(&from, &to);
        assert_eq!(
            slots,
            vec![
                Slot::Kept {
                    to: 0,
                    from: Some(0)
                },
                Slot::Kept { to: 1, from: None },
                Slot::Kept {
                    to: 2,
                    from: Some(1)
                },
                Slot::Gone { from: 2 },
                Slot::Kept {
                    to: 3,
                    from: Some(4)
                },
                Slot::Kept {
                    to: 4,
                    from: Some(3)
                },
            ]
        );
    }
}
