//! Restoring a version: the content of a document as it stood at that version is written
//! into the current document as ordinary new edits, so it syncs to every peer like any other
//! change and can itself be undone by restoring a later version. Nothing is deleted from the
//! history; objects that did not exist then are marked removed, texts get the smallest line
//! edits that make them equal, and decided fields get their values back (a conflict the version
//! held comes back as a conflict).
//!
//! Only content is copied: the roots listed in [`super::review_doc::CONTENT_ROOTS`] and a
//! session's `notes`, `summary` and `outcomes`. The versions list, the lock and the series link
//! are never touched.

use super::register;
use yrs::{
    Any, GetString, Map, MapPrelim, MapRef, Out, ReadTxn, Text, TextRef, TransactionMut, WriteTxn,
};

/// The roots that are collections of objects (id → object), and whether their objects can be
/// marked removed. Days cannot: a day that did not exist keeps its (empty) heading.
const COLLECTIONS: [(&str, bool); 4] = [
    ("days", false),
    ("sessions", true),
    ("participants", true),
    ("outcomes", true),
];

/// Makes root `name` of the current document (`to`) read as it does in `from`.
pub fn restore_root<F: ReadTxn>(from: &F, to: &mut TransactionMut, name: &str) {
    if let Some((_, removable)) = COLLECTIONS.iter().find(|(c, _)| *c == name) {
        let src = from.get_map(name);
        let dst = to.get_or_insert_map(name);
        let wanted: Vec<(String, MapRef)> =
            src.map(|m| super::child_maps(from, &m)).unwrap_or_default();
        for (id, obj) in &wanted {
            let target = match dst.get(to, id) {
                Some(Out::YMap(m)) => m,
                _ => dst.insert(to, id.clone(), MapPrelim::default()),
            };
            copy_object(from, obj, to, &target);
        }
        if *removable {
            let gone: Vec<MapRef> = super::child_maps(to, &dst)
                .into_iter()
                .filter(|(id, _)| !wanted.iter().any(|(w, _)| w == id))
                .map(|(_, m)| m)
                .collect();
            for m in gone {
                register::write(to, &m, "removed", Any::from(true));
            }
        }
    } else if name == "notes" || name == "summary" {
        let old = from.get_text(name).map(|t| t.get_string(from));
        let text = to.get_or_insert_text(name);
        restore_text(to, &text, old.as_deref().unwrap_or(""));
    } else {
        let dst = to.get_or_insert_map(name);
        if let Some(src) = from.get_map(name) {
            copy_object(from, &src, to, &dst);
        }
    }
}

/// Copies every field of object `src` onto `dst`: texts by line edits, registers by their
/// current values, plain values as they are.
fn copy_object<F: ReadTxn>(from: &F, src: &MapRef, to: &mut TransactionMut, dst: &MapRef) {
    let mut seen: Vec<String> = Vec::new();
    for (key, out) in src.iter(from) {
        seen.push(key.to_string());
        match out {
            Out::YText(t) => {
                let value = t.get_string(from);
                match dst.get(to, key) {
                    Some(Out::YText(mine)) => restore_text(to, &mine, &value),
                    _ => super::set_text_field(to, dst, key, &value),
                }
            }
            Out::YMap(_) => {
                let values: Vec<Any> = register::current(from, src, key)
                    .into_iter()
                    .map(|e| e.value)
                    .collect();
                let now: Vec<Any> = register::current(to, dst, key)
                    .into_iter()
                    .map(|e| e.value)
                    .collect();
                if values != now && !values.is_empty() {
                    register::write_all(to, dst, key, &values);
                }
            }
            Out::Any(v) if dst.get(to, key) != Some(Out::Any(v.clone())) => {
                dst.insert(to, key, v);
            }
            _ => {}
        }
    }
    // An object that was not removed then, but is now, comes back.
    if !seen.iter().any(|k| k == "removed") && super::is_removed(to, dst) {
        register::write(to, dst, "removed", Any::from(false));
    }
}

/// Makes `text` read `new` with line edits (a line diff by `similar`), applied from the end so
/// earlier offsets stay valid. Unchanged lines are not touched, so what others type in them
/// at the same time survives the merge.
pub fn restore_text(txn: &mut TransactionMut, text: &TextRef, new: &str) {
    let old = text.get_string(txn);
    if old == new {
        return;
    }
    let diff = similar::TextDiff::from_lines(old.as_str(), new);
    let old_lines: Vec<&str> = diff.old_slices().to_vec();
    let new_lines: Vec<&str> = diff.new_slices().to_vec();
    // UTF-16 offset of the start of each old line (Yjs counts UTF-16 units).
    let mut starts = Vec::with_capacity(old_lines.len() + 1);
    let mut at = 0u32;
    for l in &old_lines {
        starts.push(at);
        at += l.encode_utf16().count() as u32;
    }
    starts.push(at);
    let ops: Vec<similar::DiffOp> = diff.ops().to_vec();
    for op in ops.iter().rev() {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        let from = starts[old_range.start];
        let len = starts[old_range.end] - from;
        if len > 0 {
            text.remove_range(txn, from, len);
        }
        let insert: String = new_lines[new_range].concat();
        if !insert.is_empty() {
            text.insert(txn, from, &insert);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::new_doc;
    use yrs::Transact;

    #[test]
    fn a_text_comes_back_line_by_line_and_unchanged_lines_are_not_rewritten() {
        let doc = new_doc();
        let t = doc.get_or_insert_text("notes");
        let mut txn = doc.transact_mut();
        t.insert(&mut txn, 0, "one\ntwo é\nthree\n");
        let before = txn.state_vector();
        restore_text(&mut txn, &t, "one\n2 ü\nthree\nfour");
        assert_eq!(t.get_string(&txn), "one\n2 ü\nthree\nfour");
        restore_text(&mut txn, &t, "");
        assert_eq!(t.get_string(&txn), "");
        assert_ne!(before, txn.state_vector());
    }

    #[test]
    fn objects_that_were_not_there_are_marked_removed_and_removed_ones_come_back() {
        let old = new_doc();
        let now = new_doc();
        {
            let mut t = old.transact_mut();
            let s = t.get_or_insert_map("sessions");
            let a = s.insert(&mut t, "a", MapPrelim::default());
            register::write(&mut t, &a, "title", Any::from("Old title"));
        }
        {
            let mut t = now.transact_mut();
            let s = t.get_or_insert_map("sessions");
            let a = s.insert(&mut t, "a", MapPrelim::default());
            register::write(&mut t, &a, "title", Any::from("New title"));
            register::write(&mut t, &a, "removed", Any::from(true));
            s.insert(&mut t, "b", MapPrelim::default());
        }
        let from = old.transact();
        let mut to = now.transact_mut();
        restore_root(&from, &mut to, "sessions");
        let s = to.get_map("sessions").unwrap();
        let Some(Out::YMap(a)) = s.get(&to, "a") else {
            panic!()
        };
        let Some(Out::YMap(b)) = s.get(&to, "b") else {
            panic!()
        };
        assert!(!crate::doc::is_removed(&to, &a));
        assert!(crate::doc::is_removed(&to, &b));
        let title = register::current(&to, &a, "title");
        assert_eq!(title.len(), 1);
        assert_eq!(title[0].value, Any::from("Old title"));
    }
}
