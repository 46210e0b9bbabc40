//! The command line: subcommands for the data, or a dossier file to open in the window.

use std::path::PathBuf;

pub const USAGE: &str = "\
Dossier Workbench — follow a policy dossier through parliamentary written questions

Usage:
  dossier-workbench [FILE]            open the window (on FILE, or the last dossier)
  dossier-workbench summary [FILE]    print an overview (of the bundled dossier without FILE)
  dossier-workbench check FILE        check that FILE is a valid dossier; exit 1 if not
  dossier-workbench format FILE       rewrite FILE in the standard layout (after hand edits)
  dossier-workbench --help | --version
";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Open the window, on a file if one is given.
    Window {
        file: Option<PathBuf>,
    },
    Summary {
        file: Option<PathBuf>,
    },
    Check {
        file: PathBuf,
    },
    Format {
        file: PathBuf,
    },
    Help,
    Version,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}\n\n{USAGE}")]
pub struct UsageError(String);

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let mut words = args.iter().map(String::as_str);
    let first = words.next();
    let second = words.next().map(PathBuf::from);
    let extra = words.next();
    let file = |name: &str| {
        second
            .clone()
            .ok_or_else(|| UsageError(format!("'{name}' needs the path of a dossier file")))
    };
    let command = match first {
        None => Command::Window { file: None },
        Some("--help" | "-h" | "help") => Command::Help,
        Some("--version" | "-V") => Command::Version,
        Some("summary") => Command::Summary {
            file: second.clone(),
        },
        Some("check") => Command::Check {
            file: file("check")?,
        },
        Some("format") => Command::Format {
            file: file("format")?,
        },
        Some(option) if option.starts_with('-') => {
            return Err(UsageError(format!("unknown option '{option}'")));
        }
        Some(path) => {
            if second.is_some() {
                return Err(UsageError(format!("one file at a time, after '{path}'")));
            }
            Command::Window {
                file: Some(PathBuf::from(path)),
            }
        }
    };
    if let Some(extra) = extra {
        return Err(UsageError(format!("unexpected '{extra}'")));
    }
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(words: &[&str]) -> Result<Command, UsageError> {
        parse(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn reads_each_subcommand() {
        assert_eq!(parsed(&[]), Ok(Command::Window { file: None }));
        assert_eq!(
            parsed(&["a.dossier.json"]),
            Ok(Command::Window {
                file: Some("a.dossier.json".into())
            })
        );
        assert_eq!(parsed(&["summary"]), Ok(Command::Summary { file: None }));
        assert_eq!(
            parsed(&["summary", "x"]),
            Ok(Command::Summary {
                file: Some("x".into())
            })
        );
        assert_eq!(
            parsed(&["check", "x"]),
            Ok(Command::Check { file: "x".into() })
        );
        assert!(
            parsed(&["check"])
                .unwrap_err()
                .to_string()
                .contains("needs the path")
        );
        assert!(parsed(&["--frobnicate"]).is_err());
        assert!(parsed(&["summary", "a", "b"]).is_err());
    }
}
