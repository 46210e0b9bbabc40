//! The command line, run as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier-workbench"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn summary_of_the_bundled_dossier_shows_the_checkable_figures() {
    let output = run(&["summary"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for figure in [
        "12.968.183,29",
        "4.492.344,81",
        "1.500.000,00",
        "913.422,11",
        "target 710, actual 748",
        "7 met, 1 close, 3 behind",
        "7 members; chair: Jef De Vrij; outgoing: Najim Einauan",
        "0 yes, 0 no, 7 unknown",
        "649.000,00  (1 empty: unknown, not zero)",
        "'767.010?64'",
        "78,75 %",
    ] {
        assert!(text.contains(figure), "summary lacks {figure:?}:\n{text}");
    }
    assert!(
        text.contains("Q271   26/02/2019   Yasmine Kherbache → Liesbeth Homans"),
        "{text}"
    );
    assert!(
        text.contains("(no nr) date unknown questioner unknown → minister unknown"),
        "{text}"
    );
    assert!(text.contains("known only from citations by Q262, Q455"), "{text}");
}

#[test]
fn check_accepts_a_good_file_and_names_line_and_column_of_a_truncated_one() {
    let folder = tempfile::tempdir().unwrap();
    let good = folder.path().join("good.dossier.json");
    std::fs::write(&good, dossier_workbench::store::BUNDLED_JSON).unwrap();
    let output = run(&["check", good.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("a valid dossier, \"Integratiepact\" (6 questions"),
        "{}",
        stdout(&output)
    );

    let bad = folder.path().join("bad.dossier.json");
    let json = dossier_workbench::store::BUNDLED_JSON;
    std::fs::write(&bad, &json[..json.len() / 3]).unwrap();
    let output = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("bad.dossier.json ends too early, at line ") && message.contains(", column "),
        "{message}"
    );

    let summary = run(&["summary", bad.to_str().unwrap()]);
    assert_eq!(summary.status.code(), Some(1));
}

#[test]
fn format_rewrites_a_hand_edited_file_in_the_standard_layout() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("edited.dossier.json");
    let value: serde_json::Value = serde_json::from_str(dossier_workbench::store::BUNDLED_JSON).unwrap();
    std::fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let output = run(&["format", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        dossier_workbench::store::BUNDLED_JSON
    );
}

/// A save frees the cached pages of the `.bak` it replaces; a named pipe in its place is
/// not opened to wait for a writer, and is replaced by the version before, as a file.
#[cfg(unix)]
#[test]
fn a_named_pipe_where_the_backup_goes_does_not_hold_up_a_save() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("edited.dossier.json");
    let before = dossier_workbench::store::BUNDLED_JSON.replace("\n  ", "\n    ");
    std::fs::write(&path, &before).unwrap();
    let backup = folder.path().join("edited.dossier.json.bak");
    assert!(Command::new("mkfifo").arg(&backup).status().unwrap().success());
    let mut save = Command::new(env!("CARGO_BIN_EXE_dossier-workbench"))
        .args(["format", path.to_str().unwrap()])
        .spawn()
        .unwrap();
    // Waits for the save to end; the limit only turns a hang into a failure.
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = save.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(120) {
            save.kill().unwrap();
            panic!("the save waited on the pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), before);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        dossier_workbench::store::BUNDLED_JSON
    );
}

#[test]
fn wrong_usage_explains_itself() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("'check' needs the path of a dossier file"));
    assert!(stderr(&output).contains("Usage:"));
    assert!(run(&["--help"]).status.success());
}

