//! The words of long work off the frame, in both languages: what is being done, how far
//! it is, and what stopping it left. The window reaches them as `texts.work`.

texts! {
    strings {
        cancel: "Cancel" / "Annuleren",
        stopping: "Stopping…" / "Bezig met stoppen…",
        table_gone: "the table is no longer in the dossier" / "de tabel staat niet meer in het dossier",
        failed: "The work stopped on an error in the program; nothing was changed."
            / "Het werk stopte op een fout in het programma; er werd niets gewijzigd.",
    }
    lists {}
    templates {
        opening(name): "Opening {name}…" / "{name} openen…",
        saving(name): "Saving {name}…" / "{name} opslaan…",
        importing(name): "Reading {name}…" / "{name} lezen…",
        exporting(name): "Exporting {name}…" / "{name} exporteren…",
        comparing(name): "Comparing with {name}…" / "Vergelijken met {name}…",
        compare_cancelled(name): "Comparing with {name} was cancelled." / "Het vergelijken met {name} werd geannuleerd.",
        working_out(count): "Working out the timeline of {count} questions…"
            / "De tijdlijn van {count} vragen wordt uitgerekend…",
        working_out_table(count): "Adding up {count} rows…" / "{count} rijen worden opgeteld…",
        open_cancelled(name): "Opening {name} was cancelled; the open dossier is as it was."
            / "Het openen van {name} werd geannuleerd; het open dossier is zoals het was.",
        save_cancelled(name): "Saving {name} was cancelled; the file is as it was, and your changes are still unsaved."
            / "Het opslaan van {name} werd geannuleerd; het bestand is zoals het was, en je wijzigingen zijn nog niet opgeslagen.",
        import_cancelled(name): "Reading {name} was cancelled." / "Het lezen van {name} werd geannuleerd.",
        export_cancelled(name): "Exporting {name} was cancelled; nothing was written."
            / "Het exporteren van {name} werd geannuleerd; er werd niets geschreven.",
    }
}
