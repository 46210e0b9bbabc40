//! `diff`, `merge` and `install-desktop --git` from the command line: exit codes as
//! diff(1) and git expect them, words in the language asked for, nothing written when a
//! merge cannot be made.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dossier_workbench::model::Dossier;
use dossier_workbench::store;

const PROGRAM: &str = env!("CARGO_BIN_EXE_dossier-workbench");

fn run(args: &[&str]) -> Output {
    Command::new(PROGRAM)
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The bundled dossier saved as `name` after `change`.
fn saved(folder: &Path, name: &str, change: impl FnOnce(&mut Dossier)) -> PathBuf {
    let mut dossier = store::bundled().unwrap();
    change(&mut dossier);
    let path = folder.join(name);
    store::save(&path, &dossier).unwrap();
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn diff_exits_as_diff_does_and_speaks_the_language_asked_for() {
    let folder = tempfile::tempdir().unwrap();
    let old = saved(folder.path(), "old.dossier.json", |_| {});
    let same = saved(folder.path(), "same.dossier.json", |_| {});
    let new = saved(folder.path(), "new.dossier.json", |d| {
        d.title = "Integratiepact 2".into();
        d.indicators[0].target = Some(rust_decimal::Decimal::from(301));
    });
    let equal = run(&["diff", arg(&old), arg(&same), "--lang", "en"]);
    assert_eq!(equal.status.code(), Some(0));
    assert_eq!(text(&equal.stdout), "No differences.\n");
    let differ = run(&["diff", arg(&old), arg(&new), "--lang", "nl"]);
    assert_eq!(differ.status.code(), Some(1), "{}", text(&differ.stderr));
    let said = text(&differ.stdout);
    assert!(
        said.contains("Het dossier\n  titel: Integratiepact → Integratiepact 2\n"),
        "{said}"
    );
    assert!(said.contains("Indicatoren\n  Interesse tonen via één-op-één ontmoetingen / Mond-aan-mond promotie › doel: 300 → 301"), "{said}");
    let missing = run(&["diff", arg(&old), arg(&folder.path().join("nothing.json"))]);
    assert_eq!(missing.status.code(), Some(2), "trouble is 2, as diff(1)");
    assert!(text(&missing.stderr).contains("nothing.json"));
}

#[test]
fn as_git_external_diff_it_takes_seven_arguments_and_exits_zero() {
    let folder = tempfile::tempdir().unwrap();
    let old = saved(folder.path(), "old.dossier.json", |_| {});
    let new = saved(folder.path(), "new.dossier.json", |d| {
        d.indicators.remove(0);
    });
    let output = run(&[
        "diff",
        "data/x.dossier.json",
        arg(&old),
        "1111111",
        "100644",
        arg(&new),
        "2222222",
        "100644",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(0), "git stops at any other code");
    let said = text(&output.stdout);
    assert!(
        said.starts_with("diff --dossier a/data/x.dossier.json b/data/x.dossier.json\n1 differences\n"),
        "{said}"
    );
    assert!(said.contains(": removed"), "{said}");
    // A file git adds or deletes is /dev/null on the other side.
    let added = run(&[
        "diff",
        "x",
        "/dev/null",
        ".",
        ".",
        arg(&new),
        ".",
        ".",
        "--lang",
        "en",
    ]);
    assert_eq!(added.status.code(), Some(0), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains(": added"));
}

#[test]
fn textconv_prints_one_fact_a_line() {
    let folder = tempfile::tempdir().unwrap();
    let file = saved(folder.path(), "a.dossier.json", |_| {});
    let output = run(&["diff", "--textconv", arg(&file), "--lang", "en"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(
        said.contains("\nAMIF-projecten › 320 › AMIF-middelen in euro: 659.219,12\n"),
        "{said}"
    );
    assert!(
        said.lines()
            .any(|line| line.starts_with("Q262 ") && line.contains("› title: "))
    );
    let wrong = run(&["diff", "--textconv", arg(&file), arg(&file)]);
    assert_eq!(wrong.status.code(), Some(2), "{}", text(&wrong.stderr));
}

#[test]
fn merge_writes_the_result_and_exits_one_when_conflicts_remain() {
    let folder = tempfile::tempdir().unwrap();
    let base = saved(folder.path(), "base.json", |_| {});
    let ours = saved(folder.path(), "ours.json", |d| d.title = "Ons".into());
    let theirs = saved(folder.path(), "theirs.json", |d| {
        d.description = "Hun beschrijving".into();
    });
    let out = folder.path().join("out.dossier.json");
    let clean = run(&[
        "merge",
        arg(&base),
        arg(&ours),
        arg(&theirs),
        "-o",
        arg(&out),
        "--lang",
        "en",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stderr));
    assert!(text(&clean.stderr).contains("merged, no conflicts"));
    let merged = store::load(&out).unwrap();
    assert_eq!(
        (merged.title.as_str(), merged.description.as_str()),
        ("Ons", "Hun beschrijving")
    );
    assert!(
        !folder.path().join("out.dossier.json.bak").exists(),
        "a merge keeps no backup"
    );

    let other = saved(folder.path(), "other.json", |d| d.title = "Hun".into());
    let printed = run(&[
        "merge",
        arg(&base),
        arg(&ours),
        arg(&other),
        "--ours-name",
        "HEAD",
        "--theirs-name",
        "feature",
    ]);
    assert_eq!(printed.status.code(), Some(1), "{}", text(&printed.stderr));
    let result = store::load_bytes(&printed.stdout, "stdout").unwrap();
    assert_eq!(result.title, "Ons");
    assert_eq!(result.conflicts.len(), 1);
    assert_eq!(result.conflicts[0].theirs.from, "feature");
    assert_eq!(result.conflicts[0].theirs.value, Some(serde_json::json!("Hun")));

    let broken = folder.path().join("broken.json");
    std::fs::write(&broken, "{\"format\": \"dossier-workbench\"").unwrap();
    let before = std::fs::read(&out).unwrap();
    let failed = run(&["merge", arg(&base), arg(&broken), arg(&theirs), "-o", arg(&out)]);
    assert_eq!(failed.status.code(), Some(2));
    assert!(
        text(&failed.stderr).contains("broken.json"),
        "{}",
        text(&failed.stderr)
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "nothing written when it cannot merge"
    );
}

#[test]
fn install_desktop_sets_up_git_for_the_user() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    let gitconfig = home.path().join("gitconfig");
    let install = || {
        Command::new(PROGRAM)
            .args(["install-desktop", "--git"])
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", &config)
            .env("GIT_CONFIG_GLOBAL", &gitconfig)
            .output()
            .unwrap()
    };
    let output = install();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let settings = std::fs::read_to_string(&gitconfig).unwrap();
    assert!(
        settings.contains("[merge \"dossier\"]") && settings.contains("merge %O %A %B -o %A"),
        "{settings}"
    );
    assert!(settings.contains("[diff \"dossier\"]"), "{settings}");
    let attributes = std::fs::read_to_string(config.join("git/attributes")).unwrap();
    assert_eq!(attributes, "*.dossier.json merge=dossier diff=dossier\n");
    // Again: the line is not added twice.
    let again = install();
    assert!(again.status.success());
    assert_eq!(
        std::fs::read_to_string(config.join("git/attributes")).unwrap(),
        attributes
    );
}