#[test]
fn the_window_without_a_display_exits_with_the_reason() {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier-workbench"))
        .args(["--screenshot", "/tmp/never.png"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.starts_with("The window could not start:"), "{message}");
}

#[test]
fn import_prints_the_question_as_json_with_the_warnings_on_stderr() {
    let seed = format!(
        "{}/tests/seeds/003_cd4b2ffb8ebaeb54.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let output = run(&["import", &seed]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["question"]["number"], 26);
    assert_eq!(json["question"]["date"], "2019-11-07");
    assert_eq!(json["tables"][0]["kind"], "budget");
    assert_eq!(json["tables"][0]["totals"][2], "12968183.29");
    assert!(stderr(&output).contains("'767.010?64' read as 767.010,64"));
}

#[test]
fn import_into_a_dossier_adds_once_and_replaces_only_with_update() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dossier.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    dossier.questions.retain(|q| q.number != Some(455));
    dossier.events.iter_mut().for_each(|e| e.question = None);
    dossier_workbench::store::save(&path, &dossier).unwrap();
    let seed = format!(
        "{}/tests/seeds/002_b47daf4304a6e691.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let target = path.to_str().unwrap();

    let added = run(&["import", &seed, "--into", target]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        stdout(&added).contains("question Q455 added"),
        "{}",
        stdout(&added)
    );
    let after = dossier_workbench::store::load(&path).unwrap();
    assert_eq!(after.questions.len(), dossier.questions.len() + 1);

    let again = run(&["import", &seed, "--into", target]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("question Q455 is in the dossier already"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        dossier_workbench::store::load(&path).unwrap(),
        after,
        "the file is untouched"
    );

    let replaced = run(&["import", &seed, "--into", target, "--update"]);
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    assert!(stdout(&replaced).contains("question Q455 replaced"));
    assert_eq!(
        dossier_workbench::store::load(&path).unwrap().questions.len(),
        after.questions.len()
    );
}

#[test]
fn a_generated_dossier_is_one_the_app_opens_and_the_same_for_the_same_seed() {
    let folder = tempfile::tempdir().unwrap();
    let make = |name: &str, seed: &str| {
        let path = folder.path().join(name);
        let output = run(&[
            "generate",
            path.to_str().unwrap(),
            "--questions",
            "40",
            "--budget-rows",
            "300",
            "--members",
            "20",
            "--indicators",
            "30",
            "--seed",
            seed,
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        path
    };
    let first = make("a.dossier.json", "5");
    let check = run(&["check", first.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    let dossier = dossier_workbench::store::load(&first).unwrap();
    assert_eq!(dossier.questions.len(), 40);
    assert_eq!(dossier.budget_tables[0].rows.len(), 300);
    let again = make("b.dossier.json", "5");
    let other = make("c.dossier.json", "6");
    let bytes = |path: &std::path::Path| std::fs::read(path).unwrap();
    assert_eq!(bytes(&first), bytes(&again));
    assert_ne!(bytes(&first), bytes(&other));
}

#[test]
fn export_writes_any_table_as_csv_or_tsv_and_the_dossier_as_html() {
    let folder = tempfile::tempdir().unwrap();
    let dossier = "data/integratiepact.dossier.json";
    let tsv = folder.path().join("board.tsv");
    let output = run(&[
        "export",
        dossier,
        "--tsv",
        "board",
        tsv.to_str().unwrap(),
        "--lang",
        "nl",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&tsv).unwrap();
    assert!(text.starts_with("\u{feff}Organisatie\tNaam\t"), "{text}");
    assert!(text.contains("\tJef De Vrij\tvoorzitter\t"), "{text}");

    let csv = folder.path().join("questions.csv");
    let output = run(&[
        "export",
        dossier,
        "--csv",
        "questions",
        csv.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .contains("\r\n271;26/02/2019;Yasmine Kherbache;")
    );

    let html = folder.path().join("report.html");
    let output = run(&["export", dossier, "--html", html.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = std::fs::read_to_string(&html).unwrap();
    assert!(report.contains("12.968.183,29") && report.contains("<svg"));

    let output = run(&["export", dossier, "--csv", "budget", csv.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("its tables are:\n1: AMIF-projecten"),
        "{}",
        stderr(&output)
    );
}

/// `export … /dev/stdout` or into a named pipe must write into it: renaming a file over
/// a device once turned this machine's `/dev/null` into a plain file.
#[cfg(unix)]
#[test]
fn export_into_a_named_pipe_writes_into_it_and_leaves_it_a_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;

    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("amif.csv");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    // Open for reading and writing, so that neither end waits for the other: the table
    // fits in the pipe's buffer and is read once the export has ended.
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&pipe)
        .unwrap();
    let output = run(&[
        "export",
        "data/integratiepact.dossier.json",
        "--csv",
        "1",
        pipe.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::metadata(&pipe).unwrap().file_type().is_fifo(),
        "the pipe was replaced by a file"
    );
    let mut buffer = vec![0; 64 * 1024];
    let read = reader.read(&mut buffer).unwrap();
    let text = String::from_utf8_lossy(&buffer[..read]);
    assert!(
        text.contains("\r\n385;Centrale begeleiding 15 – 19 jarige nieuwkomers;2301031,90;767010,64\r\n"),
        "{text}"
    );
    assert!(text.ends_with(";500000,00;150000\r\n"), "the whole table: {text}");
    let entries = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(entries, 1, "no temporary file is left beside the pipe");
}

#[test]
fn import_reads_the_pdf_itself_and_says_why_a_scan_cannot_be_read() {
    let pdf = format!("{}/tests/pdf/q87_chromium_table.pdf", env!("CARGO_MANIFEST_DIR"));
    let output = run(&["import", &pdf]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["question"]["number"], 87);
    assert_eq!(json["tables"][0]["columns"][4]["kind"], "euro");
    assert_eq!(json["tables"][0]["totals"][4], "1256620.40");
    let text = run(&["import", &pdf, "--text"]);
    assert!(stdout(&text).contains("\nANTWOORD\n"), "{}", stdout(&text));

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("d.dossier.json");
    dossier_workbench::store::save(&path, &dossier_workbench::store::bundled().unwrap()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let scan = format!("{}/tests/pdf/scan_without_text.pdf", env!("CARGO_MANIFEST_DIR"));
    let refused = run(&["import", &scan, "--into", path.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("no text layer"), "{}", stderr(&refused));
    assert_eq!(std::fs::read(&path).unwrap(), before, "the dossier is untouched");
}

#[test]
fn import_into_never_saves_a_dossier_that_would_not_open() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("d.dossier.json");
    dossier_workbench::store::save(&path, &dossier_workbench::store::bundled().unwrap()).unwrap();
    let before = std::fs::read(&path).unwrap();
    // An answer of more than a megabyte in one item: more than a dossier text holds.
    let long = format!(
        "Onderwerp - Deel\n\n1. Waarom?\n\nANTWOORD\nop vraag nr. 9 van 1 maart 2024\n\n1. {}\n",
        "Een heel lang antwoord zonder einde. ".repeat(40_000)
    );
    let text = folder.path().join("lang.txt");
    std::fs::write(&text, long).unwrap();
    let refused = run(&["import", text.to_str().unwrap(), "--into", path.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("would not open again") && stderr(&refused).contains("too long"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "the dossier is untouched");

    // A source line of 40 000 characters is split into lines, and the dossier opens.
    let wide = format!(
        "Onderwerp - Deel\n\n1. Waarom?\n\nANTWOORD\nop vraag nr. 9 van 1 maart 2024\n\n1. Zie {}\n",
        "vraag nr. 12 van 3 mei 2021, ".repeat(1_400)
    );
    std::fs::write(&text, wide).unwrap();
    let added = run(&["import", text.to_str().unwrap(), "--into", path.to_str().unwrap()]);
    assert!(added.status.success(), "{}", stderr(&added));
    let dossier = dossier_workbench::store::load(&path).unwrap();
    let source = dossier.sources.last().unwrap();
    assert!(source.text.0.lines().all(|line| line.len() <= 16 * 1024));
    let q9 = dossier.questions.iter().find(|q| q.number == Some(9)).unwrap();
    assert_eq!(q9.references.len(), 1, "a citation repeated is one reference");
}

#[test]
fn the_readme_shows_the_help_as_it_is() {
    let output = run(&["--help"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let help = stdout(&output);
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(help.trim_end()),
        "README.md's command line section differs from --help:\n{help}"
    );
    let import = stdout(&run(&["import", "--help"]));
    assert!(
        import.contains("--into <DOSSIER>") && import.contains("--update"),
        "{import}"
    );
}

#[test]
fn export_writes_a_pdf_of_the_dossier_or_one_tab() {
    let folder = tempfile::tempdir().unwrap();
    let all = folder.path().join("alles.pdf");
    let board = folder.path().join("bestuur.pdf");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/integratiepact.dossier.json");
    let output = run(&["export", file, "--pdf", all.to_str().unwrap(), "--lang", "nl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run(&["export", file, "--tab", "board", "--pdf", board.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let read = |path: &std::path::Path| {
        dossier_workbench::import::text_of_file(&std::fs::read(path).unwrap()).unwrap()
    };
    let (all, board) = (read(&all), read(&board));
    assert!(all.contains("12.968.183,29") && all.contains("Jef De Vrij") && all.contains("Pagina 1 van"));
    assert!(
        board.contains("Jef De Vrij") && !board.contains("12.968.183,29"),
        "{board}"
    );
    assert!(
        !run(&["export", file, "--tab", "board"]).status.success(),
        "--tab goes with --pdf"
    );
}

#[test]
fn control_characters_from_a_dossier_reach_the_terminal_escaped() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("escape.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    dossier.title = "Clear\u{1b}[2J\u{1b}[Hscreen".into();
    dossier_workbench::store::save(&path, &dossier).unwrap();
    for args in [
        vec!["summary", path.to_str().unwrap()],
        vec!["check", path.to_str().unwrap()],
    ] {
        let output = run(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        let printed = stdout(&output);
        assert!(!printed.contains('\u{1b}'), "a raw escape in: {printed}");
        assert!(printed.contains("Clear\\x1b[2J\\x1b[Hscreen"), "{printed}");
    }
}

/// Endless or waiting input is refused at once, not read until memory runs out.
#[cfg(unix)]
#[test]
fn check_and_import_refuse_devices_and_pipes_without_reading_them() {
    for (command, said) in [
        (
            "check",
            "/dev/zero is a device, not a file; a dossier is opened from a file.",
        ),
        ("import", "Cannot read /dev/zero: it is a device, not a file"),
    ] {
        let output = run(&[command, "/dev/zero"]);
        assert!(!output.status.success());
        assert!(stderr(&output).contains(said), "{command}: {}", stderr(&output));
    }
    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("fifo.dossier.json");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    // No writer ever comes: opening it to read would wait for ever.
    let output = run(&["check", pipe.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is a named pipe, not a file"),
        "{}",
        stderr(&output)
    );
}
