//! Git as the engine between two people: real repositories in temporary folders, with
//! this program as the merge driver and the diff command, as the README sets them up.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::add_question;
use common::ui::*;
use dossier_workbench::model::Dossier;
use dossier_workbench::model::budget::{Cell, CellValue};
use dossier_workbench::model::edit::Edit;
use dossier_workbench::model::money::Money;
use dossier_workbench::store;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

const PROGRAM: &str = env!("CARGO_BIN_EXE_dossier-workbench");
const FILE: &str = "integratiepact.dossier.json";

/// A repository in a temporary folder that knows dossiers: the attributes line and
/// the driver and diff command, as `install-desktop --git` writes them.
struct Repository {
    folder: tempfile::TempDir,
}

impl Repository {
    fn new() -> Repository {
        let repository = Repository {
            folder: tempfile::tempdir().unwrap(),
        };
        repository.git(&["init", "-q", "-b", "main"]);
        let program = Path::new(PROGRAM);
        repository.git(&[
            "config",
            "merge.dossier.driver",
            &dossier_workbench::git::merge_driver(program),
        ]);
        repository.git(&[
            "config",
            "diff.dossier.command",
            &dossier_workbench::git::diff_command(program),
        ]);
        std::fs::write(
            repository.path(".gitattributes"),
            format!("{}\n", dossier_workbench::git::ATTRIBUTES_LINE),
        )
        .unwrap();
        // Backups and locks beside the file stay out of the commits.
        std::fs::write(repository.path(".gitignore"), "*.bak\n.~lock.*\n").unwrap();
        store::save(&repository.file(), &store::bundled().unwrap()).unwrap();
        repository.commit("base");
        repository
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    fn file(&self) -> PathBuf {
        self.path(FILE)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.folder.path())
            // The user's own settings stay out of it.
            .env("GIT_CONFIG_GLOBAL", self.path("no-global-config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Tester")
            .env("GIT_AUTHOR_EMAIL", "tester@example.org")
            .env("GIT_COMMITTER_NAME", "Tester")
            .env("GIT_COMMITTER_EMAIL", "tester@example.org")
            .env("LANG", "C")
            .output()
            .unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Changes the file on a branch (made from main if new) and commits it.
    fn change_on(&self, branch: &str, change: impl FnOnce(&mut Dossier)) {
        if self
            .run(&["rev-parse", "--verify", "-q", branch])
            .status
            .success()
        {
            self.git(&["checkout", "-q", branch]);
        } else {
            self.git(&["checkout", "-q", "-b", branch, "main"]);
        }
        let mut dossier = store::load(&self.file()).unwrap();
        change(&mut dossier);
        store::save(&self.file(), &dossier).unwrap();
        self.commit(&format!("change on {branch}"));
    }

    /// Merges `branch` into main.
    fn merge(&self, branch: &str) -> Output {
        self.git(&["checkout", "-q", "main"]);
        self.run(&["merge", "--no-edit", branch])
    }

    /// Merges `branch` into main, which must go without a conflict; the merged file.
    fn merged_cleanly(&self, branch: &str) -> Dossier {
        let output = self.merge(branch);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
        store::load(&self.file()).unwrap()
    }
}

fn money(text: &str) -> Cell {
    Cell::new(CellValue::Money(Money::parse(text).unwrap()))
}

fn set_cell(dossier: &mut Dossier, row: usize, column: usize, cell: Cell) {
    let table = &dossier.budget_tables[0];
    Edit::SetCell {
        table: table.id,
        row: table.rows[row].id,
        column: table.columns[column].id,
        cell,
    }
    .apply(dossier)
    .unwrap();
}

fn cell(dossier: &Dossier, row: usize, column: usize) -> &Cell {
    &dossier.budget_tables[0].rows[row].cells[column]
}

fn shows(
    harness: &egui_kittest::Harness<'static, dossier_workbench::ui::app::WorkbenchApp>,
    text: &str,
) -> bool {
    harness.query_by_label_contains(text).is_some()
}

fn check(file: &Path) {
    let output = Command::new(PROGRAM).arg("check").arg(file).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn two_cells_of_one_row_changed_on_two_branches_merge_cleanly() {
    let repository = Repository::new();
    repository.change_on("theirs", |d| set_cell(d, 0, 3, money("1")));
    repository.change_on("main", |d| set_cell(d, 0, 2, money("659219.13")));
    let merged = repository.merged_cleanly("theirs");
    assert_eq!(*cell(&merged, 0, 2), money("659219.13"));
    assert_eq!(*cell(&merged, 0, 3), money("1"));
    assert!(merged.conflicts.is_empty());
    check(&repository.file());
    // git diff speaks of the merge in words, through the diff command.
    let said = repository.git(&["diff", "HEAD~2", "HEAD", "--", FILE]);
    assert!(
        said.contains("AMIF-projecten › 320 › AMIF-middelen in euro: 659.219,12 → 659.219,13")
            && said.contains("AMIF-projecten › 320 › Vlaamse cofinanciering in euro: 219.739,72 → 1,00"),
        "{said}"
    );
}

#[test]
fn questions_added_at_one_place_on_two_branches_are_both_kept() {
    let repository = Repository::new();
    repository.change_on("theirs", |d| {
        add_question(d, 902, "Hun vraag");
    });
    repository.change_on("main", |d| {
        add_question(d, 901, "Onze vraag");
    });
    let merged = repository.merged_cleanly("theirs");
    let titles: Vec<&str> = merged
        .questions
        .iter()
        .filter_map(|q| q.title.as_deref())
        .collect();
    assert!(titles.ends_with(&["Onze vraag", "Hun vraag"]), "{titles:?}");
    assert_eq!(
        merged.questions.len(),
        store::bundled().unwrap().questions.len() + 2
    );
    check(&repository.file());
}

#[test]
fn one_cell_changed_two_ways_is_one_conflict_the_window_settles() {
    let repository = Repository::new();
    repository.change_on("feature", |d| set_cell(d, 0, 2, money("2")));
    repository.change_on("main", |d| set_cell(d, 0, 2, money("1.50")));
    let output = repository.merge("feature");
    assert!(!output.status.success(), "a conflict stops the merge");
    let merged = store::load(&repository.file()).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].theirs.from, "feature");
    check(&repository.file());

    // The window opens on the conflict; the user takes theirs and saves.
    let mut window = harness_with(Some(repository.file()), Vec::new());
    assert_shows(
        &window,
        &[
            "Conflicts (1)",
            "AMIF-projecten › 320 › AMIF-middelen in euro",
            "feature",
        ],
        "the conflicts",
    );
    assert_shows(
        &window,
        &["1,50", "2,00", "659.219,12"],
        "both sides and the base",
    );
    let uses = window.get_all_by_label("Use").collect::<Vec<_>>();
    assert_eq!(uses.len(), 2, "one button for each side");
    uses[1].click();
    window.run();
    assert_eq!(*cell(window.state().document().dossier(), 0, 2), money("2"));
    assert_shows(&window, &["No conflicts are left."], "after settling");
    press(&mut window, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        window.state().document().dossier().conflicts.len(),
        1,
        "undo brings it back"
    );
    press(&mut window, Modifiers::COMMAND, Key::Y);
    press(&mut window, Modifiers::COMMAND, Key::S);
    drop(window);

    let saved = store::load(&repository.file()).unwrap();
    assert!(saved.conflicts.is_empty());
    assert_eq!(*cell(&saved, 0, 2), money("2"));
    check(&repository.file());
    repository.commit("merged");
    assert!(repository.git(&["status", "--porcelain"]).trim().is_empty());
}

#[test]
fn saving_with_conflicts_left_says_how_many() {
    let repository = Repository::new();
    repository.change_on("feature", |d| {
        set_cell(d, 0, 2, money("2"));
        set_cell(d, 1, 2, money("3"));
    });
    repository.change_on("main", |d| {
        set_cell(d, 0, 2, money("1.50"));
        set_cell(d, 1, 2, money("4"));
    });
    assert!(!repository.merge("feature").status.success());
    let mut window = harness_with(Some(repository.file()), Vec::new());
    window.get_all_by_label("Use").next().unwrap().click();
    window.run();
    press(&mut window, Modifiers::COMMAND, Key::S);
    assert!(
        shows(&window, "1 conflicts are still in it"),
        "the status bar says what is left"
    );
    assert_eq!(store::load(&repository.file()).unwrap().conflicts.len(), 1);
}

#[test]
fn the_history_lists_the_commits_and_opens_one_read_only() {
    let repository = Repository::new();
    repository.change_on("main", |d| d.title = "Tweede versie".into());
    let history = dossier_workbench::git::history(&repository.file()).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].subject, "change on main");
    let old = dossier_workbench::git::file_at(&repository.file(), &history[1].commit).unwrap();
    assert_eq!(
        store::load_bytes(&old, "old").unwrap().title,
        store::bundled().unwrap().title
    );

    let mut window = harness_with(Some(repository.file()), Vec::new());
    window.get_by_label("File").click();
    window.run();
    window.get_by_label("History…").click();
    window.run();
    assert_shows(&window, &["change on main", "base", "Tester"], "the history");
    window.get_all_by_label("Compare").nth(1).unwrap().click();
    window.run();
    assert!(
        shows(&window, "title: Integratiepact → Tweede versie"),
        "the comparison"
    );
    window.get_all_by_label("Open read-only").nth(1).unwrap().click();
    window.run();
    assert!(
        window.state().window_title().contains("(read-only)"),
        "{}",
        window.state().window_title()
    );
    assert_eq!(
        window.state().document().dossier().title,
        store::bundled().unwrap().title
    );
}

