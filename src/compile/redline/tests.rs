//! The comparison on small documents: the three paragraphs a reviewer cares about (added,
//! removed, reworded), renumbering that is not a change, and a removed part.

use super::*;
use crate::compile::tree::{Inline, Masthead, Part};

fn para(id: &str, n: u32, text: &str) -> Block {
    Block::Para(Para {
        id: id.into(),
        number: Some(n),
        content: vec![Inline::text(text)],
        list: None,
    })
}

fn doc(body: Vec<Part>) -> Document {
    Document {
        masthead: Masthead::default(),
        body,
        ..Document::default()
    }
}

fn part(title: &str, blocks: Vec<Block>) -> Part {
    Part {
        label: "III.".into(),
        title: title.into(),
        blocks,
    }
}

#[test]
fn added_removed_and_reworded_paragraphs_are_marked_right() {
    let from = doc(vec![part(
        "Summary",
        vec![
            para(
                "s/summary/1",
                1,
                "Participants welcomed the report of the working group.",
            ),
            para(
                "s/summary/2",
                2,
                "The group will meet again in June in Geneva.",
            ),
            para(
                "s/summary/3",
                3,
                "FAO noted that data on rural migration remain scarce.",
            ),
        ],
    )]);
    let to = doc(vec![part(
        "Summary",
        vec![
            para(
                "s/summary/1",
                1,
                "Participants welcomed the report of the working group.",
            ),
            para(
                "s/summary/2",
                2,
                "FAO noted that data on rural and seasonal migration remain scarce.",
            ),
            para(
                "s/summary/3",
                3,
                "IOM offered to host a technical meeting on data.",
            ),
        ],
    )]);
    let (merged, changes) = revise(&from, &to, &|c: &Change| Mark {
        author: format!("{:?}", c.change),
        date: "2018-02-14T10:00:00Z".into(),
    });
    let kinds: Vec<(ChangeKind, Option<&str>, Option<&str>)> = changes
        .iter()
        .map(|c| (c.change, c.before.as_deref(), c.after.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                ChangeKind::Removed,
                Some("The group will meet again in June in Geneva."),
                None
            ),
            (
                ChangeKind::Changed,
                Some("FAO noted that data on rural migration remain scarce."),
                Some("FAO noted that data on rural and seasonal migration remain scarce.")
            ),
            (
                ChangeKind::Added,
                None,
                Some("IOM offered to host a technical meeting on data.")
            ),
        ]
    );
    let inserted: Vec<&str> = changes[1]
        .words
        .iter()
        .filter(|w| w.op == "insert")
        .map(|w| w.text.trim())
        .collect();
    assert_eq!(inserted, ["and seasonal"]);
    // The merged draft: the removed paragraph where it stood, with its old number, deleted.
    let blocks = &merged.body[0].blocks;
    assert_eq!(blocks.len(), 4);
    let Block::Para(gone) = &blocks[1] else {
        panic!()
    };
    assert_eq!(gone.number, Some(2));
    assert!(matches!(gone.content.as_slice(), [Inline::Deleted { .. }]));
    let Block::Para(new) = &blocks[3] else {
        panic!()
    };
    assert!(
        matches!(new.content.as_slice(), [Inline::Inserted { mark, .. }] if mark.author == "Added")
    );
}

#[test]
fn renumbering_and_moved_references_are_not_changes() {
    let with_ref = |n: u32, target_no: u32| {
        Block::Para(Para {
            id: "iv/invited".into(),
            number: Some(n),
            content: vec![
                Inline::text("endorse the recommendation (see paragraph "),
                Inline::Ref {
                    target: "o1".into(),
                    number: Some(target_no),
                },
                Inline::text(")"),
            ],
            list: None,
        })
    };
    let from = doc(vec![part(
        "IV",
        vec![para("o1", 4, "Organize briefings."), with_ref(5, 4)],
    )]);
    let to = doc(vec![part(
        "IV",
        vec![
            para("x", 4, "A new first paragraph."),
            para("o1", 5, "Organize briefings."),
            with_ref(6, 5),
        ],
    )]);
    let changes = compare(&from, &to);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].change, ChangeKind::Added);
    assert_eq!(changes[0].paragraph, Some(4));
}

#[test]
fn a_part_that_is_gone_is_kept_with_its_heading_marked() {
    let from = doc(vec![
        part("Summary", vec![para("a", 1, "Kept.")]),
        part(
            "Follow-up and next steps",
            vec![para("vi/actions", 2, "Lead entities will report.")],
        ),
    ]);
    let to = doc(vec![part("Summary", vec![para("a", 1, "Kept.")])]);
    let (merged, changes) = revise(&from, &to, &|_: &Change| Mark::default());
    assert_eq!(merged.body.len(), 2);
    assert_eq!(merged.changed_parts.len(), 1);
    assert!(!merged.changed_parts[0].inserted);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].change, ChangeKind::Removed);
    assert_eq!(changes[0].section, "Follow-up and next steps");
}
