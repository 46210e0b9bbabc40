//! The `dossier-workbench` binary: parses the command line and runs it.

// A double-clicked release build on Windows opens no console window.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use dossier_workbench::cli::{self, Command};
use dossier_workbench::export::summary::summary;
use dossier_workbench::store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    match cli::parse(args)? {
        Command::Help => print!("{}", cli::USAGE),
        Command::Version => println!("dossier-workbench {}", env!("CARGO_PKG_VERSION")),
        Command::Summary { file } => {
            let dossier = match file {
                Some(path) => store::load(&path)?,
                None => store::bundled()?,
            };
            print!("{}", summary(&dossier));
        }
        Command::Check { file } => {
            let dossier = store::load(&file)?;
            println!(
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
        Command::ExportCsv { file, table, out } => export_csv(&file, &table, &out)?,
        Command::Import { text, into, update } => import_text(&text, into.as_deref(), update)?,
        Command::Generate { out, sizes, seed } => {
            let dossier = dossier_workbench::generate::generate(sizes, seed);
            store::save(&out, &dossier).with_context(|| format!("writing {}", out.display()))?;
            let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            println!(
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
    println!("{}: rewritten in the standard layout.", path.display());
    Ok(())
}

fn export_csv(path: &Path, wanted: &str, out: &Path) -> anyhow::Result<()> {
    let dossier = store::load(path)?;
    let tables = &dossier.budget_tables;
    let found = wanted
        .parse::<usize>()
        .ok()
        .and_then(|number| number.checked_sub(1).and_then(|index| tables.get(index)))
        .or_else(|| tables.iter().find(|t| t.id.to_string() == wanted))
        .or_else(|| tables.iter().find(|t| t.title == wanted));
    let Some(table) = found else {
        let names: Vec<String> = tables
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{}: {}", i + 1, t.title))
            .collect();
        anyhow::bail!(
            "{} has no budget table \"{wanted}\"; its tables are:\n{}",
            path.display(),
            names.join("\n")
        );
    };
    let csv = dossier_workbench::export::csv::table_csv(table);
    store::atomic::write_atomically(out, csv.as_bytes(), |_| Ok(())).map_err(|(stage, error)| {
        anyhow::anyhow!(
            "Could not write {} while {}: {error}",
            out.display(),
            stage.describe()
        )
    })?;
    println!(
        "{}: \"{}\" written, {} rows.",
        out.display(),
        table.title,
        table.rows.len()
    );
    Ok(())
}

fn import_text(path: &Path, into: Option<&Path>, update: bool) -> anyhow::Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", path.display()))?;
    let imported = dossier_workbench::import::written_question(&text);
    for warning in &imported.warnings {
        eprintln!("{}: {warning}", path.display());
    }
    let Some(target) = into else {
        println!("{}", serde_json::to_string_pretty(&imported)?);
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
    println!("{}: {outcome}", target.display());
    Ok(())
}