#[test]
fn a_folder_without_git_has_no_history_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "los.dossier.json", "Los");
    let error = dossier_workbench::git::history(&file).unwrap_err();
    assert!(error.to_string().contains("not in a git repository"), "{error}");
}

#[test]
fn a_conflict_whose_part_is_gone_is_dismissed_and_comes_back_with_undo() {
    let base = store::bundled().unwrap();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set_cell(&mut ours, 0, 2, money("1.50"));
    set_cell(&mut theirs, 0, 2, money("2"));
    let sides = dossier_workbench::model::merge::Sides {
        ours: "HEAD".into(),
        theirs: "feature".into(),
    };
    let mut merged = dossier_workbench::model::merge::merge(&base, &ours, &theirs, &sides)
        .unwrap()
        .dossier;
    // Someone removed the row by hand before opening the file.
    merged.budget_tables[0].rows.remove(0);
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("weg.dossier.json");
    store::save(&file, &merged).unwrap();

    let mut window = harness_with(Some(file), Vec::new());
    assert_shows(
        &window,
        &["It is no longer in the dossier: there is nothing left to choose."],
        "a conflict about a removed row",
    );
    assert!(window.query_by_label("Use").is_none(), "nothing to choose");
    window.get_by_label("Dismiss").click();
    window.run();
    assert!(window.state().document().dossier().conflicts.is_empty());
    press(&mut window, Modifiers::COMMAND, Key::Z);
    assert_eq!(window.state().document().dossier().conflicts.len(), 1);
}
