//! The command line: subcommands for the data, or a dossier file to open in the window.

use std::path::PathBuf;

use crate::export::csv::Delimiter;
use crate::i18n::Language;
use crate::ui::Tab;
use crate::ui::launch::{Launch, RendererChoice};

pub const USAGE: &str = "\
Dossier Workbench — follow a policy dossier through parliamentary written questions

Usage:
  dossier-workbench [FILE]            open the window (on FILE, or the last dossier)
      --renderer wgpu|glow            force a renderer (default: wgpu, falling back to glow)
      --screenshot OUT.png            save a picture of the window to OUT.png and exit
      --chart OUT.png                 save the indicator chart to OUT.png (as Export chart does) and exit
      --tab timeline|budget|board|indicators
      --present                       start presenting (full screen, large type; Esc leaves)
  dossier-workbench summary [FILE]    print an overview (of the bundled dossier without FILE)
  dossier-workbench check FILE        check that FILE is a valid dossier; exit 1 if not
  dossier-workbench format FILE       rewrite FILE in the standard layout (after hand edits)
  dossier-workbench export FILE --csv TABLE OUT | --tsv TABLE OUT | --html OUT [--lang en|nl]
                                      write a table as CSV or TSV: a budget table (its number,
                                      id or title), questions, board, partners or indicators;
                                      or the whole dossier as one standalone HTML report
  dossier-workbench install-desktop [--uninstall]
                                      install this program, its icon, menu entry and the
                                      *.dossier.json file type for the current user (Linux)
  dossier-workbench generate OUT.dossier.json [--questions N] [--budget-rows N]
                     [--members N] [--indicators N] [--seed S]
                                      write a large made-up dossier for measuring
                                      (defaults 20000, 100000, 1000, 10000; seed 1)
  dossier-workbench import FILE.pdf|FILE.txt [--into DOSSIER] [--update] [--text]
                                      read a written question and its answer (the PDF the
                                      Parliament publishes, or its text); print it as JSON
                                      (warnings on stderr), or add it to DOSSIER (--update
                                      replaces the same question there); --text prints the
                                      text as the reader sees it (a PDF's text layer)
  dossier-workbench --help | --version
";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Open the window.
    Window(Launch),
    Summary {
        file: Option<PathBuf>,
    },
    Check {
        file: PathBuf,
    },
    Format {
        file: PathBuf,
    },
    /// Write a table of FILE as CSV or TSV, or all of it as an HTML report.
    Export {
        file: PathBuf,
        what: ExportWhat,
        out: PathBuf,
        /// The language of the headings; `None` follows the system locale.
        language: Option<Language>,
    },
    /// Install for double-clicking (`uninstall`: remove what was installed).
    InstallDesktop {
        uninstall: bool,
    },
    /// Read the text of a written question; print it, or add it to a dossier file.
    Import {
        text: PathBuf,
        into: Option<PathBuf>,
        update: bool,
        /// Print the text as read (a PDF's text layer) and stop.
        show_text: bool,
    },
    /// Write a large made-up dossier.
    Generate {
        out: PathBuf,
        sizes: crate::generate::Sizes,
        seed: u64,
    },
    Help,
    Version,
}

/// What `export` writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    Table { table: String, delimiter: Delimiter },
    Html,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}\n\n{USAGE}")]
pub struct UsageError(String);

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let first = args.first().map(String::as_str);
    let subcommand_file = |name: &str| -> Result<PathBuf, UsageError> {
        match args {
            [_, file] => Ok(PathBuf::from(file)),
            [_] => Err(UsageError(format!("'{name}' needs the path of a dossier file"))),
            [_, _, extra, ..] => Err(UsageError(format!("unexpected '{extra}'"))),
            [] => Err(UsageError(format!("'{name}' needs the path of a dossier file"))),
        }
    };
    match first {
        Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("--version" | "-V") => Ok(Command::Version),
        Some("summary") => match args {
            [_] => Ok(Command::Summary { file: None }),
            _ => subcommand_file("summary").map(|file| Command::Summary { file: Some(file) }),
        },
        Some("check") => subcommand_file("check").map(|file| Command::Check { file }),
        Some("format") => subcommand_file("format").map(|file| Command::Format { file }),
        Some("export") => parse_export(&args[1..]),
        Some("install-desktop") => match &args[1..] {
            [] => Ok(Command::InstallDesktop { uninstall: false }),
            [option] if option == "--uninstall" => Ok(Command::InstallDesktop { uninstall: true }),
            _ => Err(UsageError("'install-desktop' takes only --uninstall".into())),
        },
        Some("import") => parse_import(&args[1..]),
        Some("generate") => parse_generate(&args[1..]),
        _ => parse_window(args).map(Command::Window),
    }
}

