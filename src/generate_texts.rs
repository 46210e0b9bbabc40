//! Texts of any size and of the shapes that once made reading slow, to measure that the
//! reader of written questions stays linear in the text's size (`cargo bench`) and to
//! test the size of what it keeps. Made up; nothing here is a real question.

/// A text of about `size` bytes of one shape: (its name, the text).
pub fn texts(size: usize) -> Vec<(&'static str, String)> {
    let header = "SCHRIFTELIJKE VRAAG\nnr. 1\nvan ANNA PEETERS\ndatum: 3 maart 2023\naan JAN JANSSENS\nVLAAMS MINISTER VAN WERK\nWerk - Cijfers\nInleiding van de vraag.\n1. Welke cijfers?\n2. Welke data?\nJAN JANSSENS\nVLAAMS MINISTER VAN WERK\nANTWOORD\nop vraag nr. 1 van 3 maart 2023\nvan ANNA PEETERS\n1. ";
    let fill = |unit: &dyn Fn(usize) -> String| {
        let mut text = String::with_capacity(size + 256);
        text.push_str(header);
        let mut index = 0;
        while text.len() < size {
            text.push_str(&unit(index));
            index += 1;
        }
        text
    };
    vec![
        (
            "dated lines without full stops",
            fill(&|i| {
                format!(
                    "op {}/{}/20{:02} werd het dossier besproken in de commissie\n",
                    i % 28 + 1,
                    i % 12 + 1,
                    i % 30
                )
            }),
        ),
        (
            "one line of repeated citations",
            fill(&|i| format!("vraag nr. {} van 7 augustus 2017, ", i % 900 + 1)),
        ),
        (
            "numbered items",
            fill(&|i| format!("{}. Een antwoord op deel {i}.\n", i + 3)),
        ),
        (
            "rows of a table",
            fill(&|i| {
                format!(
                    "{} Project nummer {i} 1.234,{:02} 2.345,67\n",
                    i % 900 + 100,
                    i % 100
                )
            }),
        ),
        ("one cell to a line", fill(&|i| format!("{}\n", i % 5000))),
        ("prose on one line", fill(&|i| format!("woord{} ", i % 97))),
        (
            "split amounts",
            fill(&|i| format!("{}. 551.323,{:02} ", i % 9 + 1, i % 100)),
        ),
    ]
}
