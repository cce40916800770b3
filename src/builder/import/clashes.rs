//! Every draft its own file: items whose ids come out the same within one import, or name a
//! file an earlier import wrote for another feed, are told apart by a hash of their origin and
//! feed id; an item dated only by its feed keeps the date an earlier import gave it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::ids::disambiguate;
use super::markdown::{Draft, ORIGIN};
use super::rules::no_date_note;
use super::write::is_imported;
use crate::dates::Timestamp;

/// A file of the folder an import writes into, as far as the import cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// No such file (or no folder given).
    Absent,
    /// A file no import wrote, or whose marker line was removed: never replaced.
    HandWritten,
    /// A file an import wrote: the origin it records (none when written before origins were
    /// recorded) and its date.
    Imported {
        origin: Option<String>,
        date: Option<String>,
    },
}

/// The files of the folder an import writes into, each read once, by id.
pub struct Folder {
    dir: Option<PathBuf>,
    read: HashMap<String, Existing>,
}

impl Folder {
    /// The folder `dir`; `None` reads as empty.
    pub fn new(dir: Option<&Path>) -> Self {
        Folder {
            dir: dir.map(Path::to_path_buf),
            read: HashMap::new(),
        }
    }

    /// The file of the article `id`. One that cannot be read is left to the write step to report.
    pub fn get(&mut self, id: &str) -> &Existing {
        let dir = self.dir.as_deref();
        self.read.entry(id.to_owned()).or_insert_with(|| {
            dir.and_then(|d| fs::read(d.join(format!("{id}.md"))).ok())
                .map_or(Existing::Absent, |bytes| existing(&bytes))
        })
    }
}

/// What an existing file is: hand-written, or imported from where and dated when.
fn existing(bytes: &[u8]) -> Existing {
    if !is_imported(bytes) {
        return Existing::HandWritten;
    }
    let text = String::from_utf8_lossy(bytes);
    let origin = text.lines().nth(2).and_then(|l| l.strip_prefix(ORIGIN));
    let matter: Vec<&str> = text
        .lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "+++")
        .collect();
    let date = toml::from_str::<toml::Table>(&matter.join("\n"))
        .ok()
        .and_then(|t| t.get("date")?.as_str().map(str::to_owned));
    Existing::Imported {
        origin: origin.map(str::to_owned),
        date,
    }
}

/// Gives every draft its own id. An item whose origin and feed id repeat an earlier one is a
/// duplicate and is left out. Of items whose ids come out the same (`a/b` and `a-b`, or the same
/// id in two feeds), the one whose feed wrote the existing file keeps the id, else the smallest
/// by origin and feed id (not the order of the sources); the others, and an item whose id names
/// a file imported from another feed, get `-` and a hash of their origin and feed id: the same
/// whichever sources an import is given.
pub fn settle(drafts: Vec<Draft>, folder: &mut Folder, warnings: &mut Vec<String>) -> Vec<Draft> {
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    let mut kept = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let key = (draft.origin.clone(), draft.key.clone());
        if let Some(first) = seen.get(&key) {
            warnings.push(format!("{}: same id as {first}, left out", draft.at));
            continue;
        }
        seen.insert(key, draft.at.clone());
        kept.push(draft);
    }
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, draft) in kept.iter().enumerate() {
        by_id.entry(draft.id.clone()).or_default().push(i);
    }
    let taken: HashSet<String> = by_id.keys().cloned().collect();
    for (id, mut members) in by_id {
        members.sort_by(|a, b| {
            (&kept[*a].origin, &kept[*a].key).cmp(&(&kept[*b].origin, &kept[*b].key))
        });
        let (owner, other) = match folder.get(&id) {
            Existing::Imported {
                origin: Some(origin),
                ..
            } => (
                members.iter().position(|i| kept[*i].origin == *origin),
                Some(origin.clone()),
            ),
            _ => (Some(0), None),
        };
        let first = owner.map(|p| kept[members[p]].at.clone());
        for (position, &i) in members.iter().enumerate() {
            if Some(position) == owner {
                continue;
            }
            let draft = &mut kept[i];
            let mut new = disambiguate(&id, &format!("{}\n{}", draft.origin, draft.key));
            // Another item's own id, by chance: hash again.
            while taken.contains(&new) {
                new = disambiguate(&id, &format!("{new}\n{}", draft.origin));
            }
            warnings.push(match (&first, &other) {
                (Some(first), _) => {
                    format!("{}: id {id:?} also made by {first}, used {new:?}", draft.at)
                }
                (None, Some(other)) => format!(
                    "{}: {id}.md holds an item imported from {other}, not {}: used id {new:?}",
                    draft.at, draft.origin
                ),
                (None, None) => format!("{}: id {id:?} is taken, used {new:?}", draft.at),
            });
            draft.set_id(new);
        }
    }
    kept
}

/// A draft dated only by its feed (or the feed's file) keeps the date of the file an earlier
/// import of the same feed wrote: the feed's date changes whenever it is written again, the
/// item did not.
pub fn keep_dates(drafts: &mut [Draft], folder: &mut Folder) {
    for draft in drafts.iter_mut() {
        let Some(whose) = draft.stand_in else {
            continue;
        };
        let Existing::Imported {
            origin,
            date: Some(date),
        } = folder.get(&draft.id)
        else {
            continue;
        };
        let same_feed = origin.as_ref().is_none_or(|o| *o == draft.origin);
        if !same_feed || Timestamp::parse(date).is_none() {
            continue;
        }
        draft.front.insert("date".into(), date.clone().into());
        let used = format!("{}: {}", draft.at, no_date_note(whose));
        let kept = format!("{}: no date, kept {date} from the earlier import", draft.at);
        match draft.warnings.iter_mut().find(|w| **w == used) {
            Some(warning) => *warning = kept,
            None => draft.warnings.push(kept),
        }
    }
}
