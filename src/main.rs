//! The `dossier-workbench` binary: parses the command line and runs it.

// A double-clicked release build on Windows opens no console window.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use dossier_workbench::cli::{self, Command, ExportWhat};
use dossier_workbench::export::html::report;
use dossier_workbench::export::sheet::find_sheet;
use dossier_workbench::export::summary::summary;
use dossier_workbench::i18n::Language;
use dossier_workbench::store;

/// Prints a line with every control character shown escaped (`\x1b`): nothing from a
/// dossier or an imported text drives the terminal.
macro_rules! say {
    ($($arg:tt)*) => { println!("{}", cli::terminal_safe(&format!($($arg)*))) };
}

/// [`say`] without the line break.
macro_rules! say_on {
    ($($arg:tt)*) => { print!("{}", cli::terminal_safe(&format!($($arg)*))) };
}

/// [`say`] to the error stream.
macro_rules! warn {
    ($($arg:tt)*) => { eprintln!("{}", cli::terminal_safe(&format!($($arg)*))) };
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(error) => {
            warn!("{error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    match cli::parse(args)? {
        Command::Help(text) | Command::Version(text) => say!("{}", text.trim_end()),
        Command::Summary { file } => {
            let dossier = match file {
                Some(path) => store::load(&path)?,
                None => store::bundled()?,
            };
            say_on!("{}", summary(&dossier));
        }
        Command::Check { file } => {
            let dossier = store::load(&file)?;
            say!(
                "{}: a valid dossier, \"{}\" ({} questions, {} events, {} budget tables, {} organisations, {} indicators).",
                file.display(),
                dossier.title,
                dossier.questions.len(),
                dossier.events.len(),
                dossier.budget_tables.len(),
                dossier.organisations.len(),
                dossier.indicators.len()
            );
        }
        Command::Format { file } => format_file(&file)?,
        Command::Export {
            file,
            what,
            out,
            language,
        } => {
            let language =
                language.unwrap_or_else(|| Language::from_locale(sys_locale::get_locale().as_deref()));
            export(&file, &what, &out, language)?;
        }
        Command::InstallDesktop { uninstall } => {
            let report = if uninstall {
                dossier_workbench::install::uninstall()?
            } else {
                dossier_workbench::install::install()?
            };
            say_on!("{report}");
        }
        Command::Import {
            text,
            into,
            update,
            show_text,
        } => import_text(&text, into.as_deref(), update, show_text)?,
        Command::Generate { out, sizes, seed } => {
            let dossier = dossier_workbench::generate::generate(sizes, seed);
            store::save(&out, &dossier).with_context(|| format!("writing {}", out.display()))?;
            let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            say!(
                "{}: {} questions, {} budget rows, {} board members, {} indicators ({:.1} MB).",
                out.display(),
                dossier.questions.len(),
                dossier.budget_tables.iter().map(|t| t.rows.len()).sum::<usize>(),
                dossier.organisations.iter().map(|o| o.board.len()).sum::<usize>(),
                dossier.indicators.len(),
                bytes as f64 / 1_000_000.0
            );
        }
        Command::Window(launch) => dossier_workbench::ui::launch::run(&launch)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn format_file(path: &Path) -> anyhow::Result<()> {
    let dossier = store::load(path)?;
    store::save(path, &dossier).with_context(|| format!("rewriting {}", path.display()))?;
    say!("{}: rewritten in the standard layout.", path.display());
    Ok(())
}

fn export(path: &Path, what: &ExportWhat, out: &Path, language: Language) -> anyhow::Result<()> {
    let dossier = store::load(path)?;
    let (bytes, said) = match what {
        ExportWhat::Table { table, delimiter } => {
            let sheet = find_sheet(&dossier, table, language).map_err(|names| {
                anyhow::anyhow!(
                    "{} has no table \"{table}\"; its tables are:\n{names}",
                    path.display()
                )
            })?;
            let said = format!("\"{}\" written, {} rows.", sheet.name, sheet.rows.len());
            (sheet.to_text(*delimiter).into_bytes(), said)
        }
        ExportWhat::Pdf(parts) => {
            let bytes =
                dossier_workbench::export::pdf::print(&dossier, parts, language, jiff::Zoned::now().date())?;
            (bytes, format!("a PDF of \"{}\" written.", dossier.title))
        }
        ExportWhat::Html => {
            let html = report(&dossier, language, jiff::Zoned::now().date());
            (
                html.into_bytes(),
                format!("the report on \"{}\" written.", dossier.title),
            )
        }
    };
    store::atomic::write_atomically(out, &bytes).map_err(|(stage, error)| {
        anyhow::anyhow!(
            "Could not write {} while {}: {error}",
            out.display(),
            stage.describe()
        )
    })?;
    say!("{}: {said}", out.display());
    Ok(())
}

fn import_text(path: &Path, into: Option<&Path>, update: bool, show_text: bool) -> anyhow::Result<()> {
    let bytes = store::reading::read_limited(path, dossier_workbench::import::IMPORT_LIMIT)
        .map_err(|error| anyhow::anyhow!("Cannot read {}: {error}", path.display()))?;
    let text = dossier_workbench::import::text_of_file(&bytes)
        .map_err(|error| anyhow::anyhow!("{} cannot be imported: {error}", path.display()))?;
    if show_text {
        say_on!("{text}");
        return Ok(());
    }
    let imported = dossier_workbench::import::written_question(&text);
    for warning in &imported.warnings {
        warn!("{}: {warning}", path.display());
    }
    let Some(target) = into else {
        say!("{}", serde_json::to_string_pretty(&imported)?);
        return Ok(());
    };
    let mut dossier = store::load(target)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let plan = dossier_workbench::import::apply::Plan::new(&dossier, &imported, &name);
    let outcome = plan.apply_to(&mut dossier, update)?;
    store::save(target, &dossier).with_context(|| format!("saving {}", target.display()))?;
    say!("{}: {outcome}", target.display());
    Ok(())
}
