//! The macro that turns the table of words into [`super::Texts`], one value per language.

/// `strings`: `key: "English" / "Dutch",`. `lists`: `key: type = [..] / [..],`.
/// `templates`: `key(value, …): "… {value} …" / "…",`, each a method taking its values
/// by name, so a wrong count does not compile.
macro_rules! texts {
    (
        strings { $($key:ident: $en:literal / $nl:literal,)* }
        lists { $($list:ident: $ty:ty = $len:tt / $lnl:tt,)* }
        templates { $($template:ident($($arg:ident),*): $ten:literal / $tnl:literal,)* }
    ) => {
        /// Every word of the interface in one language.
        #[derive(Debug)]
        pub struct Texts {
            $(pub $key: &'static str,)*
            $(pub $list: $ty,)*
            templates: Templates,
        }

        /// Reached only through the methods, which fill in the values.
        #[derive(Debug)]
        struct Templates {
            $($template: &'static str,)*
        }

        // The values are only displayed; taking them by value lets a call pass a number
        // or a borrowed text alike.
        #[allow(clippy::needless_pass_by_value, clippy::too_many_arguments)]
        impl Texts {
            $(
                pub fn $template(&self, $($arg: impl std::fmt::Display),*) -> String {
                    super::render(
                        self.templates.$template,
                        &[$((stringify!($arg), &$arg as &dyn std::fmt::Display)),*],
                    )
                }
            )*
        }

        pub static ENGLISH: Texts = Texts {
            $($key: $en,)*
            $($list: $len,)*
            templates: Templates { $($template: $ten,)* },
        };

        pub static DUTCH: Texts = Texts {
            $($key: $nl,)*
            $($list: $lnl,)*
            templates: Templates { $($template: $tnl,)* },
        };

        /// Every string: its key, English and Dutch, for the completeness tests.
        #[cfg(test)]
        pub(super) const STRINGS: &[(&str, &str, &str)] = &[$((stringify!($key), $en, $nl)),*];

        /// Every template: its key, the names of its values, English and Dutch.
        #[cfg(test)]
        pub(super) const TEMPLATES: &[(&str, &[&str], &str, &str)] =
            &[$((stringify!($template), &[$(stringify!($arg)),*], $ten, $tnl)),*];
    };
}
