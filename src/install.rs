//! `dossier-workbench install-desktop`: installs the program for the current user on a
//! Linux desktop, so that double-clicking a `*.dossier.json` file opens it in the app.
//!
//! Following the freedesktop.org standards, under `$XDG_DATA_HOME` (`~/.local/share`):
//! the program in `~/.local/bin`, the menu entry in `applications/`, the icon in every
//! size in `icons/hicolor/`, the file type in `mime/packages/`, and the app as the
//! type's default in `$XDG_CONFIG_HOME/mimeapps.list`. Nothing needs root.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The file type of a dossier.
pub const MIME_TYPE: &str = "application/x-dossier+json";
const DESKTOP_ID: &str = "dossier-workbench.desktop";
const DESKTOP_ENTRY: &str = include_str!("../assets/dossier-workbench.desktop");
const MIME_XML: &str = include_str!("../assets/dossier-workbench-mime.xml");
const ICONS: [(u32, &[u8]); 8] = [
    (16, include_bytes!("../assets/icons/dossier-workbench-16.png")),
    (24, include_bytes!("../assets/icons/dossier-workbench-24.png")),
    (32, include_bytes!("../assets/icons/dossier-workbench-32.png")),
    (48, include_bytes!("../assets/icons/dossier-workbench-48.png")),
    (64, include_bytes!("../assets/icons/dossier-workbench-64.png")),
    (128, include_bytes!("../assets/icons/dossier-workbench-128.png")),
    (256, include_bytes!("../assets/icons/dossier-workbench-256.png")),
    (512, include_bytes!("../assets/icons/dossier-workbench-512.png")),
];

#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("Installing needs a home folder: HOME is not set.")]
    NoHome,
    #[error("Could not find this program's own file: {0}")]
    OwnFile(io::Error),
    #[error("Could not write {path}: {source}")]
    Write { path: String, source: io::Error },
    #[error(
        "install-desktop is for Linux desktops. On Windows and macOS the installer built with cargo packager registers the icon and the file type (see the README)."
    )]
    NotLinux,
}

/// Where the files go, from the environment of the current user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Places {
    pub bin: PathBuf,
    pub data: PathBuf,
    pub config: PathBuf,
}

impl Places {
    pub fn of_current_user() -> Result<Places, InstallError> {
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
            .ok_or(InstallError::NoHome)?;
        let from_env = |name: &str, default: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map_or_else(|| home.join(default), PathBuf::from)
        };
        Ok(Places {
            bin: home.join(".local/bin"),
            data: from_env("XDG_DATA_HOME", ".local/share"),
            config: from_env("XDG_CONFIG_HOME", ".config"),
        })
    }

    pub fn program(&self) -> PathBuf {
        self.bin.join("dossier-workbench")
    }

    fn desktop_entry(&self) -> PathBuf {
        self.data.join("applications").join(DESKTOP_ID)
    }

    fn mime_package(&self) -> PathBuf {
        self.data.join("mime/packages/dossier-workbench.xml")
    }

    fn icon(&self, size: u32) -> PathBuf {
        self.data
            .join(format!("icons/hicolor/{size}x{size}/apps/dossier-workbench.png"))
    }

    fn mimeapps(&self) -> PathBuf {
        self.config.join("mimeapps.list")
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), InstallError> {
    let failed = |source| InstallError::Write {
        path: path.display().to_string(),
        source,
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(failed)?;
    }
    crate::store::atomic::write_atomically(path, bytes).map_err(|(_, source)| failed(source))
}

/// The menu entry, starting the installed program by its full path (so it works
/// whether or not `~/.local/bin` is on the PATH).
pub fn desktop_entry_for(program: &Path) -> String {
    let path = program.display().to_string();
    // Quoted only when it must be: xdg-open's own reader of `Exec=` takes no quotes.
    let plain = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c));
    let exec = if plain {
        path
    } else {
        let escaped = path
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('`', "\\`")
            .replace('$', "\\$");
        format!("\"{escaped}\"")
    };
    DESKTOP_ENTRY.replace("Exec=dossier-workbench %f", &format!("Exec={exec} %f"))
}

