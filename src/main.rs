//! The `dossier-workbench` binary: parses the command line and runs it.

// A double-clicked release build on Windows opens no console window.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use dossier_workbench::cli::{self, Command, ExportWhat};
use dossier_workbench::export::html::report;
use dossier_workbench::export::sheet::{find_table, sheet_text};
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
            // For diff and merge, 1 says "different" and "conflicts": trouble is 2.
            if matches!(args.first().map(String::as_str), Some("diff" | "merge")) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
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
            if !dossier.conflicts.is_empty() {
                say!(
                    "It holds {} conflicts from a merge, to settle in the window (Edit → Conflicts).",
                    dossier.conflicts.len()
                );
            }
        }
        Command::Format { file } => format_file(&file)?,
        Command::Export {
            file,
            what,
            out,
            language,
        } => {
            export(&file, &what, &out, chosen(language))?;
        }
        Command::InstallDesktop { uninstall, git } => {
            let report = if uninstall {
                dossier_workbench::install::uninstall()?
            } else {
                dossier_workbench::install::install()?
            };
            say_on!("{report}");
            if git && !uninstall {
                let program = std::env::current_exe().context("finding this program's own file")?;
                let places = dossier_workbench::install::Places::of_current_user()?;
                let attributes = dossier_workbench::git::user_attributes(&places.config);
                say_on!("{}", dossier_workbench::git::set_up(&program, &attributes)?);
            }
        }
        Command::Diff {
            old,
            new,
            git_path,
            language,
        } => return Ok(diff_files(&old, &new, git_path.as_deref(), chosen(language))),
        Command::Textconv { file, language } => {
            let texts = chosen(language).texts();
            let dossier = store::load(&file)?;
            for fact in dossier_workbench::model::merge::listing(&dossier) {
                say!("{}", texts.fact_line(&fact));
            }
        }
        Command::Merge {
            base,
            ours,
            theirs,
            out,
            ours_name,
            theirs_name,
            language,
        } => {
            let paths = MergePaths {
                base: &base,
                ours: &ours,
                theirs: &theirs,
                out: out.as_deref(),
            };
            return Ok(merge_files(&paths, ours_name, theirs_name, chosen(language)));
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

/// The language asked for, or the system's.
fn chosen(language: Option<Language>) -> Language {
    language.unwrap_or_else(|| Language::from_locale(sys_locale::get_locale().as_deref()))
}

/// A side of a diff: `/dev/null` (git's name for a file that is not there) is an empty
/// dossier.
fn load_side(path: &Path) -> anyhow::Result<dossier_workbench::model::Dossier> {
    if path == Path::new("/dev/null") {
        return Ok(dossier_workbench::model::Dossier::new(""));
    }
    Ok(store::load(path)?)
}

/// `diff`: 0 when the same, 1 when different, 2 when a file cannot be read, as diff(1).
/// Called by git (`git_path`), it exits 0 when they differ too, as git asks of an
/// external diff.
fn diff_files(old: &Path, new: &Path, git_path: Option<&str>, language: Language) -> ExitCode {
    let texts = language.texts();
    let (old_dossier, new_dossier) = match (load_side(old), load_side(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(error), _) | (_, Err(error)) => {
            warn!("{error:#}");
            return ExitCode::from(2);
        }
    };
    let changes = dossier_workbench::model::merge::diff(&old_dossier, &new_dossier);
    if let Some(path) = git_path {
        say!("diff --dossier a/{path} b/{path}");
        say!("{}", texts.merge.differences(changes.len()));
    }
    say_on!("{}", texts.changes_text(&changes));
    if changes.is_empty() || git_path.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The files of a merge.
struct MergePaths<'a> {
    base: &'a Path,
    ours: &'a Path,
    theirs: &'a Path,
    out: Option<&'a Path>,
}

/// `merge`: 0 when clean, 1 when conflicts are left in the result, 2 when it could not
/// merge (a file unreadable, the result unwritable); then nothing is written.
fn merge_files(
    paths: &MergePaths<'_>,
    ours_name: Option<String>,
    theirs_name: Option<String>,
    language: Language,
) -> ExitCode {
    let texts = language.texts();
    let name = |given: Option<String>, path: &Path| {
        given.filter(|name| !name.is_empty()).unwrap_or_else(|| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
    };
    let sides = dossier_workbench::model::merge::Sides {
        ours: name(ours_name, paths.ours),
        theirs: name(theirs_name, paths.theirs),
    };
    let merged = (|| -> anyhow::Result<dossier_workbench::model::merge::Merged> {
        let (base, ours, theirs) = (
            store::load(paths.base)?,
            store::load(paths.ours)?,
            store::load(paths.theirs)?,
        );
        let merged =
            dossier_workbench::model::merge::merge(&base, &ours, &theirs, &sides).map_err(|error| {
                let dossier_workbench::model::merge::MergeError::Invalid(problems) = &error;
                let listed: Vec<String> = problems
                    .iter()
                    .map(|p| format!("- {}", texts.problem(p)))
                    .collect();
                anyhow::anyhow!("{error}:\n{}", listed.join("\n"))
            })?;
        let bytes = store::to_bytes(&merged.dossier)?;
        match paths.out {
            Some(out) => store::atomic::write_atomically(out, &bytes).map_err(|(stage, error)| {
                anyhow::anyhow!(
                    "Could not write {} while {}: {error}",
                    out.display(),
                    stage.describe()
                )
            })?,
            None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
        }
        Ok(merged)
    })();
    let merged = match merged {
        Ok(merged) => merged,
        Err(error) => {
            warn!("{error:#}");
            return ExitCode::from(2);
        }
    };
    let out = paths
        .out
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    if merged.renumbered > 0 {
        warn!("{}", texts.merge.merged_renumbered(merged.renumbered));
    }
    if merged.conflicts == 0 {
        warn!("{}", texts.merge.merged_clean(out));
        ExitCode::SUCCESS
    } else {
        warn!("{}", texts.merge.merged_conflicts(out, merged.conflicts));
        ExitCode::from(1)
    }
}

fn format_file(path: &Path) -> anyhow::Result<()> {
    let dossier = store::load(path)?;
    store::save(path, &dossier).with_context(|| format!("rewriting {}", path.display()))?;
    say!("{}: rewritten in the standard layout.", path.display());
    Ok(())
}

fn export(path: &Path, what: &ExportWhat, out: &Path, language: Language) -> anyhow::Result<()> {
    // The process ends after the export: the system takes the memory back at once, which
    // is faster than freeing a large dossier part by part (a tenth of the export's time
    // for 100 000 budget rows).
    let dossier = std::mem::ManuallyDrop::new(store::load(path)?);
    let (bytes, said) = match what {
        ExportWhat::Table { table, delimiter } => {
            let entry = find_table(&dossier, table, language).map_err(|names| {
                anyhow::anyhow!(
                    "{} has no table \"{table}\"; its tables are:\n{names}",
                    path.display()
                )
            })?;
            let text = sheet_text(&dossier, entry.table, language, *delimiter)
                .ok_or_else(|| anyhow::anyhow!("{}: no table \"{table}\"", path.display()))?;
            let said = format!("\"{}\" written, {} rows.", entry.name, entry.rows);
            (text.into_bytes(), said)
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
