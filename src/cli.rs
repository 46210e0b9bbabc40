//! The command line: subcommands for the data, or a dossier file to open in the window.
//! Parsed with `clap`, so each subcommand has its `--help` and options go in any order;
//! what clap cannot say (which option goes with which) is checked here, in our words.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::export::csv::Delimiter;
use crate::export::pdf::Part;
use crate::i18n::Language;
use crate::ui::Tab;
use crate::ui::launch::{Launch, RendererChoice};

/// Dossier Workbench — follow a policy dossier through parliamentary written questions.
///
/// Without a subcommand it opens the window, on FILE or on the last dossier opened.
#[derive(Debug, Parser)]
#[command(name = "dossier-workbench", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    #[command(flatten)]
    window: WindowArgs,
}

#[derive(Debug, Args)]
struct WindowArgs {
    /// A dossier file to open (a double-clicked file)
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Force a renderer: wgpu or glow (default: wgpu, falling back to glow)
    #[arg(long, value_name = "wgpu|glow", value_parser = renderer)]
    renderer: Option<RendererChoice>,
    /// Save a picture of the window to OUT.png and exit
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
    /// Save the indicator chart to OUT.png (as Export chart does) and exit
    #[arg(long, value_name = "OUT.png")]
    chart: Option<PathBuf>,
    /// Start on a tab: timeline, budget, board or indicators
    #[arg(long, value_name = "TAB", value_parser = tab)]
    tab: Option<Tab>,
    /// Start presenting (full screen, large type; Esc leaves)
    #[arg(long)]
    present: bool,
    /// Measure deadlines and the board on this day instead of today (YYYY-MM-DD), for
    /// pictures that stay the same
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    today: Option<jiff::civil::Date>,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Print an overview of FILE (of the bundled dossier without FILE)
    Summary {
        /// The dossier file
        file: Option<PathBuf>,
    },
    /// Check that FILE is a valid dossier; exit 1 if not
    Check {
        /// The dossier file
        file: Option<PathBuf>,
    },
    /// Rewrite FILE in the standard layout (after hand edits)
    Format {
        /// The dossier file
        file: Option<PathBuf>,
    },
    /// Write a table as CSV or TSV, the whole dossier as one standalone HTML report, or a
    /// PDF to print.
    ///
    /// TABLE is a budget table (its number, id or title), questions, board, partners or
    /// indicators.
    Export {
        /// The dossier file
        file: Option<PathBuf>,
        /// Write TABLE as CSV for a Belgian spreadsheet
        #[arg(long, num_args = 2, value_names = ["TABLE", "OUT"])]
        csv: Option<Vec<String>>,
        /// Write TABLE as tab-separated text
        #[arg(long, num_args = 2, value_names = ["TABLE", "OUT"])]
        tsv: Option<Vec<String>>,
        /// Write the whole dossier as one HTML report
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
        /// Write a PDF to print: the whole dossier, or one tab with --tab
        #[arg(long, value_name = "OUT")]
        pdf: Option<PathBuf>,
        /// With --pdf: only this tab (timeline, budget, board or indicators)
        #[arg(long, value_name = "TAB", value_parser = tab, requires = "pdf")]
        tab: Option<Tab>,
        /// The language of the headings: en or nl (default: the system's)
        #[arg(long, value_name = "en|nl", value_parser = language)]
        lang: Option<Language>,
    },
    /// Say what changed from OLD to NEW, part by part, in words; exit 0 when they are
    /// the same, 1 when they differ.
    ///
    /// As git's external diff (GIT_EXTERNAL_DIFF, or diff.dossier.command) it takes git's
    /// seven arguments and exits 0; with --textconv it prints one dossier as lines of facts
    /// for git's own diff.
    Diff {
        /// OLD NEW, or git's PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print FILE's facts, one per line (git's diff.dossier.textconv)
        #[arg(long, value_name = "FILE")]
        textconv: Option<PathBuf>,
        /// The language of the words: en or nl (default: the system's)
        #[arg(long, value_name = "en|nl", value_parser = language)]
        lang: Option<Language>,
    },
    /// Merge OURS and THEIRS, two versions of a dossier made from BASE, part by part; exit
    /// 0 when clean, 1 when conflicts are left in the result to settle in the window.
    ///
    /// As git's merge driver: merge %O %A %B -o %A --ours-name %X --theirs-name %Y
    Merge {
        /// The version both started from
        base: Option<PathBuf>,
        /// One side's version
        ours: Option<PathBuf>,
        /// The other side's version
        theirs: Option<PathBuf>,
        /// Write the result to OUT (default: print it)
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
        /// What to call our side in conflicts (default: the file's name)
        #[arg(long, value_name = "NAME")]
        ours_name: Option<String>,
        /// What to call their side in conflicts (default: the file's name)
        #[arg(long, value_name = "NAME")]
        theirs_name: Option<String>,
        /// The language of the report: en or nl (default: the system's)
        #[arg(long, value_name = "en|nl", value_parser = language)]
        lang: Option<Language>,
    },
    /// Install this program, its icon, menu entry and the *.dossier.json file type for
    /// the current user (Linux)
    InstallDesktop {
        /// Remove what was installed
        #[arg(long)]
        uninstall: bool,
        /// Also make git diff and merge *.dossier.json files by meaning, for all of this
        /// user's repositories (git config --global, and ~/.config/git/attributes)
        #[arg(long)]
        git: bool,
    },
    /// Write a large made-up dossier for measuring
    Generate {
        /// The file to write
        #[arg(value_name = "OUT.dossier.json")]
        out: Option<PathBuf>,
        /// How many written questions
        #[arg(long, value_name = "N", default_value_t = 20_000)]
        questions: usize,
        /// How many rows over the budget tables
        #[arg(long, value_name = "N", default_value_t = 100_000)]
        budget_rows: usize,
        /// How many board members
        #[arg(long, value_name = "N", default_value_t = 1_000)]
        members: usize,
        /// How many indicators
        #[arg(long, value_name = "N", default_value_t = 10_000)]
        indicators: usize,
        /// The seed of the made-up data: the same seed makes the same dossier
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Read a written question and its answer (the PDF the Parliament publishes, or its
    /// text); print it as JSON (warnings on stderr), or add it to a dossier
    Import {
        /// The question's PDF or text
        #[arg(value_name = "FILE.pdf|FILE.txt")]
        file: Option<PathBuf>,
        /// Add it to this dossier file
        #[arg(long, value_name = "DOSSIER")]
        into: Option<PathBuf>,
        /// Replace the same question in the dossier
        #[arg(long)]
        update: bool,
        /// Print the text as the reader sees it (a PDF's text layer) and stop
        #[arg(long)]
        text: bool,
    },
}

fn renderer(name: &str) -> Result<RendererChoice, String> {
    RendererChoice::from_key(name).ok_or_else(|| format!("unknown renderer '{name}': use wgpu or glow"))
}

fn tab(name: &str) -> Result<Tab, String> {
    Tab::from_key(name).ok_or_else(|| format!("unknown tab '{name}'"))
}

fn day(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("'{text}' is not a day like 2026-12-01"))
}

fn language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| format!("'--lang' takes en or nl, not '{code}'"))
}

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
    /// Install for double-clicking (`uninstall`: remove what was installed; `git`: set
    /// up git's diff and merge of dossiers too).
    InstallDesktop {
        uninstall: bool,
        git: bool,
    },
    /// What changed from `old` to `new`. `git_path`: called by git, for this file.
    Diff {
        old: PathBuf,
        new: PathBuf,
        git_path: Option<String>,
        language: Option<Language>,
    },
    /// A dossier's facts, one per line, for git's own diff.
    Textconv {
        file: PathBuf,
        language: Option<Language>,
    },
    /// A three-way merge; `out` `None` prints the result.
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        out: Option<PathBuf>,
        ours_name: Option<String>,
        theirs_name: Option<String>,
        language: Option<Language>,
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
    /// `--help` (of the program or a subcommand): the text to print.
    Help(String),
    /// `--version`: the text to print.
    Version(String),
}