/// `mimeapps.list` with the app as the default for dossiers, the rest kept as it was.
pub fn with_default_app(list: &str, set: bool) -> String {
    let entry = format!("{MIME_TYPE}={DESKTOP_ID};");
    let mut out = String::new();
    let mut in_defaults = false;
    let mut placed = false;
    for line in list.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            if in_defaults && set && !placed {
                // At the end of the section, before the blank line that closes it.
                let blank = out.ends_with("\n\n");
                if blank {
                    out.pop();
                }
                out.push_str(&entry);
                out.push('\n');
                if blank {
                    out.push('\n');
                }
                placed = true;
            }
            in_defaults = trimmed == "[Default Applications]";
        }
        if in_defaults && trimmed.starts_with(&format!("{MIME_TYPE}=")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    if set && !placed {
        if !in_defaults {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str("[Default Applications]\n");
        }
        out.push_str(&entry);
        out.push('\n');
    }
    out
}

/// Runs a desktop tool if it is there; says what happened, for the report.
fn refresh(report: &mut String, program: &str, args: &[&Path]) {
    let outcome = Command::new(program).args(args).output();
    let _ = match outcome {
        Ok(output) if output.status.success() => writeln!(report, "  ran {program}"),
        Ok(output) => writeln!(
            report,
            "  {program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Err(_) => writeln!(
            report,
            "  {program} is not installed; the desktop reads the files at its next start"
        ),
    };
}

/// Installs into `places`, copying `program` (this program's own file). Returns what
/// was done, in words.
pub fn install_into(places: &Places, program: &Path) -> Result<String, InstallError> {
    let mut report = String::from("Installed for the current user:\n");
    let target = places.program();
    let same = std::fs::canonicalize(program).ok() == std::fs::canonicalize(&target).ok();
    if !same {
        let bytes = std::fs::read(program).map_err(InstallError::OwnFile)?;
        write(&target, &bytes)?;
        set_executable(&target)?;
    }
    let _ = writeln!(report, "  the program: {}", target.display());
    write(&places.desktop_entry(), desktop_entry_for(&target).as_bytes())?;
    let _ = writeln!(report, "  the menu entry: {}", places.desktop_entry().display());
    for (size, png) in ICONS {
        write(&places.icon(size), png)?;
    }
    let _ = writeln!(
        report,
        "  the icon in {} sizes: {}",
        ICONS.len(),
        places.data.join("icons/hicolor").display()
    );
    write(&places.mime_package(), MIME_XML.as_bytes())?;
    let _ = writeln!(
        report,
        "  the file type {MIME_TYPE} (*.dossier.json): {}",
        places.mime_package().display()
    );
    let list = std::fs::read_to_string(places.mimeapps()).unwrap_or_default();
    write(&places.mimeapps(), with_default_app(&list, true).as_bytes())?;
    let _ = writeln!(
        report,
        "  the app as the default for it: {}",
        places.mimeapps().display()
    );
    refresh(&mut report, "update-mime-database", &[&places.data.join("mime")]);
    refresh(
        &mut report,
        "update-desktop-database",
        &[&places.data.join("applications")],
    );
    let on_path = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|folder| folder == places.bin));
    if !on_path {
        let _ = writeln!(
            report,
            "{} is not on your PATH: double-clicking works, but to start it by name in a terminal add it.",
            places.bin.display()
        );
    }
    Ok(report)
}

/// Removes what [`install_into`] installed.
pub fn uninstall_from(places: &Places) -> Result<String, InstallError> {
    let mut report = String::from("Removed for the current user:\n");
    let mut paths = vec![places.program(), places.desktop_entry(), places.mime_package()];
    paths.extend(ICONS.iter().map(|(size, _)| places.icon(*size)));
    for path in paths {
        if std::fs::remove_file(&path).is_ok() {
            let _ = writeln!(report, "  {}", path.display());
        }
    }
    if let Ok(list) = std::fs::read_to_string(places.mimeapps()) {
        write(&places.mimeapps(), with_default_app(&list, false).as_bytes())?;
    }
    refresh(&mut report, "update-mime-database", &[&places.data.join("mime")]);
    refresh(
        &mut report,
        "update-desktop-database",
        &[&places.data.join("applications")],
    );
    Ok(report)
}