fn parse_export(args: &[String]) -> Result<Command, UsageError> {
    let usage = || {
        UsageError(
            "'export' takes FILE --csv TABLE OUT, FILE --tsv TABLE OUT or FILE --html OUT [--lang en|nl]"
                .into(),
        )
    };
    let (args, language) = match args {
        [rest @ .., option, code] if option == "--lang" => {
            let language = Language::from_code(code)
                .ok_or_else(|| UsageError(format!("'--lang' takes en or nl, not '{code}'")))?;
            (rest, Some(language))
        }
        _ => (args, None),
    };
    let (file, what, out) = match args {
        [file, option, table, out] if option == "--csv" || option == "--tsv" => {
            let delimiter = if option == "--csv" {
                Delimiter::Semicolon
            } else {
                Delimiter::Tab
            };
            (
                file,
                ExportWhat::Table {
                    table: table.clone(),
                    delimiter,
                },
                out,
            )
        }
        [file, option, out] if option == "--html" => (file, ExportWhat::Html, out),
        _ => return Err(usage()),
    };
    Ok(Command::Export {
        file: PathBuf::from(file),
        what,
        out: PathBuf::from(out),
        language,
    })
}

fn parse_generate(args: &[String]) -> Result<Command, UsageError> {
    let mut out = None;
    let mut sizes = crate::generate::Sizes::default();
    let mut seed = 1;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let mut count = |option: &str| -> Result<u64, UsageError> {
            let value = words
                .next()
                .ok_or_else(|| UsageError(format!("'{option}' needs a number")))?;
            value
                .parse()
                .map_err(|_| UsageError(format!("'{option}' needs a number, not '{value}'")))
        };
        match word.as_str() {
            "--questions" => sizes.questions = count("--questions")? as usize,
            "--budget-rows" => sizes.budget_rows = count("--budget-rows")? as usize,
            "--members" => sizes.members = count("--members")? as usize,
            "--indicators" => sizes.indicators = count("--indicators")? as usize,
            "--seed" => seed = count("--seed")?,
            option if option.starts_with('-') => {
                return Err(UsageError(format!("unknown option '{option}'")));
            }
            path if out.is_none() => out = Some(PathBuf::from(path)),
            extra => return Err(UsageError(format!("one file at a time: unexpected '{extra}'"))),
        }
    }
    let out = out.ok_or_else(|| UsageError("'generate' needs the path of the file to write".into()))?;
    Ok(Command::Generate { out, sizes, seed })
}

fn parse_import(args: &[String]) -> Result<Command, UsageError> {
    let mut text = None;
    let mut into = None;
    let mut update = false;
    let mut show_text = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--into" => {
                let path = words
                    .next()
                    .ok_or_else(|| UsageError("'--into' needs the path of a dossier file".into()))?;
                into = Some(PathBuf::from(path));
            }
            "--update" => update = true,
            "--text" => show_text = true,
            option if option.starts_with('-') => {
                return Err(UsageError(format!("unknown option '{option}'")));
            }
            path if text.is_none() => text = Some(PathBuf::from(path)),
            extra => return Err(UsageError(format!("one text at a time: unexpected '{extra}'"))),
        }
    }
    let text = text.ok_or_else(|| UsageError("'import' needs the path of a PDF or text file".into()))?;
    if update && into.is_none() {
        return Err(UsageError("'--update' goes with '--into DOSSIER'".into()));
    }
    if show_text && into.is_some() {
        return Err(UsageError(
            "'--text' only prints the text; leave out '--into'".into(),
        ));
    }
    Ok(Command::Import {
        text,
        into,
        update,
        show_text,
    })
}

