use super::*;

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

#[test]
fn cells_over_lines_are_joined_and_broken_words_mended() {
    let cells = cells_of(
        [
            "Jaar",
            "Aantal projecten",
            "provincie",
            "Toegekend",
            "e steun",
            "Percentage",
        ]
        .iter()
        .enumerate()
        .map(|(i, l)| (i, *l)),
    );
    let texts: Vec<&str> = cells.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Jaar",
            "Aantal projecten provincie",
            "Toegekende steun",
            "Percentage"
        ]
    );
}

#[test]
fn rows_keyed_by_year_are_found_one_cell_to_a_line() {
    let text = "De cijfers per jaar:\nJaar\nAantal\nBedrag\n2019\n12\n€\n12.500\n2020\n \n€ 8.000,50\nEindtotaal\n12\n€ 20.500,50";
    let grids = find_grids(&lines(text));
    let [grid] = grids.as_slice() else {
        panic!("{grids:?}")
    };
    assert_eq!(grid.key, Key::Year);
    assert_eq!(grid.header_cells, ["Jaar", "Aantal", "Bedrag"]);
    assert_eq!(grid.rows.len(), 2);
    assert_eq!(
        grid.rows[1].values[0], None,
        "a line holding a space is an empty cell"
    );
    assert_eq!(
        grid.rows[0].values[1].as_ref().map(|p| p.euro),
        Some(true),
        "the € on its own line"
    );
    assert!(grid.total.is_some());
}

#[test]
fn prose_is_never_a_row() {
    let text = "Het budget bedroeg in totaal voor alle projecten samen en voor de hele looptijd van het programma, zoals in de vorige vraag gezegd werd, 12.000,00\nDat is veel. Het jaar daarna 8.000,00\nKort";
    assert!(find_grids(&lines(text)).is_empty());
}