#[cfg(unix)]
fn set_executable(path: &Path) -> Result<(), InstallError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(|source| {
        InstallError::Write {
            path: path.display().to_string(),
            source,
        }
    })
}

#[cfg(not(unix))]
fn set_executable(_path: &Path) -> Result<(), InstallError> {
    Ok(())
}

/// `install-desktop`: this program, for the current user.
pub fn install() -> Result<String, InstallError> {
    if !cfg!(target_os = "linux") {
        return Err(InstallError::NotLinux);
    }
    let program = std::env::current_exe().map_err(InstallError::OwnFile)?;
    install_into(&Places::of_current_user()?, &program)
}

/// `install-desktop --uninstall`.
pub fn uninstall() -> Result<String, InstallError> {
    if !cfg!(target_os = "linux") {
        return Err(InstallError::NotLinux);
    }
    uninstall_from(&Places::of_current_user()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_set_once_and_other_entries_are_kept() {
        let list = "[Default Applications]\ntext/plain=gedit.desktop;\napplication/x-dossier+json=old.desktop;\n\n[Added Associations]\nimage/png=eog.desktop;\n";
        let set = with_default_app(list, true);
        assert_eq!(
            set,
            "[Default Applications]\ntext/plain=gedit.desktop;\napplication/x-dossier+json=dossier-workbench.desktop;\n\n[Added Associations]\nimage/png=eog.desktop;\n"
        );
        assert_eq!(
            with_default_app(&set, true),
            set,
            "installing twice changes nothing"
        );
        let removed = with_default_app(&set, false);
        assert!(!removed.contains(MIME_TYPE) && removed.contains("text/plain=gedit.desktop;"));
        assert_eq!(
            with_default_app("", true),
            "[Default Applications]\napplication/x-dossier+json=dossier-workbench.desktop;\n"
        );
        assert_eq!(
            with_default_app("[Added Associations]\nimage/png=eog.desktop;\n", true),
            "[Added Associations]\nimage/png=eog.desktop;\n\n[Default Applications]\napplication/x-dossier+json=dossier-workbench.desktop;\n"
        );
    }

    #[test]
    fn the_program_s_path_is_quoted_only_when_it_must_be() {
        let plain = desktop_entry_for(Path::new("/home/an/.local/bin/dossier-workbench"));
        assert!(
            plain.contains("\nExec=/home/an/.local/bin/dossier-workbench %f\n"),
            "{plain}"
        );
        let spaced = desktop_entry_for(Path::new("/home/An Peeters/.local/bin/dossier-workbench"));
        assert!(
            spaced.contains("\nExec=\"/home/An Peeters/.local/bin/dossier-workbench\" %f\n"),
            "{spaced}"
        );
    }

    #[test]
    fn install_writes_every_file_and_uninstall_removes_them() {
        let home = tempfile::tempdir().unwrap();
        let places = Places {
            bin: home.path().join(".local/bin"),
            data: home.path().join(".local/share"),
            config: home.path().join(".config"),
        };
        let program = home.path().join("built-program");
        std::fs::write(&program, b"\x7fELF pretend").unwrap();
        install_into(&places, &program).unwrap();
        assert_eq!(std::fs::read(places.program()).unwrap(), b"\x7fELF pretend");
        let entry = std::fs::read_to_string(places.desktop_entry()).unwrap();
        assert!(
            entry.contains(&format!("Exec={} %f", places.program().display())),
            "{entry}"
        );
        assert!(entry.contains("MimeType=application/x-dossier+json;"));
        for (size, png) in ICONS {
            assert_eq!(std::fs::read(places.icon(size)).unwrap(), png);
        }
        assert!(
            std::fs::read_to_string(places.mime_package())
                .unwrap()
                .contains("*.dossier.json")
        );
        assert!(
            std::fs::read_to_string(places.mimeapps())
                .unwrap()
                .contains("application/x-dossier+json=dossier-workbench.desktop;")
        );
        uninstall_from(&places).unwrap();
        assert!(!places.program().exists() && !places.desktop_entry().exists() && !places.icon(48).exists());
        assert!(
            !std::fs::read_to_string(places.mimeapps())
                .unwrap()
                .contains(MIME_TYPE)
        );
    }
}