/// What `export` writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    Table {
        table: String,
        delimiter: Delimiter,
    },
    Html,
    /// A PDF of these parts of the dossier.
    Pdf(Vec<Part>),
}

/// A command line that does not say what to do, with the reason and how to use it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(String);

impl UsageError {
    /// Our reason, with the usage of `subcommand` under it, as clap shows its own.
    fn of(subcommand: &str, reason: &str) -> UsageError {
        let mut command = Cli::command();
        // Built, so that the usage names the program before the subcommand.
        command.build();
        let usage = command
            .find_subcommand_mut(subcommand)
            .map(|sub| sub.render_usage().to_string())
            .unwrap_or_default();
        UsageError(format!(
            "error: {reason}\n\n{usage}\n\nFor more information, try 'dossier-workbench {subcommand} --help'."
        ))
    }
}

/// The words after the program's name, as a command.
pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let words = std::iter::once("dossier-workbench".to_string()).chain(args.iter().cloned());
    let cli = match Cli::try_parse_from(words) {
        Ok(cli) => cli,
        Err(error) => {
            return match error.kind() {
                clap::error::ErrorKind::DisplayHelp => Ok(Command::Help(error.to_string())),
                clap::error::ErrorKind::DisplayVersion => Ok(Command::Version(error.to_string())),
                _ => Err(UsageError(error.to_string())),
            };
        }
    };
    let needs = |file: Option<PathBuf>, subcommand: &str, what: &str| {
        file.ok_or_else(|| UsageError::of(subcommand, &format!("'{subcommand}' needs the path of {what}")))
    };
    let dossier = "a dossier file";
    Ok(match cli.command {
        None => Command::Window(Launch {
            file: cli.window.file,
            renderer: cli.window.renderer,
            screenshot: cli.window.screenshot,
            chart: cli.window.chart,
            tab: cli.window.tab,
            present: cli.window.present,
            today: cli.window.today,
        }),
        Some(Sub::Summary { file }) => Command::Summary { file },
        Some(Sub::Check { file }) => Command::Check {
            file: needs(file, "check", dossier)?,
        },
        Some(Sub::Format { file }) => Command::Format {
            file: needs(file, "format", dossier)?,
        },
        Some(Sub::Export {
            file,
            csv,
            tsv,
            html,
            pdf,
            tab,
            lang,
        }) => {
            let file = needs(file, "export", dossier)?;
            let table = |pair: Vec<String>, delimiter| match <[String; 2]>::try_from(pair) {
                Ok([table, out]) => Ok((ExportWhat::Table { table, delimiter }, PathBuf::from(out))),
                Err(_) => Err(UsageError::of("export", "a table export takes TABLE OUT")),
            };
            let parts = match tab {
                Some(tab) => vec![tab.print_part()],
                None => Part::ALL.to_vec(),
            };
            let (what, out) = match (csv, tsv, html, pdf) {
                (Some(pair), None, None, None) => table(pair, Delimiter::Semicolon)?,
                (None, Some(pair), None, None) => table(pair, Delimiter::Tab)?,
                (None, None, Some(out), None) => (ExportWhat::Html, out),
                (None, None, None, Some(out)) => (ExportWhat::Pdf(parts), out),
                _ => {
                    return Err(UsageError::of(
                        "export",
                        "'export' writes one of --csv TABLE OUT, --tsv TABLE OUT, --html OUT or --pdf OUT",
                    ));
                }
            };
            Command::Export {
                file,
                what,
                out,
                language: lang,
            }
        }
        Some(Sub::InstallDesktop { uninstall, git }) => Command::InstallDesktop { uninstall, git },
        Some(Sub::Diff {
            files,
            textconv,
            lang,
        }) => match (textconv, <[PathBuf; 2]>::try_from(files)) {
            (Some(file), Err(rest)) if rest.is_empty() => Command::Textconv { file, language: lang },
            (None, Ok([old, new])) => Command::Diff {
                old,
                new,
                git_path: None,
                language: lang,
            },
            (None, Err(files)) if files.len() == 7 => {
                let [path, old, _, _, new, _, _] = <[PathBuf; 7]>::try_from(files)
                    .map_err(|_| UsageError::of("diff", "git gives seven arguments"))?;
                Command::Diff {
                    old,
                    new,
                    git_path: Some(path.display().to_string()),
                    language: lang,
                }
            }
            _ => {
                return Err(UsageError::of(
                    "diff",
                    "'diff' takes OLD NEW, git's seven arguments, or --textconv FILE alone",
                ));
            }
        },
        Some(Sub::Merge {
            base,
            ours,
            theirs,
            out,
            ours_name,
            theirs_name,
            lang,
        }) => Command::Merge {
            base: needs(base, "merge", "the base version")?,
            ours: needs(ours, "merge", "our version")?,
            theirs: needs(theirs, "merge", "their version")?,
            out,
            ours_name,
            theirs_name,
            language: lang,
        },
        Some(Sub::Generate {
            out,
            questions,
            budget_rows,
            members,
            indicators,
            seed,
        }) => Command::Generate {
            out: needs(out, "generate", "the file to write")?,
            sizes: crate::generate::Sizes {
                questions,
                budget_rows,
                members,
                indicators,
            },
            seed,
        },
        Some(Sub::Import {
            file,
            into,
            update,
            text,
        }) => {
            let file = needs(file, "import", "a PDF or text file")?;
            if update && into.is_none() {
                return Err(UsageError::of("import", "'--update' goes with '--into DOSSIER'"));
            }
            if text && into.is_some() {
                return Err(UsageError::of(
                    "import",
                    "'--text' only prints the text; leave out '--into'",
                ));
            }
            Command::Import {
                text: file,
                into,
                update,
                show_text: text,
            }
        }
    })
}

