//! The review cycle's commands: `version save|rename`, `versions`, `diff`, `restore`,
//! `circulate`, `finalize`, `reopen`, and `compile` (with `--changes-since`).
//! Each resolves the event, calls one core function (`crate::review`) and prints.

use super::args::{CompileArgs, VersionCommand};
use super::{print, CliResult};
use crate::compile::{self, Attribution, CompileOptions};
use crate::host::Origin;
use crate::review::compare::Comparison;
use crate::review::{VersionInfo, VersionState};
use crate::store::Store;
use std::io::Write;

pub fn version(store: &mut Store, command: VersionCommand, out: &mut impl Write) -> CliResult {
    match command {
        VersionCommand::Save { name, event } => {
            let id = store.resolve_event(event.as_deref())?;
            print::line(out, &store.save_version(&id, &name, &Origin::Cli)?)?;
        }
        VersionCommand::Rename {
            version,
            name,
            event,
        } => {
            let id = store.resolve_event(event.as_deref())?;
            let v = store.rename_version(&id, &version, &name, &Origin::Cli)?;
            print::line(out, &format!("renamed version {} to “{}”", v.id, v.name))?;
        }
    }
    Ok(())
}

pub fn versions(
    store: &mut Store,
    event: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> CliResult {
    let id = store.resolve_event(event)?;
    let list = store.versions(&id)?;
    print::either(out, json, &list, |o| versions_text(o, &list))?;
    Ok(())
}

fn versions_text(out: &mut impl Write, list: &[VersionInfo]) -> std::io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "No versions yet. `rapporteur version save NAME` saves one; `rapporteur circulate` numbers one.");
    }
    for v in list {
        let number = v.number.as_deref().unwrap_or("—");
        let state = match v.state {
            VersionState::Final if v.locked => "FINAL (locked)",
            s => s.as_str(),
        };
        let to = if v.to.is_empty() {
            String::new()
        } else {
            format!(" → {}", v.to)
        };
        writeln!(
            out,
            "{}  {:>5}  {:<14} {}{}  ({} by {})",
            &v.id[..v.id.len().min(8)],
            number,
            state,
            v.name,
            to,
            v.created_at
                .get(..16)
                .unwrap_or(&v.created_at)
                .replace('T', " "),
            v.created_by
        )?;
        for r in &v.reopened {
            writeln!(
                out,
                "          reopened {} by {}: {}",
                r.at.get(..16).unwrap_or(&r.at).replace('T', " "),
                r.by,
                r.reason
            )?;
        }
        for c in &v.conflicts {
            writeln!(out, "          conflict: {c}")?;
        }
    }
    Ok(())
}

pub fn diff(
    store: &mut Store,
    event: Option<&str>,
    from: &str,
    to: Option<&str>,
    attribution: Attribution,
    json: bool,
    out: &mut impl Write,
) -> CliResult {
    let id = store.resolve_event(event)?;
    let mut options = CompileOptions::new(store.host().now().date_naive());
    options.attribution = attribution;
    let cmp = store.diff_versions(&id, from, to, &options)?;
    print::either(out, json, &cmp, |o| diff_text(o, &cmp))?;
    Ok(())
}

fn diff_text(out: &mut impl Write, c: &Comparison) -> std::io::Result<()> {
    writeln!(out, "{} → {}: {} change(s)", c.from, c.to, c.changes.len())?;
    for a in &c.changes {
        let ch = &a.change;
        let para = ch.paragraph.map(|n| format!("¶{n} ")).unwrap_or_default();
        let who = if a.authors.is_empty() {
            String::new()
        } else {
            format!("  — {}", a.authors.join(", "))
        };
        let (sign, text) = match ch.change {
            crate::compile::redline::ChangeKind::Added => {
                ("+", ch.after.clone().unwrap_or_default())
            }
            crate::compile::redline::ChangeKind::Removed => {
                ("-", ch.before.clone().unwrap_or_default())
            }
            crate::compile::redline::ChangeKind::Changed => (
                "~",
                ch.words
                    .iter()
                    .map(|w| match w.op {
                        "insert" => format!("{{+{}+}}", w.text),
                        "delete" => format!("[-{}-]", w.text),
                        _ => w.text.clone(),
                    })
                    .collect(),
            ),
        };
        writeln!(
            out,
            "\n{sign} {para}[{}]{who}\n  {}",
            ch.section,
            text.replace('\n', "\n  ")
        )?;
    }
    Ok(())
}

pub fn restore(
    store: &mut Store,
    event: Option<&str>,
    version: &str,
    session: Option<&str>,
    out: &mut impl Write,
) -> CliResult {
    let id = store.resolve_event(event)?;
    let r = store.restore(&id, version, session, &Origin::Cli)?;
    let what = if session.is_some() {
        "the session"
    } else {
        "the event"
    };
    print::line(
        out,
        &format!("restored {what} to version {} ({} document(s) changed; the history keeps what was there)", r.version, r.documents),
    )?;
    Ok(())
}

pub fn circulate(
    store: &mut Store,
    event: Option<&str>,
    to: Option<&str>,
    out: &mut impl Write,
) -> CliResult {
    let id = store.resolve_event(event)?;
    let v = store.circulate(&id, to.unwrap_or(""), &Origin::Cli)?;
    let to = if v.to.is_empty() {
        String::new()
    } else {
        format!(" to {}", v.to)
    };
    print::line(
        out,
        &format!(
            "circulated draft {} (version {}){to}",
            v.number.unwrap_or_default(),
            v.id
        ),
    )?;
    Ok(())
}

pub fn finalize(store: &mut Store, event: Option<&str>, out: &mut impl Write) -> CliResult {
    let id = store.resolve_event(event)?;
    let v = store.finalize(&id, &Origin::Cli)?;
    print::line(
        out,
        &format!("final version {} (version {}); the event is locked until `rapporteur reopen --reason TEXT`", v.number.unwrap_or_default(), v.id),
    )?;
    Ok(())
}

pub fn reopen(
    store: &mut Store,
    event: Option<&str>,
    reason: &str,
    out: &mut impl Write,
) -> CliResult {
    let id = store.resolve_event(event)?;
    let v = store.reopen(&id, reason, &Origin::Cli)?;
    print::line(
        out,
        &format!(
            "reopened (was final on {}, version {})",
            v.number.unwrap_or_default(),
            v.id
        ),
    )?;
    Ok(())
}

/// `compile`: the draft as its versions say (a final event as it was at the lock, the
/// masthead's number from the versions) and, with `--changes-since`, the changes marked.
pub fn compile(store: &mut Store, c: CompileArgs, out: &mut impl Write) -> CliResult {
    let id = store.resolve_event(c.event.as_deref())?;
    let source = store.draft_source(&id)?;
    let mut base = CompileOptions::new(store.host().now().date_naive());
    base.attribution = c.attribution;
    base.distribution = c.distribution;
    base.language = c.language;
    let mut options = source.options(base);
    if let Some(v) = c.draft_version {
        options.version = v;
    }
    let (compiled, marked) = match c.changes_since.as_deref() {
        Some(since) => {
            let (compiled, changes) = store.redline(&id, since, None, &options)?;
            (compiled, Some((changes.len(), since)))
        }
        None => (source.compile(&options), None),
    };
    let written = compile::draft::write(&compiled, &c.output, Some(c.format))?;
    print::line(out, &format!("wrote {}", written.path.display()))?;
    if let Some((n, since)) = marked {
        print::line(out, &format!("{n} change(s) since version {since} marked"))?;
    }
    print::line(out, &compiled.report.to_string())?;
    Ok(())
}