fn parse_window(args: &[String]) -> Result<Launch, UsageError> {
    let mut launch = Launch::default();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let mut value = |option: &str| {
            words
                .next()
                .cloned()
                .ok_or_else(|| UsageError(format!("'{option}' needs a value")))
        };
        match word.as_str() {
            "--renderer" => {
                let name = value("--renderer")?;
                launch.renderer = Some(
                    RendererChoice::from_key(&name)
                        .ok_or_else(|| UsageError(format!("unknown renderer '{name}': use wgpu or glow")))?,
                );
            }
            "--screenshot" => launch.screenshot = Some(PathBuf::from(value("--screenshot")?)),
            "--chart" => launch.chart = Some(PathBuf::from(value("--chart")?)),
            "--present" => launch.present = true,
            "--tab" => {
                let name = value("--tab")?;
                launch.tab =
                    Some(Tab::from_key(&name).ok_or_else(|| UsageError(format!("unknown tab '{name}'")))?);
            }
            option if option.starts_with('-') => {
                return Err(UsageError(format!("unknown option '{option}'")));
            }
            path if launch.file.is_none() => launch.file = Some(PathBuf::from(path)),
            extra => return Err(UsageError(format!("one file at a time: unexpected '{extra}'"))),
        }
    }
    Ok(launch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(words: &[&str]) -> Result<Command, UsageError> {
        parse(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn reads_each_subcommand() {
        assert_eq!(parsed(&[]), Ok(Command::Window(Launch::default())));
        let window = Launch {
            file: Some("a.dossier.json".into()),
            renderer: Some(RendererChoice::Glow),
            screenshot: Some("out.png".into()),
            chart: None,
            tab: Some(Tab::Budget),
            present: true,
        };
        let words = [
            "a.dossier.json",
            "--renderer",
            "glow",
            "--screenshot",
            "out.png",
            "--tab",
            "budget",
            "--present",
        ];
        assert_eq!(parsed(&words), Ok(Command::Window(window)));
        let chart = Launch {
            chart: Some("chart.png".into()),
            ..Launch::default()
        };
        assert_eq!(parsed(&["--chart", "chart.png"]), Ok(Command::Window(chart)));
        assert_eq!(parsed(&["summary"]), Ok(Command::Summary { file: None }));
        assert_eq!(
            parsed(&["summary", "x"]),
            Ok(Command::Summary {
                file: Some("x".into())
            })
        );
        assert_eq!(parsed(&["check", "x"]), Ok(Command::Check { file: "x".into() }));
        assert!(
            parsed(&["check"])
                .unwrap_err()
                .to_string()
                .contains("needs the path")
        );
        assert!(parsed(&["--frobnicate"]).is_err());
        assert!(parsed(&["summary", "a", "b"]).is_err());
        let renderer = parsed(&["--renderer", "vulkan"]).unwrap_err().to_string();
        assert!(renderer.contains("unknown renderer 'vulkan'"), "{renderer}");
        assert!(
            parsed(&["--tab"])
                .unwrap_err()
                .to_string()
                .contains("'--tab' needs a value")
        );
        assert!(parsed(&["a", "b"]).is_err());
        assert_eq!(
            parsed(&["export", "d.json", "--csv", "2", "out.csv"]),
            Ok(Command::Export {
                file: "d.json".into(),
                what: ExportWhat::Table {
                    table: "2".into(),
                    delimiter: Delimiter::Semicolon
                },
                out: "out.csv".into(),
                language: None,
            })
        );
        assert!(parsed(&["export", "d.json"]).is_err());
        assert_eq!(
            parsed(&["export", "d.json", "--html", "r.html", "--lang", "nl"]),
            Ok(Command::Export {
                file: "d.json".into(),
                what: ExportWhat::Html,
                out: "r.html".into(),
                language: Some(Language::Dutch),
            })
        );
        assert_eq!(
            parsed(&["export", "d.json", "--tsv", "board", "b.tsv"]),
            Ok(Command::Export {
                file: "d.json".into(),
                what: ExportWhat::Table {
                    table: "board".into(),
                    delimiter: Delimiter::Tab
                },
                out: "b.tsv".into(),
                language: None,
            })
        );
        assert!(parsed(&["export", "d.json", "--html", "r.html", "--lang", "fr"]).is_err());
        assert_eq!(
            parsed(&["install-desktop", "--uninstall"]),
            Ok(Command::InstallDesktop { uninstall: true })
        );
        assert!(parsed(&["install-desktop", "--now"]).is_err());
        assert_eq!(
            parsed(&["import", "q.txt", "--into", "d.json", "--update"]),
            Ok(Command::Import {
                text: "q.txt".into(),
                into: Some("d.json".into()),
                update: true,
                show_text: false
            })
        );
        assert_eq!(
            parsed(&["import", "q.pdf", "--text"]),
            Ok(Command::Import {
                text: "q.pdf".into(),
                into: None,
                update: false,
                show_text: true
            })
        );
        assert!(parsed(&["import", "q.pdf", "--text", "--into", "d.json"]).is_err());
        assert!(parsed(&["import"]).is_err());
        assert_eq!(
            parsed(&["generate", "big.dossier.json", "--questions", "10", "--seed", "3"]),
            Ok(Command::Generate {
                out: "big.dossier.json".into(),
                sizes: crate::generate::Sizes {
                    questions: 10,
                    ..crate::generate::Sizes::default()
                },
                seed: 3
            })
        );
        assert!(parsed(&["generate", "x.json", "--members", "many"]).is_err());
        assert!(parsed(&["import", "q.txt", "--update"]).is_err());
    }
}
