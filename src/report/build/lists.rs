//! The lists a report gathers before the phases: the items of the lists
//! that carry (agreements and the like), each list in a section under its
//! own label, and the items carried in from earlier conversations.

use crate::guide::List;
use crate::i18n::Texts;
use crate::session::{CarriedItem, Item, Session};

use super::{line, text};
use crate::report::document::{Block, Check, Checklist, Part, Summary, Table};

/// A list's items as a table under its columns.
pub(super) fn table(list: &List, items: &[Item]) -> Block {
    Block::Table(Table {
        head: list.columns.iter().map(|c| line(c)).collect(),
        rows: items.iter().map(|i| cells(&i.values)).collect(),
    })
}

fn cells(values: &[String]) -> Vec<String> {
    values.iter().map(|v| text(v)).collect()
}

/// A section for every list with `carry = true` that has items, the
/// agreements first (see `List::gathered_rank`), else in the guide's order,
/// headed by the list's label (with its phase when another such list has
/// the same label).
pub(super) fn agreements(session: &Session, texts: &Texts) -> Vec<Summary> {
    let mut filled: Vec<(&str, &List, &[Item])> = (session.guide.phases.iter().enumerate())
        .flat_map(|(p, phase)| phase.lists.iter().map(move |list| (p, phase, list)))
        .filter(|(_, _, list)| list.carry)
        .map(|(p, phase, list)| (phase.title.as_str(), list, session.items(p, &list.id)))
        .filter(|(_, _, items)| !items.is_empty())
        .collect();
    filled.sort_by_key(|(_, list, _)| list.gathered_rank());
    let label = |list: &List| match line(&list.label) {
        l if l.is_empty() => texts.report.agreements.to_string(),
        l => l,
    };
    filled
        .iter()
        .map(|&(phase, list, items)| {
            let own = label(list);
            let shared = filled
                .iter()
                .filter(|(_, other, _)| label(other) == own)
                .count()
                > 1;
            Summary {
                heading: if shared {
                    format!("{own} ({})", line(phase))
                } else {
                    own
                },
                parts: vec![Part {
                    caption: None,
                    block: table(list, items),
                }],
            }
        })
        .collect()
}

/// The carried items grouped by list label and columns, in order of
/// appearance; none when nothing was carried in.
pub(super) fn carried(session: &Session, texts: &Texts) -> Option<Summary> {
    let mut groups: Vec<(&str, &[String], Vec<&CarriedItem>)> = Vec::new();
    for c in &session.carried {
        match groups
            .iter_mut()
            .find(|(l, cols, _)| *l == c.label && *cols == c.columns.as_slice())
        {
            Some(g) => g.2.push(c),
            None => groups.push((&c.label, &c.columns, vec![c])),
        }
    }
    let parts: Vec<Part> = groups
        .into_iter()
        .map(|(label, columns, items)| Part {
            caption: Some(line(label)).filter(|l| !l.is_empty()),
            block: Block::Checklist(Checklist {
                head: columns.iter().map(|c| line(c)).collect(),
                done_column: texts.report.carried_done.to_string(),
                yes: texts.report.yes.to_string(),
                no: texts.report.no.to_string(),
                items: items
                    .into_iter()
                    .map(|c| Check {
                        done: c.done,
                        values: cells(&c.item.values),
                    })
                    .collect(),
            }),
        })
        .collect();
    (!parts.is_empty()).then(|| Summary {
        heading: texts.report.carried.to_string(),
        parts,
    })
}