/// A text as the terminal may print it: every control character but the line break and
/// the tab shown escaped (`\x1b`, `\x0d`), so that a dossier's title or an imported text
/// cannot clear the screen or move the cursor.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_control() && ch != '\n' && ch != '\t' {
            out.push_str(&format!("\\x{:02x}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(words: &[&str]) -> Result<Command, UsageError> {
        parse(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn control_characters_reach_the_terminal_escaped() {
        assert_eq!(
            terminal_safe("a\u{1b}[2Jb\r\n\tc\u{7}"),
            "a\\x1b[2Jb\\x0d\n\tc\\x07"
        );
        assert_eq!(terminal_safe("Integratiepact – één"), "Integratiepact – één");
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
            today: Some(jiff::civil::Date::constant(2026, 12, 1)),
        };
        let words = [
            "--today",
            "2026-12-01",
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
                .contains("a value is required for '--tab")
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
            parsed(&["export", "--lang", "nl", "d.json", "--html", "r.html"]),
            parsed(&["export", "d.json", "--html", "r.html", "--lang", "nl"]),
            "options go in any order"
        );
        assert!(parsed(&["export", "d.json", "--html", "r.html", "--csv", "1", "o.csv"]).is_err());
        assert!(matches!(parsed(&["import", "--help"]), Ok(Command::Help(text)) if text.contains("--into")));
        assert_eq!(
            parsed(&["install-desktop", "--uninstall"]),
            Ok(Command::InstallDesktop {
                uninstall: true,
                git: false
            })
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
