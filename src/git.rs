//! Git as the engine that carries a dossier between people: setting git up to diff and
//! merge dossiers with this program, and reading a dossier file's history.
//!
//! Through the `git` command rather than a library such as `gix`: whoever keeps a
//! dossier in git has the command already, it reads their configuration and
//! credentials as they expect, and the two things needed (a file's log and a file at a
//! commit) are two commands; `gix` would add a large dependency tree and build time for
//! them. Every argument is passed as is, never through a shell.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The line of `.gitattributes` that sends dossier files to this program.
pub const ATTRIBUTES_LINE: &str = "*.dossier.json merge=dossier diff=dossier";

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("the git command could not be run: {0}")]
    NotRun(io::Error),
    #[error("{file} is not in a git repository")]
    NotInRepository { file: String },
    #[error("git {command} failed: {detail}")]
    Failed { command: String, detail: String },
    #[error("could not write {path}: {source}")]
    Write { path: String, source: io::Error },
}

/// A path as a POSIX shell reads it back: in single quotes, quotes inside escaped. Git
/// runs a merge driver's and a diff command's line through the shell.
fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

/// The `merge.dossier.driver` setting for this program.
pub fn merge_driver(program: &Path) -> String {
    format!(
        "{} merge %O %A %B -o %A --ours-name %X --theirs-name %Y",
        shell_quoted(program)
    )
}

/// The `diff.dossier.command` setting for this program.
pub fn diff_command(program: &Path) -> String {
    format!("{} diff", shell_quoted(program))
}

fn git(folder: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .map_err(GitError::NotRun)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitError::Failed {
            command: args.first().copied().unwrap_or_default().to_string(),
            detail: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        })
    }
}

/// Sets up git, for every repository of this user, to diff and merge dossier files with
/// `program`: `git config --global` for the driver and the diff command, and the
/// attributes line in `attributes` (git's `~/.config/git/attributes`). Says what it did.
pub fn set_up(program: &Path, attributes: &Path) -> Result<String, GitError> {
    let home = std::env::temp_dir();
    let settings = [
        (
            "merge.dossier.name",
            "Dossier Workbench: merge dossiers part by part".to_string(),
        ),
        ("merge.dossier.driver", merge_driver(program)),
        ("diff.dossier.command", diff_command(program)),
    ];
    let mut report = String::from("Set up git for the current user:\n");
    for (key, value) in &settings {
        git(&home, &["config", "--global", key, value])?;
        report.push_str(&format!("  git config --global {key} \"{value}\"\n"));
    }
    let existing = std::fs::read_to_string(attributes).unwrap_or_default();
    if !existing.lines().any(|line| line.trim() == ATTRIBUTES_LINE) {
        let write = |error| GitError::Write {
            path: attributes.display().to_string(),
            source: error,
        };
        if let Some(folder) = attributes.parent() {
            std::fs::create_dir_all(folder).map_err(write)?;
        }
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTES_LINE);
        text.push('\n');
        std::fs::write(attributes, text).map_err(write)?;
    }
    report.push_str(&format!("  {ATTRIBUTES_LINE} in {}\n", attributes.display()));
    Ok(report)
}

/// Where git reads this user's attributes: `$XDG_CONFIG_HOME/git/attributes`.
pub fn user_attributes(config: &Path) -> PathBuf {
    config.join("git").join("attributes")
}

/// One commit that changed a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    pub commit: String,
    pub short: String,
    pub author: String,
    /// The day of the commit, `2026-12-01`.
    pub date: String,
    pub subject: String,
}

fn folder_and_name(file: &Path) -> Result<(PathBuf, String), GitError> {
    let not_in = || GitError::NotInRepository {
        file: file.display().to_string(),
    };
    let name = file
        .file_name()
        .ok_or_else(not_in)?
        .to_string_lossy()
        .into_owned();
    let folder = match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((folder, name))
}

/// The commits that changed `file`, newest first.
pub fn history(file: &Path) -> Result<Vec<Revision>, GitError> {
    let (folder, name) = folder_and_name(file)?;
    if git(&folder, &["rev-parse", "--is-inside-work-tree"]).is_err() {
        return Err(GitError::NotInRepository {
            file: file.display().to_string(),
        });
    }
    let log = git(
        &folder,
        &[
            "log",
            "--format=%H%x1f%h%x1f%an%x1f%ad%x1f%s",
            "--date=short",
            "--",
            &name,
        ],
    )?;
    Ok(String::from_utf8_lossy(&log)
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\u{1f}');
            Some(Revision {
                commit: fields.next()?.to_string(),
                short: fields.next()?.to_string(),
                author: fields.next()?.to_string(),
                date: fields.next()?.to_string(),
                subject: fields.next().unwrap_or_default().to_string(),
            })
        })
        .collect())
}

/// The bytes of `file` as `commit` holds it.
pub fn file_at(file: &Path, commit: &str) -> Result<Vec<u8>, GitError> {
    let (folder, name) = folder_and_name(file)?;
    git(&folder, &["show", &format!("{commit}:./{name}")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_quotes_and_spaces_reaches_the_shell_whole() {
        let program = Path::new("/home/an o'neill/bin/dossier-workbench");
        assert_eq!(
            merge_driver(program),
            r"'/home/an o'\''neill/bin/dossier-workbench' merge %O %A %B -o %A --ours-name %X --theirs-name %Y"
        );
        assert_eq!(diff_command(Path::new("/x")), "'/x' diff");
    }
}
